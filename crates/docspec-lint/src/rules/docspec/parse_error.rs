use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::ParseIssueKind;

/// ## What it does
/// Reports what the parser could not read: front matter that is not valid YAML or is
/// never closed, and Hugo shortcodes opened without being closed (or the reverse).
///
/// ## Why is this bad?
/// The docs site fails to build or renders the page wrongly, and docspec cannot see the
/// parts of the page that follow.
///
/// ## Example
/// ````markdown
/// ---
/// title: [Widgets API
/// ---
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
/// ````
#[derive(RuleMeta)]
#[rule(code = "DS001", name = "parse-error", category = Docspec, severity = Error, fix = None, since = "0.1.0")]
pub struct ParseError;

impl Check for ParseError {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for issue in &ctx.page.issues {
            let help = match issue.kind {
                ParseIssueKind::Empty => continue,
                ParseIssueKind::FrontMatterInvalid => "fix the YAML between the `---` lines",
                ParseIssueKind::FrontMatterUnclosed => "close the front matter with a `---` line",
                ParseIssueKind::ShortcodeUnclosed => "add the closing `{{< /name >}}` tag",
                ParseIssueKind::ShortcodeUnopened => "remove the tag or add its opening tag",
            };
            out.push(
                ctx.report(&Self::META, issue.range, issue.message.clone())
                    .with_help(help),
            );
        }
    }
}
