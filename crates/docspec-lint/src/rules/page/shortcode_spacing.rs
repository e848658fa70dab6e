use super::raw::code_spans;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Checks that Hugo shortcode tags have a space inside each pair of braces:
/// `{{< history >}}` and `{{< /history >}}`, not `{{<history>}}`.
///
/// ## Why is this bad?
/// One spelling keeps tags easy to search for and to read. GitLab's `ShortCodeSyntax`
/// Vale rule asks for the spaces.
///
/// ## Example
/// ````markdown
/// {{<history>}}
///
/// - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1.
///
/// {{</history>}}
/// ````
///
/// Use instead:
/// ````markdown
/// {{< history >}}
///
/// - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1.
///
/// {{< /history >}}
/// ````
///
/// ## Fix safety
/// Rewriting the tag with one space inside each pair of braces is safe: Hugo reads both
/// spellings the same.
#[derive(RuleMeta)]
#[rule(code = "PG010", name = "shortcode-spacing", category = Page, severity = Warning, fix = Always, since = "0.1.0", vale = "gitlab_docs.ShortCodeSyntax")]
pub struct ShortcodeSpacing;

impl Check for ShortcodeSpacing {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        // Tags are read from the lines of the page: a tag without spaces (`{{<x>}}`)
        // reads as inline HTML to Markdown, so it is not among `Page::shortcodes`.
        // Most pages hold no shortcode at all: one scan of the page settles it.
        if memchr::memmem::find(ctx.source.text().as_bytes(), b"{{<").is_none() {
            return;
        }
        for (_, line) in ctx.prose_lines().iter().copied() {
            let text = ctx.text(line);
            if !text.contains("{{<") {
                continue;
            }
            let code = code_spans(text);
            let mut from = 0;
            while let Some(at) = text[from..].find("{{<").map(|i| from + i) {
                let Some(len) = text[at..].find(">}}").map(|i| i + 3) else {
                    break;
                };
                from = at + len;
                if code.iter().any(|&(s, e)| s <= at && at < e) {
                    continue;
                }
                let tag = &text[at..at + len];
                let inner = &tag[3..len - 3];
                if inner.contains("{{<") || inner.trim().is_empty() {
                    continue;
                }
                if inner.starts_with(' ') && inner.ends_with(' ') {
                    continue;
                }
                let range = TextRange::new(line.start() + at, line.start() + at + len);
                let spaced = respace(inner);
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        format!("shortcode `{tag}` is not spaced as `{{{{< name >}}}}`"),
                    )
                    .with_help(format!("write `{spaced}`"))
                    .with_fix(Fix::safe(
                        format!("Write `{spaced}`"),
                        vec![Edit::replacement(range, spaced.clone())],
                    )),
                );
            }
        }
    }
}

/// The tag with one space inside each pair of braces: `{{< x a="b" >}}`, `{{< /x >}}`.
fn respace(inner: &str) -> String {
    let inner = inner.trim();
    let inner = match inner.strip_prefix('/') {
        Some(rest) => format!("/{}", rest.trim_start()),
        None => inner.to_string(),
    };
    format!("{{{{< {inner} >}}}}")
}
