//! Inline text read as one string with the way back to source positions, and how an
//! attribute description marks the attribute deprecated. Lint (history rules) and the
//! site (deprecated attributes) read deprecations through these, so they agree.

use crate::{contains_ignore_ascii_case, Cell, Inline, TextRange};

/// What a piece of flattened text was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PieceKind {
    Text,
    /// A code span, written with its backticks in the flat text.
    Code(String),
}

#[derive(Clone, Debug)]
pub struct Piece {
    /// Byte range in the flat text.
    pub start: usize,
    pub end: usize,
    /// The leaf inline's source range.
    pub source: TextRange,
    /// The outermost inline holding the leaf (a link, strong or emphasis), or the leaf.
    pub outer: TextRange,
    /// The link holding the leaf: its destination, text and range.
    pub link: Option<(String, String, TextRange)>,
    pub strong: bool,
    pub kind: PieceKind,
}

/// Inlines read as one string (code spans keep their backticks, links their text only),
/// with the way back to source positions.
#[derive(Clone, Debug, Default)]
pub struct Flat {
    pub text: String,
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Default)]
struct Context {
    outer: Option<TextRange>,
    strong: bool,
}

impl Flat {
    pub fn new(inlines: &[Inline]) -> Self {
        let mut flat = Flat::default();
        flat.push(inlines, Context::default(), None);
        flat
    }

    fn push(&mut self, inlines: &[Inline], cx: Context, link: Option<&(String, String, TextRange)>) {
        for inline in inlines {
            let outer = cx.outer.unwrap_or(inline.range());
            match inline {
                Inline::Text { text, range } => self.piece(text, *range, outer, link, cx.strong, PieceKind::Text),
                Inline::Code { code, range } => {
                    self.piece(
                        &format!("`{code}`"),
                        *range,
                        outer,
                        link,
                        cx.strong,
                        PieceKind::Code(code.clone()),
                    );
                }
                Inline::Break { range } => self.piece(" ", *range, outer, link, cx.strong, PieceKind::Text),
                Inline::Link { dest, children, range } => {
                    let info = (dest.clone(), crate::plain_text(children), *range);
                    let inner = Context {
                        outer: Some(outer),
                        strong: cx.strong,
                    };
                    self.push(children, inner, Some(&info));
                }
                Inline::Strong { children, .. } => {
                    let inner = Context {
                        outer: Some(outer),
                        strong: true,
                    };
                    self.push(children, inner, link);
                }
                Inline::Emphasis { children, .. } | Inline::Strikethrough { children, .. } => {
                    let inner = Context {
                        outer: Some(outer),
                        strong: cx.strong,
                    };
                    self.push(children, inner, link);
                }
                Inline::Html { .. } | Inline::Image { .. } => {}
            }
        }
    }

    fn piece(
        &mut self,
        text: &str,
        source: TextRange,
        outer: TextRange,
        link: Option<&(String, String, TextRange)>,
        strong: bool,
        kind: PieceKind,
    ) {
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push(Piece {
            start,
            end: self.text.len(),
            source,
            outer,
            link: link.cloned(),
            strong,
            kind,
        });
    }

    /// The piece holding flat offset `at`.
    pub fn piece_at(&self, at: usize) -> Option<&Piece> {
        self.pieces.iter().find(|p| p.start <= at && at < p.end)
    }

    /// The piece that ends right at flat offset `at`.
    pub fn piece_ending_at(&self, at: usize) -> Option<&Piece> {
        self.pieces.iter().find(|p| p.end == at)
    }

    /// The source offset of flat offset `at`.
    pub fn source_offset(&self, at: usize) -> usize {
        match self.piece_at(at) {
            Some(p) => (p.source.start() + (at - p.start)).min(p.source.end()),
            None => self.pieces.last().map_or(0, |p| p.source.end()),
        }
    }

