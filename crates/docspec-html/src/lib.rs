//! Renders parsed API reference pages as a static HTML site.
//!
//! [`SiteRenderer`] works one page at a time, so a caller can stream pages through it:
//! [`SiteRenderer::page`] writes `doc/api/branches.md` as `doc/api/branches.html` and
//! returns a small [`PageSummary`]; [`SiteRenderer::finish`] takes the summaries and
//! writes what spans the site: `index.html`, the navigation (`nav.js`, loaded once by
//! every page and cached), the search index (`search-index.js`, loaded on first use),
//! the theme's assets, and a manifest of everything written, so that the next run
//! removes what it wrote before and nothing else. [`render_site`] does both for pages
//! held in memory. Every link is relative, so the site works from `file://` and from
//! any sub-path.
//!
//! Templates are MiniJinja (Jinja syntax) with strict undefined values, fed typed data
//! (see [`data`]); prose is rendered by pulldown-cmark, and raw HTML in it is cleaned
//! by ammonia.

mod build;
pub mod data;
mod deprecation;
mod engine;
mod error;
pub mod links;
mod manifest;
mod markdown;
mod nav;
mod output;
mod parts;
mod prose;
mod search;
mod site;
mod summary;
mod theme;

/// Every text of up to `rounds` pieces of `alphabet`, for the exhaustive tests (texts of
/// fewer pieces come more than once).
#[cfg(test)]
fn texts_of(alphabet: &[impl std::fmt::Display], rounds: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    for _ in 0..rounds {
        let longer: Vec<String> = texts
            .iter()
            .flat_map(|t| alphabet.iter().map(move |piece| format!("{t}{piece}")))
            .collect();
        texts.extend(longer);
    }
    texts
}

pub use build::method_anchor;
pub use error::RenderError;
pub use links::SiteLinks;
pub use markdown::SafeHtml;
pub use theme::{Origin, Theme};

pub use data::PageSummary;
use data::{IndexContext, PageContext, SiteData};
use markdown::Markdown;
use std::fs;
use std::path::{Path, PathBuf};

/// Site-wide settings.
#[derive(Clone, Debug)]
pub struct SiteSettings {
    pub title: String,
    /// The OpenAPI document written next to the site (`openapi.yaml`), linked for download.
    pub spec_link: Option<String>,
    /// Where links to pages outside the rendered set go: a URL the input root is published
    /// at (`https://docs.example.com/`), or a template with `{path}` (the target's path
    /// without `.md`, `_index` dropped: `https://docs.gitlab.com/{path}/`).
    pub docs_base_url: Option<String>,
    /// A template with `{path}` (the page's input path) for an "Edit this page" link.
    pub edit_url: Option<String>,
    /// The file name of the page that lists and groups the others (`api_resources.md`):
    /// the navigation follows its order and headings when it is rendered.
    pub index_page: Option<String>,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            title: "API reference".to_string(),
            spec_link: None,
            docs_base_url: None,
            edit_url: None,
            index_page: Some("api_resources.md".to_string()),
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

/// Something the site cannot show as the docs mean it, at a place in a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteFinding {
    /// The display path of the page's file.
    pub path: String,
    /// One-based line and column.
    pub line: usize,
    pub column: usize,
    pub code: &'static str,
    pub name: &'static str,
    pub message: String,
}

/// What a render wrote.
#[derive(Clone, Debug, Default)]
pub struct RenderReport {
    pub pages: usize,
    pub methods: usize,
    /// Every file written, in writing order.
    pub files: Vec<PathBuf>,
    /// Files of an earlier run that this run did not write again, removed.
    pub removed: Vec<PathBuf>,
    /// Per page, in page order.
    pub findings: Vec<SiteFinding>,
}

/// A link to a docs page that is not rendered, with no `docs_base_url` to send it to.
pub const OUTSIDE_LINK: (&str, &str) = ("SI001", "link-outside-site");

/// A link to an anchor that the rendered page it points at does not define.
pub const BROKEN_ANCHOR: (&str, &str) = ("SI002", "broken-anchor-link");

