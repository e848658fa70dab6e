//! The statuses a method's own prose states: `Returns `200` if the request succeeds.`,
//! `- `409 Conflict` if the block already exists`, `returns a 404 response`.
//!
//! The text is read through pulldown-cmark, outside code blocks and tables, one paragraph
//! or list item at a time. A number counts as a status when it is written as one: a code
//! span that starts with it, or a three-digit word after `returns`, `status`, `code`,
//! `HTTP`, `a` ... or before a reason phrase (`404 Not Found`, `a 404 error`).

use docspec_model::Method;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;

/// Words before a bare number that make it a status.
const BEFORE: &[&str] = &[
    "return", "returns", "returned", "code", "codes", "status", "http", "a", "an", "with", "either", "responds",
    "respond", "response",
];

/// Words after a bare number that make it a status.
const AFTER: &[&str] = &[
    "ok",
    "created",
    "accepted",
    "no",
    "bad",
    "unauthorized",
    "forbidden",
    "not",
    "method",
    "conflict",
    "precondition",
    "unprocessable",
    "too",
    "server",
    "service",
    "error",
    "errors",
    "response",
    "status",
    "code",
];

/// The success (2xx) and error (4xx, 5xx) statuses stated in `text` (a method's source).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stated {
    pub success: Vec<u16>,
    pub errors: BTreeSet<u16>,
}

pub fn stated(method_text: &str) -> Stated {
    let mut out = Stated::default();
    for unit in units(method_text) {
        for code in codes(&unit) {
            match code {
                200..=299 if !out.success.contains(&code) => out.success.push(code),
                400..=599 => {
                    out.errors.insert(code);
                }
                _ => {}
            }
        }
    }
    out
}

/// The source of a method's own section, before any subsection that is another method.
pub fn method_text<'a>(source: &'a str, method: &Method) -> &'a str {
    source.get(method.range.start()..method.range.end()).unwrap_or("")
}

/// Paragraphs and list items as text, code spans kept in backticks.
fn units(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut skip = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::HtmlBlock) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Text(t) => current.push_str(&t),
            Event::Code(c) => {
                current.push('`');
                current.push_str(&c);
                current.push('`');
            }
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) | Event::Start(Tag::Item) => {
                if !current.trim().is_empty() {
                    out.push(std::mem::take(&mut current));
                }
                current.clear();
            }
            _ => {}
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

/// The statuses written in one paragraph or list item, in order.
fn codes(unit: &str) -> Vec<u16> {
    let mut out = Vec::new();
    // A status has digits; most paragraphs have none.
    if !unit.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    // Code spans: `404`, `404 Not Found`, `400: Bad Request`.
    for (i, part) in unit.split('`').enumerate() {
        if i % 2 == 1 {
            if let Some(code) = leading_code(part.trim()) {
                out.push(code);
            }
        }
    }
    // Bare numbers outside code spans.
    let plain: String = unit
        .split('`')
        .enumerate()
        .map(|(i, p)| if i % 2 == 0 { p } else { " CODE " })
        .collect();
    let words: Vec<String> = plain
        .split(|c: char| !(c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(code) = leading_code(word).filter(|_| word.len() == 3) else {
            continue;
        };
        let before = i.checked_sub(1).map(|j| words[j].as_str());
        let after = words.get(i + 1).map(String::as_str);
        if before.is_some_and(|b| BEFORE.contains(&b)) || after.is_some_and(|a| AFTER.contains(&a)) {
            out.push(code);
        }
    }
    out
}

/// A status at the start of `text`: three digits, 100 to 599, not followed by a digit.
fn leading_code(text: &str) -> Option<u16> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 3 {
        return None;
    }
    digits.parse().ok().filter(|c| (100..=599).contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<u16>, Vec<u16>) {
        let s = stated(text);
        (s.success, s.errors.into_iter().collect())
    }

    #[test]
    fn prose_and_list_items() {
        assert_eq!(
            read("Renews a secret. Returns `200` if the request succeeds.\n"),
            (vec![200], vec![])
        );
        assert_eq!(
            read("Responds with:\n\n- `400 Bad request` if it fails\n- `409 Conflict` if it exists\n"),
            (vec![], vec![400, 409])
        );
        assert_eq!(
            read("It returns `201` if created, `400` for wrong parameters.\n"),
            (vec![201], vec![400])
        );
        assert_eq!(
            read("For unsigned commits, it results in a 404 response.\n"),
            (vec![], vec![404])
        );
    }

    #[test]
    fn numbers_that_are_not_statuses() {
        assert_eq!(
            read("Up to 500 characters, and 200 items per page.\n"),
            (vec![], vec![])
        );
        assert_eq!(
            read("```json\n{\"message\": \"404 Not Found\"}\n```\n"),
            (vec![], vec![])
        );
        assert_eq!(
            read("| `a` | string | Returns 404 |\n|---|---|---|\n| x | y | z |\n"),
            (vec![], vec![])
        );
        assert_eq!(read("Introduced in GitLab 16.4.\n"), (vec![], vec![]));
    }
}
