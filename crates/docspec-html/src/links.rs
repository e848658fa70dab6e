//! Link rewriting for rendered prose: links between rendered pages point at their
//! `.html` files, links to other docs pages go to the published docs when
//! `docs_base_url` says where they are, and script URLs are neutralized.

use pulldown_cmark::{CowStr, Event, Tag};
use std::collections::HashSet;

/// Schemes that run code or embed content when followed; their links become `#`.
const UNSAFE_SCHEMES: &[&str] = &["javascript", "vbscript", "data", "file"];

/// The set of rendered pages, and where the others are published.
#[derive(Clone, Debug, Default)]
pub struct SiteLinks {
    /// Input paths, normalized: `doc/api/branches.md`.
    pages: HashSet<String>,
    docs_base_url: Option<String>,
}

/// Where a link of one page goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Keep the destination as written.
    Keep,
    /// A rendered page, or the neutralized `#`.
    Rewrite(String),
    /// A docs page that is not rendered, and no `docs_base_url` says where it is.
    Outside(String),
}

impl SiteLinks {
    pub fn new<'a>(pages: impl IntoIterator<Item = &'a str>, docs_base_url: Option<String>) -> Self {
        let pages = pages.into_iter().filter_map(|p| normalize("", p)).collect();
        let docs_base_url = docs_base_url.map(|u| u.trim().to_string()).filter(|u| is_web_url(u));
        SiteLinks { pages, docs_base_url }
    }

    /// Where `dest`, written in the page at input path `from`, goes.
    pub fn target(&self, from: &str, dest: &str) -> Target {
        if is_unsafe(dest) {
            return Target::Rewrite("#".to_string());
        }
        if scheme(dest).is_some() || dest.starts_with('/') || dest.starts_with('#') {
            return Target::Keep;
        }
        let split = dest.find(['?', '#']).unwrap_or(dest.len());
        let (path, rest) = dest.split_at(split);
        let Some(stem) = strip_suffix_ignore_case(path, ".md") else {
            return Target::Keep;
        };
        if stem.is_empty() || stem.ends_with('/') {
            return Target::Keep;
        }
        let dir = from.rsplit_once(['/', '\\']).map_or("", |(d, _)| d);
        let resolved = normalize(dir, path);
        if resolved.as_ref().is_some_and(|r| self.pages.contains(r)) {
            return Target::Rewrite(format!("{stem}.html{rest}"));
        }
        match &self.docs_base_url {
            Some(base) => Target::Rewrite(published(base, dir, path, rest)),
            None => Target::Outside(format!("{stem}.html{rest}")),
        }
    }

    /// For a link to an anchor of another rendered page (`branches.md#list-branches`), the
    /// page's normalized input path and the fragment.
    pub fn anchor_target<'d>(&self, from: &str, dest: &'d str) -> Option<(String, &'d str)> {
        let (path, fragment) = dest.split_once('#')?;
        if fragment.is_empty()
            || path.is_empty()
            || path.contains('?')
            || scheme(path).is_some()
            || path.starts_with('/')
        {
            return None;
        }
        strip_suffix_ignore_case(path, ".md")?;
        let dir = from.rsplit_once(['/', '\\']).map_or("", |(d, _)| d);
        let page = normalize(dir, path)?;
        self.pages.contains(&page).then_some((page, fragment))
    }

    /// The name a rendered page goes by in [`Self::anchor_target`]: its input path, normalized.
    pub fn key(path: &str) -> String {
        normalize("", path).unwrap_or_else(|| path.to_string())
    }

    /// Rewrites the destination of link and image start events; other events pass through.
    pub fn rewrite_event<'e>(&self, from: &str, event: Event<'e>) -> Event<'e> {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match self.target(from, &dest_url) {
                    Target::Keep => dest_url,
                    Target::Rewrite(new) | Target::Outside(new) => new.into(),
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url: CowStr<'_> = if is_unsafe(&dest_url) { "#".into() } else { dest_url };
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
}

/// `dir` joined with the relative `path`, `.` and `..` resolved; `None` when it climbs
/// above the root.
fn normalize(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split(['/', '\\']).chain(path.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `dir` joined with `path`, as the number of folders it climbs above the root and
/// the parts below: `("a", "../../b/c.md")` → `(1, ["b", "c.md"])`.
fn climb(dir: &str, path: &str) -> (usize, Vec<String>) {
    let mut ups = 0;
    let mut parts: Vec<String> = Vec::new();
    for part in dir.split(['/', '\\']).chain(path.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    ups += 1;
                }
            }
            p => parts.push(p.to_string()),
        }
    }
    (ups, parts)
}

