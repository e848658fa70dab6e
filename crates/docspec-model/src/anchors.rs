//! The anchors a page defines, for checking the links that point at them.

use crate::{slug, Anchors, Page};

/// Every anchor a page defines: its headings' (as GitLab's docs site and markdownlint
/// make them), its title's, `top`, and the names HTML elements (`id`, `name`) and
/// `{#id}` attributes set. Older headings end with a tier badge (`## Get a group
/// **(PREMIUM)**`); sites have made their anchors with the badge's words and without
/// them, so both count.
#[derive(Clone, Debug, Default)]
pub struct PageAnchors {
    /// Sorted, one per line: the site keeps one per rendered page until every page is
    /// read, so it is one small string rather than a set of strings.
    names: Box<str>,
}

impl PageAnchors {
    pub fn of(page: &Page, text: &str) -> Self {
        let mut names: Vec<String> = page.headings.iter().map(|h| h.anchor.clone()).collect();
        if page.headings.iter().any(|h| !h.badges.is_empty()) {
            let mut with_badges = Anchors::default();
            for heading in &page.headings {
                let mut words = heading.text.clone();
                for badge in &heading.badges {
                    words.push(' ');
                    words.push_str(&badge.value);
                }
                names.push(with_badges.unique(&words));
            }
        }
        if let Some(title) = &page.title {
            names.push(slug(&title.text));
        }
        names.extend(html_names(text).map(str::to_string));
        names.retain(|n| !n.is_empty() && !n.contains('\n'));
        names.sort_unstable();
        names.dedup();
        PageAnchors {
            names: names.join("\n").into_boxed_str(),
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.names.split('\n').filter(|n| !n.is_empty())
    }

    fn contains(&self, name: &str) -> bool {
        name == "top" || self.names().any(|n| n == name)
    }

    /// Whether a link's fragment (after `#`) names one of the anchors, as written or
    /// percent-decoded, or a line of a file (`#L12`, `#L12-L20`) as code hosts number them.
    pub fn resolves(&self, fragment: &str) -> bool {
        self.contains(fragment)
            || is_line_fragment(fragment)
            || percent_decoded(fragment).is_some_and(|d| self.contains(&d))
    }

    /// The anchors nearest to a fragment that names none ([`nearest_anchors`]).
    pub fn nearest(&self, fragment: &str) -> Vec<&str> {
        nearest_anchors(fragment, self.names())
    }

    /// The anchor that differs from the fragment only in case, the first in order.
    pub fn in_other_case(&self, fragment: &str) -> Option<&str> {
        let lower = fragment.to_lowercase();
        self.names().find(|n| *n == lower)
    }
}

/// The anchors among `candidates` nearest to a fragment that names none, when they are
/// near enough to be a slip (two characters apart) or a renamed heading (most of the
/// words shared, two at least): those that share the most words, at most three, in the
/// given order.
pub fn nearest_anchors<'a>(fragment: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let scored: Vec<(usize, &str)> = candidates
        .map(|a| (shared_words(fragment, a), a))
        .filter(|(shared, a)| *shared >= 60 || strsim::levenshtein(fragment, a) <= 2)
        .map(|(shared, a)| (if shared >= 60 { shared } else { 0 }, a))
        .collect();
    let best = scored.iter().map(|(shared, _)| *shared).max().unwrap_or(0);
    let mut nearest: Vec<&str> = Vec::new();
    for (_, anchor) in scored.into_iter().filter(|(shared, _)| *shared == best) {
        if nearest.len() < 3 && !nearest.contains(&anchor) {
            nearest.push(anchor);
        }
    }
    nearest
}

