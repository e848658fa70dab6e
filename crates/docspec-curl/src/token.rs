//! Shell words with their unquoted value and a map back to the source text.

use std::ops::Range;

/// How a word was quoted in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quoting {
    /// No quotes at all (backslash escapes may still occur).
    None,
    /// One single-quoted string, `'...'` (also `$'...'`).
    Single,
    /// One double-quoted string, `"..."`.
    Double,
    /// Several quoted pieces, or quoted and unquoted pieces together, like `--header="A: b"`.
    Mixed,
}

/// The quote kind of one piece of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PartQuote {
    Bare,
    Single,
    Double,
    AnsiC,
}

/// A run of the word that shares one quoting, with its source range (quotes included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    pub(crate) quote: PartQuote,
    pub(crate) source: Range<usize>,
    pub(crate) value: Range<usize>,
}

/// Value bytes `value` come from the source bytes starting at `source`: one to one, or, for
/// an escape like `\"`, from the backslash and the character after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) value: Range<usize>,
    pub(crate) source: usize,
    pub(crate) escaped: bool,
}

impl Seg {
    fn width(&self) -> usize {
        self.value.len() + usize::from(self.escaped)
    }

    /// Where value byte `offset` of this segment starts in the source.
    fn start_of(&self, offset: usize) -> usize {
        if self.escaped {
            self.source
        } else {
            self.source + (offset - self.value.start)
        }
    }

    /// Where the value up to `end` (inside this segment) ends in the source.
    fn end_of(&self, end: usize) -> usize {
        if self.escaped {
            self.source + self.width()
        } else {
            self.source + (end - self.value.start)
        }
    }
}

/// One shell word: the value after quote removal, and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The value as the program sees it: quotes removed, escapes resolved, `$VAR` kept as text.
    pub value: String,
    /// The byte range in the input, quotes included.
    pub range: Range<usize>,
    /// How the word was quoted.
    pub quoting: Quoting,
    pub(crate) parts: Vec<Part>,
    pub(crate) segs: Vec<Seg>,
}

impl Token {
    /// The word as written in `input`, quotes included.
    pub fn raw<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.range.clone()).unwrap_or("")
    }

    /// Whether any part of the word was quoted.
    pub fn is_quoted(&self) -> bool {
        self.quoting != Quoting::None
    }

    /// The input offset of the value byte at `offset` (or just past the value at its end).
    pub fn source_offset(&self, offset: usize) -> usize {
        for seg in &self.segs {
            if seg.value.contains(&offset) {
                return seg.start_of(offset);
            }
        }
        // Past the end, or in a gap: after the last segment that ends at or before it.
        self.segs
            .iter()
            .rev()
            .find(|seg| seg.value.end <= offset)
            .map(|seg| seg.source + seg.width())
            .unwrap_or_else(|| self.content_start())
    }

    /// The input range of the value bytes `value` (quotes around them are not included).
    pub fn source_range(&self, value: Range<usize>) -> Range<usize> {
        let start = self.source_offset(value.start);
        if value.end <= value.start {
            return start..start;
        }
        let last = value.end - 1;
        let end = self
            .segs
            .iter()
            .find(|seg| seg.value.contains(&last))
            .map(|seg| seg.end_of(value.end))
            .unwrap_or(start);
        start..end.max(start)
    }

    /// The rest of the word from value byte `offset` on, as a token of its own.
    ///
    /// Used for `--request=POST` and `-XPOST`: the range starts at the opening quote when
    /// `offset` is at the start of a quoted piece, so `-H"A: b"` gives `"A: b"`.
    pub fn slice_from(&self, offset: usize) -> Token {
        let offset = offset.min(self.value.len());
        let mut parts = Vec::new();
        let mut truncated = false;
        for part in &self.parts {
            if part.value.end < offset || (part.value.end == offset && !part.value.is_empty()) {
                continue;
            }
            let mut part = part.clone();
            if part.value.start < offset {
                part.source.start = self.source_offset(offset);
                part.value.start = offset;
                truncated = true;
            }
            parts.push(shift_part(part, offset));
        }
        let segs = self
            .segs
            .iter()
            .filter(|seg| seg.value.end > offset)
            .map(|seg| {
                let skip = if seg.escaped {
                    0
                } else {
                    offset.saturating_sub(seg.value.start)
                };
                Seg {
                    value: seg.value.start.max(offset) - offset..seg.value.end - offset,
                    source: seg.source + skip,
                    escaped: seg.escaped,
                }
            })
            .collect();
        let start = parts.first().map(|part| part.source.start).unwrap_or(self.range.end);
        let value = self.value.get(offset..).unwrap_or("").to_string();
        let mut end = self.range.end;
        if truncated && parts.len() == 1 && !value.is_empty() {
            // Inside one quoted piece: leave out its closing quote too.
            end = self.source_range(offset..self.value.len()).end;
        }
        Token {
            value,
            range: start..end.max(start),
            quoting: quoting_of(&parts),
            parts,
            segs,
        }
    }

    /// Length of the unquoted value prefix (up to the first quote).
    pub(crate) fn bare_prefix_len(&self) -> usize {
        match self.parts.first() {
            Some(part) if part.quote == PartQuote::Bare => part.value.len(),
            _ => 0,
        }
    }

    fn content_start(&self) -> usize {
        match self.parts.first() {
            Some(part) if part.quote == PartQuote::Bare => part.source.start,
            Some(part) if part.quote == PartQuote::AnsiC => part.source.start + 2,
            Some(part) => part.source.start + 1,
            None => self.range.start,
        }
    }
}

