//! Source snippets with labels and help, through miette's graphical handler.

use super::FileReport;
use docspec_diagnostics::report::{LineStarts, Report};
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::io::Write;

/// The findings alone, without the summary.
pub fn write_findings(reports: &[FileReport<'_>], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100)
        .with_context_lines(1);
    for report in reports {
        let line_starts = LineStarts::new(report.source.text());
        for d in &report.diagnostics {
            let mut rendered = String::new();
            let r = Report::new(d, report.path, report.source.text())
                .fixable(super::is_fixable(d))
                .with_line_starts(&line_starts);
            if handler.render_report(&mut rendered, &r).is_ok() {
                out.write_all(rendered.as_bytes())?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