    /// The source range of the flat range `start..end`.
    pub fn source_range(&self, start: usize, end: usize) -> TextRange {
        let s = self.source_offset(start);
        let e = if end > start {
            let last = end - 1;
            match self.piece_at(last) {
                Some(p) => (p.source.start() + (last - p.start) + 1).min(p.source.end()),
                None => s,
            }
        } else {
            s
        };
        TextRange::new(s, e.max(s))
    }
}

/// Byte positions of `word` (lower case) in `lower` as a whole word.
pub fn word_positions<'a>(lower: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        boundary(before) && boundary(after)
    })
}

/// How a description marks its attribute deprecated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// `[Deprecated](link)`, as the style guide writes it.
    Link,
    /// `**Deprecated:**` or `**Deprecated**`.
    Strong,
    /// `Deprecated:` or `Deprecated` starting a sentence.
    Word,
    /// `(deprecated, ...)`.
    Parenthesis,
    /// `` `name` is deprecated `` or `This attribute is deprecated`.
    Named,
}

#[derive(Clone, Debug)]
pub struct Mark {
    pub kind: MarkKind,
    /// Where the mark is written.
    pub range: TextRange,
    /// Flat offsets of the mark (the link text for `Link`).
    pub flat_start: usize,
    pub flat_end: usize,
}

/// Whether flat offset `at` starts a sentence: nothing before it, or the text before it
/// ends a sentence.
fn sentence_start(flat: &str, at: usize) -> bool {
    let before = flat[..at].trim_end();
    before.is_empty() || before.ends_with(['.', ':', '!', '?'])
}

/// Whether `text`, the words right after "deprecated", say it is values that are deprecated:
/// `Deprecated values: ...`, `deprecated value(s)`.
fn names_values(text: &str) -> bool {
    let rest = text.trim_start_matches([' ', '*', '_']).to_ascii_lowercase();
    rest.strip_prefix("value")
        .is_some_and(|r| r.is_empty() || r.starts_with(['s', ':', ' ', '(', '.', ',']))
}

/// Whether `before`, the text before `(deprecated` or `is deprecated`, ends with a value
/// named as one: `` `timeout` value ``, `` values `a` and `b` ``.
fn ends_with_value_word(before: &str) -> bool {
    let lower = before.trim_end().to_ascii_lowercase();
    lower.ends_with(" value") || lower.ends_with(" values") || lower == "value" || lower == "values"
}

/// How a description cell of `attribute` says it is deprecated, with the cell's flattened
/// text: [`deprecation_mark`] for a cell, which most cells skip without being flattened,
/// since the mark needs the word `deprecated` in the cell's text.
pub fn cell_deprecation(cell: &Cell, attribute: &str) -> Option<(Flat, Mark)> {
    if !contains_ignore_ascii_case(&cell.text, "deprecated") {
        return None;
    }
    let flat = Flat::new(&cell.inlines);
    let mark = deprecation_mark(&flat, attribute)?;
    Some((flat, mark))
}

