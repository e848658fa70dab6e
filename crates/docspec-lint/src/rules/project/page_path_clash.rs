use crate::{Check, LintContext, ProjectCheck, ProjectFile, ProjectInfo, RuleMeta};
use docspec_diagnostics::{Diagnostic, Related};
use docspec_model::TextRange;
use std::collections::HashMap;

/// ## What it does
/// Reports two pages of the run that publish at the same address: `dir.md` and the
/// folder page `dir/index.md` or `dir/_index.md` (the docs site serves all three as
/// `dir/`). The finding is on the second of the two in run order, at its first line, and
/// points at the first.
///
/// ## Why is this bad?
/// Only one of the pages can be served at the address, so the other is lost or replaces
/// it, depending on the site generator. GitLab's docs CI warns about this clash.
///
/// ## Example
/// Two pages of one run: `doc/api/releases.md`, and the folder page
/// `doc/api/releases/_index.md`, which starts the same way:
/// ````markdown
/// ---
/// title: Releases API
/// ---
/// ````
///
/// Use instead: one page for the address, `doc/api/releases/_index.md`, with the other's
/// content moved into it or into pages beside it:
/// ````markdown
/// ---
/// title: Releases API
/// ---
///
/// - [Release links](links.md)
/// ````
#[derive(RuleMeta)]
#[rule(code = "XP003", name = "page-path-clash", category = Project, severity = Warning, fix = None, since = "0.2.0")]
pub struct PagePathClash;

impl Check for PagePathClash {
    /// Needs the other pages of the run: see `project`.
    fn check(&self, _ctx: &LintContext<'_>, _out: &mut Vec<Diagnostic>) {}

    fn project(&self) -> Option<Box<dyn ProjectCheck>> {
        Some(Box::<Published>::default())
    }
}

/// The first page seen at each address.
#[derive(Default)]
struct Published {
    first: HashMap<String, String>,
}

impl ProjectCheck for Published {
    fn page(&mut self, _project: &ProjectInfo<'_>, file: &ProjectFile<'_>, out: &mut Vec<Diagnostic>) {
        let path = file.summary.path.as_str();
        let Some(address) = address(path) else {
            return;
        };
        let Some(first) = self.first.get(&address) else {
            self.first.insert(address, path.to_string());
            return;
        };
        if first == path {
            return;
        }
        out.push(
            Diagnostic::new(
                PagePathClash::META.code,
                PagePathClash::META.name,
                PagePathClash::META.default_severity,
                format!("this page and `{first}` are both published at `{address}/`"),
                TextRange::empty(0),
            )
            .with_help("keep one page for the address: merge the two, or rename one of them")
            .with_related(Related {
                path: first.clone(),
                line: 1,
                column: 1,
                message: "also published there".to_string(),
                pointer: None,
            }),
        );
    }
}

/// The address a page is served at, without the trailing `/`: `a/b` for `a/b.md`,
/// `a/b/index.md` and `a/b/_index.md`; `None` for a top-level folder page, which has no
/// `.md` sibling to clash with.
fn address(path: &str) -> Option<String> {
    let path = path.strip_prefix("./").unwrap_or(path);
    for folder_page in ["/_index.md", "/index.md"] {
        if let Some(folder) = path.strip_suffix(folder_page) {
            return Some(folder.to_string());
        }
    }
    if matches!(path, "_index.md" | "index.md") {
        return None;
    }
    path.strip_suffix(".md").map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::address;

    #[test]
    fn pages_and_folder_pages_share_an_address() {
        assert_eq!(address("doc/api/releases.md").as_deref(), Some("doc/api/releases"));
        assert_eq!(
            address("doc/api/releases/_index.md").as_deref(),
            Some("doc/api/releases")
        );
        assert_eq!(
            address("doc/api/releases/index.md").as_deref(),
            Some("doc/api/releases")
        );
        assert_eq!(
            address("doc/api/releases/links.md").as_deref(),
            Some("doc/api/releases/links")
        );
        assert_eq!(address("index.md"), None);
        assert_eq!(address("notes.txt"), None);
    }
}
