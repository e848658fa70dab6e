//! Small readers of model parts for the templates: badges, request lines, statuses,
//! and the wording tests that decide what a caption or lead-in is worth showing.

use crate::data::{Badge, PathSegment, RequestData, StatusData};
use docspec_model::{Availability, Method};
use std::ops::Range;

pub fn badges(availability: &[Availability]) -> Vec<Badge> {
    let mut out: Vec<Badge> = Vec::new();
    for line in availability.iter().flat_map(|a| &a.lines) {
        let key = line.key.value.to_lowercase();
        let kind = match key.as_str() {
            "tier" => "tier",
            "offering" => "offering",
            _ => "status",
        };
        for value in line.value.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
            let label = badge_label(kind, value);
            if !out.iter().any(|b| b.kind == kind && b.label == label) {
                out.push(Badge {
                    kind: kind.to_string(),
                    label,
                });
            }
        }
    }
    out
}

/// `a_b.c` → `a_`, `b.`, `c`: the places a long name or type may wrap.
pub fn split_after(name: &str, breaks: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if breaks.contains(&c) && i + 1 < name.len() {
            parts.push(name[start..=i].to_string());
            start = i + 1;
        }
    }
    parts.push(name[start..].to_string());
    parts
}

/// `commit.author` and `commit[].author` nest under `commit`.
pub fn nesting(name: &str) -> usize {
    name.matches('.').count().min(4)
}

/// The version an attribute was introduced in: from a history entry of the method that
/// names it, else from `Introduced in GitLab 16.0` in its description.
pub fn introduced_in(method: &Method, name: &str, description: &str) -> Option<String> {
    let entry = method.history.iter().flat_map(|h| &h.entries).find(|e| {
        e.subject.as_ref().is_some_and(|s| s.value == name)
            && e.verb
                .as_ref()
                .is_some_and(|v| v.value == "introduced" || v.value == "added")
    });
    if let Some(v) = entry.and_then(|e| e.version.as_ref()) {
        return Some(v.value.clone());
    }
    let at = docspec_model::find_ignore_ascii_case(description, "introduced in gitlab ")?;
    let rest = &description[at + "introduced in ".len()..];
    let (start, end) = docspec_parser::find_version(rest)?;
    rest.get(start..end).map(str::to_string)
}

pub fn clip(range: Range<usize>) -> Range<usize> {
    range.start..range.end.max(range.start)
}

pub fn request(line: &docspec_model::RequestLine) -> RequestData {
    let verb = line.verb.value.to_uppercase();
    let verb_class = match verb.as_str() {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" => verb.to_lowercase(),
        _ => "other".to_string(),
    };
    let path = &line.path.value;
    let mut segments = Vec::new();
    let mut at = 0;
    for (start, end) in docspec_parser::path_params(path) {
        if start > at {
            segments.push(PathSegment {
                text: path.get(at..start).unwrap_or("").to_string(),
                param: false,
            });
        }
        segments.push(PathSegment {
            text: path.get(start..end).unwrap_or("").to_string(),
            param: true,
        });
        at = end;
    }
    if at < path.len() {
        segments.push(PathSegment {
            text: path.get(at..).unwrap_or("").to_string(),
            param: false,
        });
    }
    let query = line.query.as_ref().map(|q| q.value.trim_start_matches('?').to_string());
    let text = match &query {
        Some(q) => format!("{verb} {path}?{q}"),
        None => format!("{verb} {path}"),
    };
    RequestData {
        verb,
        verb_class,
        segments,
        query,
        text,
    }
}

pub fn status(sentence: &docspec_model::SuccessSentence) -> StatusData {
    let text = match (&sentence.status_text, sentence.code) {
        (Some(t), _) => t.value.clone(),
        (None, Some(code)) => code.to_string(),
        (None, None) => "Success".to_string(),
    };
    let class = match sentence.code.map(|c| c / 100) {
        Some(2) => "success",
        Some(3) => "redirect",
        Some(4) => "client-error",
        Some(5) => "server-error",
        _ => "unknown",
    };
    StatusData {
        text,
        class: class.to_string(),
    }
}

pub fn is_yes(required: &str) -> bool {
    let lower = required
        .trim_matches(|c: char| c == '*' || c.is_whitespace())
        .to_lowercase();
    lower == "yes" || lower == "true" || lower == "required"
}

/// Whether a table's lead-in is worth showing: not the stock `Supported attributes:`.
pub fn caption(lead_in: &str) -> bool {
    let text = lead_in.trim().trim_end_matches(':').trim();
    let stock = [
        "supported attributes",
        "attributes",
        "parameters",
        "supported parameters",
        "request attributes",
        "response attributes",
    ];
    let lower = text.to_lowercase();
    !text.is_empty() && !stock.contains(&lower.as_str()) && !lower.starts_with("if successful")
}

/// `Example request:` and the like, which the example's own label already says.
pub fn is_stock_example_lead_in(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').trim().to_lowercase();
    let stock = [
        "example request",
        "example response",
        "example",
        "request example",
        "response example",
        "example of request",
        "example of response",
        "example output",
        "example request body",
        "sample request",
        "sample response",
        "request",
        "response",
    ];
    stock.contains(&lower.as_str())
}

/// A code block language usable as a class name.
pub fn is_plain_word(lang: &str) -> bool {
    !lang.is_empty()
        && lang
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
}

pub fn badge_label(kind: &str, value: &str) -> String {
    match (kind, value) {
        ("offering", "SELF") => "Self-managed".to_string(),
        ("offering", "SAAS") => "GitLab.com".to_string(),
        ("offering", "DEDICATED") => "GitLab Dedicated".to_string(),
        (_, v) if v.len() > 1 && v.chars().all(|c| c.is_ascii_uppercase()) => {
            let lower = v.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        (_, v) => v.to_string(),
    }
}
