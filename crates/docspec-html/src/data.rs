//! The typed data the templates see. Field names are the template API: renaming one
//! breaks user themes, so add fields rather than rename them.

use crate::markdown::SafeHtml;
use crate::SiteFinding;
use serde::Serialize;

/// What every template gets about the site and where the current file sits in it.
/// The list of pages is not here: it is `nav.js`, shared by every page.
#[derive(Clone, Debug, Serialize)]
pub struct SiteData {
    pub title: String,
    /// The `<title>` of the current file.
    pub document_title: String,
    /// The meta description of the current file.
    pub description: Option<String>,
    /// `../` repeated to reach the site root from the current file; empty at the root.
    pub root: String,
    /// Where to download the OpenAPI document, relative to the current file.
    pub spec_href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct IndexContext {
    pub site: SiteData,
    pub page_count: usize,
    pub method_count: usize,
    /// The pages in navigation order: as the API index page groups them, else by title.
    pub groups: Vec<IndexGroup>,
}

#[derive(Debug, Serialize)]
pub struct IndexGroup {
    /// Empty for a site without an index page.
    pub title: String,
    pub pages: Vec<IndexPage>,
}

#[derive(Debug, Serialize)]
pub struct IndexPage {
    pub title: String,
    pub path: String,
    pub href: String,
    pub method_count: usize,
    pub methods_label: String,
    pub sections: Vec<IndexSection>,
}

/// A top-level section of a page, with the methods it holds.
#[derive(Clone, Debug, Serialize)]
pub struct IndexSection {
    pub title: String,
    /// `#anchor`, relative to the page.
    pub href: String,
    pub method_count: usize,
}

/// A link to an anchor of another rendered page: where it is and its destination, as
/// written (the page it names is found again when the link is checked).
#[derive(Clone, Debug)]
pub struct AnchorLink {
    pub line: u32,
    pub column: u32,
    pub dest: Box<str>,
}

/// What the site keeps of a page once it is written: enough for the index, the
/// navigation and the search, proportional to the page's headings.
#[derive(Clone, Debug)]
pub struct PageSummary {
    pub title: String,
    pub path: String,
    /// The output path, from the site root.
    pub href: String,
    pub method_count: usize,
    pub methods_label: String,
    pub sections: Vec<IndexSection>,
    pub search: Vec<SearchEntry>,
    pub findings: Vec<SiteFinding>,
    /// The page as links name it (its normalized input path), the anchors it defines,
    /// and its links to anchors of other rendered pages, checked once every page is read
    /// and reported at the page's display path.
    pub key: String,
    pub anchors: docspec_model::PageAnchors,
    pub anchor_links: Vec<AnchorLink>,
    pub display_path: String,
    /// For the API index page: its headings with the rendered pages it links under each
    /// (output paths from the site root), in order.
    pub index_links: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Serialize)]
pub struct PageContext<'a> {
    pub site: SiteData,
    pub page: &'a PageData,
    /// The "Edit this page" link, when `render.edit_url` is set.
    pub edit_href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PageData {
    pub title: String,
    /// The input path, as given to the renderer.
    pub path: String,
    /// Availability of the page, or the tiers every method shares (then shown once).
    pub availability: Vec<Badge>,
    pub history: Vec<HistoryItem>,
    pub intro: SafeHtml,
    pub blocks: Vec<BlockData>,
    /// The page's sections and methods, for its table of contents.
    pub toc: Vec<TocEntry>,
    pub method_count: usize,
    /// `1 endpoint`, `3 endpoints`.
    pub methods_label: String,
}

/// One entry of a page's table of contents: a section, or a method with its verb.
#[derive(Clone, Debug, Serialize)]
pub struct TocEntry {
    pub title: String,
    pub href: String,
    /// Nesting in the page: methods sit one deeper than the resource that holds them.
    pub depth: u8,
    /// `resource` (a section holding methods), `section`, or `method`.
    pub kind: &'static str,
    pub verb: Option<String>,
    pub verb_class: Option<String>,
    pub deprecated: bool,
    pub method_count: usize,
}

/// A section or a method, in source order; exactly one is set.
#[derive(Debug, Serialize)]
pub struct BlockData {
    pub section: Option<SectionData>,
    pub method: Option<MethodData>,
}

