use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Link, TextRange};

/// ## What it does
/// Checks that relative links to other docs pages point to their `.md` files: links
/// whose path ends in `.html` or `/` (with or without an `#anchor`) are reported.
///
/// ## Why is this bad?
/// The docs are linked file to file: the site turns `.md` links into page URLs, and
/// link checkers and editors can follow them in the repository. A link to a built
/// `.html` page or a folder works on one site layout and breaks on the next. GitLab's
/// `InternalLinkExtension` Vale rule fails them.
///
/// ## Example
/// ````markdown
/// See [status codes](rest/troubleshooting.html#status-codes) and [the REST API](rest/).
/// ````
///
/// Use instead:
/// ````markdown
/// See [status codes](rest/troubleshooting.md#status-codes) and [the REST API](rest/_index.md).
/// ````
///
/// ## Fix safety
/// Replacing `.html` with `.md` is safe when the destination is written in the link
/// itself (not a reference definition elsewhere on the page): the page it names is the
/// same. Links to a folder are not fixed, since the folder's page may be `_index.md`
/// or `index.md`.
#[derive(RuleMeta)]
#[rule(code = "PG012", name = "internal-link-extension", category = Page, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_docs.InternalLinkExtension")]
pub struct InternalLinkExtension;

impl Check for InternalLinkExtension {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for link in &ctx.page.links {
            if !is_internal(&link.dest) {
                continue;
            }
            let (path, anchor) = match link.dest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (link.dest.as_str(), None),
            };
            let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
            if let Some(stem) = path.strip_suffix(".html") {
                let wanted = format!("{stem}.md{anchor}");
                out.push(
                    ctx.report(
                        &Self::META,
                        link.range,
                        format!("link to `{}` points to an `.html` page", link.dest),
                    )
                    .with_help(format!("link to the Markdown file: `{wanted}`"))
                    .with_fix(html_fix(ctx, link, path)),
                );
            } else if path.ends_with('/') {
                out.push(
                    ctx.report(
                        &Self::META,
                        link.range,
                        format!("link to `{}` points to a folder", link.dest),
                    )
                    .with_help(format!(
                        "link to the folder's page: `{path}_index.md{anchor}` (or `{path}index.md{anchor}`)"
                    )),
                );
            }
        }
    }
}

/// A link to another docs page: no scheme, not only an anchor.
fn is_internal(dest: &str) -> bool {
    let before_path = dest.split(['/', '?', '#']).next().unwrap_or("");
    !dest.is_empty() && !dest.starts_with('#') && !dest.starts_with("//") && !before_path.contains(':')
}

/// `.html` → `.md`, when the destination is written verbatim in the link (`](dest`).
fn html_fix(ctx: &LintContext<'_>, link: &Link, path: &str) -> Option<Fix> {
    let source = ctx.text(link.range);
    let at = source.rfind(&format!("]({}", link.dest))? + 2;
    let html_start = link.range.start() + at + path.len() - ".html".len();
    let range = TextRange::new(html_start, html_start + ".html".len());
    (ctx.text(range) == ".html")
        .then(|| Fix::safe("Link to the `.md` file", vec![Edit::replacement(range, ".md")]))
        .flatten()
}
