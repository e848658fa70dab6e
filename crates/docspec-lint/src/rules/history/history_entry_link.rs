use super::shared::histories;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{inlines_range, walk_inlines, Inline};

/// ## What it does
/// Reports a history entry that links no issue, merge request or epic (a web link that
/// is not the pricing page). It is a recommendation, so the rule is info by default:
/// an entry can have no public issue to link.
///
/// ## Why is this bad?
/// "If possible, include a link to the related issue. If there is no related issue,
/// link to a merge request, or epic." Readers follow the link to learn why something
/// changed. The guide also says "Do not link to confidential issues", so an entry
/// without a link can be right: raise the rule to `warning` in the configuration only
/// where every change has a public issue.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - Introduced in GitLab 16.1.
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
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1.
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI011", name = "history-entry-link", category = History, severity = Info, fix = None, since = "0.2.0")]
pub struct HistoryEntryLink;

impl Check for HistoryEntryLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for history in histories(ctx.page) {
            for entry in &history.entries {
                if entry.text.is_empty() || has_issue_link(&entry.inlines) {
                    continue;
                }
                let whole = inlines_range(&entry.inlines).unwrap_or(entry.range);
                let at = entry
                    .verb
                    .as_ref()
                    .filter(|v| whole.contains_range(v.range))
                    .map_or(whole, |v| v.range);
                out.push(
                    ctx.report(
                        &Self::META,
                        at,
                        "the history entry links no issue, merge request or epic (recommended)",
                    )
                    .with_help(
                        "the style guide recommends linking the verb to the issue, merge request or epic: \
                         `[introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/123)`",
                    ),
                );
            }
        }
    }
}

/// A link to an issue, merge request or epic: an absolute URL, not the pricing page.
fn has_issue_link(inlines: &[Inline]) -> bool {
    let mut found = false;
    walk_inlines(inlines, &mut |inline| {
        if let Inline::Link { dest, .. } = inline {
            let web = dest.starts_with("https://") || dest.starts_with("http://");
            if web && !dest.contains("about.gitlab.com/pricing") {
                found = true;
            }
        }
    });
    found
}
