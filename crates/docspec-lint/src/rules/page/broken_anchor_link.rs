use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{slug, Anchors, Link, Page, TextRange};
use std::collections::HashSet;

/// ## What it does
/// Reports a link to an anchor of the same page (`[text](#anchor)`) that no heading of
/// the page has. A heading's anchor is its text in lower case, with punctuation taken
/// out and spaces turned into hyphens (`## Get a single widget` is `#get-a-single-widget`);
/// a second heading with the same text gets `-1`, a third `-2`. Anchors an HTML element
/// sets with `id` or `name`, and `#top`, are anchors too. A link that only differs from
/// an anchor in case is reported with the anchor to write.
///
/// ## Why is this bad?
/// The link goes nowhere: the reader lands at the top of the page. Headings are renamed
/// more often than the links to them are checked. markdownlint's `link-fragments`
/// (MD051), which GitLab's docs CI runs with every default rule on, fails such a link.
///
/// ## Example
/// ````markdown
/// ## List all widgets
///
/// To get one widget, see [Get a widget](#get-widget).
///
/// ## Get a single widget
/// ````
///
/// Use instead:
/// ````markdown
/// ## List all widgets
///
/// To get one widget, see [Get a widget](#get-a-single-widget).
///
/// ## Get a single widget
/// ````
///
/// ## Fix safety
/// An anchor written in another case is replaced with the page's anchor, when the
/// destination is written in the link itself: only one heading matches it. Other broken
/// anchors are not fixed; the help names the closest anchor of the page, if one is close.
///
/// Links to anchors of other pages are not checked: the page they point to is often not
/// part of the run (`docspec lint doc/api` next to links into `doc/user`).
#[derive(RuleMeta)]
#[rule(code = "PG019", name = "broken-anchor-link", category = Page, severity = Warning, fix = Sometimes, since = "0.2.0", markdownlint = "MD051 link-fragments")]
pub struct BrokenAnchorLink;

impl Check for BrokenAnchorLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut links = ctx
            .page
            .links
            .iter()
            .filter(|l| l.dest.len() > 1 && l.dest.starts_with('#'))
            .peekable();
        if links.peek().is_none() {
            return;
        }
        let mut anchors: Option<HashSet<String>> = None;
        for link in links {
            let fragment = &link.dest[1..];
            // Most links name a heading's anchor as the page makes it.
            if ctx.page.headings.iter().any(|h| h.anchor == fragment) {
                continue;
            }
            let anchors = anchors.get_or_insert_with(|| page_anchors(ctx.page));
            if resolves(fragment, anchors, ctx.source.text()) {
                continue;
            }
            let same_but_case = anchors.iter().filter(|a| **a == fragment.to_lowercase()).min();
            let diagnostic = match same_but_case {
                Some(anchor) => ctx
                    .report(
                        &Self::META,
                        link.range,
                        format!("link to `#{fragment}` differs in case from the heading's anchor `#{anchor}`"),
                    )
                    .with_help(format!("write the anchor as the page has it: `#{anchor}`"))
                    .with_fix(case_fix(ctx, link, anchor)),
                None => {
                    let report = ctx.report(
                        &Self::META,
                        link.range,
                        format!("link to `#{fragment}`: no heading of this page has that anchor"),
                    );
                    let heading_anchors: Vec<&str> = ctx.page.headings.iter().map(|h| h.anchor.as_str()).collect();
                    let nearest = closest(fragment, &heading_anchors);
                    if nearest.is_empty() {
                        report.with_help(
                            "link to an existing heading (its text in lower case, punctuation removed, spaces as hyphens), or remove the link",
                        )
                    } else {
                        let names: Vec<String> = nearest.iter().map(|a| format!("`#{a}`")).collect();
                        report.with_help(format!(
                            "did you mean {}? A heading's anchor is its text in lower case, punctuation removed, spaces as hyphens",
                            names.join(" or ")
                        ))
                    }
                }
            };
            out.push(diagnostic);
        }
    }
}

