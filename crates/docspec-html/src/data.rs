//! The typed data the templates see. Field names are the template API: renaming one
//! breaks user themes, so add fields rather than rename them.

use crate::markdown::SafeHtml;
use serde::Serialize;

/// What every template gets about the site and where the current file sits in it.
#[derive(Clone, Debug, Serialize)]
pub struct SiteData {
    pub title: String,
    /// The `<title>` of the current file.
    pub document_title: String,
    /// `../` repeated to reach the site root from the current file; empty at the root.
    pub root: String,
    /// Where to download the OpenAPI document, relative to the current file.
    pub spec_href: Option<String>,
    /// Every page, for the sidebar.
    pub nav: Vec<NavPage>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NavPage {
    pub title: String,
    pub href: String,
    pub current: bool,
    pub method_count: usize,
    /// The sections and methods of the current page; empty for the others.
    pub toc: Vec<TocEntry>,
}

#[derive(Debug, Serialize)]
pub struct IndexContext {
    pub site: SiteData,
    pub page_count: usize,
    pub method_count: usize,
    pub pages: Vec<PageSummary>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub path: String,
    pub href: String,
    pub method_count: usize,
    pub methods_label: String,
    pub sections: Vec<TocEntry>,
}

#[derive(Debug, Serialize)]
pub struct PageContext<'a> {
    pub site: SiteData,
    pub page: &'a PageData,
}

#[derive(Debug, Serialize)]
pub struct PageData {
    pub title: String,
    /// The input path, as given to the renderer.
    pub path: String,
    pub availability: Vec<Badge>,
    pub history: Vec<HistoryItem>,
    pub intro: SafeHtml,
    pub blocks: Vec<BlockData>,
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
    pub level: u8,
    pub verb: Option<String>,
    pub verb_class: Option<String>,
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
    pub availability: Vec<Badge>,
    pub requests: Vec<RequestData>,
    /// Prose before the request block: the description, notes, alerts.
    pub description: SafeHtml,
    pub history: Vec<HistoryItem>,
    pub request_attributes: Vec<AttributeTableData>,
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
    pub caption: Option<String>,
    pub has_type: bool,
    pub has_required: bool,
    pub rows: Vec<AttributeRowData>,
}

#[derive(Debug, Serialize)]
pub struct AttributeRowData {
    pub name: String,
    /// `commit.author` nests under `commit`: the depth, for indenting.
    pub depth: usize,
    pub type_: String,
    pub required: String,
    pub required_yes: bool,
    pub description: SafeHtml,
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

#[derive(Clone, Debug, Serialize)]
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

/// One searchable method.
#[derive(Debug, Serialize)]
pub struct SearchEntry {
    /// Method title.
    pub t: String,
    /// Page title.
    pub g: String,
    /// Request lines, `GET /path`.
    pub p: Vec<String>,
    /// Attribute names.
    pub a: Vec<String>,
    /// URL from the site root, with the anchor.
    pub u: String,
}