/// How many of their words two anchors share, in percent (Dice's coefficient), with
/// articles and prepositions left out and a plural `s` ignored; 0 when they share fewer
/// than two (one common word says little: `#delete-a-gadget` is not `#gadgets`).
fn shared_words(a: &str, b: &str) -> usize {
    const SMALL: &[&str] = &["a", "an", "the", "of", "for", "to", "in", "on", "by", "and", "or"];
    let words = |s: &str| -> Vec<String> {
        let mut words: Vec<String> = s
            .split(['-', '_'])
            .filter(|w| !w.is_empty() && !SMALL.contains(w))
            .map(|w| w.strip_suffix('s').filter(|w| w.len() > 2).unwrap_or(w).to_string())
            .collect();
        words.sort();
        words.dedup();
        words
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    if common < 2 {
        return 0;
    }
    200 * common / (a.len() + b.len())
}

/// The values of `id="..."`, `name="..."` (either quote) and `{#...}` in the text, read
/// loosely: a name found in a code block counts too, so a link is never reported for an
/// anchor the page may set.
fn html_names(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'=', b'{', bytes).filter_map(move |at| {
        let (start, closing) = if bytes[at] == b'=' {
            let named = bytes[..at].ends_with(b"id") || bytes[..at].ends_with(b"name");
            match bytes.get(at + 1) {
                Some(&quote @ (b'"' | b'\'')) if named => (at + 2, quote),
                _ => return None,
            }
        } else if bytes.get(at + 1) == Some(&b'#') {
            (at + 2, b'}')
        } else {
            return None;
        };
        let rest = &bytes[start..];
        let end = rest
            .iter()
            .take(201)
            .position(|&b| b == closing || b == b'\n' || b == b' ')?;
        // Both ends are ASCII bytes, so the slice is whole characters.
        (end > 0 && rest[end] == closing).then(|| &text[start..start + end])
    })
}

fn is_line_fragment(fragment: &str) -> bool {
    let line = |s: &str| {
        s.strip_prefix('L').is_some_and(|n| {
            let digits = n.split_once('C').map_or(n, |(line, column)| {
                if column.is_empty() || !column.bytes().all(|b| b.is_ascii_digit()) {
                    ""
                } else {
                    line
                }
            });
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
    };
    match fragment.split_once('-') {
        Some((from, to)) => line(from) && line(to),
        None => line(fragment),
    }
}

/// The fragment with its `%XX` escapes decoded, when it has any and they make UTF-8.
fn percent_decoded(fragment: &str) -> Option<String> {
    if !fragment.contains('%') {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(fragment).decode_utf8().ok()?;
    Some(decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_fragments_are_anchors() {
        for f in ["L1", "L12-L20", "L3C4", "L3C4-L5C6"] {
            assert!(is_line_fragment(f), "{f}");
        }
        for f in ["L", "Lx", "L1-", "L1C", "list-widgets", "L1-2"] {
            assert!(!is_line_fragment(f), "{f}");
        }
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decoded("caf%C3%A9").as_deref(), Some("café"));
        assert_eq!(percent_decoded("a%2"), Some("a%2".to_string()));
        assert_eq!(percent_decoded("plain"), None);
        assert_eq!(percent_decoded("%FF"), None);
    }

    #[test]
    fn the_nearest_anchors_are_near() {
        let anchors = ["list-widgets", "get-a-single-widget", "get-a-group-widget"];
        let nearest = |f: &str| nearest_anchors(f, anchors.iter().copied());
        assert_eq!(nearest("get-single-widget"), ["get-a-single-widget"]);
        assert_eq!(nearest("get-widget"), ["get-a-single-widget", "get-a-group-widget"]);
        assert_eq!(nearest("list-widget"), ["list-widgets"]);
        assert_eq!(nearest("lsit-widgets"), ["list-widgets"]);
        assert!(nearest("delete-a-widget").is_empty());
        assert!(nearest("history-of-widgets").is_empty());
        let one_word = ["gadgets", "examples"];
        assert!(nearest_anchors("delete-a-gadget", one_word.iter().copied()).is_empty());
        assert_eq!(nearest_anchors("example", one_word.iter().copied()), ["examples"]);
    }

    #[test]
    fn html_and_attribute_names_are_anchors() {
        let text = "<a id=\"old\"></a> <a name='older'></a> ## Title {#custom}\nid=\"\" id=\"has space\"";
        let names: Vec<&str> = html_names(text).collect();
        assert_eq!(names, ["old", "older", "custom"]);
    }
}