/// How the description of `attribute` says it is deprecated, if it does.
///
/// A value of the attribute marked deprecated is not the attribute being deprecated:
/// `` `No+Label` (Deprecated) lists ... ``, `` Deprecated values: `timeout`, ... ``,
/// `` the `merged` value (deprecated) ``, `` the `merged` value is deprecated ``.
pub fn deprecation_mark(flat: &Flat, attribute: &str) -> Option<Mark> {
    let lower = flat.text.to_ascii_lowercase();
    let names_attribute = |code: &str| code == attribute || attribute.split('/').any(|part| part == code);
    for at in word_positions(&lower, "deprecated") {
        let end = at + "deprecated".len();
        let Some(piece) = flat.piece_at(at) else { continue };
        let before = flat.text[..at].trim_end();
        if let Some((_, text, range)) = &piece.link {
            if text.trim().eq_ignore_ascii_case("deprecated") {
                let link_start = flat
                    .pieces
                    .iter()
                    .find(|p| p.link.as_ref().is_some_and(|l| l.2 == *range));
                let start = link_start.map_or(at, |p| p.start);
                if sentence_start(&flat.text, start) {
                    return Some(Mark {
                        kind: MarkKind::Link,
                        range: *range,
                        flat_start: start,
                        flat_end: end,
                    });
                }
                continue;
            }
        }
        if matches!(piece.kind, PieceKind::Code(_)) {
            continue;
        }
        if names_values(&flat.text[end..]) {
            continue;
        }
        if sentence_start(&flat.text, at) {
            let (kind, range) = if piece.strong {
                (MarkKind::Strong, piece.outer)
            } else {
                let with_colon = if flat.text[end..].starts_with(':') {
                    end + 1
                } else {
                    end
                };
                (MarkKind::Word, flat.source_range(at, with_colon))
            };
            return Some(Mark {
                kind,
                range,
                flat_start: at,
                flat_end: end,
            });
        }
        if let Some(rest) = before.strip_suffix('(') {
            // `(deprecated` right after a code span marks that value, not the attribute.
            let rest = rest.trim_end();
            let after_value = flat
                .piece_ending_at(rest.len())
                .is_some_and(|p| matches!(&p.kind, PieceKind::Code(code) if !names_attribute(code)));
            if after_value || ends_with_value_word(rest) {
                continue;
            }
            let open = before.len() - 1;
            return Some(Mark {
                kind: MarkKind::Parenthesis,
                range: flat.source_range(open, end),
                flat_start: open,
                flat_end: end,
            });
        }
        if let Some(rest) = before.strip_suffix(" is").or_else(|| before.strip_suffix(" are")) {
            let rest_lower = rest.to_ascii_lowercase();
            let named = flat
                .piece_ending_at(rest.len())
                .is_some_and(|p| matches!(&p.kind, PieceKind::Code(code) if names_attribute(code)))
                || ["this attribute", "this parameter", "this field", "this option"]
                    .iter()
                    .any(|w| rest_lower.ends_with(w));
            if named {
                let start = flat.text[..rest.len()].rfind(['.', ':', '!', '?']).map_or(0, |i| i + 1);
                let start = start + flat.text[start..].len() - flat.text[start..].trim_start().len();
                return Some(Mark {
                    kind: MarkKind::Named,
                    range: flat.source_range(start, end),
                    flat_start: start,
                    flat_end: end,
                });
            }
        }
    }
    None
}

