//! docspec's rules, declared once each, with the runner that applies them.
//!
//! A rule is one file under `src/rules/<category>/`: a doc comment, a
//! `#[derive(RuleMeta)]` declaration and an `impl Check`. One line in `rules/mod.rs`
//! registers it. The runner resolves severities from [`LintSettings`], applies inline
//! suppressions and sorts findings.

extern crate self as docspec_lint;

pub mod cache;
mod context;
pub mod docs;
/// JSON examples (re-exported: rules and their tests read them through `crate::json`).
pub use docspec_json as json;
mod meta;
pub mod options;
mod project;
pub mod registry;
mod rule;
pub mod rules;
mod runner;
mod settings;
pub mod suppress;
pub mod vocabulary;

pub use context::LintContext;
pub use docspec_diagnostics::{Diagnostic, Severity};
pub use docspec_macros::RuleMeta;
pub use meta::{Category, FixAvailability, RuleMeta, RuleMetadata};
pub use options::OptionError;
pub use project::{is_index, AttributeFact, OperationSummary, PageSummary, ProjectFile, ProjectInfo};
pub use registry::{all_metadata, find, suggest, RULES};
pub use rule::{Check, ProjectCheck, Rule};
pub use runner::{
    check_and_summarize, check_page, check_project, finish, finish_external, finish_external_with, finish_suppressed,
    lint_page, ProjectRun,
};
pub use settings::{ApiSettings, LintSettings, RuleSelection};
