//! One line per finding, for grep and editors:
//! `path:line:col: severity[CODE] [*] message (name)`, `[*]` marking what `--fix` fixes.

use super::{is_fixable, message_with_places, FileReport, Paint};
use std::io::Write;

/// The finding lines alone, without the summary.
pub fn write_lines(reports: &[FileReport<'_>], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let paint = Paint::new(color);
    for report in reports {
        for d in &report.diagnostics {
            let lc = report.source.line_col(d.range().start());
            let severity = format_args!("{}[{}]", d.severity, d.code);
            write!(
                out,
                "{}:{}:{}: {} ",
                paint.path(report.path),
                lc.line,
                lc.column,
                paint.severity(d.severity, severity)
            )?;
            if is_fixable(d) {
                write!(out, "{} ", paint.fixable("[*]"))?;
            }
            let name = format_args!("({})", d.name);
            writeln!(out, "{} {}", message_with_places(d), paint.dim(name))?;
        }
    }
    Ok(())
}
