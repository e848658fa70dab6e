//! `--fix` and `--diff`: apply fixes page by page until none is left (at most a few
//! passes, since overlapping fixes wait for the next one), then write atomically.

use crate::files::write_atomic;
use crate::workspace::{Entry, Workspace};
use crate::CliError;
use docspec_diagnostics::{apply_fixes, Applicability, Diagnostic, Edit, Fix};
use docspec_model::SourceFile;
use std::io::Write;

const MAX_PASSES: usize = 10;

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
    let crlf = entry.source.text().contains("\r\n");
    let mut text = entry.source.text().to_string();
    let mut total = 0;
    for _ in 0..MAX_PASSES {
        let source = SourceFile::new(entry.source.path(), text.clone());
        let page = docspec_parser::parse(&source);
        let diagnostics = docspec_lint::lint_page(&source, &page, &entry.settings);
        let fixes: Vec<Fix> = diagnostics
            .iter()
            .filter_map(|d: &Diagnostic| d.fix.as_ref())
            .filter(|f| f.applicability() >= threshold)
            .filter_map(|f| if crlf { with_crlf(f) } else { Some(f.clone()) })
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (next, applied) = apply_fixes(&text, &fixes);
        if applied == 0 || next == text {
            break;
        }
        text = next;
        total += applied;
    }
    (text, total)
}

/// The same fix, with new lines written as the file writes them.
fn with_crlf(fix: &Fix) -> Option<Fix> {
    let edits = fix
        .edits()
        .iter()
        .map(|e| {
            let replacement = e.replacement.replace("\r\n", "\n").replace('\n', "\r\n");
            Edit::replacement(e.range, replacement)
        })
        .collect();
    Fix::new(fix.title(), fix.applicability(), edits).ok()
}

pub fn write_diff(path: &str, before: &str, after: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let diff = similar::TextDiff::from_lines(before, after);
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(2)
            .header(&format!("a/{path}"), &format!("b/{path}"))
    )
}
