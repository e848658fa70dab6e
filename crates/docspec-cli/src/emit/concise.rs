//! One line per finding, for grep and editors:
//! `path:line:col: severity[CODE] [*] message (name)`, `[*]` marking what `--fix` fixes.

use super::{is_fixable, message_with_places, FileReport, Paint};
use std::io::Write;

/// The finding lines alone, without the summary.
pub fn write_lines(reports: &[FileReport<'_>], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    if !color {
        return write_plain_lines(reports, out);
    }
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

/// The same lines without colour, assembled in one buffer per file: CI logs and editors
/// read thousands of them, and formatting machinery per piece cost more than the lint.
fn write_plain_lines(reports: &[FileReport<'_>], out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = Vec::new();
    for report in reports {
        buf.clear();
        for d in &report.diagnostics {
            let lc = report.source.line_col(d.range().start());
            buf.extend_from_slice(report.path.as_bytes());
            buf.push(b':');
            super::push_decimal(&mut buf, lc.line);
            buf.push(b':');
            super::push_decimal(&mut buf, lc.column);
            buf.extend_from_slice(b": ");
            buf.extend_from_slice(d.severity.as_str().as_bytes());
            buf.push(b'[');
            buf.extend_from_slice(d.code.as_bytes());
            buf.extend_from_slice(b"] ");
            if is_fixable(d) {
                buf.extend_from_slice(b"[*] ");
            }
            buf.extend_from_slice(message_with_places(d).as_bytes());
            buf.extend_from_slice(b" (");
            buf.extend_from_slice(d.name.as_bytes());
            buf.extend_from_slice(b")\n");
        }
        out.write_all(&buf)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_diagnostics::{Diagnostic, Edit, Fix, Severity};
    use docspec_model::{SourceFile, TextRange};

    fn without_colour(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('\x1b') {
            out.push_str(&rest[..at]);
            rest = rest[at..].split_once('m').map_or("", |(_, after)| after);
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn plain_lines_are_the_coloured_lines_without_colour() {
        let source = SourceFile::new("doc/ü.md", "line one\nsecond line é\n");
        let fixable = Fix::safe("Fix it", vec![Edit::replacement(TextRange::new(9, 15), "x")]);
        let diagnostics = vec![
            Diagnostic::new(
                "AB001",
                "first-rule",
                Severity::Error,
                "a message",
                TextRange::new(0, 4),
            ),
            Diagnostic::new(
                "AB002",
                "second-rule",
                Severity::Warning,
                "with `code`",
                TextRange::new(16, 17),
            )
            .with_fix(fixable),
            Diagnostic::new(
                "AB003",
                "third-rule",
                Severity::Info,
                "at the end",
                TextRange::new(24, 24),
            ),
        ];
        let reports = [FileReport {
            path: source.path(),
            source: &source,
            diagnostics,
        }];
        let (mut plain, mut coloured) = (Vec::new(), Vec::new());
        write_lines(&reports, false, &mut plain).unwrap();
        write_lines(&reports, true, &mut coloured).unwrap();
        let plain = String::from_utf8(plain).unwrap();
        let coloured = String::from_utf8(coloured).unwrap();
        assert!(coloured.contains('\x1b'));
        assert_eq!(plain, without_colour(&coloured));
        assert_eq!(plain.lines().count(), 3);
        assert!(
            plain.starts_with("doc/ü.md:1:1: error[AB001] a message (first-rule)\n"),
            "{plain}"
        );
        assert!(
            plain.contains("doc/ü.md:2:8: warning[AB002] [*] with `code` (second-rule)\n"),
            "{plain}"
        );
    }
}
