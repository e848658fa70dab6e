//! GitHub Actions workflow commands: `::error file=...,line=...::message`, shown as
//! annotations on the pull request.

use super::{message_with_places, FileReport};
use docspec_diagnostics::Severity;
use std::io::Write;

/// Escaping of workflow-command data.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of workflow-command properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = report.source.line_col(d.range().start());
            let e = report.source.line_col(d.range().end());
            let message = match &d.help {
                Some(help) => format!("{} (help: {help})", message_with_places(d)),
                None => message_with_places(d).into_owned(),
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(report.path),
                s.line,
                s.column,
                e.line,
                e.column,
                property(&format!("{} {}", d.code, d.name)),
                data(&message)
            )?;
        }
    }
    Ok(())
}
