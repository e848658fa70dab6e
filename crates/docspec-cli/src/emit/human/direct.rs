//! The common finding drawn directly, byte for byte as miette's graphical handler draws
//! it: one span without a label text, on one line whose text up to the span's end is
//! printable ASCII, in a snippet without tabs or lone carriage returns. miette spent most of
//! this format's time on such findings, a character at a time through `fmt::Write`. It
//! still draws every other finding and defines the format: the tests hold this drawing
//! to its drawing, on generated findings and on every finding of GitLab's pages.

use super::{push_unwrapped, words_of, WIDTH};
use docspec_diagnostics::report::Report;
use docspec_diagnostics::Severity;
use miette::{GraphicalTheme, SourceCode, SourceSpan, ThemeCharacters};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;

/// A line of the snippet: its number (from 1), where it starts in the page, its text
/// without the line end.
struct Line<'a> {
    number: usize,
    offset: usize,
    text: &'a str,
}

/// The theme's pieces, painted once for every report of a page.
pub(super) struct Drawer {
    chars: ThemeCharacters,
    /// The first and later lines' indents of a message, by severity.
    indents: [(String, String); 3],
    codes: [Paint; 3],
    link: Paint,
    linum: Paint,
    underline: Paint,
    help: String,
}

/// A style's escapes around a text (both empty without colors), taken from the styled
/// text miette would write.
struct Paint {
    before: String,
    after: String,
}

impl Paint {
    /// `marked` is the style applied to a NUL character.
    fn of(marked: impl Display) -> Self {
        let text = marked.to_string();
        let (before, after) = text.split_once('\0').unwrap_or((&text, ""));
        Self {
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }

    fn push(&self, out: &mut String, text: &str) {
        out.push_str(&self.before);
        out.push_str(text);
        out.push_str(&self.after);
    }
}

impl Drawer {
    pub(super) fn new(theme: &GraphicalTheme) -> Self {
        let (chars, styles) = (&theme.characters, &theme.styles);
        let severities = [
            (styles.error, &chars.error),
            (styles.warning, &chars.warning),
            (styles.advice, &chars.advice),
        ];
        Self {
            chars: chars.clone(),
            indents: severities.map(|(style, icon)| {
                (
                    format!("  {} ", style.style(icon)),
                    format!("  {} ", style.style(chars.vbar)),
                )
            }),
            codes: severities.map(|(style, _)| Paint::of(style.style('\0'))),
            link: Paint::of(styles.link.style('\0')),
            linum: Paint::of(styles.linum.style('\0')),
            underline: Paint::of(styles.highlights[0].style('\0')),
            help: styles.help.style("  help: ").to_string(),
        }
    }

    /// Appends the report of `report` to `out` and returns `true`, or returns `false`
    /// with `out` untouched when the finding is not of the common kind. `help` is the
    /// report's help text; `fits` says that it and the message need no wrapping.
    pub(super) fn draw(&self, out: &mut String, report: &Report<'_>, help: Option<&str>, fits: bool) -> bool {
        let d = report.diagnostic;
        let range = d.primary.range;
        if !d.secondary.is_empty() || d.primary.message.is_some() || range.is_empty() {
            return false;
        }
        let (start, end) = (range.start(), range.end());
        let Ok(contents) = report
            .source
            .read_span(&SourceSpan::new(start.into(), range.len()), 1, 1)
        else {
            return false;
        };
        let Ok(data) = std::str::from_utf8(contents.data()) else {
            return false;
        };
        let bytes = data.as_bytes();
        let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'));
        if lone_cr || memchr::memchr(b'\t', bytes).is_some() {
            return false;
        }
        let lines = lines_of(data, contents.line(), contents.span().offset());
        let Some(marked) = lines
            .iter()
            .position(|l| l.offset <= start && end <= l.offset + l.text.len())
        else {
            return false;
        };
        let (from, to) = (start - lines[marked].offset, end - lines[marked].offset);
        if !lines[marked].text.as_bytes()[..to]
            .iter()
            .all(|b| (b' '..=b'~').contains(b))
        {
            return false;
        }
        // The marked line is one of them, so there is a last.
        let width = decimal_width(lines[lines.len() - 1].number);
        let chars = &self.chars;
        let severity = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };

        let code = &self.codes[severity];
        out.push_str(&code.before);
        out.push_str(d.code);
        out.push('(');
        out.push_str(d.name);
        out.push(')');
        if report.fixable {
            out.push_str(" [*]");
        }
        out.push_str(&code.after);
        out.push_str("\n\n");
        let (first, rest) = &self.indents[severity];
        push_indented(out, &d.message, first, rest, fits);
        out.push('\n');

