//! Source snippets with labels and help, through miette's graphical handler.

use super::FileReport;
use docspec_diagnostics::report::{LineStarts, Report};
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::io::Write;
use textwrap::core::{display_width, Word};
use textwrap::WordSeparator;

/// The report's width in columns.
const WIDTH: usize = 100;
/// The widest indent the handler puts before a wrapped line is the help's (`  help: `,
/// 8 columns); this leaves room for more.
const WIDEST_INDENT: usize = 12;

/// The findings alone, without the summary.
pub fn write_findings(reports: &[FileReport<'_>], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(WIDTH)
        .with_context_lines(1)
        .with_word_separator(WordSeparator::Custom(words_of));
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

/// The words the wrapper may break a line between. miette runs the Unicode line-break
/// algorithm over every message and help line, a quarter of this format's time; a line
/// that fits after any indent stays one line whatever its breaks, so it is one word.
fn words_of(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let fits = line.len() <= WIDTH - WIDEST_INDENT || display_width(line) <= WIDTH - WIDEST_INDENT;
    if fits && !line.trim().is_empty() {
        Box::new(std::iter::once(Word::from(line)))
    } else {
        WordSeparator::UnicodeBreakProperties.find_words(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::Options;

    /// Every line, as miette wraps it (its indents, its width), wraps the same with the
    /// one-word shortcut as with the Unicode breaks alone.
    #[test]
    fn the_shortcut_wraps_as_the_unicode_breaks_do() {
        let pieces = [
            "word",
            " ",
            "  ",
            "-",
            "a-b",
            "/",
            "https://example.com/a-b/c?d=e",
            "`code`",
            "(x)",
            "e.g.,",
            "—",
            "é",
            "数据",
            "😀",
            "\t",
            "snake_case_name",
            "--header",
            "[`200 OK`](x.md#y)",
            "1.5",
            "'q'",
            "\"q\"",
        ];
        let mut lines = Vec::new();
        // Every pair of pieces, joined and apart, repeated to cross the shortcut's limit.
        for a in pieces {
            for b in pieces {
                for unit in [format!("{a}{b}"), format!("{a} {b} ")] {
                    for times in [1, 4, 9, 13, 30] {
                        lines.push(unit.repeat(times));
                    }
                }
            }
        }
        let indents = [("  × ", "  │ "), ("  help: ", "        "), ("  ", "  ")];
        for line in &lines {
            for (first, rest) in indents {
                let plain = Options::new(WIDTH).initial_indent(first).subsequent_indent(rest);
                let fast = plain.clone().word_separator(WordSeparator::Custom(words_of));
                assert_eq!(
                    textwrap::fill(line, plain),
                    textwrap::fill(line, fast),
                    "{line:?} after {first:?}"
                );
            }
        }
    }
}
