//! Findings (`Diagnostic`), their labels and fixes.
//!
//! This crate knows no rule: rules live in `docspec-lint` and fill these types.
//! Rendering to a terminal happens in the CLI through the [`report::Report`] adapter.

mod diagnostic;
mod fix;
pub mod report;
mod snippet;

pub use diagnostic::{Diagnostic, Label, Related, Severity};
pub use fix::{apply_fixes, Applicability, Edit, Fix, FixError};
