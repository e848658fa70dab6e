//! Relative links in descriptions (`[URL-encoded path](rest/_index.md#namespaced-paths)`)
//! resolve to nothing in a portal or an SDK's docstrings. With a docs base URL they become
//! absolute (`https://docs.gitlab.com/api/rest/#namespaced-paths`: the page's URL, `.md`
//! dropped and `_index` as its folder); without one, the link is kept as its text.
//!
//! Links are found by pulldown-cmark, so code spans and code blocks are left alone.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

/// A link being read: its source range, destination, and the range of its text.
type OpenLink = (usize, usize, String, Option<(usize, usize)>);

#[derive(Clone, Debug)]
pub struct Links {
    /// `https://docs.gitlab.com/api/`, the URL of `root`.
    base: Option<String>,
    /// The folder that holds every page, `/`-separated (`doc/api`), or empty.
    root: Vec<String>,
}

impl Links {
    pub fn new(base: Option<&str>, page_paths: &[&str]) -> Self {
        Self {
            base: base.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()),
            root: common_folder(page_paths),
        }
    }

    /// `text` with each relative link made absolute, or replaced by its text.
    pub fn rewrite(&self, page_path: &str, text: &str) -> String {
        if !text.contains("](") && !text.contains("][") {
            return text.to_string();
        }
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        let mut open: Vec<OpenLink> = Vec::new();
        for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    open.push((range.start, range.end, dest_url.to_string(), None));
                }
                Event::End(TagEnd::Link) => {
                    let Some((start, end, dest, inner)) = open.pop() else {
                        continue;
                    };
                    if !is_relative(&dest) {
                        continue;
                    }
                    let inner_text = inner.map_or("", |(s, e)| &text[s..e]);
                    let replacement = match self.absolute(page_path, &dest) {
                        Some(url) => format!("[{inner_text}]({url})"),
                        None => inner_text.to_string(),
                    };
                    edits.push((start, end, replacement));
                }
                _ => {
                    // Widen the open link's inner range to hold this event.
                    if let Some((_, _, _, inner)) = open.last_mut() {
                        *inner = Some(match inner {
                            Some((s, e)) => ((*s).min(range.start), (*e).max(range.end)),
                            None => (range.start, range.end),
                        });
                    }
                }
            }
        }
        if edits.is_empty() {
            return text.to_string();
        }
        let mut out = text.to_string();
        edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
        for (start, end, replacement) in edits {
            out.replace_range(start..end, &replacement);
        }
        out
    }

    /// Every `description` string in a JSON tree, rewritten for one page.
    pub fn rewrite_value(&self, page_path: &str, value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        Value::String(s) if key == "description" => *s = self.rewrite(page_path, s),
                        other => self.rewrite_value(page_path, other),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.rewrite_value(page_path, v)),
            _ => {}
        }
    }

    /// The published URL of `dest` as linked from `page_path`.
    fn absolute(&self, page_path: &str, dest: &str) -> Option<String> {
        let base = self.base.as_ref()?;
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        // The page's folder relative to the root, then the link's path.
        let mut segments: Vec<String> = Vec::new();
        let page_folder: Vec<&str> = page_path.split('/').collect();
        let page_folder = &page_folder[..page_folder.len().saturating_sub(1)];
        let relative_folder = page_folder.get(self.root.len()..).unwrap_or(&[]);
        let target = if path.is_empty() {
            // `#anchor`: this page.
            page_path.rsplit('/').next().unwrap_or("").to_string()
        } else {
            path.to_string()
        };
        for part in relative_folder.iter().copied().chain(target.split('/')) {
            match part {
                "" | "." => {}
                ".." => {
                    if segments.pop().is_none() {
                        segments.push("..".to_string());
                    }
                }
                p => segments.push(p.to_string()),
            }
        }
        let mut pretty = match segments.last().map(String::as_str) {
            Some(last) if last.ends_with(".md") => {
                let stem = last.trim_end_matches(".md").to_string();
                segments.pop();
                if stem != "_index" && stem != "index" {
                    segments.push(stem);
                }
                true
            }
            _ => false,
        };
        if segments.is_empty() {
            pretty = true;
        }
        let mut url = join_url(base, &segments);
        if pretty && !url.ends_with('/') {
            url.push('/');
        }
        url.push_str(fragment);
        Some(url)
    }
}

/// `base` with `segments` added, `..` going up its own path.
fn join_url(base: &str, segments: &[String]) -> String {
    let (origin, path) = match base.find("://") {
        Some(i) => match base[i + 3..].find('/') {
            Some(j) => (&base[..i + 3 + j], &base[i + 3 + j..]),
            None => (base, ""),
        },
        None => ("", base),
    };
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    for s in segments {
        if s == ".." {
            parts.pop();
        } else {
            parts.push(s);
        }
    }
    let mut url = origin.to_string();
    for p in parts {
        url.push('/');
        url.push_str(p);
    }
    if url.is_empty() || url == origin {
        url.push('/');
    }
    url
}

/// A link with no scheme and not rooted: relative to the page.
fn is_relative(dest: &str) -> bool {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('/') || dest.starts_with("//") {
        return false;
    }
    let scheme = dest
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)));
    !scheme
}

/// The deepest folder holding every path: `doc/api/a.md`, `doc/api/rest/b.md` → `doc/api`.
fn common_folder(paths: &[&str]) -> Vec<String> {
    let mut common: Option<Vec<&str>> = None;
    for path in paths {
        let parts: Vec<&str> = path.split('/').collect();
        let folder = &parts[..parts.len().saturating_sub(1)];
        common = Some(match common {
            None => folder.to_vec(),
            Some(c) => c
                .iter()
                .zip(folder)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    common.unwrap_or_default().into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gitlab() -> Links {
        Links::new(
            Some("https://docs.gitlab.com/api/"),
            &["doc/api/branches.md", "doc/api/rest/_index.md"],
        )
    }

    #[test]
    fn relative_links_become_absolute() {
        let links = gitlab();
        assert_eq!(
            links.rewrite(
                "doc/api/branches.md",
                "ID or [URL-encoded path](rest/_index.md#namespaced-paths)."
            ),
            "ID or [URL-encoded path](https://docs.gitlab.com/api/rest/#namespaced-paths)."
        );
        assert_eq!(
            links.rewrite("doc/api/rest/_index.md", "See [users](../users.md) and [roles](../../user/permissions.md#roles)."),
            "See [users](https://docs.gitlab.com/api/users/) and [roles](https://docs.gitlab.com/user/permissions/#roles)."
        );
        assert_eq!(
            links.rewrite(
                "doc/api/branches.md",
                "[below](#protect) and [`code`](https://x.org/a.md) and `[x](y.md)`"
            ),
            "[below](https://docs.gitlab.com/api/branches/#protect) and [`code`](https://x.org/a.md) and `[x](y.md)`"
        );
    }

    #[test]
    fn without_a_base_links_are_text() {
        let links = Links::new(None, &["doc/api/branches.md"]);
        assert_eq!(
            links.rewrite(
                "doc/api/branches.md",
                "ID or [URL-encoded **path**](rest/_index.md#namespaced-paths)."
            ),
            "ID or URL-encoded **path**."
        );
        assert_eq!(
            links.rewrite("doc/api/branches.md", "[GitLab](https://gitlab.com)"),
            "[GitLab](https://gitlab.com)"
        );
    }
}
