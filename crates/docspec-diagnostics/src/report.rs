//! The miette adapter: a finding plus its source, ready for a graphical handler.

use crate::{Diagnostic, Severity};
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::borrow::Cow;
use std::fmt;

/// Where the rule documentation lives, for `url()`.
pub const RULES_URL: &str = "docs/rules.md";

pub struct Report<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: NamedText<'a>,
    /// Marks the code with `[*]`: `--fix` fixes this finding.
    pub fixable: bool,
}

impl<'a> Report<'a> {
    pub fn new(diagnostic: &'a Diagnostic, path: &'a str, text: &'a str) -> Self {
        Self {
            diagnostic,
            source: NamedText {
                name: path,
                text,
                line_starts: None,
            },
            fixable: false,
        }
    }

    /// Snippets are read from the lines around the span, found in `line_starts`, instead of
    /// by scanning the text from its start (miette's way), which makes a page's report
    /// quadratic in its findings.
    #[must_use]
    pub fn with_line_starts(mut self, line_starts: &'a LineStarts) -> Self {
        self.source.line_starts = Some(line_starts);
        self
    }

    #[must_use]
    pub fn fixable(mut self, fixable: bool) -> Self {
        self.fixable = fixable;
        self
    }

    /// The help line: the finding's help (or its fix's title), then each related place.
    pub fn help_text(&self) -> Option<Cow<'a, str>> {
        let d = self.diagnostic;
        let help = d.help.as_deref().or_else(|| d.fix.as_ref().map(|f| f.title()));
        if d.related.is_empty() {
            return help.map(Cow::Borrowed);
        }
        let related: Vec<String> = d
            .related
            .iter()
            .map(|r| format!("{} at {}", r.message, r.place()))
            .collect();
        Some(match help {
            None => related.join("\n").into(),
            Some(h) => format!("{h}\n{}", related.join("\n")).into(),
        })
    }
}

/// A borrowed source with a file name (miette's `NamedSource` wants `'static`).
pub struct NamedText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub line_starts: Option<&'a LineStarts>,
}

/// Where each line of a text starts, with line ends counted as miette counts them
/// (`\n`, `\r\n` and a lone `\r`).
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let ends_line = bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n');
            if ends_line {
                starts.push(at + 1);
            }
        }
        Self(starts)
    }

    /// The start of a line at least `lines_back + 1` lines above the one holding `offset`
    /// (or the text's start), and how many lines come before it.
    fn window(&self, offset: usize, lines_back: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&start| start <= offset).saturating_sub(1);
        let first = line.saturating_sub(lines_back + 1);
        (self.0[first], first)
    }
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // miette reads from the slice's start; a slice that starts at a line start with
        // one spare line of context gives the same snippet, shifted by what was cut off.
        let (cut, lines_cut) = match self.line_starts {
            Some(starts) => starts.window(span.offset(), context_lines_before),
            None => (0, 0),
        };
        let window = &self.text.as_bytes()[cut..];
        let snippet = crate::snippet::read(
            window,
            span.offset() - cut,
            span.len(),
            context_lines_before,
            context_lines_after,
        )
        .ok_or(MietteError::OutOfBounds)?;
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.to_string(),
                &window[snippet.start..snippet.end],
                SourceSpan::new((snippet.start + cut).into(), snippet.end - snippet.start),
                snippet.line + lines_cut,
                snippet.column,
                snippet.line_count + lines_cut,
            )
            .with_language("markdown"),
        ))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report").field("diagnostic", self.diagnostic).finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

fn span(range: docspec_model::TextRange) -> SourceSpan {
    SourceSpan::new(range.start().into(), range.len())
}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mark = if self.fixable { " [*]" } else { "" };
        Some(Box::new(format!(
            "{}({}){mark}",
            self.diagnostic.code, self.diagnostic.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help_text().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(d.primary.message.clone(), span(d.primary.range));
        let rest = d
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(l.message.clone(), span(l.range)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(source: &dyn SourceCode, span: SourceSpan, before: usize, after: usize) -> Option<String> {
        let c = source.read_span(&span, before, after).ok()?;
        Some(format!(
            "{:?} {:?} {} {} {}",
            String::from_utf8_lossy(c.data()),
            c.span(),
            c.line(),
            c.column(),
            c.line_count()
        ))
    }

    /// Every span of texts with LF, CRLF and lone CR line ends, blank lines and a
    /// missing final line end reads the same through the line starts as miette reads it
    /// from the top (the reader itself is held to miette's in `snippet`).
    #[test]
    fn windowed_snippets_equal_whole_text_snippets() {
        let texts = [
            "# Title\n\nfirst line\nsecond line\n\n| a | b |\n| - | - |\nlast",
            "# Title\r\n\r\nfirst\r\nsecond\r\n\r\nthird\r\n",
            "one\rtwo\r\nthree\nfour\r\rsix\n\n\nnine",
            "é line\n\u{1F600}\nx\n",
        ];
        for text in texts {
            let starts = LineStarts::new(text);
            let windowed = NamedText {
                name: "p.md",
                text,
                line_starts: Some(&starts),
            };
            for start in 0..=text.len() {
                for len in [0, 1, 3, 9, 40] {
                    for (before, after) in [(0, 0), (1, 1), (2, 3), (3, 0)] {
                        let span = SourceSpan::new(start.into(), len);
                        assert_eq!(
                            contents(&windowed, span, before, after),
                            contents(&text, span, before, after),
                            "{text:?} at {start}+{len}, context {before}/{after}"
                        );
                    }
                }
            }
        }
    }
}
