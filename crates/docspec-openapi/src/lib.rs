//! An OpenAPI 3.0.3 document from parsed REST API reference pages.
//!
//! [`emit`] merges any number of pages into one document. Whatever the pages say that
//! cannot be carried over faithfully (a request line outside the API, a duplicate
//! operation, an example that is not JSON) is left out and reported as a [`Finding`]
//! with its file and range, never dropped silently.

mod codes;
mod components;
mod describe;
mod document;
mod emit;
mod errors;
mod example_check;
mod extensions;
mod infer;
mod json;
mod kept;
mod link_walk;
mod links;
mod merge;
mod naming;
mod node;
mod operation;
mod pagination;
mod params;
mod paths;
mod prefixes;
mod responses;
mod security;
mod serialize;
mod spill;
mod statuses;
pub mod stream;
mod tags;
mod tree;
mod types;
mod unify;
mod yaml;

pub use codes::*;

/// How the emitter reads attribute tables and prose (types, defaults, allowed values,
/// deprecation, nested names), shared with `docspec drift` so both read a page alike.
pub mod reading {
    pub use crate::describe::{default_value, enum_values};
    pub use crate::extensions::{deprecation, says_deprecated};
    pub use crate::prefixes::RoutePrefixes;
    pub use crate::tree::{split as split_name, Segment};
    pub use crate::types::{map as map_type, Mapped};
}
pub use document::Document;
pub use emit::{emit, emit_document, emit_document_spilling};
pub use serialize::{to_json, to_yaml};

use docspec_diagnostics::Diagnostic;
use docspec_model::{Page, SourceFile};
use std::collections::BTreeMap;

/// What the document says about itself; the pages give everything else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenApiSettings {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub servers: Vec<String>,
    /// Request lines under this prefix are relative to it: `/api/v4/projects` is `/projects`.
    pub base_path: String,
    /// The host cURL examples use; their URLs are matched to operations without it.
    pub example_host: String,
    /// Schema names to use instead of derived ones: keyed by a derived name or by an
    /// operationId (whose response schema it names).
    pub schema_names: BTreeMap<String, String>,
    /// Where the pages are published; relative links in descriptions become absolute under
    /// it (the folder that holds every page is its root). `None`: links become plain text.
    pub docs_base_url: Option<String>,
    /// Error statuses every operation may return (400 only with input, 404 only with a
    /// path parameter); each method's own documented errors are added.
    pub error_responses: Vec<u16>,
    /// List operations (a `GET` returning an array) are paginated even when their page
    /// does not say so, as the API overview documents.
    pub paginate_lists: bool,
}

impl Default for OpenApiSettings {
    fn default() -> Self {
        Self {
            title: "GitLab REST API".to_string(),
            version: "v4".to_string(),
            description: Some("The GitLab REST API, as its reference pages document it.".to_string()),
            servers: vec!["https://gitlab.example.com/api/v4".to_string()],
            base_path: "/api/v4".to_string(),
            example_host: "https://gitlab.example.com".to_string(),
            schema_names: BTreeMap::new(),
            docs_base_url: Some("https://docs.gitlab.com/api/".to_string()),
            error_responses: vec![400, 401, 403, 404],
            paginate_lists: true,
        }
    }
}

/// One parsed page and where it came from.
#[derive(Clone, Copy, Debug)]
pub struct PageInput<'a> {
    /// Display path, such as `doc/api/branches.md`.
    pub path: &'a str,
    pub source: &'a SourceFile,
    pub page: &'a Page,
}

/// Something in a page that kept the spec from saying what the page says.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The display path of the page.
    pub path: String,
    /// One-based line and column of the primary range.
    pub line: usize,
    pub column: usize,
    pub diagnostic: Diagnostic,
}