#[derive(Debug, Serialize)]
pub struct SectionData {
    pub level: u8,
    pub anchor: String,
    pub title_html: SafeHtml,
    pub availability: Vec<Badge>,
    pub history: Vec<HistoryItem>,
    pub prose: SafeHtml,
}

#[derive(Debug, Serialize)]
pub struct MethodData {
    pub anchor: String,
    pub level: u8,
    /// The level of headings inside the card.
    pub sub_level: u8,
    pub title: String,
    pub title_html: SafeHtml,
    pub deprecated: bool,
    /// Only where they differ from the page's.
    pub availability: Vec<Badge>,
    pub requests: Vec<RequestData>,
    /// Prose before the request block: the description, notes, alerts.
    pub description: SafeHtml,
    pub history: Vec<HistoryItem>,
    /// The request attributes, split into path, query and body parameters.
    pub parameters: Vec<AttributeTableData>,
    pub success: Vec<StatusData>,
    /// Whether there is a success status or a response table to show.
    pub has_response: bool,
    pub response_attributes: Vec<AttributeTableData>,
    pub examples: Vec<ExampleData>,
    /// Prose after the request block that is not shown in structured form.
    pub notes: SafeHtml,
}

#[derive(Debug, Serialize)]
pub struct RequestData {
    pub verb: String,
    /// `get`, `post`, `put`, `patch`, `delete`, or `other`.
    pub verb_class: String,
    pub segments: Vec<PathSegment>,
    pub query: Option<String>,
    /// The whole request line, for copying.
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct PathSegment {
    pub text: String,
    pub param: bool,
}

#[derive(Debug, Serialize)]
pub struct AttributeTableData {
    /// `Path parameters`, `Query parameters`, `Body parameters`; empty for response tables.
    pub heading: String,
    /// `path`, `query`, `body`, or `response`.
    pub kind: &'static str,
    /// The heading level of the table's title.
    pub level: u8,
    pub caption: Option<SafeHtml>,
    pub has_type: bool,
    pub has_required: bool,
    pub rows: Vec<AttributeRowData>,
}

#[derive(Debug, Serialize)]
pub struct AttributeRowData {
    pub name: String,
    /// The name cut after `_`, `.` and `/`, where a narrow column may break it.
    pub name_parts: Vec<String>,
    /// `commit.author` nests under `commit`: the depth, for indenting.
    pub depth: usize,
    /// How many rows below nest under this one (they can be folded away).
    pub children: usize,
    pub type_: String,
    /// The type cut after `/` and `,` (`integer/string`), where it may wrap.
    pub type_parts: Vec<String>,
    pub required: String,
    pub required_yes: bool,
    pub description: SafeHtml,
    pub deprecated: bool,
    /// The attribute to use instead, when the docs name one.
    pub replacement: Option<String>,
    /// `16.10` when the docs say in which version the attribute was introduced.
    pub introduced: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct StatusData {
    pub text: String,
    /// `success`, `redirect`, `client-error`, `server-error`, or `unknown`.
    pub class: String,
}

#[derive(Debug, Serialize)]
pub struct ExampleData {
    /// `curl`, `response`, `request_body`, or `other`.
    pub role: String,
    pub label: String,
    pub caption_html: SafeHtml,
    pub lang: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// `tier`, `offering`, `status`, or `deprecated`.
    pub kind: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct HistoryItem {
    pub html: SafeHtml,
    pub version: Option<String>,
    pub flag: Option<String>,
    /// `enabled` or `disabled`.
    pub flag_default: Option<String>,
}

/// One searchable thing: a page, a section, or a method.
#[derive(Clone, Debug, Serialize)]
pub struct SearchEntry {
    /// `page`, `section`, or `method`.
    pub k: &'static str,
    /// Title.
    pub t: String,
    /// Page title (empty for a page).
    pub g: String,
    /// Request lines, `GET /path`.
    pub p: Vec<String>,
    /// Attribute names.
    pub a: Vec<String>,
    /// Words of the prose, lower case, each once.
    pub x: String,
    /// URL from the site root, with the anchor.
    pub u: String,
}
