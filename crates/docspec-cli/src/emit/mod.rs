//! Report formats, one file each. They serialize view structs, not `Diagnostic` itself.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;

use docspec_diagnostics::{Diagnostic, Severity};
use docspec_model::SourceFile;

/// The findings of one file, sorted.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub source: &'a SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// The finding's message, followed by the places in a compared spec (related locations
/// with a JSON pointer), for formats that have one text field.
pub fn message_with_places(d: &Diagnostic) -> std::borrow::Cow<'_, str> {
    let places: Vec<String> = d
        .related
        .iter()
        .filter(|r| r.pointer.is_some())
        .map(docspec_diagnostics::Related::place)
        .collect();
    if places.is_empty() {
        d.message.as_str().into()
    } else {
        format!("{} [{}]", d.message, places.join("; ")).into()
    }
}

/// Counts per severity over all reports.
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files_with_findings: usize,
    pub files: usize,
}

pub fn totals(reports: &[FileReport<'_>]) -> Totals {
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    Totals {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        files_with_findings: reports.iter().filter(|r| !r.diagnostics.is_empty()).count(),
        files: reports.len(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "Found 3 errors and 1 warning in 2 of 5 files." or "All checks passed (5 files)."
pub fn summary(reports: &[FileReport<'_>]) -> String {
    let t = totals(reports);
    if t.errors + t.warnings + t.infos == 0 {
        return format!("All checks passed ({}).", plural(t.files, "file"));
    }
    let mut parts = vec![plural(t.errors, "error"), plural(t.warnings, "warning")];
    if t.infos > 0 {
        parts.push(plural(t.infos, "info"));
    }
    let last = parts.pop().unwrap_or_default();
    format!(
        "Found {} and {last} in {} of {}.",
        parts.join(", "),
        t.files_with_findings,
        plural(t.files, "file")
    )
}