const SEARCH_GLOBAL: &str = "DOCSPEC_SEARCH_INDEX";
const NAV_GLOBAL: &str = "DOCSPEC_NAV";

/// Renders pages one at a time into `out_dir`; see the crate documentation.
pub struct SiteRenderer<'t> {
    engine: engine::Engine<'t>,
    md: Markdown,
    theme: &'t Theme,
    settings: SiteSettings,
    out_dir: PathBuf,
    links: SiteLinks,
    previous: manifest::Manifest,
}

impl<'t> SiteRenderer<'t> {
    /// Prepares a site of the pages at `paths` (input paths, as [`PageInput::path`]).
    /// Fails before writing anything if two pages would share an output file, or a
    /// path cannot be written inside `out_dir`.
    pub fn new(theme: &'t Theme, settings: SiteSettings, out_dir: &Path, paths: &[&str]) -> Result<Self, RenderError> {
        let mut outputs = Vec::with_capacity(paths.len());
        for path in paths {
            outputs.push((site::output_path(path)?, *path));
        }
        outputs.sort();
        if let Some(pair) = outputs.windows(2).find(|w| w[0].0 == w[1].0) {
            return Err(RenderError::PathCollision {
                first: pair[0].1.to_string(),
                second: pair[1].1.to_string(),
                output: pair[0].0.clone(),
            });
        }
        // Every folder once, here, rather than once per page written.
        let mut folders: Vec<&str> = outputs
            .iter()
            .map(|(o, _)| o.rsplit_once('/').map_or("", |(d, _)| d))
            .collect();
        folders.dedup();
        for folder in folders {
            let path = out_dir.join(folder);
            fs::create_dir_all(&path).map_err(|e| RenderError::io("create", &path, e))?;
        }
        Ok(SiteRenderer {
            engine: engine::Engine::new(theme)?,
            md: Markdown::new(),
            theme,
            links: SiteLinks::new(paths.iter().copied(), settings.docs_base_url.clone()),
            settings,
            out_dir: out_dir.to_path_buf(),
            previous: manifest::Manifest::read(out_dir)?,
        })
    }

    /// Renders and writes one page; the page's model is not needed after this returns.
    pub fn page(&self, input: PageInput<'_>) -> Result<PageSummary, RenderError> {
        self.page_from_events(input, None)
    }

