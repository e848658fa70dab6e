//! Loading Markdown folders and rendering them into temporary sites.

#![allow(dead_code, clippy::unwrap_used)]

use docspec_html::{render_site, PageInput, RenderError, RenderReport, SiteSettings, Theme};
use docspec_model::{Page, SourceFile};
use std::path::{Path, PathBuf};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../doc-fixtures/html");
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/gitlab");

/// Parsed pages of a folder, by `/`-separated relative path, sorted.
pub struct Pages {
    pub sources: Vec<(String, SourceFile)>,
    pub pages: Vec<Page>,
}

impl Pages {
    pub fn load(dir: &Path) -> Pages {
        let mut sources = Vec::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(path).unwrap();
                sources.push((rel.clone(), SourceFile::new(rel, text)));
            }
        }
        let pages = sources.iter().map(|(_, s)| docspec_parser::parse(s)).collect();
        Pages { sources, pages }
    }

    pub fn inputs(&self) -> Vec<PageInput<'_>> {
        self.sources
            .iter()
            .zip(&self.pages)
            .map(|((path, source), page)| PageInput { path, source, page })
            .collect()
    }

    pub fn render(&self, theme: &Theme, out: &Path) -> Result<RenderReport, RenderError> {
        render_site(&self.inputs(), theme, &SiteSettings::default(), out)
    }
}

/// The `<main>` element of a rendered page, the part that is not site chrome.
pub fn main_element(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html[start..].find("</main>").expect("a closed <main>") + start + "</main>".len();
    &html[start..end]
}

pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Whether `html` has a method card (`<article ...>`) with this id.
pub fn has_method_card(html: &str, anchor: &str) -> bool {
    let needle = format!(r#" id="{anchor}">"#);
    html.match_indices(&needle).any(|(at, _)| {
        let tag_start = html[..at].rfind('<').unwrap_or(0);
        html[tag_start..].starts_with("<article class=\"method")
    })
}
