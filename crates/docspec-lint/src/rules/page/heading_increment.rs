use super::raw::first_line;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Checks that heading levels go down one at a time: a `###` follows a `##`, not a
/// `#` or the page title. The front matter `title:` counts as the page's H1, so the
/// first heading of such a page is a `##`.
///
/// ## Why is this bad?
/// Headings build the page outline, its table of contents and docspec's grouping of
/// methods into resources. A skipped level leaves a hole in the outline that readers
/// and screen readers notice. GitLab's markdownlint configuration enforces it (MD001).
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// ### List widgets
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// ## List widgets
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG005", name = "heading-increment", category = Page, severity = Warning, fix = None, since = "0.1.0", markdownlint = "MD001 heading-increment")]
pub struct HeadingIncrement;

impl Check for HeadingIncrement {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let front_matter_title = ctx
            .page
            .front_matter
            .as_ref()
            .and_then(|f| f.title.as_ref())
            .is_some_and(|t| !t.value.trim().is_empty());
        // The front matter title stands for the H1.
        let mut previous: Option<u8> = front_matter_title.then_some(1);
        for (i, heading) in ctx.page.headings.iter().enumerate() {
            if let Some(prev) = previous.filter(|prev| heading.level > prev + 1) {
                let wanted = prev + 1;
                let after = if i == 0 {
                    "the page title".to_string()
                } else {
                    format!("an H{prev}")
                };
                out.push(
                    ctx.report(
                        &Self::META,
                        first_line(ctx.source, heading.range),
                        format!("H{} follows {after}, skipping a level", heading.level),
                    )
                    .with_help(format!(
                        "make it an H{wanted} (`{} {}`), or add the H{wanted} it belongs under",
                        "#".repeat(usize::from(wanted)),
                        heading.text
                    )),
                );
            }
            previous = Some(heading.level);
        }
    }
}
