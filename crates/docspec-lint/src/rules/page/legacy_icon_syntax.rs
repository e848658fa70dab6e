use super::raw::code_spans;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Reports the older icon markup `**{pencil}**` in prose (code blocks and code spans are
/// left alone).
///
/// ## Why is this bad?
/// GitLab's docs site renders icons with the Hugo shortcode `{{< icon name="pencil" >}}`;
/// the older markup shows as bold text in braces, and GitLab's CI fails it (its
/// `ShortCodeFormat` Vale rule is an error).
///
/// ## Example
/// ```markdown
/// Select **{pencil}** **Edit** to change the widget.
/// ```
///
/// Use instead:
/// ```markdown
/// Select {{< icon name="pencil" >}} **Edit** to change the widget.
/// ```
///
/// ## Fix safety
/// The shortcode names the same icon: safe.
#[derive(RuleMeta)]
#[rule(code = "PG017", name = "legacy-icon-syntax", category = Page, severity = Error, fix = Always, since = "0.2.0", vale = "gitlab_docs.ShortCodeFormat")]
pub struct LegacyIconSyntax;

impl Check for LegacyIconSyntax {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        // One scan of the page settles the pages without any.
        if memchr::memmem::find(ctx.source.text().as_bytes(), b"**{").is_none() {
            return;
        }
        for (_, line) in ctx.prose_lines().iter().copied() {
            let text = ctx.text(line);
            if !text.contains("**{") {
                continue;
            }
            let code = code_spans(text);
            let mut from = 0;
            while let Some(at) = text[from..].find("**{").map(|i| from + i) {
                from = at + 3;
                if code.iter().any(|&(s, e)| s <= at && at < e) {
                    continue;
                }
                let Some(name) = icon_name(&text[at + 3..]) else {
                    continue;
                };
                let end = at + 3 + name.len() + "}**".len();
                let range = TextRange::new(line.start() + at, line.start() + end);
                let shortcode = format!("{{{{< icon name=\"{name}\" >}}}}");
                out.push(
                    ctx.report(&Self::META, range, format!("icon written as `**{{{name}}}**`"))
                        .with_help(format!("write `{shortcode}`"))
                        .with_fix(Fix::safe(
                            format!("Write `{shortcode}`"),
                            vec![Edit::replacement(range, shortcode.clone())],
                        )),
                );
                from = end;
            }
        }
    }
}

/// `pencil` in `pencil}** ...`: an icon name (letters, digits, `-`, `_`) closed by `}**`.
fn icon_name(rest: &str) -> Option<&str> {
    let close = rest.find("}**")?;
    let name = &rest[..close];
    docspec_model::is_icon_name(name).then_some(name)
}
