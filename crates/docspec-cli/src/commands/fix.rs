//! `--fix` and `--diff`: apply fixes page by page until none is left (the loop is
//! `docspec_workspace::fix_text`), then write atomically.

use crate::files::write_atomic;
use crate::workspace::{Entry, Workspace};
use crate::CliError;
use docspec_diagnostics::Applicability;
use std::io::Write;

pub struct FixSummary {
    pub fixed: usize,
    pub files: usize,
    pub skipped: Vec<String>,
}

/// Fixes every page; with `diff`, prints what would change instead of writing.
pub fn run(
    ws: &Workspace,
    threshold: Applicability,
    diff: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<FixSummary, CliError> {
    let mut summary = FixSummary {
        fixed: 0,
        files: 0,
        skipped: Vec::new(),
    };
    for entry in ws.entries.iter().filter(|e| e.unreadable.is_none()) {
        let (text, fixed) = fix_text(entry, threshold);
        if fixed == 0 || text == entry.source.text() {
            continue;
        }
        summary.fixed += fixed;
        summary.files += 1;
        if diff {
            write_diff(entry.source.path(), entry.source.text(), &text, out)?;
            continue;
        }
        // Never overwrite a file that changed since it was read.
        let on_disk = std::fs::read(&entry.path).map_err(|source| CliError::Io {
            path: entry.path.clone(),
            source,
        })?;
        if on_disk != original_bytes(entry) {
            writeln!(
                err,
                "{}: changed on disk while docspec was running; not fixed",
                entry.source.path()
            )?;
            summary.skipped.push(entry.source.path().to_string());
            summary.fixed -= fixed;
            summary.files -= 1;
            continue;
        }
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if entry.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        write_atomic(&entry.path, &bytes)?;
    }
    Ok(summary)
}

fn original_bytes(entry: &Entry) -> Vec<u8> {
    let mut bytes = Vec::new();
    if entry.bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    bytes.extend_from_slice(entry.source.text().as_bytes());
    bytes
}

/// The page's text with fixes applied until they settle, and how many were applied.
fn fix_text(entry: &Entry, threshold: Applicability) -> (String, usize) {
    docspec_workspace::fix_text(entry.source.path(), entry.source.text(), &entry.settings, threshold)
}

fn write_diff(path: &str, before: &str, after: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let (old, new) = diff_headers(path);
    let diff = similar::TextDiff::from_lines(before, after);
    write!(out, "{}", diff.unified_diff().context_radius(2).header(&old, &new))
}

/// `a/path` and `b/path` as git writes them for relative paths; an absolute path is
/// written as it is on both sides (`a//home/...` is no path at all).
fn diff_headers(path: &str) -> (String, String) {
    if std::path::Path::new(path).is_absolute() {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    }
}