        push_gutter(out, width);
        out.push(chars.ltop);
        out.push(chars.hbar);
        out.push('[');
        let place = format!("{}:{}:{}", report.source.name, lines[marked].number, from + 1);
        self.link.push(out, &place);
        out.push_str("]\n");
        for (i, line) in lines.iter().enumerate() {
            let number = line.number.to_string();
            out.push(' ');
            out.push_str(&self.linum.before);
            push_repeated(out, ' ', width - number.len());
            out.push_str(&number);
            out.push_str(&self.linum.after);
            out.push(' ');
            out.push(chars.vbar);
            out.push(' ');
            out.push_str(line.text);
            out.push('\n');
            if i == marked {
                push_gutter(out, width);
                out.push(chars.vbar_break);
                out.push(' ');
                out.push_str(&self.underline.before);
                push_repeated(out, ' ', from);
                push_repeated(out, chars.underline, to - from);
                out.push_str(&self.underline.after);
                out.push('\n');
            }
        }
        push_gutter(out, width);
        out.push(chars.lbot);
        push_repeated(out, chars.hbar, 4);
        out.push('\n');

        if let Some(help) = help {
            push_indented(out, help, &self.help, "        ", fits);
            out.push('\n');
        }
        true
    }
}

/// The blank gutter before the snippet's frame: a line number's width and its margins.
fn push_gutter(out: &mut String, number_width: usize) {
    push_repeated(out, ' ', number_width + 2);
}

fn push_repeated(out: &mut String, c: char, times: usize) {
    out.extend(std::iter::repeat_n(c, times));
}

/// `text` after its indents, as the handler miette chose writes it: unwrapped when the
/// report's texts fit, else through textwrap with the handler's options.
fn push_indented(out: &mut String, text: &str, first: &str, rest: &str, fits: bool) {
    if fits {
        return push_unwrapped(out, text, first, rest);
    }
    WRAPPED.with_borrow_mut(|wrapped| {
        let key = format!("{first}\0{rest}\0{text}");
        if let Some(done) = wrapped.get(&key) {
            return out.push_str(done);
        }
        if wrapped.len() >= WRAPPED_KEPT {
            wrapped.clear();
        }
        let options = textwrap::Options::new(WIDTH - 2)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_separator(textwrap::WordSeparator::Custom(words_of));
        let done = textwrap::fill(text, options);
        out.push_str(&done);
        wrapped.insert(key, done);
    });
}

/// How many wrapped texts each thread keeps. A rule's help is often the same text for
/// every finding, and wrapping a long line costs more than drawing the rest of its report.
const WRAPPED_KEPT: usize = 512;