/// Every heading's anchor, as the docs site and markdownlint make them. Older headings
/// end with a tier badge (`## Get a group **(PREMIUM)**`); sites have made their anchors
/// with the badge's words and without them, so both are anchors. The front matter title
/// is the page's first heading on the site.
fn page_anchors(page: &Page) -> HashSet<String> {
    let mut anchors: HashSet<String> = page.headings.iter().map(|h| h.anchor.clone()).collect();
    let mut with_badges = Anchors::default();
    for heading in &page.headings {
        let mut text = heading.text.clone();
        for badge in &heading.badges {
            text.push(' ');
            text.push_str(&badge.value);
        }
        anchors.insert(with_badges.unique(&text));
    }
    if let Some(title) = &page.title {
        anchors.insert(slug(&title.text));
    }
    anchors.insert("top".to_string());
    anchors
}

/// Whether the fragment names an anchor: a heading's, as written or percent-decoded,
/// one an HTML element or a `{#id}` attribute sets in the page, or a line of a file
/// (`#L12`, `#L12-L20`) as code hosts number them.
fn resolves(fragment: &str, anchors: &HashSet<String>, text: &str) -> bool {
    if anchors.contains(fragment) || is_line_fragment(fragment) {
        return true;
    }
    let decoded = percent_decoded(fragment);
    if decoded.as_deref().is_some_and(|d| anchors.contains(d)) {
        return true;
    }
    let name = decoded.as_deref().unwrap_or(fragment);
    ["id=\"", "id='", "name=\"", "name='", "{#"].iter().any(|opening| {
        let closing = match *opening {
            "{#" => "}",
            quoted => &quoted[quoted.len() - 1..],
        };
        text.contains(&format!("{opening}{name}{closing}"))
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
    let bytes = fragment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The headings' anchors nearest to a broken one, when they are near enough to be a slip
/// (two characters apart) or a renamed heading (most of the words shared): those that
/// share the most words, at most three, in page order.
fn closest<'a>(fragment: &str, headings: &[&'a str]) -> Vec<&'a str> {
    let scored: Vec<(usize, &str)> = headings
        .iter()
        .map(|a| (shared_words(fragment, a), *a))
        .filter(|(shared, a)| *shared >= 60 || strsim::levenshtein(fragment, a) <= 2)
        .collect();
    let best = scored.iter().map(|(shared, _)| *shared).max().unwrap_or(0);
    let mut nearest: Vec<&str> = scored.into_iter().filter(|(s, _)| *s == best).map(|(_, a)| a).collect();
    nearest.dedup();
    nearest.truncate(3);
    nearest
}

/// How many of their words two anchors share, in percent (Dice's coefficient), with
/// articles and prepositions left out and a plural `s` ignored.
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
    200 * common / (a.len() + b.len())
}

/// The anchor in the page's case, when the destination is written verbatim in the link.
fn case_fix(ctx: &LintContext<'_>, link: &Link, anchor: &str) -> Option<Fix> {
    let source = ctx.text(link.range);
    let at = source.rfind(&format!("]({}", link.dest))? + 3;
    let start = link.range.start() + at;
    let range = TextRange::new(start, start + link.dest.len() - 1);
    (ctx.text(range) == &link.dest[1..])
        .then(|| {
            Fix::safe(
                "Write the anchor in the page's case",
                vec![Edit::replacement(range, anchor)],
            )
        })
        .flatten()
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
    fn the_closest_anchor_is_near() {
        let anchors = ["list-widgets", "get-a-single-widget", "get-a-group-widget"];
        assert_eq!(closest("get-single-widget", &anchors), ["get-a-single-widget"]);
        assert_eq!(
            closest("get-widget", &anchors),
            ["get-a-single-widget", "get-a-group-widget"]
        );
        assert_eq!(closest("list-widget", &anchors), ["list-widgets"]);
        assert_eq!(closest("lsit-widgets", &anchors), ["list-widgets"]);
        assert!(closest("delete-a-widget", &anchors).is_empty());
        assert!(closest("history-of-widgets", &anchors).is_empty());
    }
}
