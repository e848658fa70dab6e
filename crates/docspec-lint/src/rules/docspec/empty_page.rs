use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::ParseIssueKind;

/// ## What it does
/// Reports a page that holds nothing but whitespace.
///
/// ## Why is this bad?
/// An empty page in the API docs folder is usually a file created by mistake or a page
/// whose content was lost; either way readers find nothing there.
///
/// ## Example
/// ```markdown
///
/// ```
///
/// Use instead:
/// ```markdown
/// ---
/// title: Widgets API
/// ---
///
/// Use this API to manage widgets.
/// ```
#[derive(RuleMeta)]
#[rule(code = "DS004", name = "empty-page", category = Docspec, severity = Warning, fix = None, since = "0.1.0")]
pub struct EmptyPage;

impl Check for EmptyPage {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for issue in ctx.page.issues.iter().filter(|i| i.kind == ParseIssueKind::Empty) {
            out.push(
                ctx.report(&Self::META, issue.range, "the page is empty")
                    .with_help("write the page, or delete the file"),
            );
        }
    }
}