thread_local! {
    static WRAPPED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// The snippet's lines as miette splits them (`get_lines`, for text whose every `\r`
/// starts a CRLF): each line end closes a line, and text after the last one is a line of
/// its own.
fn lines_of(data: &str, first_line: usize, first_offset: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(3);
    let (mut number, mut offset, mut rest) = (first_line, first_offset, data);
    while !rest.is_empty() {
        number += 1;
        let (text, next) = match rest.find('\n') {
            Some(i) => (rest[..i].strip_suffix('\r').unwrap_or(&rest[..i]), &rest[i + 1..]),
            None => (rest, ""),
        };
        lines.push(Line { number, offset, text });
        offset += rest.len() - next.len();
        rest = next;
    }
    lines
}

fn decimal_width(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |digits| digits as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::super::{draw_both, Painter};
    use docspec_diagnostics::report::{LineStarts, Report};
    use docspec_diagnostics::{Diagnostic, Label, Related, Severity};
    use docspec_model::TextRange;

    /// Lines of every kind the drawer must take or leave: table rows, blank, long,
    /// non-ASCII, a tab, an escape character, a fence.
    const LINES: [&str; 10] = [
        "# Widgets API",
        "",
        "| `id` | integer | Yes | The ID or [URL-encoded path](rest/index.md#namespaced-paths). |",
        "A long line that goes on past the report's width, so that its snippet is wider than the report itself is.",
        "café — naïve façade",
        "emoji 😀 here",
        "tab\there",
        "escape \u{1b}[31m here",
        "```plaintext",
        "GET /projects/:id/widgets",
    ];

    const MESSAGES: [&str; 4] = [
        "Required is `yes`, expected `Yes`",
        "method `List all widgets of a project` does not state its success status, which every method of the template states after its example",
        "two lines\nof message",
        "ends in a line end\n",
    ];

    const HELPS: [Option<&str>; 4] = [
        None,
        Some("write `Yes`"),
        Some("add \"If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following response attributes:\""),
        Some("first line\n\nthird line after a blank one"),
    ];

    /// Pages of 3, 12 and 101 lines (line numbers of one to three digits), with LF,
    /// CRLF and lone CR line ends, with and without a last line end.
    fn pages() -> Vec<String> {
        let plain: Vec<&str> = LINES
            .into_iter()
            .filter(|l| l.bytes().all(|b| (b' '..=b'~').contains(&b)))
            .collect();
        let mut pages = Vec::new();
        for count in [3, 12, 101] {
            for kinds in [&LINES[..], &plain] {
                let lines: Vec<&str> = (0..count).map(|i| kinds[(i * 7 + count) % kinds.len()]).collect();
                for end in ["\n", "\r\n", "\r"] {
                    let text = lines.join(end);
                    pages.push(format!("{text}{end}"));
                    if end == "\n" {
                        pages.push(text);
                    }
                }
            }
        }
        pages
    }

    /// Spans at and around each line of `text` that the tests read: a byte, a word, the
    /// whole line, empty, across the line end, and at the text's end.
    fn spans(text: &str) -> Vec<TextRange> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut spans = Vec::new();
        for start in starts.filter(|&s| s < 14 || s + 400 > text.len()) {
            let line_end = text[start..].find(['\r', '\n']).map_or(text.len(), |i| start + i);
            for (from, to) in [
                (start, start + 1),
                (start + 2, start + 9),
                (start, line_end),
                (start + 3, start + 3),
                (line_end.saturating_sub(2), line_end + 2),
                (start + 6, line_end),
            ] {
                let to = to.min(text.len());
                if from <= to && text.is_char_boundary(from) && text.is_char_boundary(to) {
                    spans.push(TextRange::new(from, to));
                }
            }
        }
        spans.push(TextRange::new(text.len(), text.len()));
        spans
    }

    /// The `i`th mix of severity, fix, message, help, labels and related places.
    fn finding(i: usize, range: TextRange) -> Diagnostic {
        let severity = [Severity::Error, Severity::Warning, Severity::Info][i % 3];
        let mut d = Diagnostic::new("AT004", "required-value", severity, MESSAGES[i % 4], range);
        if let Some(help) = HELPS[(i / 4) % 4] {
            d = d.with_help(help);
        }
        if i % 7 == 0 {
            d = d.with_label("this label");
        }
        if i % 11 == 0 {
            d.secondary.push(Label::new(TextRange::new(0, 1)));
        }
        if i % 13 == 0 {
            d.related.push(Related {
                path: "other.md".into(),
                line: 3,
                column: 1,
                message: "the other copy".into(),
                pointer: None,
            });
        }
        d
    }

    /// Draws `d` both ways (see `draw_both`), failing the test when they differ;
    /// whether the drawer took it.
    fn both(painter: &Painter, d: &Diagnostic, text: &str, starts: &LineStarts, fixable: bool) -> bool {
        let r = Report::new(d, "doc/widgets.md", text)
            .fixable(fixable)
            .with_line_starts(starts);
        draw_both(painter, &r)
            .unwrap_or_else(|(drawn, by_miette)| panic!("{d:?} in {text:?}:\n{drawn}\nmiette:\n{by_miette}"))
    }

    #[test]
    fn draws_what_miette_draws() {
        let (mut taken, mut left) = (0, 0);
        for color in [false, true] {
            let painter = Painter::new(color);
            for (p, text) in pages().iter().enumerate() {
                let starts = LineStarts::new(text);
                for (s, range) in spans(text).into_iter().enumerate() {
                    let i = p * 31 + s;
                    let d = finding(i, range);
                    if both(&painter, &d, text, &starts, i % 2 == 0) {
                        taken += 1;
                    } else {
                        left += 1;
                    }
                }
            }
        }
        assert!(taken > 400 && left > 1000, "taken {taken}, left {left}");
    }

    /// Every span of up to a dozen bytes in a small page, with LF and with CRLF line
    /// ends, each a finding of every severity in turn: the drawer's column and underline
    /// arithmetic at every place.
    #[test]
    fn every_short_span_of_a_small_page() {
        let mut taken = 0;
        for (text, color) in [("\n", false), ("\r\n", true)].map(|(end, color)| {
            (
                ["# Widgets", "", "| `id` | integer | Yes |", "last line"].join(end),
                color,
            )
        }) {
            let (text, starts) = (text.as_str(), LineStarts::new(&text));
            let painter = Painter::new(color);
            for start in 0..=text.len() {
                for len in 0..=12.min(text.len() - start) {
                    let severity = [Severity::Error, Severity::Warning, Severity::Info][(start + len) % 3];
                    let d = Diagnostic::new(
                        "AT004",
                        "required-value",
                        severity,
                        "m",
                        TextRange::new(start, start + len),
                    )
                    .with_help("write `Yes`");
                    taken += usize::from(both(&painter, &d, text, &starts, len % 2 == 0));
                }
            }
        }
        assert!(taken > 400, "taken {taken}");
    }

    /// Every finding on GitLab's pages draws as miette draws it, and the drawer takes
    /// most of them.
    #[test]
    fn draws_the_corpus_findings_as_miette_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/gitlab/doc/api");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: ../shared/corpus/gitlab is not beside the repository");
            return;
        };
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        paths.sort();
        let settings = docspec_lint::LintSettings::default();
        let (mut taken, mut all) = (0, 0);
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("corpus page");
            let source = docspec_model::SourceFile::new(path.display().to_string(), text);
            let page = docspec_parser::parse(&source);
            let findings = docspec_lint::check_page(&source, &page, &settings);
            taken += super::super::drawn_as_miette(source.path(), source.text(), &findings)
                .unwrap_or_else(|difference| panic!("{difference}"));
            // Each finding is drawn without and with colors.
            all += 2 * findings.len();
        }
        assert!(all > 1000 && taken * 10 > all * 9, "taken {taken} of {all}");
    }
}
