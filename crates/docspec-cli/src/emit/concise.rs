//! One line per finding, for grep and editors: `path:line:col: severity[CODE] message`.

use super::{message_with_places, summary, FileReport};
use std::io::Write;

pub fn write(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let lc = report.source.line_col(d.range().start());
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {} ({})",
                report.path,
                lc.line,
                lc.column,
                d.severity,
                d.code,
                message_with_places(d),
                d.name
            )?;
        }
    }
    writeln!(out, "{}", summary(reports))
}
