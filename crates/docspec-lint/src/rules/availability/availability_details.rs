use crate::vocabulary::{OFFERINGS, STATUSES};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Availability, AvailabilityForm};

/// ## What it does
/// Checks availability details (`DETAILS:` blocks and `{{< details >}}` lists): the
/// lines are `Tier`, `Offering` and `Status`, in that order, each once; the tier is one
/// of `Free, Premium, Ultimate`, `Premium, Ultimate`, `Ultimate` (or an add-on form
/// with `with GitLab Duo ...`); the offering is a comma-separated selection of
/// `GitLab.com`, `GitLab Self-Managed`, `GitLab Dedicated` in that order, without
/// "and"; the status is `Beta`, `Experiment` or `Limited availability`.
///
/// ## Why is this bad?
/// The docs site renders these lines as badges and GitLab's own CI rejects other
/// spellings (Vale `Badges-Tiers`, `Badges-Offerings`). A wrong order or word shows a
/// wrong badge, or none.
///
/// ## Example
/// ```markdown
/// DETAILS:
/// **Tier:** Premium, Free
/// **Offering:** Self-managed and GitLab.com
/// ```
///
/// Use instead:
/// ```markdown
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed
/// ```
///
/// ## Fix safety
/// An offering line whose words are all known is rewritten in the fixed order and
/// spelling; the offerings stay the same. Tier lines are not fixed: a tier list names
/// the lowest tier and all above it, and guessing which was meant could change it.
#[derive(RuleMeta)]
#[rule(code = "AV002", name = "availability-details", category = Availability, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct AvailabilityDetails;

const TIER_VALUES: &[&str] = &[
    "Free, Premium, Ultimate",
    "Premium, Ultimate",
    "Ultimate",
    "Premium with GitLab Duo Pro, Ultimate with GitLab Duo Pro or Enterprise",
    "Ultimate with GitLab Duo Pro or Enterprise",
    "Ultimate with GitLab Duo Enterprise",
];
const KEYS: &[&str] = &["Tier", "Offering", "Status"];

impl Check for AvailabilityDetails {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        let mut all: Vec<_> = page.all_availability().collect();
        all.sort_by_key(|a| a.range.start());
        for details in all.into_iter().filter(|a| a.form != AvailabilityForm::Badge) {
            check_details(self, ctx, details, out);
        }
    }
}

fn check_details(
    _rule: &AvailabilityDetails,
    ctx: &LintContext<'_>,
    details: &Availability,
    out: &mut Vec<Diagnostic>,
) {
    let meta = &<AvailabilityDetails as RuleMeta>::META;
    let mut last_key = 0;
    let mut seen: Vec<&str> = Vec::new();
    for line in &details.lines {
        let key = line.key.value.as_str();
        let value = line.value.value.as_str();
        let Some(position) = KEYS.iter().position(|k| *k == key) else {
            out.push(
                ctx.report(meta, line.key.range, format!("`{key}` is not an availability line"))
                    .with_help("use `Tier`, `Offering` and `Status` (capitalized)"),
            );
            continue;
        };
        if seen.contains(&key) {
            out.push(
                ctx.report(meta, line.range, format!("`{key}` is given twice"))
                    .with_help("keep one line"),
            );
        } else if position < last_key {
            out.push(
                ctx.report(meta, line.range, format!("`{key}` comes after `{}`", KEYS[last_key]))
                    .with_help("order the lines `Tier`, `Offering`, `Status`"),
            );
        }
        seen.push(key);
        last_key = last_key.max(position);
        match key {
            "Tier" if !TIER_VALUES.contains(&value) => out.push(
                ctx.report(meta, line.value.range, format!("tier `{value}`"))
                    .with_help("write `Free, Premium, Ultimate`, `Premium, Ultimate` or `Ultimate`"),
            ),
            "Offering" => {
                if let Some(fixed) = offering(value).filter(|f| f != value) {
                    let fix = (!fixed.is_empty())
                        .then(|| {
                            Fix::safe(
                                format!("Write `{fixed}`"),
                                vec![Edit::replacement(line.value.range, fixed.clone())],
                            )
                        })
                        .flatten();
                    let help = if fixed.is_empty() {
                        "use `GitLab.com`, `GitLab Self-Managed` and `GitLab Dedicated`, in this order, separated by commas".to_string()
                    } else {
                        format!("write `{fixed}`")
                    };
                    out.push(
                        ctx.report(meta, line.value.range, format!("offering `{value}`"))
                            .with_help(help)
                            .with_fix(fix),
                    );
                }
            }
            "Status" if !STATUSES.contains(&value) => out.push(
                ctx.report(meta, line.value.range, format!("status `{value}`"))
                    .with_help("write `Beta`, `Experiment` or `Limited availability`"),
            ),
            _ => {}
        }
    }
}

/// The canonical offering line for `value`: `Some("")` when a word is unknown.
fn offering(value: &str) -> Option<String> {
    let mut found: Vec<&str> = Vec::new();
    for word in value
        .split(',')
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let canonical = match word.to_ascii_lowercase().as_str() {
            "gitlab.com" | "saas" | "gitlab saas" => "GitLab.com",
            "gitlab self-managed" | "self-managed" | "self managed" => "GitLab Self-Managed",
            "gitlab dedicated" | "dedicated" => "GitLab Dedicated",
            _ => return Some(String::new()),
        };
        if !found.contains(&canonical) {
            found.push(canonical);
        }
    }
    found.sort_by_key(|o| OFFERINGS.iter().position(|x| x == o));
    Some(found.join(", "))
}
