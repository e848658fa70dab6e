//! Renders parsed API reference pages as a static HTML site.
//!
//! [`render_site`] writes `index.html`, one page per input (`doc/api/branches.md` →
//! `doc/api/branches.html`), `search-index.json` and `search-index.js`, and the theme's
//! assets under `assets/`. Every link is relative, so the site works from `file://`
//! and from any sub-path.
//!
//! Templates are Handlebars in strict mode, fed typed data (see [`data`]); prose is
//! rendered by pulldown-cmark and cleaned by ammonia before a template prints it.

mod build;
pub mod data;
mod deprecation;
mod engine;
mod error;
pub mod links;
mod markdown;
mod prose;
mod site;
mod theme;

pub use build::method_anchor;
pub use error::RenderError;
pub use markdown::SafeHtml;
pub use theme::{Origin, Theme};

use data::{IndexContext, NavPage, PageContext, PageSummary, SearchEntry, SiteData};
use std::fs;
use std::path::{Path, PathBuf};

/// Site-wide settings.
#[derive(Clone, Debug)]
pub struct SiteSettings {
    pub title: String,
    /// The OpenAPI document written next to the site (`openapi.yaml`), linked for download.
    pub spec_link: Option<String>,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            title: "API reference".to_string(),
            spec_link: None,
        }
    }
}

/// One parsed page to render.
#[derive(Clone, Copy, Debug)]
pub struct PageInput<'a> {
    /// Display path relative to the input root: `doc/api/branches.md` or `branches.md`.
    pub path: &'a str,
    pub source: &'a docspec_model::SourceFile,
    pub page: &'a docspec_model::Page,
}

/// What [`render_site`] wrote.
#[derive(Clone, Debug, Default)]
pub struct RenderReport {
    pub pages: usize,
    pub methods: usize,
    /// Every file written, in writing order.
    pub files: Vec<PathBuf>,
}

const SEARCH_GLOBAL: &str = "DOCSPEC_SEARCH_INDEX";

/// Renders `pages` into `out_dir`. Pages are sorted by path, so the output does not
/// depend on the order they are given in.
pub fn render_site(
    pages: &[PageInput<'_>],
    theme: &Theme,
    settings: &SiteSettings,
    out_dir: &Path,
) -> Result<RenderReport, RenderError> {
    let engine = engine::Engine::new(theme)?;
    let md = markdown::Markdown::new();
    let mut inputs = Vec::with_capacity(pages.len());
    for input in pages {
        inputs.push((site::output_path(input.path)?, input));
    }
    inputs.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.path.cmp(b.1.path)));
    if let Some(pair) = inputs.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(RenderError::PathCollision {
            first: pair[0].1.path.to_string(),
            second: pair[1].1.path.to_string(),
            output: pair[0].0.clone(),
        });
    }

    let built: Vec<_> = inputs
        .iter()
        .map(|(out, input)| build::build_page(&md, input.path, input.source, input.page, out))
        .collect();
    let nav_at = |current: Option<&str>| -> SiteData {
        let root = current.map(site::root_of).unwrap_or_default();
        let mut document_title = settings.title.clone();
        let nav = inputs
            .iter()
            .zip(&built)
            .map(|((out, _), page)| {
                let is_current = current == Some(out.as_str());
                if is_current {
                    document_title = format!("{} · {}", page.data.title, settings.title);
                }
                NavPage {
                    title: page.data.title.clone(),
                    href: format!("{root}{out}"),
                    current: is_current,
                    method_count: page.data.method_count,
                    toc: if is_current { page.data.toc.clone() } else { Vec::new() },
                }
            })
            .collect();
        SiteData {
            title: settings.title.clone(),
            document_title,
            spec_href: spec_href(settings.spec_link.as_deref(), &root),
            root,
            nav,
        }
    };

    let mut report = RenderReport::default();
    let mut writer = Writer {
        out_dir,
        report: &mut report,
    };
    let mut summaries = Vec::new();
    let mut search: Vec<&SearchEntry> = Vec::new();
    for ((out, input), page) in inputs.iter().zip(&built) {
        let context = PageContext {
            site: nav_at(Some(out)),
            page: &page.data,
        };
        let html = engine.render("page", &context, input.path)?;
        writer.write(out, html.as_bytes())?;
        summaries.push(PageSummary {
            title: page.data.title.clone(),
            path: input.path.to_string(),
            href: out.clone(),
            method_count: page.data.method_count,
            methods_label: page.data.methods_label.clone(),
            sections: page.sections.clone(),
        });
        search.extend(&page.search);
    }
    let method_count = built.iter().map(|p| p.data.method_count).sum();
    let index = IndexContext {
        site: nav_at(None),
        page_count: built.len(),
        method_count,
        pages: summaries,
    };
    let html = engine.render("index", &index, "index.html")?;
    writer.write("index.html", html.as_bytes())?;

    let json = serde_json::to_string(&search)?;
    writer.write("search-index.json", json.as_bytes())?;
    // Also as a script: fetch() of a local file is refused under file://.
    let script = format!("window.{SEARCH_GLOBAL} = {json};\n");
    writer.write("search-index.js", script.as_bytes())?;
    for (name, file) in theme.assets() {
        writer.write(name, &file.bytes)?;
    }
    report.pages = built.len();
    report.methods = method_count;
    Ok(report)
}

struct Writer<'a> {
    out_dir: &'a Path,
    report: &'a mut RenderReport,
}

impl Writer<'_> {
    fn write(&mut self, relative: &str, bytes: &[u8]) -> Result<(), RenderError> {
        let path = self.out_dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| RenderError::io("create", parent, e))?;
        }
        fs::write(&path, bytes).map_err(|e| RenderError::io("write", &path, e))?;
        self.report.files.push(path);
        Ok(())
    }
}

/// The download link of the spec from a page at `root`; only relative paths and
/// http(s) URLs are linked.
fn spec_href(link: Option<&str>, root: &str) -> Option<String> {
    let link = link?.trim();
    let lower = link.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(link.to_string());
    }
    if link.is_empty() || link.contains(':') || link.starts_with('/') {
        return None;
    }
    Some(format!("{root}{link}"))
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
