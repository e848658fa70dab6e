//! GitLab Code Quality: a JSON array GitLab shows on merge requests. Fingerprints hash the
//! path, rule, message and the text of the line (not its number), so they stay the same
//! when lines are added above.

use super::{message_with_places, FileReport};
use docspec_diagnostics::Severity;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
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
        let mut seen: HashMap<String, usize> = HashMap::new();
        for d in &report.diagnostics {
            let lc = report.source.line_col(d.range().start());
            let line_range = report.source.lines().line_range(report.source.text(), lc.line - 1);
            let line_text = report.source.slice(line_range).trim();
            let key = format!("{}\u{0}{}\u{0}{}\u{0}{}", report.path, d.code, d.message, line_text);
            // The same finding twice on identical lines still gets two fingerprints.
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            let digest = Sha256::digest(format!("{key}\u{0}{n}").as_bytes());
            let fingerprint: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
            issues.push(Issue {
                description: format!("{} [{}]", message_with_places(d), d.name),
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
