//! Fixing one page: fixes are applied in passes until none is left (overlapping fixes
//! wait for the next pass), as `--fix` and the language server's "fix all" both do.

use docspec_diagnostics::{apply_fixes, Applicability, Diagnostic, Edit, Fix};
use docspec_lint::LintSettings;
use docspec_model::SourceFile;

/// Passes after which fixing stops even if fixes remain (they would not converge).
pub const MAX_PASSES: usize = 10;

/// The page's text with every fix at or above `threshold` applied until they settle,
/// and how many fixes were applied. CRLF line endings are kept.
pub fn fix_text(path: &str, text: &str, settings: &LintSettings, threshold: Applicability) -> (String, usize) {
    let crlf = docspec_model::newline_of(text) == "\r\n";
    let mut text = text.to_string();
    let mut total = 0;
    for _ in 0..MAX_PASSES {
        let source = SourceFile::new(path, text.clone());
        let page = docspec_parser::parse(&source);
        let diagnostics = docspec_lint::lint_page(&source, &page, settings);
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
