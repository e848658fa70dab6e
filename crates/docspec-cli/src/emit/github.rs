//! GitHub Actions workflow commands: `::error file=...,line=...::message`, shown as
//! annotations on the pull request.

use super::{message_with_places, FileReport};
use docspec_diagnostics::Severity;
use std::io::Write;

/// `text` escaped as workflow-command data (`%`, CR and LF), or as a property (`:` and
/// `,` too), into `out` in one pass.
fn escape(text: &str, property: bool, out: &mut Vec<u8>) {
    super::push_escaped(out, text, |b| match b {
        b'%' => Some(b"%25"),
        b'\r' => Some(b"%0D"),
        b'\n' => Some(b"%0A"),
        b':' if property => Some(b"%3A"),
        b',' if property => Some(b"%2C"),
        _ => None,
    });
}

pub fn write(reports: &[FileReport<'_>], out: &mut Vec<u8>) {
    for report in reports {
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let s = report.source.line_col(d.range().start());
            let e = report.source.line_col(d.range().end());
            out.extend_from_slice(b"::");
            out.extend_from_slice(command.as_bytes());
            out.extend_from_slice(b" file=");
            escape(report.path, true, out);
            // Writing to a Vec cannot fail.
            let _ = write!(
                out,
                ",line={},col={},endLine={},endColumn={},title=",
                s.line, s.column, e.line, e.column
            );
            escape(&format!("{} {}", d.code, d.name), true, out);
            out.extend_from_slice(b"::");
            escape(&message_with_places(d), false, out);
            if let Some(help) = &d.help {
                out.extend_from_slice(b" (help: ");
                escape(help, false, out);
                out.push(b')');
            }
            out.push(b'\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escapes as they were first written, a `replace` each, for comparison.
    fn data(text: &str) -> String {
        text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
    }

    fn property(text: &str) -> String {
        data(text).replace(':', "%3A").replace(',', "%2C")
    }

    #[test]
    fn escapes_as_the_replacements_do() {
        let all: String = (0u8..128).map(char::from).chain(['é', '🎉']).collect();
        for text in [all.as_str(), "", "100%", "a:b,c\r\n%0A", "plain"] {
            for as_property in [false, true] {
                let mut out = Vec::new();
                escape(text, as_property, &mut out);
                let expected = if as_property { property(text) } else { data(text) };
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?}");
            }
        }
    }
}
