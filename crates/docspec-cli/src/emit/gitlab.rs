//! GitLab Code Quality: a JSON array GitLab shows on merge requests. Fingerprints (see
//! `crate::fingerprint`) stay the same when lines are added above.

use super::json::pretty::{field_str, indent, key};
use super::{message_with_places, FileReport};
use docspec_diagnostics::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// One page's issues as elements of the report's top-level array, joined by `,\n`;
/// empty for a page without findings.
pub fn fragment(report: &FileReport<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    let prints = crate::fingerprint::fingerprints(report.path, report.source, &report.diagnostics);
    for (i, (d, fingerprint)) in report.diagnostics.iter().zip(prints).enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        let lc = report.source.line_col(d.range().start());
        let issue = Issue {
            description: format!("{} [{}]", message_with_places(d), d.name),
            check_name: d.code,
            fingerprint,
            severity: severity(d.severity),
            location: Location {
                path: report.path,
                lines: Lines { begin: lc.line },
            },
        };
        print(&issue, &mut out);
    }
    out
}

/// An issue as `serde_json::to_writer_pretty` prints it inside the top-level array.
fn print(issue: &Issue<'_>, out: &mut Vec<u8>) {
    indent(out, 1);
    out.extend_from_slice(b"{\n");
    field_str(out, 2, "description", &issue.description);
    field_str(out, 2, "check_name", issue.check_name);
    field_str(out, 2, "fingerprint", &issue.fingerprint);
    field_str(out, 2, "severity", issue.severity);
    key(out, 2, "location");
    out.extend_from_slice(b"{\n");
    field_str(out, 3, "path", issue.location.path);
    key(out, 3, "lines");
    out.extend_from_slice(b"{\n");
    key(out, 4, "begin");
    super::push_decimal(out, issue.location.lines.begin);
    for level in [3, 2, 1] {
        out.push(b'\n');
        indent(out, level);
        out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_serde_json_does() {
        let issue = Issue {
            description: "quote \" backslash \\ line\n é 🎉 [name]".to_string(),
            check_name: "CU001",
            fingerprint: "0123abcd".to_string(),
            severity: "minor",
            location: Location {
                path: "doc/api/ü x.md",
                lines: Lines { begin: 123_456 },
            },
        };
        let mut mine = Vec::new();
        print(&issue, &mut mine);
        let mut reference = Vec::new();
        super::super::json::pretty_element(&issue, 2, &mut reference);
        assert_eq!(String::from_utf8(mine).unwrap(), String::from_utf8(reference).unwrap());
    }
}
