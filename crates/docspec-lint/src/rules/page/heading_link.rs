use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{walk_inlines, Inline};

/// ## What it does
/// Reports links inside headings.
///
/// ## Why is this bad?
/// A heading is already a link to itself: the docs site turns it into an anchor and
/// builds the table of contents from it, and a link inside it breaks both. GitLab's
/// `HeadingLink` Vale rule fails it.
///
/// ## Example
/// ````markdown
/// ## List [widgets](widgets.md)
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// Lists the [widgets](widgets.md) of a project.
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG015", name = "heading-link", category = Page, severity = Error, fix = None, since = "0.1.0", vale = "gitlab_base.HeadingLink")]
pub struct HeadingLink;

impl Check for HeadingLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for heading in &ctx.page.headings {
            walk_inlines(&heading.inlines, &mut |inline| {
                if let Inline::Link { dest, range, .. } = inline {
                    out.push(
                        ctx.report(&Self::META, *range, format!("heading `{}` holds a link", heading.text))
                            .with_label(format!("links to `{dest}`"))
                            .with_help("keep the heading plain text and put the link in the text below it"),
                    );
                }
            });
        }
    }
}
