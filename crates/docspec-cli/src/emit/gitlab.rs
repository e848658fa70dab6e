//! GitLab Code Quality: a JSON array GitLab shows on merge requests. Fingerprints (see
//! `crate::fingerprint`) stay the same when lines are added above.

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
        super::json::pretty_element(&issue, 2, &mut out);
    }
    out
}
