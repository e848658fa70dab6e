use super::raw::first_line;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Heading, TextRange};

/// Punctuation a heading must not end with (`?` is allowed).
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '。', '，', '；', '：', '！'];

/// ## What it does
/// Checks how headings are written: with `#` markers (ATX), not underlined with `===`
/// or `---` (setext), and without punctuation at the end (`.`, `,`, `;`, `:`, `!`; a
/// question mark is fine), before an older tier badge or an HTML comment too.
///
/// ## Why is this bad?
/// One heading style keeps pages easy to scan in source and to edit with tools; an
/// underlined heading is also easy to make by accident, since a `---` line under a
/// paragraph turns it into an H2. Headings are titles, not sentences, and end-of-heading
/// punctuation shows in the table of contents and in anchors. GitLab's markdownlint
/// configuration enforces both (MD003 `atx`, MD026).
///
/// ## Example
/// ````markdown
/// List widgets:
/// -------------
///
/// ## Delete a widget.
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// ## Delete a widget
/// ````
///
/// ## Fix safety
/// Removing trailing punctuation is safe. Setext headings are not rewritten; change
/// them to `#` headings by hand.
#[derive(RuleMeta)]
#[rule(code = "PG006", name = "heading-style", category = Page, severity = Warning, fix = Sometimes, since = "0.1.0", markdownlint = "MD003 heading-style, MD026 no-trailing-punctuation")]
pub struct HeadingStyle;

impl Check for HeadingStyle {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for heading in &ctx.page.headings {
            let raw = ctx.text(heading.range);
            let atx = raw.trim_start().starts_with('#');
            if !atx {
                out.push(
                    ctx.report(
                        &Self::META,
                        first_line(ctx.source, heading.range),
                        "heading is underlined (setext) instead of written with `#`",
                    )
                    .with_help(format!(
                        "write `{} {}` and remove the underline",
                        "#".repeat(usize::from(heading.level)),
                        heading.text.trim_end_matches(TRAILING)
                    )),
                );
            }
            let Some(content) = content_range(ctx, heading, atx).map(|c| without_tail(ctx, heading, c)) else {
                continue;
            };
            let text = ctx.text(content);
            let kept = text.trim_end_matches(TRAILING);
            if kept.len() == text.len() || ends_with_entity(text) {
                continue;
            }
            let punct = TextRange::new(content.start() + kept.len(), content.end());
            let marks = ctx.text(punct);
            out.push(
                ctx.report(&Self::META, punct, format!("heading ends with `{marks}`"))
                    .with_help(format!("remove the `{marks}`: headings are titles, not sentences"))
                    .with_fix(Fix::safe(format!("Remove `{marks}`"), vec![Edit::deletion(punct)])),
            );
        }
    }
}

/// The heading's text as written (badges included), without markers, closing `#`s and
/// surrounding spaces. For a setext heading, its last line of text.
fn content_range(ctx: &LintContext<'_>, heading: &Heading, atx: bool) -> Option<TextRange> {
    let raw = ctx.text(heading.range);
    if atx {
        let line = first_line(ctx.source, heading.range);
        let text = ctx.text(line);
        let after_marks = text.trim_start_matches('#');
        let body = after_marks.trim_start();
        let start = line.start() + (text.len() - body.len());
        let mut body = body.trim_end();
        // A closing sequence of `#`s after a space is not part of the text.
        let without_closing = body.trim_end_matches('#');
        if without_closing.len() < body.len() && (without_closing.is_empty() || without_closing.ends_with([' ', '\t']))
        {
            body = without_closing.trim_end();
        }
        (!body.is_empty()).then(|| TextRange::new(start, start + body.len()))
    } else {
        // The underline is the last line; the text ends on the line before it.
        let trimmed = raw.trim_end();
        let underline_start = trimmed.rfind('\n')?;
        let text = raw[..underline_start].trim_end();
        let line_start = text.rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..].trim_start();
        (!line.is_empty()).then(|| {
            TextRange::new(
                heading.range.start() + text.len() - line.len(),
                heading.range.start() + text.len(),
            )
        })
    }
}

/// The heading's text without what follows it on the line: older tier badges
/// (`## Create a widget: **(FREE)**`) and HTML comments (`## Title. <!-- ... -->`).
fn without_tail(ctx: &LintContext<'_>, heading: &Heading, content: TextRange) -> TextRange {
    let mut end = heading
        .badges
        .first()
        .map_or(content.end(), |b| b.range.start().clamp(content.start(), content.end()));
    loop {
        let text = ctx.text(TextRange::new(content.start(), end)).trim_end();
        end = content.start() + text.len();
        match text.strip_suffix("-->").and_then(|t| t.rfind("<!--")) {
            Some(open) => end = content.start() + open,
            None => return TextRange::new(content.start(), end),
        }
    }
}

/// `&amp;` and `&#123;` end with a `;` that is not punctuation.
fn ends_with_entity(text: &str) -> bool {
    let Some(body) = text.strip_suffix(';') else {
        return false;
    };
    let name = body.rsplit('&').next().unwrap_or("");
    body.contains('&') && !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
}