    /// [`Self::page`], given the events the page's model was parsed from
    /// ([`docspec_parser::events`]), so its prose is not parsed again.
    pub fn page_from_events<'a>(
        &self,
        input: PageInput<'a>,
        events: Option<&'a [docspec_parser::PageEvent<'a>]>,
    ) -> Result<PageSummary, RenderError> {
        let out = site::output_path(input.path)?;
        let root = site::root_of(&out);
        let built = build::build_page(&self.md, &self.links, &input, events, &out, &self.settings);
        let context = PageContext {
            site: self.site_data(&root, Some(&built.data.title), built.description.clone()),
            page: &built.data,
            edit_href: edit_href(self.settings.edit_url.as_deref(), input.path),
        };
        let html = self.engine.render("page.html", &context, input.path)?;
        let path = self.out_dir.join(&out);
        if let Err(e) = output::write_if_changed(&path, html.as_bytes()) {
            // A page not named to `new` has no folder yet.
            if e.kind() != std::io::ErrorKind::NotFound {
                return Err(RenderError::io("write", &path, e));
            }
            write_file(&self.out_dir, &out, html.as_bytes())?;
        }
        Ok(built.summary)
    }

    /// Writes the index, navigation, search index, assets and manifest, and removes
    /// the files of the previous run that were not written again. `summaries` are in
    /// any order; `extra` names other files the caller wrote into the folder (such as
    /// `openapi.yaml`), so that they are kept in the manifest too.
    pub fn finish(self, mut summaries: Vec<PageSummary>, extra: &[&str]) -> Result<RenderReport, RenderError> {
        summaries.sort_by(|a, b| a.href.cmp(&b.href));
        let mut written: Vec<String> = summaries.iter().map(|s| s.href.clone()).collect();
        let mut write = |name: &str, bytes: &[u8]| -> Result<(), RenderError> {
            write_file(&self.out_dir, name, bytes)?;
            written.push(name.to_string());
            Ok(())
        };

        let groups = nav::groups(&summaries, self.settings.index_page.as_deref());
        let nav_json = serde_json::to_string(&nav::NavFile::new(&groups, &summaries))?;
        write("nav.js", format!("window.{NAV_GLOBAL} = {nav_json};\n").as_bytes())?;

        // One buffer holds the script, and the JSON file is the middle of it: the index
        // is the largest thing the site writes, so it is not copied.
        let mut script = format!("window.{SEARCH_GLOBAL} = ").into_bytes();
        let json_start = script.len();
        search::write_index_json(&summaries, &mut script)?;
        write("search-index.json", &script[json_start..])?;
        // Also as a script: fetch() of a local file is refused under file://.
        script.extend_from_slice(b";\n");
        write("search-index.js", &script)?;
        drop(script);

        let method_count = summaries.iter().map(|p| p.method_count).sum();
        let index = IndexContext {
            site: self.site_data("", None, None),
            page_count: summaries.len(),
            method_count,
            groups: nav::index_groups(&groups, &summaries),
        };
        let html = self.engine.render("index.html", &index, "index.html")?;
        write("index.html", html.as_bytes())?;
        for (name, file) in self.theme.assets() {
            write(name, &file.bytes)?;
        }

        let broken = summary::broken_anchors(&summaries, &self.links);
        let findings = summaries
            .iter()
            .zip(broken)
            .flat_map(|(s, mut broken)| {
                let mut findings = s.findings.clone();
                findings.append(&mut broken);
                findings.sort_by_key(|f| (f.line, f.column));
                findings
            })
            .collect();
        written.extend(extra.iter().map(|e| e.to_string()));
        let removed = self.previous.remove_stale(&self.out_dir, &written)?;
        manifest::Manifest::write(&self.out_dir, &written)?;
        Ok(RenderReport {
            pages: summaries.len(),
            methods: method_count,
            files: written.iter().map(|w| self.out_dir.join(w)).collect(),
            removed,
            findings,
        })
    }

    fn site_data(&self, root: &str, page_title: Option<&str>, description: Option<String>) -> SiteData {
        SiteData {
            title: self.settings.title.clone(),
            document_title: match page_title {
                Some(t) => format!("{t} · {}", self.settings.title),
                None => self.settings.title.clone(),
            },
            description,
            spec_href: spec_href(self.settings.spec_link.as_deref(), root),
            root: root.to_string(),
        }
    }
}

/// Renders `pages` into `out_dir`. Pages are sorted by path, so the output does not
/// depend on the order they are given in.
pub fn render_site(
    pages: &[PageInput<'_>],
    theme: &Theme,
    settings: &SiteSettings,
    out_dir: &Path,
) -> Result<RenderReport, RenderError> {
    let paths: Vec<&str> = pages.iter().map(|p| p.path).collect();
    let renderer = SiteRenderer::new(theme, settings.clone(), out_dir, &paths)?;
    let summaries = pages
        .iter()
        .map(|input| renderer.page(*input))
        .collect::<Result<Vec<_>, _>>()?;
    renderer.finish(summaries, &[])
}

fn write_file(out_dir: &Path, relative: &str, bytes: &[u8]) -> Result<(), RenderError> {
    let path = out_dir.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| RenderError::io("create", parent, e))?;
    }
    output::write_if_changed(&path, bytes).map_err(|e| RenderError::io("write", &path, e))
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

/// The "edit this page" link: the template with `{path}` replaced; http(s) only.
fn edit_href(template: Option<&str>, path: &str) -> Option<String> {
    let template = template?.trim();
    let lower = template.to_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| template.replace("{path}", path))
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
