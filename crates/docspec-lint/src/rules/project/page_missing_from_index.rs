use crate::{is_index, Check, LintContext, ProjectCheck, ProjectFile, ProjectInfo, RuleMeta};
use docspec_diagnostics::{Diagnostic, Related};
use docspec_model::TextRange;
use std::collections::HashSet;

/// ## What it does
/// Reports a page that documents methods but that the API index page does not link to,
/// when the pages linted together include the index page (`api_resources.md`, or the
/// configured file name).
///
/// Links are resolved from the index page's folder (`./`, `../` and `#anchors` are
/// understood); a folder's page (`_index.md` or `index.md`) is matched by a link to the
/// folder or to either file. Pages without methods, overview pages that show request
/// lines in passing, and the index page itself are not reported. Nor are pages whose
/// introduction declares the API internal-only ("This API is for internal use only",
/// "internal API"): the style guide links every resource from the index but says nothing
/// of internal ones, and the public index leaves them out. The finding is on the
/// missing page, at its first line, and points at the index page.
///
/// ## Why is this bad?
/// Readers find API resources through the index page, and the style guide asks to link
/// every new resource page from it. A page that is not linked is only found by search.
///
/// ## Example
/// The index page `api_resources.md`, in a folder whose `widgets.md` documents methods:
/// ````markdown
/// ---
/// title: REST API resources
/// ---
///
/// | Resource              | Available endpoints       |
/// |-----------------------|---------------------------|
/// | [Gadgets](gadgets.md) | `/projects/:id/gadgets`   |
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: REST API resources
/// ---
///
/// | Resource              | Available endpoints       |
/// |-----------------------|---------------------------|
/// | [Gadgets](gadgets.md) | `/projects/:id/gadgets`   |
/// | [Widgets](widgets.md) | `/projects/:id/widgets`   |
/// ````
///
/// ## Options
/// The index page's file name is the top-level `index:` key of `.docspec.yml` (default
/// `api_resources.md`).
#[derive(RuleMeta)]
#[rule(code = "XP002", name = "page-missing-from-index", category = Project, severity = Warning, fix = None, since = "0.1.0")]
pub struct PageMissingFromIndex;

/// `a/./b/../c.md` → `a/c.md`, without touching the file system.
fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The folder of a page path, with a trailing `/` (empty for the current folder).
fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// How a page is matched: its normalised path, or `folder/` for a folder's page.
fn page_key(path: &str) -> String {
    let path = normalize(path);
    for index in ["_index.md", "index.md"] {
        if path == index {
            return String::new();
        }
        if let Some(dir) = path.strip_suffix(index).filter(|d| d.ends_with('/')) {
            return dir.to_string();
        }
    }
    path
}

/// The page keys a link of the index page can point to.
fn link_keys(index_path: &str, dest: &str) -> Vec<String> {
    let dest = dest.split(['#', '?']).next().unwrap_or("").trim();
    if dest.is_empty() || dest.starts_with('/') || dest.contains("://") || dest.starts_with("mailto:") {
        return Vec::new();
    }
    let joined = format!("{}{dest}", folder(index_path));
    if dest.ends_with('/') {
        let key = normalize(&joined);
        return vec![if key.is_empty() { key } else { format!("{key}/") }];
    }
    let last = dest.rsplit('/').next().unwrap_or(dest);
    if last.contains('.') || last == ".." {
        if last == ".." || last == "." {
            let key = normalize(&joined);
            return vec![if key.is_empty() { key } else { format!("{key}/") }];
        }
        return vec![page_key(&joined)];
    }
    // No extension: the page `x.md` or the folder `x/`.
    let key = normalize(&joined);
    vec![format!("{key}.md"), format!("{key}/")]
}

impl Check for PageMissingFromIndex {
    /// Needs the other pages of the run: see `project`.
    fn check(&self, _ctx: &LintContext<'_>, _out: &mut Vec<Diagnostic>) {}

    fn project(&self) -> Option<Box<dyn ProjectCheck>> {
        Some(Box::<Linked>::default())
    }
}

/// The pages the run's index pages link to, read once.
#[derive(Default)]
struct Linked {
    keys: Option<HashSet<String>>,
}

impl ProjectCheck for Linked {
    fn page(&mut self, project: &ProjectInfo<'_>, file: &ProjectFile<'_>, out: &mut Vec<Diagnostic>) {
        let (Some(index_name), Some(first_index)) = (project.index_page, project.indexes.first()) else {
            return;
        };
        let path = file.summary.path.as_str();
        if is_index(path, index_name) || !file.summary.is_reference || file.summary.internal {
            return;
        }
        let linked = self.keys.get_or_insert_with(|| {
            project
                .indexes
                .iter()
                .flat_map(|f| f.links.iter().flat_map(|l| link_keys(&f.path, l)))
                .collect()
        });
        if linked.contains(&page_key(path)) {
            return;
        }
        let index_path = first_index.path.as_str();
        let from_index = relative_link(index_path, path);
        out.push(
            Diagnostic::new(
                PageMissingFromIndex::META.code,
                PageMissingFromIndex::META.name,
                PageMissingFromIndex::META.default_severity,
                format!("this page documents methods but `{index_name}` does not link to it"),
                TextRange::empty(0),
            )
            .with_help(format!("add a link to `{from_index}` on `{index_path}`"))
            .with_related(Related {
                path: index_path.to_string(),
                line: 1,
                column: 1,
                message: "the index page".to_string(),
                pointer: None,
            }),
        );
    }
}

/// The link from the index page to `path`, relative to the index page's folder.
fn relative_link(index_path: &str, path: &str) -> String {
    let base = normalize(folder(index_path));
    let target = normalize(path);
    let base_parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    let target_parts: Vec<&str> = target.split('/').filter(|p| !p.is_empty()).collect();
    let common = base_parts.iter().zip(&target_parts).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; base_parts.len() - common];
    parts.extend(&target_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_from_the_index_folder() {
        assert_eq!(
            link_keys("doc/api/api_resources.md", "./projects.md#list"),
            vec!["doc/api/projects.md"]
        );
        assert_eq!(
            link_keys("doc/api/api_resources.md", "../user/x.md"),
            vec!["doc/user/x.md"]
        );
        assert_eq!(
            link_keys("doc/api/api_resources.md", "releases/index.md"),
            vec!["doc/api/releases/"]
        );
        assert_eq!(
            link_keys("doc/api/api_resources.md", "releases/"),
            vec!["doc/api/releases/"]
        );
        assert_eq!(
            link_keys("doc/api/api_resources.md", "releases"),
            vec!["doc/api/releases.md", "doc/api/releases/"]
        );
        assert!(link_keys("doc/api/api_resources.md", "https://x.example/a.md").is_empty());
        assert!(link_keys("doc/api/api_resources.md", "#anchor").is_empty());
        assert_eq!(link_keys("api_resources.md", "widgets.md"), vec!["widgets.md"]);
    }

    #[test]
    fn folder_pages_match_their_folder() {
        assert_eq!(page_key("doc/api/releases/_index.md"), "doc/api/releases/");
        assert_eq!(page_key("./doc/api/x.md"), "doc/api/x.md");
        assert_eq!(page_key("_index.md"), "");
    }

    #[test]
    fn relative_links_for_the_help() {
        assert_eq!(relative_link("doc/api/api_resources.md", "doc/api/x.md"), "x.md");
        assert_eq!(
            relative_link("doc/api/api_resources.md", "doc/user/x.md"),
            "../user/x.md"
        );
        assert_eq!(relative_link("api_resources.md", "sub/x.md"), "sub/x.md");
    }
}
