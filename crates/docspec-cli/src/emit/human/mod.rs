//! Source snippets with labels and help, as miette's graphical handler draws them.

mod direct;

use super::FileReport;
use docspec_diagnostics::report::{LineStarts, Report};
use docspec_diagnostics::Diagnostic;
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
    let painter = Painter::new(color);
    let mut rendered = String::new();
    for report in reports {
        let line_starts = LineStarts::new(report.source.text());
        for d in &report.diagnostics {
            rendered.clear();
            let r = Report::new(d, report.path, report.source.text())
                .fixable(super::is_fixable(d))
                .with_line_starts(&line_starts);
            if painter.render(&mut rendered, &r, true).is_some() {
                out.write_all(rendered.as_bytes())?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Draws each finding of `text` both ways, with and without colors: as the report does
/// (the drawer where it can) and by miette alone. Returns how many the drawer took, or
/// the first finding drawn differently. For the `report` fuzz target and its replay.
#[doc(hidden)]
pub fn drawn_as_miette(path: &str, text: &str, diagnostics: &[Diagnostic]) -> Result<usize, String> {
    let line_starts = LineStarts::new(text);
    let mut taken = 0;
    for color in [false, true] {
        let painter = Painter::new(color);
        for d in diagnostics {
            let r = Report::new(d, path, text)
                .fixable(super::is_fixable(d))
                .with_line_starts(&line_starts);
            let took = draw_both(&painter, &r).map_err(|(drawn, by_miette)| {
                format!("{d:?} (color {color}) drawn as\n{drawn}\nbut miette draws\n{by_miette}")
            })?;
            taken += usize::from(took);
        }
    }
    Ok(taken)
}

/// Draws `r` as the report does and by miette alone: whether the drawer took it, or both
/// drawings when they differ (an undrawable report is an empty one).
fn draw_both(painter: &Painter, r: &Report<'_>) -> Result<bool, (String, String)> {
    let (mut drawn, mut by_miette) = (String::new(), String::new());
    let way = painter.render(&mut drawn, r, true);
    let miette_way = painter.render(&mut by_miette, r, false);
    if way.is_some() != miette_way.is_some() || drawn != by_miette {
        return Err((drawn, by_miette));
    }
    Ok(way == Some(Drawn::Directly))
}

/// Who drew a report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Drawn {
    Directly,
    ByMiette,
}

/// miette's graphical handlers, and the direct drawing of the findings they would draw
/// the most.
struct Painter {
    wrapping: GraphicalReportHandler,
    /// A report whose message and help need no wrapping prints the same bytes without
    /// the wrapper, which still costs a pass over each word when nothing breaks.
    unwrapped: GraphicalReportHandler,
    drawer: direct::Drawer,
}

impl Painter {
    fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let drawer = direct::Drawer::new(&theme);
        let wrapping = GraphicalReportHandler::new_themed(theme)
            .with_links(false)
            .with_width(WIDTH)
            .with_context_lines(1)
            .with_word_separator(WordSeparator::Custom(words_of));
        let unwrapped = wrapping.clone().with_wrap_lines(false);
        Self {
            wrapping,
            unwrapped,
            drawer,
        }
    }

    /// Appends the report to `out` and says who drew it; `None` when miette could not
    /// (a span out of the text). `direct` lets the drawer take the findings it can.
    fn render(&self, out: &mut String, r: &Report<'_>, direct: bool) -> Option<Drawn> {
        let help = r.help_text();
        let fits = fits_report(&r.diagnostic.message, help.as_deref());
        if direct && self.drawer.draw(out, r, help.as_deref(), fits) {
            return Some(Drawn::Directly);
        }
        let handler = if fits { &self.unwrapped } else { &self.wrapping };
        handler.render_report(out, r).ok().map(|()| Drawn::ByMiette)
    }
}

/// Whether the report's message and help both print the same unwrapped.
fn fits_report(message: &str, help: Option<&str>) -> bool {
    fits_unwrapped(message) && help.is_none_or(fits_unwrapped)
}

/// Whether the wrapper would leave `text` as it is: no tab or carriage return, and every
/// line between `\n`s is one word ([`fits`]) that ends in no space.
fn fits_unwrapped(text: &str) -> bool {
    !text.contains(['\r', '\t']) && text.split('\n').all(|line| fits(line) && !line.ends_with(' '))
}

/// A line with text that fits after any indent the handler uses: it stays one line
/// whatever its break opportunities.
fn fits(line: &str) -> bool {
    const LIMIT: usize = WIDTH - WIDEST_INDENT;
    !line.trim().is_empty() && (line.len() <= LIMIT || display_width(line) <= LIMIT)
}

/// The words the wrapper may break a line between. miette runs the Unicode line-break
/// algorithm over every message and help line, a quarter of this format's time; a line
/// that [`fits`] is one word.
fn words_of(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    if fits(line) {
        Box::new(std::iter::once(Word::from(line)))
    } else {
        WordSeparator::UnicodeBreakProperties.find_words(line)
    }
}

/// miette's formatting of a text with wrapping off (its `wrap` without textwrap): each
/// line after its indent, and a blank line after the indent's visible part.
fn push_unwrapped(out: &mut String, text: &str, first: &str, rest: &str) {
    for (i, line) in text.split_terminator('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = if i == 0 { first } else { rest };
        out.push_str(if line.trim().is_empty() {
            indent.trim_end()
        } else {
            indent
        });
        out.push_str(line);
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::Options;

    /// Pieces of messages and helps: hyphens, slashes, URLs, code spans, CJK, emoji, tabs.
    const PIECES: [&str; 21] = [
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

    /// Every text the unwrapped handler is chosen for prints as the wrapping one prints
    /// it: texts of one to three lines built from pieces of every kind, at each indent.
    #[test]
    fn texts_that_fit_print_the_same_unwrapped() {
        let (long, too_long) = ("x".repeat(40), "y".repeat(85));
        let extra = ["\r", "", long.as_str(), too_long.as_str()];
        let pieces: Vec<&str> = PIECES.iter().copied().chain(extra).collect();
        let mut lines = Vec::new();
        for a in &pieces {
            for b in &pieces {
                lines.push(format!("{a}{b}"));
                lines.push(format!("{a} {b}"));
                lines.push(format!(" {a}{b} "));
            }
        }
        let mut texts = lines.clone();
        for (i, first) in lines.iter().enumerate().step_by(7) {
            texts.push(format!("{first}\n{}", lines[(i * 13) % lines.len()]));
            texts.push(format!(
                "{first}\n{}\n{}",
                lines[(i * 5) % lines.len()],
                lines[(i * 11) % lines.len()]
            ));
            texts.push(format!("{first}\n"));
            texts.push(format!("{first}\n\n"));
        }
        let indents = [("  × ", "  │ "), ("  help: ", "        ")];
        let mut taken = 0;
        for text in texts.iter().filter(|t| fits_unwrapped(t)) {
            taken += 1;
            for (first, rest) in indents {
                let opts = Options::new(WIDTH)
                    .initial_indent(first)
                    .subsequent_indent(rest)
                    .word_separator(WordSeparator::Custom(words_of));
                let mut unwrapped = String::new();
                push_unwrapped(&mut unwrapped, text, first, rest);
                assert_eq!(textwrap::fill(text, opts), unwrapped, "{text:?}");
            }
        }
        assert!(taken > 500, "{taken}");
    }

    /// Every line, as miette wraps it (its indents, its width), wraps the same with the
    /// one-word shortcut as with the Unicode breaks alone.
    #[test]
    fn the_shortcut_wraps_as_the_unicode_breaks_do() {
        let pieces = PIECES;
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
