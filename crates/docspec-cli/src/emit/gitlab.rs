//! GitLab Code Quality: a JSON array GitLab shows on merge requests. Fingerprints (see
//! `crate::fingerprint`) stay the same when lines are added above.

use super::FileReport;
use docspec_diagnostics::Severity;
use serde::Serialize;
use std::io::Write;

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

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    let mut issues = Vec::new();
    for report in reports {
        let prints = crate::fingerprint::fingerprints(report.path, report.source, &report.diagnostics);
        for (d, fingerprint) in report.diagnostics.iter().zip(prints) {
            let lc = report.source.line_col(d.range().start());
            issues.push(Issue {
                description: format!("{} [{}]", d.message, d.name),
                check_name: d.code,
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: report.path,
                    lines: Lines { begin: lc.line },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
