//! JUnit XML: a test suite per file; each finding is a failed test case, a file without
//! findings one passing case.

use super::{message_with_places, FileReport};
use std::io::{BufRead, Write};

/// `text` escaped for XML into `out`: the five markup characters as entities, and the
/// control characters XML 1.0 forbids left out. Every one is a single byte, so runs of
/// other bytes are copied whole.
fn escape(text: &str, out: &mut Vec<u8>) {
    super::push_escaped(out, text, |b| match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'"' => Some(b"&quot;"),
        b'\'' => Some(b"&apos;"),
        b'\n' | b'\t' | b'\r' => None,
        0..=0x1f => Some(b""),
        _ => None,
    });
}

/// The test cases a page with `findings` counts for: its findings, or one passing case.
pub fn tests_of(findings: usize) -> usize {
    findings.max(1)
}

/// One page's test suite.
pub fn fragment(report: &FileReport<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_suite(report, &mut out);
    out
}

fn write_suite(report: &FileReport<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut path = Vec::with_capacity(report.path.len());
    escape(report.path, &mut path);
    let n = report.diagnostics.len();
    out.extend_from_slice(b"  <testsuite name=\"");
    out.extend_from_slice(&path);
    writeln!(out, r#"" tests="{}" failures="{n}" errors="0">"#, tests_of(n))?;
    if n == 0 {
        out.extend_from_slice(b"    <testcase name=\"docspec\" classname=\"");
        out.extend_from_slice(&path);
        out.extend_from_slice(b"\"/>\n");
    }
    for d in &report.diagnostics {
        let lc = report.source.line_col(d.range().start());
        write!(
            out,
            r#"    <testcase name="{} {} ({}:{})" classname=""#,
            d.code, d.name, lc.line, lc.column
        )?;
        out.extend_from_slice(&path);
        out.extend_from_slice(b"\" file=\"");
        out.extend_from_slice(&path);
        writeln!(out, r#"" line="{}">"#, lc.line)?;
        write!(out, r#"      <failure type="{}" message=""#, d.severity)?;
        escape(&d.message, out);
        out.extend_from_slice(b"\">");
        let place = format!("{}:{}:{}: ", report.path, lc.line, lc.column);
        escape(&place, out);
        escape(&message_with_places(d), out);
        if let Some(help) = &d.help {
            out.extend_from_slice(b"\nhelp: ");
            escape(help, out);
        }
        out.extend_from_slice(b"</failure>\n    </testcase>\n");
    }
    out.extend_from_slice(b"  </testsuite>\n");
    Ok(())
}

/// The document: its counts, then the suites written so far.
pub fn write(tests: usize, failures: usize, suites: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="docspec" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    std::io::copy(suites, out)?;
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escape as it was written first, a character at a time, for comparison.
    fn by_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn escapes_as_a_character_at_a_time_does() {
        let all: String = (0u8..128)
            .map(char::from)
            .chain(['é', '\u{85}', '\u{2028}', '🎉', '数'])
            .collect();
        for text in [all.as_str(), "", "plain", "&&", "a<b>c", "\u{0}x\u{1f}"] {
            let mut out = Vec::new();
            escape(text, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), by_char(text), "{text:?}");
        }
    }
}