/// The attribute a deprecated one is replaced by, when its description names one in
/// code after the mark: `Deprecated: use `files` instead`, `replaced by `x``.
pub fn replacement(flat: &Flat, mark: &Mark) -> Option<String> {
    let lower = flat.text.to_ascii_lowercase();
    let after = &lower[mark.flat_end.min(lower.len())..];
    let cue = ["use ", "replaced by ", "in favor of ", "in favour of ", "instead use "]
        .iter()
        .filter_map(|c| after.find(c).map(|i| i + c.len()))
        .min()?;
    let at = mark.flat_end + cue;
    let piece = flat.pieces.iter().find(|p| p.start >= at)?;
    let between = &flat.text[at..piece.start];
    match &piece.kind {
        PieceKind::Code(code) if between.trim().is_empty() || between.trim() == "the" => Some(code.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, at: usize) -> Inline {
        Inline::Text {
            text: t.to_string(),
            range: TextRange::new(at, at + t.len()),
        }
    }

    fn code(c: &str, at: usize) -> Inline {
        Inline::Code {
            code: c.to_string(),
            range: TextRange::new(at, at + c.len() + 2),
        }
    }

    #[test]
    fn flat_text_keeps_backticks_and_maps_back() {
        let flat = Flat::new(&[text("Use ", 10), code("x", 14), text(" instead.", 17)]);
        assert_eq!(flat.text, "Use `x` instead.");
        assert_eq!(flat.source_range(4, 7), TextRange::new(14, 17));
        assert_eq!(flat.source_offset(8), 18);
    }

    #[test]
    fn a_deprecated_value_is_not_a_deprecated_attribute() {
        let flat = Flat::new(&[code("No+Label", 0), text(" (Deprecated) lists issues.", 10)]);
        assert!(deprecation_mark(&flat, "labels").is_none());
        let flat = Flat::new(&[text("IID of the epic. (deprecated, scheduled for removal)", 0)]);
        assert_eq!(deprecation_mark(&flat, "epic_iid").unwrap().kind, MarkKind::Parenthesis);
    }

    #[test]
    fn deprecated_values_are_not_a_deprecated_attribute() {
        let flat = Flat::new(&[
            text("State of the export. Can be ", 0),
            code("done", 28),
            text(". Deprecated values: ", 34),
            code("stale", 55),
            text(".", 62),
        ]);
        assert!(deprecation_mark(&flat, "state").is_none());
        let flat = Flat::new(&[text("Kind of job. **Deprecated values:** ", 0), code("legacy", 36)]);
        assert!(deprecation_mark(&flat, "kind").is_none());
        let flat = Flat::new(&[
            text("Mode. The ", 0),
            code("fast", 10),
            text(" value (deprecated) skips checks.", 16),
        ]);
        assert!(deprecation_mark(&flat, "mode").is_none());
        let flat = Flat::new(&[
            text("Mode. The ", 0),
            code("fast", 10),
            text(" value is deprecated.", 16),
        ]);
        assert!(deprecation_mark(&flat, "mode").is_none());
        // The attribute itself is still read as deprecated.
        let flat = Flat::new(&[
            text("Mode. Deprecated: use ", 0),
            code("speed", 22),
            text(" instead.", 29),
        ]);
        assert_eq!(deprecation_mark(&flat, "mode").unwrap().kind, MarkKind::Word);
    }

    #[test]
    fn a_cell_is_read_as_its_flattened_text_is() {
        let cells = [
            vec![text("Deprecated: Use ", 0), code("files", 16), text(" instead.", 23)],
            vec![text("DEPRECATED. Use ", 0), code("files", 16), text(".", 23)],
            vec![text("dePrecated: use the other one.", 0)],
            vec![text("Note: ", 0), code("file_name", 6), text(" is deprecated.", 17)],
            vec![text("The name of the file.", 0)],
            vec![text("Deprec", 0), code("ated", 6)],
        ];
        let mut marked = 0;
        for inlines in cells {
            let cell = Cell {
                range: TextRange::new(0, 40),
                text: crate::plain_text(&inlines),
                inlines: inlines.clone(),
            };
            let whole = deprecation_mark(&Flat::new(&inlines), "file_name").map(|m| (m.kind, m.range));
            let read = cell_deprecation(&cell, "file_name").map(|(_, m)| (m.kind, m.range));
            assert_eq!(read, whole, "{inlines:?}");
            marked += usize::from(read.is_some());
        }
        // Both capitalised cells and the mixed-case one are marks.
        assert_eq!(marked, 4);
    }

    #[test]
    fn marks_by_word_and_name() {
        let flat = Flat::new(&[text("Deprecated: Use ", 0), code("files", 16), text(" instead.", 23)]);
        let mark = deprecation_mark(&flat, "file_name").unwrap();
        assert_eq!(mark.kind, MarkKind::Word);
        assert_eq!(mark.range, TextRange::new(0, 11));
        let flat = Flat::new(&[text("Note: ", 0), code("name_regex", 6), text(" is deprecated.", 18)]);
        assert_eq!(deprecation_mark(&flat, "name_regex").unwrap().kind, MarkKind::Named);
        let flat = Flat::new(&[text("Use this. Values will be deprecated in the future.", 0)]);
        assert!(deprecation_mark(&flat, "x").is_none());
    }

    #[test]
    fn the_replacement_is_the_code_after_use() {
        let flat = Flat::new(&[text("Deprecated: Use ", 0), code("files", 16), text(" instead.", 23)]);
        let mark = deprecation_mark(&flat, "file_name").unwrap();
        assert_eq!(replacement(&flat, &mark).as_deref(), Some("files"));
        let flat = Flat::new(&[text("Deprecated. Will be removed.", 0)]);
        let mark = deprecation_mark(&flat, "x").unwrap();
        assert_eq!(replacement(&flat, &mark), None);
    }
}
