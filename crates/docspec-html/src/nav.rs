//! The order and grouping of pages: as the API index page (`api_resources.md`) lists
//! them under its headings when it is rendered, else by title. The navigation is one
//! shared file (`nav.js`), so a page's size does not grow with the number of pages.

use crate::data::{IndexGroup, IndexPage, PageSummary};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A group of pages, as indexes into the summaries.
pub struct Group {
    pub title: String,
    pub pages: Vec<usize>,
}

/// `summaries` are sorted by output path.
pub fn groups(summaries: &[PageSummary], index_page: Option<&str>) -> Vec<Group> {
    let by_href: HashMap<&str, usize> = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| (s.href.as_str(), i))
        .collect();
    let mut placed = HashSet::new();
    let mut out = Vec::new();
    let index = index_page
        .filter(|n| !n.is_empty())
        .and_then(|_| summaries.iter().position(|s| !s.index_links.is_empty()));
    if let Some(at) = index {
        placed.insert(at);
        out.push(Group {
            title: String::new(),
            pages: vec![at],
        });
        for (title, hrefs) in &summaries[at].index_links {
            let pages: Vec<usize> = hrefs
                .iter()
                .filter_map(|h| by_href.get(h.as_str()).copied())
                .filter(|i| placed.insert(*i))
                .collect();
            if !pages.is_empty() {
                out.push(Group {
                    title: title.clone(),
                    pages,
                });
            }
        }
    }
    let mut rest: Vec<usize> = (0..summaries.len()).filter(|i| !placed.contains(i)).collect();
    rest.sort_by_cached_key(|&i| (summaries[i].title.to_lowercase(), summaries[i].href.clone()));
    if !rest.is_empty() {
        let title = if out.is_empty() { "" } else { "Other pages" };
        out.push(Group {
            title: title.to_string(),
            pages: rest,
        });
    }
    out
}

/// The contents of `nav.js`: groups of `[title, href from the root, method count]`.
#[derive(Serialize)]
pub struct NavFile<'a> {
    groups: Vec<NavGroup<'a>>,
}

#[derive(Serialize)]
struct NavGroup<'a> {
    t: &'a str,
    p: Vec<(&'a str, &'a str, usize)>,
}

impl<'a> NavFile<'a> {
    pub fn new(groups: &'a [Group], summaries: &'a [PageSummary]) -> Self {
        let groups = groups
            .iter()
            .map(|g| NavGroup {
                t: &g.title,
                p: g.pages
                    .iter()
                    .map(|&i| {
                        let s = &summaries[i];
                        (s.title.as_str(), s.href.as_str(), s.method_count)
                    })
                    .collect(),
            })
            .collect();
        NavFile { groups }
    }
}

pub fn index_groups(groups: &[Group], summaries: &[PageSummary]) -> Vec<IndexGroup> {
    groups
        .iter()
        .map(|g| IndexGroup {
            title: g.title.clone(),
            pages: g
                .pages
                .iter()
                .map(|&i| {
                    let s = &summaries[i];
                    IndexPage {
                        title: s.title.clone(),
                        path: s.path.clone(),
                        href: s.href.clone(),
                        method_count: s.method_count,
                        methods_label: s.methods_label.clone(),
                        sections: s.sections.clone(),
                    }
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(title: &str, href: &str, links: Vec<(String, Vec<String>)>) -> PageSummary {
        PageSummary {
            title: title.into(),
            path: href.replace(".html", ".md"),
            href: href.into(),
            method_count: 0,
            methods_label: String::new(),
            sections: Vec::new(),
            search: Vec::new(),
            findings: Vec::new(),
            key: href.replace(".html", ".md"),
            anchors: docspec_model::PageAnchors::default(),
            anchor_links: Vec::new(),
            display_path: href.replace(".html", ".md"),
            index_links: links,
        }
    }

    #[test]
    fn without_an_index_page_pages_go_by_title() {
        let s = [summary("b", "a.html", vec![]), summary("A", "z.html", vec![])];
        let g = groups(&s, Some("api_resources.md"));
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].pages, vec![1, 0]);
    }

    #[test]
    fn the_index_page_orders_and_groups() {
        let links = vec![
            ("Project".to_string(), vec!["z.html".to_string(), "a.html".to_string()]),
            (
                "Group".to_string(),
                vec!["a.html".to_string(), "missing.html".to_string()],
            ),
        ];
        let s = [
            summary("A", "a.html", vec![]),
            summary("Index", "api_resources.html", links),
            summary("Other", "o.html", vec![]),
            summary("Z", "z.html", vec![]),
        ];
        let g = groups(&s, Some("api_resources.md"));
        let titles: Vec<&str> = g.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["", "Project", "Other pages"]);
        assert_eq!(g[0].pages, vec![1]);
        assert_eq!(g[1].pages, vec![3, 0]);
        assert_eq!(g[2].pages, vec![2]);
    }
}
