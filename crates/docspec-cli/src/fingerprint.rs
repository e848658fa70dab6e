//! Stable fingerprints of findings, shared by the GitLab Code Quality report and the
//! baseline: they hash the path, rule, message and the text of the finding's line (not
//! its number), so they stay the same when lines are added above.

use docspec_diagnostics::Diagnostic;
use docspec_model::SourceFile;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The fingerprint of each of one file's findings, in order. `path` is the name the
/// fingerprints are keyed by (the report path, or the path relative to a baseline).
pub fn fingerprints(path: &str, source: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let lc = source.line_col(d.range().start());
            let line_range = source.lines().line_range(source.text(), lc.line - 1);
            let line_text = source.slice(line_range).trim();
            let key = format!("{path}\u{0}{}\u{0}{}\u{0}{line_text}", d.code, d.message);
            // The same finding twice on identical lines still gets two fingerprints.
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            let digest = Sha256::digest(format!("{key}\u{0}{n}").as_bytes());
            digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_model::TextRange;

    fn finding(at: usize) -> Diagnostic {
        Diagnostic::new(
            "AT004",
            "required-value",
            docspec_diagnostics::Severity::Warning,
            "m",
            TextRange::new(at, at + 1),
        )
    }

    #[test]
    fn moving_a_line_keeps_its_fingerprint_and_twins_differ() {
        let before = SourceFile::new("a.md", "x\n| a | yes |\n| b | yes |\n");
        let after = SourceFile::new("a.md", "new line\n\nx\n| a | yes |\n| b | yes |\n");
        let a = fingerprints("a.md", &before, &[finding(2)]);
        let b = fingerprints("a.md", &after, &[finding(12)]);
        assert_eq!(a, b);
        let twins = SourceFile::new("a.md", "yes\nyes\n");
        let both = fingerprints("a.md", &twins, &[finding(0), finding(4)]);
        assert_ne!(both[0], both[1]);
        assert_ne!(
            fingerprints("b.md", &before, &[finding(2)]),
            a,
            "the path is part of it"
        );
    }
}
