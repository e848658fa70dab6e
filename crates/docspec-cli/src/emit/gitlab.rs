//! GitLab Code Quality: a JSON array GitLab shows on merge requests. Fingerprints (see
//! `crate::fingerprint`) stay the same when lines are added above.

use super::json::pretty::{indent, object, string};
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
    let lines = |o: &mut Vec<u8>, l| {
        object(
            o,
            l,
            &[("begin", &|o, _| super::push_decimal(o, issue.location.lines.begin))],
        )
    };
    let location = |o: &mut Vec<u8>, l| {
        object(
            o,
            l,
            &[("path", &|o, _| string(o, issue.location.path)), ("lines", &lines)],
        );
    };
    indent(out, 1);
    object(
        out,
        1,
        &[
            ("description", &|o, _| string(o, &issue.description)),
            ("check_name", &|o, _| string(o, issue.check_name)),
            ("fingerprint", &|o, _| string(o, &issue.fingerprint)),
            ("severity", &|o, _| string(o, issue.severity)),
            ("location", &location),
        ],
    );
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
