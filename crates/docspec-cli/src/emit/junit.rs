//! JUnit XML: a test suite per file; each finding is a failed test case, a file without
//! findings one passing case.

use super::{message_with_places, FileReport};
use std::io::{BufRead, Write};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
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
    let path = escape(report.path);
    let n = report.diagnostics.len();
    writeln!(
        out,
        r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0">"#,
        tests_of(n)
    )?;
    if n == 0 {
        writeln!(out, r#"    <testcase name="docspec" classname="{path}"/>"#)?;
    }
    for d in &report.diagnostics {
        let lc = report.source.line_col(d.range().start());
        writeln!(
            out,
            r#"    <testcase name="{} {} ({}:{})" classname="{path}" file="{path}" line="{}">"#,
            d.code, d.name, lc.line, lc.column, lc.line
        )?;
        let body = match &d.help {
            Some(help) => format!(
                "{}:{}:{}: {}\nhelp: {help}",
                report.path,
                lc.line,
                lc.column,
                message_with_places(d)
            ),
            None => format!("{}:{}:{}: {}", report.path, lc.line, lc.column, message_with_places(d)),
        };
        writeln!(
            out,
            r#"      <failure type="{}" message="{}">{}</failure>"#,
            d.severity,
            escape(&d.message),
            escape(&body)
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")
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