/// The published URL of the docs page `path` written in a page of folder `dir`: the base
/// is where the input root is published, and a target above the root climbs its path.
fn published(base: &str, dir: &str, path: &str, rest: &str) -> String {
    let (ups, parts) = climb(dir, path);
    let joined = parts.join("/");
    let stem = strip_suffix_ignore_case(&joined, ".md").unwrap_or(&joined);
    let (prefix, page, suffix) = match base.split_once("{path}") {
        Some((prefix, suffix)) => {
            let stem = stem
                .strip_suffix("/_index")
                .or_else(|| stem.strip_suffix("/index"))
                .unwrap_or(if stem == "_index" || stem == "index" { "" } else { stem });
            (prefix, stem.to_string(), suffix)
        }
        None => (base, format!("{stem}.html"), ""),
    };
    let mut prefix = prefix.to_string();
    if !prefix.ends_with('/') {
        prefix.push('/');
    }
    // Climb within the URL's path, never above its host.
    let host_end = prefix.find("://").map_or(0, |i| i + 3);
    let host_end = prefix[host_end..].find('/').map_or(prefix.len(), |i| host_end + i + 1);
    for _ in 0..ups {
        let trimmed = prefix[..prefix.len() - 1].rfind('/').map_or(host_end, |i| i + 1);
        prefix.truncate(trimmed.max(host_end));
    }
    format!("{prefix}{page}{suffix}{rest}")
}

fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
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

    fn site() -> SiteLinks {
        SiteLinks::new(
            [
                "branches.md",
                "user/baz.md",
                "rest/_index.md",
                "Upper.MD",
                "api/issues.md",
            ],
            None,
        )
    }

    fn rewrite(dest: &str) -> Option<String> {
        match site().target("index2.md", dest) {
            Target::Keep => None,
            Target::Rewrite(s) | Target::Outside(s) => Some(s),
        }
    }

    fn render(md: &str) -> String {
        let links = site();
        let mut out = String::new();
        html::push_html(&mut out, Parser::new(md).map(|e| links.rewrite_event("page.md", e)));
        out
    }

    #[test]
    fn docs_links_point_at_html_pages() {
        assert_eq!(rewrite("branches.md").as_deref(), Some("branches.html"));
        assert_eq!(
            site().target("user/x.md", "baz.md#x"),
            Target::Rewrite("baz.html#x".into())
        );
        assert_eq!(
            site().target("user/x.md", "../rest/_index.md?a=1#b"),
            Target::Rewrite("../rest/_index.html?a=1#b".into())
        );
        assert_eq!(rewrite("Upper.MD").as_deref(), Some("Upper.html"));
    }

    #[test]
    fn pages_outside_the_set_are_reported_or_sent_to_the_published_docs() {
        assert_eq!(
            site().target("api/issues.md", "../user/profile.md#t"),
            Target::Outside("../user/profile.html#t".into())
        );
        let published = SiteLinks::new(["api/issues.md"], Some("https://docs.example.com/".into()));
        assert_eq!(
            published.target("api/issues.md", "../user/profile.md#t"),
            Target::Rewrite("https://docs.example.com/user/profile.html#t".into())
        );
        assert_eq!(
            published.target("api/issues.md", "issues.md"),
            Target::Rewrite("issues.html".into())
        );
        let hugo = SiteLinks::new(["api/issues.md"], Some("https://docs.gitlab.com/{path}/".into()));
        assert_eq!(
            hugo.target("api/issues.md", "rest/_index.md#pagination"),
            Target::Rewrite("https://docs.gitlab.com/api/rest/#pagination".into())
        );
        assert_eq!(
            hugo.target("api/issues.md", "../../../ci/x.md"),
            Target::Rewrite("https://docs.gitlab.com/ci/x/".into())
        );
        let api = SiteLinks::new(["issues.md"], Some("https://docs.gitlab.com/api/{path}/".into()));
        assert_eq!(
            api.target("issues.md", "../user/profile.md#a"),
            Target::Rewrite("https://docs.gitlab.com/user/profile/#a".into())
        );
        let not_web = SiteLinks::new(["a.md"], Some("javascript:alert(1)".into()));
        assert!(matches!(not_web.target("a.md", "b.md"), Target::Outside(_)));
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
            assert_eq!(rewrite(dest), None, "{dest}");
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
            assert_eq!(rewrite(dest).as_deref(), Some("#"), "{dest:?}");
        }
    }

    #[test]
    fn rewrites_inside_rendered_markdown() {
        let out = render("See [tags](branches.md#list), [site](https://x.test/) and [bad](javascript:alert(1)).");
        assert!(out.contains(r#"href="branches.html#list""#), "{out}");
        assert!(out.contains(r#"href="https://x.test/""#), "{out}");
        assert!(out.contains(r##"href="#""##), "{out}");
        assert!(!out.contains("javascript"), "{out}");
    }

    #[test]
    fn reference_links_and_images_too() {
        let out = render("[a][r] ![i](javascript:x)\n\n[r]: user/baz.md");
        assert!(out.contains(r#"href="user/baz.html""#), "{out}");
        assert!(out.contains(r##"src="#""##), "{out}");
    }
}
