use super::shared::histories;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{AvailabilityForm, Page};

/// ## What it does
/// Checks that a section's history comes after its availability details (`DETAILS:`
/// with its `**Tier:**` lines, or `{{< details >}}`), not before them. History and
/// details are compared within the same heading's section.
///
/// ## Why is this bad?
/// The docs site shows tier, offering and status first, then the history; GitLab's Vale
/// rule `HistoryItemsOrder` rejects a history followed by `DETAILS` (an error in their
/// CI). Pages that put the history first render the badges in the wrong place.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1.
///
/// DETAILS:
/// **Tier:** Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed, GitLab Dedicated
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// DETAILS:
/// **Tier:** Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed, GitLab Dedicated
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1.
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI006", name = "history-order", category = History, severity = Error, fix = None, since = "0.1.0", vale = "gitlab_docs.HistoryItemsOrder")]
pub struct HistoryOrder;

/// The index of the heading whose section holds `offset` (`None` before the first).
fn section_of(page: &Page, offset: usize) -> Option<usize> {
    page.headings.iter().rposition(|h| h.range.start() <= offset)
}

impl Check for HistoryOrder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        let details: Vec<_> = page
            .all_availability()
            .filter(|a| a.form != AvailabilityForm::Badge)
            .collect();
        for history in histories(page) {
            let section = section_of(page, history.range.start());
            let Some(after) = details
                .iter()
                .filter(|a| a.range.start() > history.range.start() && section_of(page, a.range.start()) == section)
                .min_by_key(|a| a.range.start())
            else {
                continue;
            };
            let lines = ctx.source.lines();
            let first_line = lines.line_range(ctx.source.text(), lines.line_of(history.range.start()));
            let details_line = lines.line_of(after.range.start()) + 1;
            let written = match after.form {
                AvailabilityForm::Shortcode => "{{< details >}}",
                _ => "DETAILS:",
            };
            out.push(
                ctx.report(
                    &Self::META,
                    first_line,
                    format!("the history comes before the availability details on line {details_line}"),
                )
                .with_help(format!(
                    "move the `{written}` block above the history: tier, offering and status come first"
                )),
            );
        }
    }
}
