//! A JSON array, one object per finding; positions are one-based, columns count characters.

use super::FileReport;

pub(crate) mod pretty;
use docspec_diagnostics::Diagnostic;
use docspec_model::SourceFile;
use serde::Serialize;

#[derive(Clone, Serialize)]
pub struct Finding<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub fix: Option<FixView<'a>>,
    pub related: Vec<RelatedView<'a>>,
}

#[derive(Clone, Serialize)]
pub struct FixView<'a> {
    pub title: &'a str,
    pub applicability: docspec_diagnostics::Applicability,
    pub edits: Vec<EditView<'a>>,
}

#[derive(Clone, Serialize)]
pub struct EditView<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub content: &'a str,
}

#[derive(Clone, Serialize)]
pub struct RelatedView<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub message: &'a str,
    /// JSON pointer into a spec the page was compared with (`docspec drift`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<&'a str>,
}

pub fn finding<'a>(path: &'a str, source: &SourceFile, d: &'a Diagnostic) -> Finding<'a> {
    let start = source.line_col(d.range().start());
    let end = source.line_col(d.range().end());
    Finding {
        path,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|f| FixView {
            title: f.title(),
            applicability: f.applicability(),
            edits: f
                .edits()
                .iter()
                .map(|e| {
                    let s = source.line_col(e.range.start());
                    let t = source.line_col(e.range.end());
                    EditView {
                        line: s.line,
                        column: s.column,
                        end_line: t.line,
                        end_column: t.column,
                        content: &e.replacement,
                    }
                })
                .collect(),
        }),
        related: d
            .related
            .iter()
            .map(|r| RelatedView {
                path: &r.path,
                line: r.line,
                column: r.column,
                message: &r.message,
                pointer: r.pointer.as_deref(),
            })
            .collect(),
    }
}

/// One file's findings as they stand inside the report's array: each object printed as
/// serde_json's pretty printer prints it (byte for byte, a test holds it), one level in,
/// joined by commas; empty when the file has none. Written by hand: the generic printer
/// was a sixth of a whole run.
pub fn fragment(report: &FileReport<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(report.diagnostics.len() * 512);
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        pretty::finding(&finding(report.path, report.source, d), &mut out);
    }
    out
}

/// Serializes `value` as serde_json's pretty printer writes it `spaces` deep in a
/// document: pretty JSON has no line end inside a string, so indenting each line is safe.
/// The reports print by hand; this is what their tests compare them with.
#[cfg(test)]
pub fn pretty_element(value: &impl serde::Serialize, spaces: usize, out: &mut Vec<u8>) {
    let mut text = Vec::new();
    // Serializing plain structs into a Vec cannot fail.
    let _ = serde_json::to_writer_pretty(&mut text, value);
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.resize(out.len() + spaces, b' ');
        out.extend_from_slice(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_elements_are_indented_as_serde_json_nests_them() {
        let value = serde_json::json!({"a": [1, {"b": "line\nbreak"}], "c": {}});
        let mut element = Vec::new();
        pretty_element(&value, 2, &mut element);
        let nested = serde_json::to_string_pretty(&[&value]).unwrap();
        assert_eq!(format!("[\n{}\n]", String::from_utf8(element).unwrap()), nested);
    }
}
