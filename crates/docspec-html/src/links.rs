//! Link rewriting for rendered prose: links between docs pages point at the rendered
//! `.html` pages, and script URLs are neutralized.

use pulldown_cmark::{CowStr, Event, Tag};

/// Schemes that run code or embed content when followed; their links become `#`.
const UNSAFE_SCHEMES: &[&str] = &["javascript", "vbscript", "data", "file"];

/// Rewrites the destination of link and image start events; other events pass through.
pub fn rewrite_event(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rewrite_dest(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if is_unsafe(&dest_url) { "#".into() } else { dest_url };
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

fn rewrite_dest(dest: CowStr<'_>) -> CowStr<'_> {
    match rewrite_link(&dest) {
        Some(new) => new.into(),
        None => dest,
    }
}

/// The new destination of a link, or `None` to keep it: `foo.md#x` → `foo.html#x`,
/// `javascript:...` → `#`. Absolute URLs, site-absolute paths and anchors are kept.
pub fn rewrite_link(dest: &str) -> Option<String> {
    if is_unsafe(dest) {
        return Some("#".to_string());
    }
    if scheme(dest).is_some() || dest.starts_with('/') || dest.starts_with('#') {
        return None;
    }
    let split = dest.find(['?', '#']).unwrap_or(dest.len());
    let (path, rest) = dest.split_at(split);
    let stem = strip_suffix_ignore_case(path, ".md")?;
    if stem.is_empty() || stem.ends_with('/') {
        return None;
    }
    Some(format!("{stem}.html{rest}"))
}

fn is_unsafe(dest: &str) -> bool {
    scheme(dest).is_some_and(|s| UNSAFE_SCHEMES.iter().any(|u| s.eq_ignore_ascii_case(u)))
}

/// The scheme of a URL as a browser reads it: leading spaces and control characters
/// are skipped, and tabs or newlines inside the scheme are ignored (`java\tscript:`).
fn scheme(dest: &str) -> Option<String> {
    let trimmed = dest.trim_start_matches(|c: char| c <= ' ');
    let colon = trimmed.find(':')?;
    let raw = &trimmed[..colon];
    let scheme: String = raw.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(scheme)
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{html, Parser};

    fn render(md: &str) -> String {
        let mut out = String::new();
        html::push_html(&mut out, Parser::new(md).map(rewrite_event));
        out
    }

    #[test]
    fn docs_links_point_at_html_pages() {
        assert_eq!(rewrite_link("branches.md").as_deref(), Some("branches.html"));
        assert_eq!(rewrite_link("../user/baz.md#x").as_deref(), Some("../user/baz.html#x"));
        assert_eq!(
            rewrite_link("rest/_index.md?a=1#b").as_deref(),
            Some("rest/_index.html?a=1#b")
        );
        assert_eq!(rewrite_link("Upper.MD").as_deref(), Some("Upper.html"));
    }

    #[test]
    fn other_links_are_kept() {
        for dest in [
            "https://example.com/a.md",
            "//cdn.example.com/x.md",
            "/absolute/page.md",
            "#anchor",
            "mailto:a@example.com",
            "folder/",
            "image.png",
            "notes.mdx",
            ".md",
        ] {
            assert_eq!(rewrite_link(dest), None, "{dest}");
        }
    }

    #[test]
    fn script_urls_are_neutralized() {
        for dest in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:x",
            "vbscript:x",
            "data:text/html,<script>",
        ] {
            assert_eq!(rewrite_link(dest).as_deref(), Some("#"), "{dest:?}");
        }
    }

    #[test]
    fn rewrites_inside_rendered_markdown() {
        let out = render("See [tags](tags.md#list), [site](https://x.test/) and [bad](javascript:alert(1)).");
        assert!(out.contains(r#"href="tags.html#list""#), "{out}");
        assert!(out.contains(r#"href="https://x.test/""#), "{out}");
        assert!(out.contains(r##"href="#""##), "{out}");
        assert!(!out.contains("javascript"), "{out}");
    }

    #[test]
    fn reference_links_and_images_too() {
        let out = render("[a][r] ![i](javascript:x)\n\n[r]: ../a/b.md");
        assert!(out.contains(r#"href="../a/b.html""#), "{out}");
        assert!(out.contains(r##"src="#""##), "{out}");
    }
}
