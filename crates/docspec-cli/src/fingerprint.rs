//! Stable fingerprints of findings, shared by the GitLab Code Quality report and the
//! baseline: they hash the path, rule, message and the text of the finding's line (not
//! its number), so they stay the same when lines are added above. A message that cites
//! another line by number (`(line 1179)`) is hashed with that number left out, since it
//! moves with the lines too.

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
            let key = format!(
                "{path}\u{0}{}\u{0}{}\u{0}{line_text}",
                d.code,
                without_line_numbers(&d.message)
            );
            // The same finding twice on identical lines still gets two fingerprints.
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            let digest = Sha256::digest(format!("{key}\u{0}{n}").as_bytes());
            hex(&digest[..16])
        })
        .collect()
}

/// Lower-case hexadecimal, two digits a byte.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// `message` with the number after each `line ` or `lines ` replaced by `#`.
pub fn without_line_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let word = if from.starts_with("lines ") { "lines " } else { "line " };
        let inside_a_word = out.chars().next_back().is_some_and(char::is_alphanumeric);
        if !from.starts_with(word) || inside_a_word {
            out.push_str("line");
            rest = &from[4..];
            continue;
        }
        out.push_str(word);
        let after = &from[word.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            out.push('#');
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
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
    fn hex_is_two_lower_case_digits_a_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&all), expected);
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

    #[test]
    fn line_numbers_cited_in_messages_do_not_count() {
        assert_eq!(
            without_line_numbers("required (line 1179), says `No`"),
            "required (line #), says `No`"
        );
        assert_eq!(
            without_line_numbers("before the details on line 12"),
            "before the details on line #"
        );
        assert_eq!(
            without_line_numbers("lines 3 and baseline 7 and outline"),
            "lines # and baseline 7 and outline"
        );
        assert_eq!(
            without_line_numbers("`201` has no reason phrase"),
            "`201` has no reason phrase"
        );
        let source = SourceFile::new("a.md", "| a | No |\n");
        let cite = |n: usize| {
            let mut d = finding(0);
            d.message = format!("one of them is required (line {n})");
            d
        };
        assert_eq!(
            fingerprints("a.md", &source, &[cite(10)]),
            fingerprints("a.md", &source, &[cite(11)])
        );
    }
}
