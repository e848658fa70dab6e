//! Fixing one page: fixes are applied in passes until none is left, as `--fix` and the
//! language server's "fix all" both do. Overlapping fixes wait for the next pass, and so
//! do fixes of a second rule in the same code block: two rules that each fix a
//! cURL command (one spells out `-url`, another adds `--url`) are right alone but can be
//! wrong together, so the second sees the first one's result before it fixes again.

use docspec_diagnostics::{apply_fixes, Applicability, Diagnostic, Edit, Fix};
use docspec_lint::LintSettings;
use docspec_model::{Page, SourceFile, TextRange};

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
        let fixes: Vec<Fix> = isolated(&page, &diagnostics, threshold)
            .into_iter()
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

/// The fixes of this pass: in each code block, only those of the first rule that fixes
/// something there. (Table fixes of different rules touch different cells or overlap.)
fn isolated<'d>(page: &Page, diagnostics: &'d [Diagnostic], threshold: Applicability) -> Vec<&'d Fix> {
    let blocks: Vec<TextRange> = page.code_blocks.iter().map(|b| b.range).collect();
    let mut owners: Vec<(TextRange, &str)> = Vec::new();
    let mut out = Vec::new();
    for diagnostic in diagnostics {
        let Some(fix) = diagnostic.fix.as_ref().filter(|f| f.applicability() >= threshold) else {
            continue;
        };
        let block = fix.range().and_then(|r| {
            blocks
                .iter()
                .copied()
                .find(|b| b.start() <= r.start() && r.end() <= b.end())
        });
        if let Some(block) = block {
            match owners.iter().find(|(b, _)| *b == block) {
                Some((_, owner)) if *owner != diagnostic.code => continue,
                Some(_) => {}
                None => owners.push((block, diagnostic.code)),
            }
        }
        out.push(fix);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_diagnostics::Severity;

    fn fixing(code: &'static str, at: usize) -> Diagnostic {
        let range = TextRange::new(at, at + 1);
        Diagnostic::new(code, "test", Severity::Warning, "m", range)
            .with_fix(Fix::safe("f", vec![Edit::replacement(range, "x")]))
    }

    #[test]
    fn a_second_rule_waits_in_a_block_the_first_fixes() {
        let text = "# T\n\n```shell\ncurl -url \"https://h/x\"\n```\n\nText a b c.\n";
        let page = docspec_parser::parse_str(text);
        let in_block = text.find("-url").unwrap();
        let in_prose = text.find("a b").unwrap();
        let diagnostics = [
            fixing("CU001", in_block),
            fixing("CU001", in_block + 2),
            fixing("CU003", in_block + 6),
            fixing("XX001", in_prose),
            fixing("XX002", in_prose + 2),
        ];
        let chosen: Vec<usize> = isolated(&page, &diagnostics, Applicability::Safe)
            .iter()
            .map(|f| f.range().unwrap().start())
            .collect();
        // Both of CU001's fixes, not CU003's in the same block; outside blocks, every rule's.
        assert_eq!(chosen, [in_block, in_block + 2, in_prose, in_prose + 2]);
    }
}
