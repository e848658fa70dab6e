//! The pages against an API spec: which spec operation each documented request line is,
//! what differs between the method and the operation, what the spec has that no page
//! documents (and which page should), and scaffolding of those methods.
//!
//! [`docs::extract`] reads one page into a small [`DocPage`] (so pages can be dropped as
//! the run goes); [`run`] compares all of them with a [`docspec_spec::Spec`] and returns
//! findings with `DR…` codes (declared in `docspec-lint`'s catalog) and a [`Coverage`].
//! Findings carry their default severity: the caller passes them through
//! `docspec_lint::finish_external` for selection, severities and inline suppressions.

mod compare;
mod coverage;
pub mod docs;
pub mod paths;
pub mod roundtrip;
pub mod scaffold;
mod suggest;
pub mod types;

pub use coverage::{Counts, Coverage, TagCoverage, Undocumented};
pub use docs::{extract, DocPage};

use docspec_diagnostics::Diagnostic;
use docspec_model::SourceFile;
use docspec_spec::Spec;

/// How pages and spec are matched (the `drift:` section of `.docspec.yml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DriftSettings {
    /// The API base path of request lines (`api.base_path`): `/api/v4`.
    pub base_path: String,
    /// Documented paths and the spec paths they are now (`/projects/:id/old` → `/projects/{id}/new`).
    pub renamed_paths: Vec<(String, String)>,
    /// Parameters the whole API documents once, not in each table (pagination).
    pub global_parameters: Vec<String>,
    /// The spec describes some resources only (a hand-written spec): request lines are
    /// reported missing from it only on pages that have an operation in it.
    pub partial: bool,
}

impl Default for DriftSettings {
    fn default() -> Self {
        Self {
            base_path: "/api/v4".to_string(),
            renamed_paths: Vec::new(),
            global_parameters: vec!["page".to_string(), "per_page".to_string()],
            partial: false,
        }
    }
}

/// Findings of one run and the coverage summary.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Findings on pages, with the index of the page in the run.
    pub page_findings: Vec<(usize, Diagnostic)>,
    /// Findings placed in the spec itself (ranges into the spec's text).
    pub spec_findings: Vec<Diagnostic>,
    pub coverage: Coverage,
    /// Each undocumented spec operation and the page (index into the pages given to
    /// [`run`]) and resource that should document it, if one fits.
    pub placements: Vec<Placement>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Index into the spec's operations.
    pub operation: usize,
    /// (page, resource) indexes.
    pub place: Option<(usize, usize)>,
}

/// Compares the pages with the spec. `spec_source` is the spec's text, for ranges.
pub fn run(spec: &Spec, spec_source: &SourceFile, pages: &[DocPage], settings: &DriftSettings) -> Outcome {
    compare::Run::new(spec, spec_source, pages, settings).finish()
}
