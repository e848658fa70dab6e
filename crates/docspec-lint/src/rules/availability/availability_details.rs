use crate::vocabulary::{OFFERINGS, STATUSES};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Availability, AvailabilityForm, AvailabilityLine, TextRange};

/// ## What it does
/// Checks availability details (`DETAILS:` blocks and `{{< details >}}` lists): the
/// lines are `Tier`, `Offering` and `Status`, each once, in any order (the guide's own
/// example puts `Offering` first); the tier is one
/// of `Free, Premium, Ultimate`, `Premium, Ultimate`, `Ultimate` (or an add-on form
/// with `with GitLab Duo ...`); the offering is a comma-separated selection of
/// `GitLab.com`, `GitLab Self-Managed`, `GitLab Dedicated` in that order, without
/// "and"; the status is `Beta`, `Experiment` or `Limited availability`.
///
/// ## Why is this bad?
/// The docs site renders these lines as badges and GitLab's own CI rejects other
/// spellings (Vale `Badges-Tiers`, `Badges-Offerings`). A wrong word or order of words shows a
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
#[rule(code = "AV002", name = "availability-details", category = Availability, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_docs.Badges-Tiers, gitlab_docs.Badges-Offerings")]
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
    let mut seen: Vec<&str> = Vec::new();
    for line in &details.lines {
        let key = line.key.value.as_str();
        let (value, value_range) = colon_outside_bold(ctx, line, out);
        if !KEYS.contains(&key) {
            let help = if key.eq_ignore_ascii_case("add-on") {
                "name the add-on in the tier line with `with`, for example `Premium with GitLab Duo Pro, Ultimate with GitLab Duo Pro or Enterprise`"
            } else {
                "use `Tier`, `Offering` and `Status` (capitalized)"
            };
            out.push(
                ctx.report(meta, line.key.range, format!("`{key}` is not an availability line"))
                    .with_help(help),
            );
            continue;
        }
        // The lines may come in any order: the guide's own example puts `Offering` first.
        if seen.contains(&key) {
            out.push(
                ctx.report(meta, line.range, format!("`{key}` is given twice"))
                    .with_help("keep one line"),
            );
        }
        seen.push(key);
        match key {
            "Tier" if !TIER_VALUES.contains(&value) => out.push(
                ctx.report(meta, value_range, format!("tier `{value}`"))
                    .with_help("write `Free, Premium, Ultimate`, `Premium, Ultimate` or `Ultimate`"),
            ),
            "Offering" => {
                if let Some(fixed) = offering(value).filter(|f| f != value) {
                    let fix = (!fixed.is_empty())
                        .then(|| {
                            Fix::safe(
                                format!("Write `{fixed}`"),
                                vec![Edit::replacement(value_range, fixed.clone())],
                            )
                        })
                        .flatten();
                    let help = if fixed.is_empty() {
                        "use `GitLab.com`, `GitLab Self-Managed` and `GitLab Dedicated`, in this order, separated by commas".to_string()
                    } else {
                        format!("write `{fixed}`")
                    };
                    out.push(
                        ctx.report(meta, value_range, format!("offering `{value}`"))
                            .with_help(help)
                            .with_fix(fix),
                    );
                }
            }
            "Status" if !STATUSES.contains(&value) => out.push(
                ctx.report(meta, value_range, format!("status `{value}`"))
                    .with_help("write `Beta`, `Experiment` or `Limited availability`"),
            ),
            _ => {}
        }
    }
}

/// `**Tier**: Free`: the colon after the bold key, where the docs site does not read it.
/// Reports it (the fix moves the colon into the bold) and gives the value without it.
fn colon_outside_bold<'a>(
    ctx: &LintContext<'a>,
    line: &'a AvailabilityLine,
    out: &mut Vec<Diagnostic>,
) -> (&'a str, TextRange) {
    let value = line.value.value.as_str();
    let Some(rest) = value.strip_prefix(':') else {
        return (value, line.value.range);
    };
    let meta = &<AvailabilityDetails as RuleMeta>::META;
    let colon = TextRange::new(line.value.range.start(), line.value.range.start() + 1);
    let key = line.key.range;
    let bold = ctx.text(key).ends_with("**") && ctx.text(colon) == ":";
    let fix = bold
        .then(|| {
            Fix::safe(
                "Move the colon into the bold",
                vec![Edit::insertion(key.end() - 2, ":"), Edit::deletion(colon)],
            )
        })
        .flatten();
    out.push(
        ctx.report(
            meta,
            TextRange::new(key.start(), colon.end()),
            format!("the colon of `{}` is outside the bold", line.key.value),
        )
        .with_help(format!("write `**{}:**`", line.key.value))
        .with_fix(fix),
    );
    let trimmed = rest.trim_start();
    let start = line.value.range.end() - trimmed.len().min(line.value.range.len());
    (trimmed, TextRange::new(start, line.value.range.end()))
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
