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
            if !color {
                // The same line as below, without the painter's intermediate strings.
                let fixable = if is_fixable(d) { "[*] " } else { "" };
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}] {fixable}{} ({})",
                    report.path,
                    lc.line,
                    lc.column,
                    d.severity,
                    d.code,
                    message_with_places(d),
                    d.name
                )?;
                continue;
            }
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
                message_with_places(d),
                paint.dim(&format!("({})", d.name))
            )?;
        }
    }
    Ok(())
}
