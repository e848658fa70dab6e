//! One line per finding, for grep and editors:
//! `path:line:col: severity[CODE] [*] message (name)`, `[*]` marking what `--fix` fixes.

use super::{is_fixable, summary, FileReport, Paint};
use std::io::Write;

pub fn write(reports: &[FileReport<'_>], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let paint = Paint::new(color);
    for report in reports {
        for d in &report.diagnostics {
            let lc = report.source.line_col(d.range().start());
            let fixable = if is_fixable(d) {
                format!("{} ", paint.fixable("[*]"))
            } else {
                String::new()
            };
            writeln!(
                out,
                "{}:{}:{}: {} {fixable}{} {}",
                paint.path(report.path),
                lc.line,
                lc.column,
                paint.severity(d.severity, &format!("{}[{}]", d.severity, d.code)),
                d.message,
                paint.dim(&format!("({})", d.name))
            )?;
        }
    }
    writeln!(out, "{}", summary(reports))
}
