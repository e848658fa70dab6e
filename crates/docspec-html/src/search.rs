//! The search index: one entry per page, section and method, with the words of their
//! prose, and the meta description of a page.

use crate::data::{MethodData, PageSummary, SearchEntry};
use docspec_model::{Method, Page};
use std::collections::HashSet;
use std::ops::Range;

/// Words kept per entry: enough to find a section by what it talks about.
const MAX_WORDS: usize = 48;
const DESCRIPTION_CHARS: usize = 160;

/// Appends the search index, as JSON, to `out`.
pub fn write_index_json(summaries: &[PageSummary], out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let entries: Vec<&SearchEntry> = summaries.iter().flat_map(|s| &s.search).collect();
    serde_json::to_writer(out, &entries)
}

pub fn page_entry(title: &str, href: &str, page: &Page, first_item: Option<usize>) -> SearchEntry {
    let end = first_item.unwrap_or(usize::MAX);
    SearchEntry {
        k: "page",
        t: title.to_string(),
        g: String::new(),
        p: Vec::new(),
        a: Vec::new(),
        x: words(
            page.paragraphs
                .iter()
                .filter(|p| p.range.start() < end)
                .map(|p| p.text.as_str()),
        ),
        u: href.to_string(),
    }
}

pub fn section_entry(title: &str, page_title: &str, url: &str, page: &Page, range: Range<usize>) -> SearchEntry {
    let texts = page
        .paragraphs
        .iter()
        .filter(|p| range.contains(&p.range.start()))
        .map(|p| p.text.as_str());
    SearchEntry {
        k: "section",
        t: title.to_string(),
        g: page_title.to_string(),
        p: Vec::new(),
        a: Vec::new(),
        x: words(texts),
        u: url.to_string(),
    }
}

pub fn method_entry(data: &MethodData, page_title: &str, href: &str, method: &Method) -> SearchEntry {
    // A set beside the list: a method's tables can have hundreds of rows.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut names: Vec<String> = Vec::new();
    for row in data
        .parameters
        .iter()
        .chain(&data.response_attributes)
        .flat_map(|t| &t.rows)
    {
        if !row.name.is_empty() && seen.insert(&row.name) {
            names.push(row.name.clone());
        }
    }
    let texts = method
        .description
        .iter()
        .map(|d| d.value.as_str())
        .chain(method.paragraphs.iter().map(|p| p.text.as_str()));
    SearchEntry {
        k: "method",
        t: data.title.clone(),
        g: page_title.to_string(),
        p: data.requests.iter().map(|r| r.text.clone()).collect(),
        a: names,
        x: words(texts),
        u: format!("{href}#{}", data.anchor),
    }
}

/// The first paragraph of the intro, cut at a word to fit a search result snippet.
pub fn description(page: &Page, intro_end: usize) -> Option<String> {
    let first = page.paragraphs.iter().find(|p| {
        p.range.start() < intro_end
            && !page.alerts.iter().any(|a| a.range.contains_range(p.range))
            && !page.availability.iter().any(|a| a.range.contains_range(p.range))
            && !page.history.iter().any(|h| h.range.contains_range(p.range))
    })?;
    let text: String = first.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return Some(text).filter(|t| !t.is_empty());
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    Some(format!("{}…", cut[..at].trim_end_matches([',', ';', ':'])))
}

/// Distinct lower-case words of three letters or more, in order of first use.
fn words<'t>(texts: impl Iterator<Item = &'t str>) -> String {
    let mut seen: Vec<String> = Vec::with_capacity(MAX_WORDS);
    let mut lower = String::new();
    for text in texts {
        for word in split_words(text) {
            if word.len() < 3 {
                continue;
            }
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            if COMMON_WORDS.contains(&lower.as_str()) || seen.contains(&lower) {
                continue;
            }
            seen.push(lower.clone());
            if seen.len() >= MAX_WORDS {
                return seen.join(" ");
            }
        }
    }
    seen.join(" ")
}

const COMMON_WORDS: &[&str] = &[
    "the", "and", "for", "are", "with", "that", "this", "you", "your", "from", "can", "not", "use", "when", "which",
    "its", "has", "have", "all", "any", "was", "were", "been", "into", "than", "then", "also", "more", "only",
];

/// The runs of letters, digits and `_` in `text` (and the empty ones between separators).
/// ASCII text, most prose, is split without the Unicode tables.
fn split_words(text: &str) -> impl Iterator<Item = &str> {
    let ascii = text.is_ascii();
    text.split(move |c: char| {
        let word_char = if ascii {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        !(word_char || c == '_')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_distinct_and_bounded() {
        let w = words(["Use pagination: the Pagination links.", "Rate limits apply"].into_iter());
        assert_eq!(w, "pagination links rate limits apply");
        let many = (0..200).map(|i| format!("word{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(words([many.as_str()].into_iter()).split(' ').count(), MAX_WORDS);
        // Text with other letters is split and lowered by their Unicode classes.
        let w = words(["Übersicht: ÜBERSICHT, naïve_word über", "THE_END"].into_iter());
        assert_eq!(w, "übersicht naïve_word über the_end");
    }

    #[test]
    fn description_is_the_first_intro_paragraph_cut_at_a_word() {
        let long = "word ".repeat(60);
        let page = docspec_parser::parse_str(&format!("# T\n\n{long}\n\n## Method\n"));
        let d = description(&page, usize::MAX).unwrap_or_default();
        assert!(d.ends_with("word…"), "{d}");
        assert!(d.chars().count() <= DESCRIPTION_CHARS + 1, "{d}");
    }
}