fn shift_part(mut part: Part, offset: usize) -> Part {
    part.value = part.value.start - offset..part.value.end - offset;
    part
}

/// The overall quoting of a word made of `parts`.
pub(crate) fn quoting_of(parts: &[Part]) -> Quoting {
    match parts {
        [] => Quoting::None,
        [only] => match only.quote {
            PartQuote::Bare => Quoting::None,
            PartQuote::Single | PartQuote::AnsiC => Quoting::Single,
            PartQuote::Double => Quoting::Double,
        },
        _ => Quoting::Mixed,
    }
}

/// Builds a token's value while keeping its map to the source.
#[derive(Debug, Default)]
pub(crate) struct TokenBuilder {
    value: String,
    parts: Vec<Part>,
    segs: Vec<Seg>,
    closed: bool,
}

impl TokenBuilder {
    /// Starts a piece with its own quoting at source offset `at` (the opening quote).
    pub(crate) fn open(&mut self, quote: PartQuote, at: usize) {
        let len = self.value.len();
        self.parts.push(Part {
            quote,
            source: at..at,
            value: len..len,
        });
        self.closed = false;
    }

    /// Ends the current piece at source offset `end` (after the closing quote).
    pub(crate) fn close(&mut self, end: usize) {
        let len = self.value.len();
        if let Some(part) = self.parts.last_mut() {
            part.source.end = end;
            part.value.end = len;
        }
        self.closed = true;
    }

    /// Whether the last piece has been closed.
    pub(crate) fn is_closed(&self) -> bool {
        self.closed
    }

    /// The quoting of the piece being built, if any.
    pub(crate) fn current(&self) -> Option<PartQuote> {
        self.parts.last().map(|part| part.quote)
    }

    /// Appends `text` that was read from the source at offset `source`.
    pub(crate) fn push(&mut self, text: &str, source: usize) {
        let len = self.value.len();
        self.value.push_str(text);
        if let Some(last) = self.segs.last_mut() {
            if !last.escaped && last.value.end == len && last.source + last.value.len() == source {
                last.value.end += text.len();
                return;
            }
        }
        self.segs.push(Seg {
            value: len..len + text.len(),
            source,
            escaped: false,
        });
    }

    /// Appends the value of an escape that starts with the backslash at `backslash`.
    pub(crate) fn push_escaped(&mut self, text: &str, backslash: usize) {
        let len = self.value.len();
        self.value.push_str(text);
        self.segs.push(Seg {
            value: len..len + text.len(),
            source: backslash,
            escaped: true,
        });
    }

    pub(crate) fn finish(self, range: Range<usize>) -> Token {
        Token {
            quoting: quoting_of(&self.parts),
            value: self.value,
            range,
            parts: self.parts,
            segs: self.segs,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexer::tokenize;

    fn word(input: &str) -> crate::Token {
        tokenize(input).words().next().cloned().expect("a word")
    }

    #[test]
    fn maps_values_back_through_quotes_and_escapes() {
        let input = r#"a\"b"c d"'e'"#;
        let t = word(input);
        assert_eq!(t.value, "a\"bc de");
        assert_eq!(t.quoting, super::Quoting::Mixed);
        assert_eq!(&input[t.source_range(0..2)], "a\\\"");
        assert_eq!(&input[t.source_range(1..2)], "\\\"");
        assert_eq!(&input[t.source_range(3..6)], "c d");
        assert_eq!(&input[t.source_range(6..7)], "e");
    }

    #[test]
    fn slice_from_keeps_the_opening_quote() {
        let input = r#"-H"A: b""#;
        let rest = word(input).slice_from(2);
        assert_eq!(rest.value, "A: b");
        assert_eq!(rest.raw(input), "\"A: b\"");
        assert_eq!(rest.quoting, super::Quoting::Double);
        assert_eq!(&input[rest.source_range(3..4)], "b");
    }

    #[test]
    fn slice_inside_a_quoted_word() {
        let input = r#""--request=PUT""#;
        let rest = word(input).slice_from(10);
        assert_eq!(rest.value, "PUT");
        assert_eq!(rest.raw(input), "PUT");
        assert_eq!(rest.quoting, super::Quoting::Double);
    }

    #[test]
    fn empty_quoted_word() {
        let t = word("''");
        assert_eq!(t.value, "");
        assert_eq!(t.quoting, super::Quoting::Single);
        assert_eq!(t.source_range(0..0), 1..1);
        assert_eq!(t.slice_from(0).range, 0..2);
    }
}
