//! An OpenAPI 3.0.3 document from parsed REST API reference pages.
//!
//! [`emit`] merges any number of pages into one document. Whatever the pages say that
//! cannot be carried over faithfully (a request line outside the API, a duplicate
//! operation, an example that is not JSON) is left out and reported as a [`Finding`]
//! with its file and range, never dropped silently.

mod codes;
mod describe;
mod emit;
mod example_check;
mod extensions;
mod json;
mod merge;
mod operation;
mod params;
mod paths;
mod responses;
mod security;
mod serialize;
mod tree;
mod types;
mod yaml;

pub use codes::*;

/// How the emitter reads attribute tables and prose (types, defaults, allowed values,
/// deprecation, nested names), shared with `docspec drift` so both read a page alike.
pub mod reading {
    pub use crate::describe::{default_value, enum_values};
    pub use crate::extensions::{deprecation, says_deprecated};
    pub use crate::tree::{split as split_name, Segment};
    pub use crate::types::{map as map_type, Mapped};
}
pub use emit::emit;
pub use serialize::{to_json, to_yaml};

use docspec_diagnostics::Diagnostic;
use docspec_model::{Page, SourceFile};

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
