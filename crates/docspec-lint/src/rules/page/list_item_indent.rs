use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// ## What it does
/// Checks the indentation of what is nested under an item of a list: 3 spaces under a
/// numbered item (`1.`), 2 under a bulleted one (`-`), so that it lines up with the
/// item's text. The line right after the item's first line (or after one blank line) is
/// reported when it is indented one space short of that or one space past it, and starts
/// with a word, a backtick (a code fence) or a hyphen (a nested list).
///
/// Only lists that start at the margin are checked, as GitLab's rule does; lists inside
/// block quotes and nested lists are left alone.
///
/// ## Why is this bad?
/// Markdown decides what belongs to an item by its indentation. Content indented less
/// than the item's text leaves the list: a code block under step 1 ends the list, and the
/// next step starts again at 1. Content indented one space more renders, but the page
/// stops following one layout. GitLab's `CodeBlockNesting` Vale rule fails both (an error
/// in its docs CI).
///
/// ## Example
/// ````markdown
/// 1. Create an access token.
///
///   ```shell
///   curl --url "https://gitlab.example.com/api/v4/widgets"
///   ```
///
/// - The widget's name.
///    Names are unique in a project.
/// ````
///
/// Use instead:
/// ````markdown
/// 1. Create an access token.
///
///    ```shell
///    curl --url "https://gitlab.example.com/api/v4/widgets"
///    ```
///
/// - The widget's name.
///   Names are unique in a project.
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG016", name = "list-item-indent", category = Page, severity = Error, fix = None, since = "0.2.0", vale = "gitlab_base.CodeBlockNesting")]
pub struct ListItemIndent;

impl Check for ListItemIndent {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = ctx.source.text();
        for item in &ctx.page.list_items {
            let Some(nested) = misindented_line(text, item.start()) else {
                continue;
            };
            let (marker, wanted, found) = (nested.marker, nested.wanted, nested.found);
            let spaces = |n: usize| {
                if n == 1 {
                    "1 space".to_string()
                } else {
                    format!("{n} spaces")
                }
            };
            out.push(
                ctx.report(
                    &Self::META,
                    nested.indent,
                    format!(
                        "content under the `{marker}` item is indented {}, not {wanted}",
                        spaces(found)
                    ),
                )
                .with_label(spaces(found))
                .with_help(format!(
                    "indent it {wanted} spaces, where the item's text starts (3 under `1.`, 2 under `-`)"
                )),
            );
        }
    }
}

/// A line nested under an item, indented one space off the item's text.
struct Misindented<'t> {
    marker: &'t str,
    wanted: usize,
    found: usize,
    /// The line's leading spaces.
    indent: TextRange,
}

/// The line after the first line of the item at `start` (or after one empty line), when
/// the item starts at the margin and that line is indented one space off its text.
fn misindented_line(text: &str, start: usize) -> Option<Misindented<'_>> {
    if start > 0 && text.as_bytes().get(start - 1) != Some(&b'\n') {
        return None;
    }
    let first_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let first = text[start..first_end].trim_end_matches('\r');
    let marker = marker_of(first)?;
    let after_marker = &first[marker.len()..];
    if !after_marker.starts_with(' ') || after_marker.trim().is_empty() {
        return None;
    }
    // An item that opens a code fence on its own line: what follows is code.
    if after_marker.trim_start().starts_with("```") || after_marker.trim_start().starts_with("~~~") {
        return None;
    }
    let mut next = first_end + 1;
    let line_at = |from: usize| -> Option<&str> {
        let rest = text.get(from..)?;
        let end = rest.find('\n').unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches('\r'))
    };
    let mut line = line_at(next)?;
    if line.is_empty() {
        next += text[next..].find('\n')? + 1;
        line = line_at(next)?;
    }
    let found = line.len() - line.trim_start_matches(' ').len();
    let wanted = marker.len() + 1;
    let starts_content = line[found..]
        .chars()
        .next()
        .is_some_and(|c| c == '`' || c == '-' || c == '_' || c.is_alphanumeric());
    (starts_content && (found + 1 == wanted || found == wanted + 1)).then(|| Misindented {
        marker,
        wanted,
        found,
        indent: TextRange::new(next, next + found),
    })
}

/// The list marker a line starts with: `-`, `*`, `+`, or up to nine digits and `.` or `)`.
fn marker_of(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    match bytes.first()? {
        b'-' | b'*' | b'+' => Some(&line[..1]),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            (digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')'))).then(|| &line[..=digits])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(text: &str) -> Option<(usize, usize)> {
        misindented_line(text, 0).map(|m| (m.found, m.wanted))
    }

    #[test]
    fn content_one_space_off_the_items_text_is_reported() {
        assert_eq!(finding("1. Step.\n\n  ```shell\n"), Some((2, 3)));
        assert_eq!(finding("1. Step.\n    More.\n"), Some((4, 3)));
        assert_eq!(finding("- Item.\n curl\n"), Some((1, 2)));
        assert_eq!(finding("- Item.\n\n   - Nested.\n"), Some((3, 2)));
        assert_eq!(finding("10. Step.\n   Text.\n"), Some((3, 4)));
    }

    #[test]
    fn aligned_or_unrelated_lines_are_not() {
        assert_eq!(finding("1. Step.\n\n   ```shell\n"), None);
        assert_eq!(finding("- Item.\n  Text.\n"), None);
        assert_eq!(finding("1. Step.\n1. Next.\n"), None);
        // Two empty lines end the list; an indented code block is four spaces past it.
        assert_eq!(finding("1. Step.\n\n\n  Text.\n"), None);
        assert_eq!(finding("- Item.\n\n      code\n"), None);
        // Code under an item that opens its fence on the item's line.
        assert_eq!(finding("1. ```shell\n  curl\n"), None);
        // Punctuation is not content the rule judges (a table row, a quote).
        assert_eq!(finding("- Item.\n | a |\n"), None);
    }

    #[test]
    fn markers() {
        assert_eq!(marker_of("1. x"), Some("1."));
        assert_eq!(marker_of("12) x"), Some("12)"));
        assert_eq!(marker_of("- x"), Some("-"));
        assert_eq!(marker_of("1x"), None);
        assert_eq!(marker_of("x"), None);
    }
}
