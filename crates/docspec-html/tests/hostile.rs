//! The hostile fixture renders without anything executable, its text still visible.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod common;

use common::{main_element, read, Pages, FIXTURES};
use docspec_html::Theme;
use std::path::Path;

const SITE_SCRIPTS: &[&str] = &[
    r#"<script src="assets/theme.js">"#,
    r#"<script src="nav.js" defer>"#,
    r#"<script src="assets/site.js" defer>"#,
    r#"<script src="assets/search.js" defer>"#,
];

fn hostile_html() -> String {
    let out = tempfile::tempdir().unwrap();
    Pages::load(Path::new(FIXTURES))
        .render(&Theme::builtin(), out.path())
        .unwrap();
    read(out.path(), "hostile.html")
}

/// The opening tags of the document (text `<` is always escaped, so these are real tags).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn only_the_sites_own_scripts() {
    let html = hostile_html();
    let scripts: Vec<&str> = tags(&html)
        .into_iter()
        .filter(|t| t.to_lowercase().starts_with("<script"))
        .collect();
    assert_eq!(scripts, SITE_SCRIPTS);
}

#[test]
fn no_event_handlers_or_script_urls_in_any_tag() {
    let html = hostile_html();
    for tag in tags(&html) {
        let lower = tag.to_lowercase();
        let has_handler = lower
            .split(|c: char| c.is_whitespace() || c == '/' || c == '"' || c == '\'')
            .any(|word| {
                word.starts_with("on")
                    && word.contains('=')
                    && word[2..]
                        .split('=')
                        .next()
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphabetic()) && !n.is_empty())
            });
        assert!(!has_handler, "event handler in {tag}");
        assert!(!lower.contains("javascript:"), "script URL in {tag}");
        assert!(!lower.contains("data:"), "data URL in {tag}");
        for banned in [
            "<iframe",
            "<style",
            "<object",
            "<embed",
            "<form action",
            "<svg onload",
            "<math",
        ] {
            assert!(!lower.starts_with(banned), "{banned} survived: {tag}");
        }
    }
}

#[test]
fn one_h1_and_no_stolen_ids() {
    let html = hostile_html();
    assert_eq!(html.matches("<h1").count(), 1);
    assert_eq!(html.matches(r#"id="ds-main""#).count(), 1);
}

#[test]
fn hostile_text_is_visible_escaped() {
    let html = hostile_html();
    let main = main_element(&html);
    // The front-matter title is plain text.
    assert!(
        main.contains("<h1>Hostile &lt;script&gt;window.__pwned=1&lt;/script&gt; &quot;&gt;&lt;svg"),
        "{main}"
    );
    assert!(
        main.contains("{{handlebars}}"),
        "template syntax in text is not evaluated"
    );
    assert!(main.contains("{{this}} {{{this}}} {{&gt; page}}"), "nor in code");
    assert!(
        main.contains("{{ 7 * 7 }} {% if true %}jinja{% endif %}"),
        "nor Jinja syntax: {main}"
    );
    assert!(
        main.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;window.__pwned"),
        "code is escaped"
    );
    assert!(
        main.contains("entities stays text: &lt;script&gt;"),
        "entities stay text"
    );
    assert!(
        main.contains(r##"<a href="#" rel="noopener noreferrer">click me</a>"##),
        "link text kept, href neutralized"
    );
}
