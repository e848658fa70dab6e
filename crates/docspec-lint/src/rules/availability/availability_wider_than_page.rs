use crate::vocabulary::{OFFERINGS, TIERS};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::{Availability, AvailabilityForm, AvailabilityLine};

/// ## What it does
/// Compares the availability details of each section with the page's (under its title):
/// reports a section whose tier starts lower than the page's (`Free, Premium, Ultimate`
/// under a page's `Premium, Ultimate`) or that lists an offering the page does not. The
/// status is left alone: a section without one inherits the page's.
///
/// ## Why is this bad?
/// "The H1 availability details should be the details that apply to the widest
/// availability." A page that says `GitLab Self-Managed` while one of its methods also
/// works on `GitLab.com` tells GitLab.com users the whole API is not for them.
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// DETAILS:
/// **Tier:** Premium, Ultimate
/// **Offering:** GitLab Self-Managed
///
/// ## List widgets
///
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed
///
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "AV005", name = "availability-wider-than-page", category = Availability, severity = Warning, fix = None, since = "0.2.0")]
pub struct AvailabilityWiderThanPage;

impl Check for AvailabilityWiderThanPage {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        let Some(top) = page.availability.iter().find(|a| is_details(a)) else {
            return;
        };
        let top_tier = top.get("Tier").and_then(|l| lowest_tier(l).map(|t| (l, t)));
        let top_offerings = top.get("Offering").and_then(|l| offerings(l).map(|o| (l, o)));
        let mut sections: Vec<&Availability> = page
            .all_availability()
            .filter(|a| is_details(a) && !std::ptr::eq(*a, top) && a.range.start() > top.range.start())
            .collect();
        sections.sort_by_key(|a| a.range.start());
        for details in sections {
            if let (Some((page_line, page_tier)), Some(line)) = (top_tier, details.get("Tier")) {
                if lowest_tier(line).is_some_and(|tier| tier < page_tier) {
                    out.push(
                        ctx.report(
                            &Self::META,
                            line.value.range,
                            format!(
                                "this section's tier `{}` starts lower than the page's `{}`",
                                line.value.value, page_line.value.value
                            ),
                        )
                        .with_secondary(Label::with_message(page_line.value.range, "the page's tier"))
                        .with_help("widen the page's details: the ones under the title are the widest that apply"),
                    );
                }
            }
            if let (Some((page_line, page_offerings)), Some(line)) = (&top_offerings, details.get("Offering")) {
                let Some(own) = offerings(line) else { continue };
                let extra: Vec<&str> = own.into_iter().filter(|o| !page_offerings.contains(o)).collect();
                if !extra.is_empty() {
                    out.push(
                        ctx.report(
                            &Self::META,
                            line.value.range,
                            format!(
                                "this section lists `{}`, which the page's offering does not",
                                extra.join("`, `")
                            ),
                        )
                        .with_secondary(Label::with_message(page_line.value.range, "the page's offering"))
                        .with_help("widen the page's details: the ones under the title are the widest that apply"),
                    );
                }
            }
        }
    }
}

/// `DETAILS:` blocks and `{{< details >}}` lists; older badges say too little to compare.
fn is_details(availability: &Availability) -> bool {
    availability.form != AvailabilityForm::Badge
}

/// The lowest tier a tier line names: 0 for Free, 1 for Premium, 2 for Ultimate (add-on
/// lines too: `Premium with GitLab Duo Pro, ...` starts at Premium).
fn lowest_tier(line: &AvailabilityLine) -> Option<usize> {
    line.value
        .value
        .split([',', ' '])
        .find_map(|word| TIERS.iter().position(|t| *t == word))
}

/// The offerings of an offering line, when every one is spelled as the guide spells it.
fn offerings(line: &AvailabilityLine) -> Option<Vec<&'static str>> {
    line.value
        .value
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| OFFERINGS.iter().copied().find(|o| *o == w))
        .collect()
}
