//! Byte ranges into a source file and their line/column projection.

use serde::Serialize;
use std::fmt;

/// A half-open byte range `start..end` into a page's source text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    /// The character of `text` at byte `at` (clamped to the end): a label for an error
    /// found at one point, whole on a multi-byte character and empty at the end.
    pub fn char_at(text: &str, at: usize) -> Self {
        let at = at.min(text.len());
        let len = text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Self::new(at, at + len)
    }

    /// Builds a range; `end` is clamped so the range is never inverted.
    pub fn new(start: usize, end: usize) -> Self {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Self { start, end }
    }

    pub fn empty(at: usize) -> Self {
        Self::new(at, at)
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// A sub-range given relative to this range's start.
    pub fn sub(self, rel_start: usize, rel_end: usize) -> TextRange {
        let end = (self.start() + rel_end).min(self.end());
        TextRange::new((self.start() + rel_start).min(end), end)
    }

    pub fn as_range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl From<std::ops::Range<usize>> for TextRange {
    fn from(r: std::ops::Range<usize>) -> Self {
        TextRange::new(r.start, r.end)
    }
}

impl fmt::Debug for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Serialize for TextRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// A value together with the source range it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub range: TextRange,
}

impl<T> Spanned<T> {
    pub fn new(value: T, range: TextRange) -> Self {
        Self { value, range }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// One-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Offsets of line starts, for turning byte offsets into lines and columns.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The zero-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(0)
    }

    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// The byte range of a zero-based line, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> TextRange {
        let start = self.line_start(line);
        let mut end = self
            .line_starts
            .get(line + 1)
            .map(|next| next - 1)
            .unwrap_or(text.len());
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        TextRange::new(start, end)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Source text as it goes into output (a spec's descriptions, a sentence read for its
/// meaning): its lines end in `\n` whatever the page was saved with.
pub fn lf_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").into()
    } else {
        text.into()
    }
}

/// The line ending a page is written with: `\r\n` if any line ends so, else `\n`
/// (memchr finds the rare `\r` faster than a substring search).
pub fn newline_of(text: &str) -> &'static str {
    let bytes = text.as_bytes();
    let crlf = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) == Some(&b'\n'));
    if crlf {
        "\r\n"
    } else {
        "\n"
    }
}

/// `text.find(needle)` without the set-up of a substring searcher, which costs more
/// than the search itself in a table cell or a sentence: memchr finds each place the
/// needle's first byte is, and the rest is compared there.
pub fn find_str(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr(first, &hay[from..]) {
        let at = from + i;
        if hay[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `text` holds `needle` in any ASCII case, without lowering a copy of it.
pub fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    find_ignore_ascii_case(text, needle).is_some()
}

/// Where `text` first holds `needle` in any ASCII case: the offset
/// `text.to_ascii_lowercase().find(&needle.to_ascii_lowercase())` gives, without the copy.
pub fn find_ignore_ascii_case(text: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(i) = memchr::memchr2(lower, upper, &hay[from..]) {
        let at = from + i;
        if hay[at..]
            .get(..needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where `text.trim()` starts and ends in `text`. Runs of ASCII whitespace (table cells'
/// padding) are skipped a byte at a time; a non-ASCII byte at either edge leaves that
/// edge to `str`'s own trim, which reads Unicode whitespace.
pub fn trim_bounds(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // `char::is_whitespace` for ASCII: space, and tab through carriage return.
    let blank = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let mut start = 0;
    while start < bytes.len() && blank(bytes[start]) {
        start += 1;
    }
    if start < bytes.len() && !bytes[start].is_ascii() {
        start = text.len() - text.trim_start().len();
    }
    let mut end = bytes.len();
    while end > start && blank(bytes[end - 1]) {
        end -= 1;
    }
    if end > start && !bytes[end - 1].is_ascii() {
        end = start + text[start..].trim_end().len();
    }
    (start, end)
}

/// A page's path and text with its line index.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: String,
    text: String,
    lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Self {
            path: path.into(),
            text,
            lines,
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn slice(&self, range: TextRange) -> &str {
        self.text.get(range.as_range()).unwrap_or("")
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of up to `max` of `pieces`.
    fn texts_of(pieces: &[&str], max: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..max {
            last = last
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn ignoring_ascii_case_is_a_lowered_find() {
        let pieces = [
            "", "Queue", "q", "QU", "é", "İ", "internal", "INTERNAL", " ", "K", "\u{212a}", "inTer",
        ];
        for text in texts_of(&pieces, 3) {
            for needle in pieces {
                let lowered = text.to_ascii_lowercase().find(&needle.to_ascii_lowercase());
                assert_eq!(find_ignore_ascii_case(&text, needle), lowered, "{needle:?} in {text:?}");
                assert_eq!(
                    contains_ignore_ascii_case(&text, needle),
                    lowered.is_some(),
                    "{needle:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn trim_bounds_are_where_trim_cuts() {
        let pieces = [" ", "\t", "\n", "\u{b}", "\u{1c}", "\u{a0}", "\u{3000}", "a", "é", "|"];
        for text in &texts_of(&pieces, 4) {
            let (start, end) = trim_bounds(text);
            let trimmed = text.trim();
            assert_eq!(&text[start..end], trimmed, "{text:?}");
            assert_eq!(start, text.len() - text.trim_start().len(), "{text:?}");
        }
    }

    #[test]
    fn find_str_finds_what_str_find_finds() {
        let pieces = [
            "",
            "http",
            "h",
            "ht",
            "é",
            "eprecated",
            "EPRECATED",
            " ",
            "`x`",
            "ü",
            "queue",
            "hh",
            "default",
            "defaults to",
            "d",
            "` (default)",
        ];
        for text in texts_of(&pieces, 3) {
            for needle in pieces {
                assert_eq!(find_str(&text, needle), text.find(needle), "{needle:?} in {text:?}");
            }
        }
    }

    #[test]
    fn lf_lines_ends_lines_with_lf_only() {
        assert_eq!(lf_lines("a\r\nb\rc\n"), "a\nb\rc\n");
        assert!(matches!(lf_lines("a\nb"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn newline_is_crlf_only_when_a_line_ends_so() {
        assert_eq!(newline_of("a\nb\n"), "\n");
        assert_eq!(newline_of("a\rb\r\n"), "\r\n");
        assert_eq!(newline_of("a\r b\r"), "\n");
        assert_eq!(newline_of(""), "\n");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nçd\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        // 'd' is after the two-byte 'ç'
        assert_eq!(index.line_col(text, 5), LineCol { line: 2, column: 2 });
        assert_eq!(index.line_col(text, 7), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn line_range_excludes_crlf() {
        let text = "a\r\nbc\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_range(text, 0), TextRange::new(0, 1));
        assert_eq!(index.line_range(text, 1), TextRange::new(3, 5));
    }

    #[test]
    fn ranges_never_invert() {
        assert_eq!(TextRange::new(5, 2), TextRange::new(5, 5));
        assert_eq!(TextRange::new(2, 9).sub(3, 100), TextRange::new(5, 9));
    }
}
