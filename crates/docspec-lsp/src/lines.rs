//! LSP positions (line and UTF-16 or UTF-8 column) to and from byte offsets.

use lsp_types::Position;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let column = match encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte offset of a position; past the end of a line means its end, past the
    /// last line the end of the text, inside a character its start.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let end = self.starts.get(line + 1).map_or(self.text.len(), |&next| next - 1);
        let content = &self.text[start..end];
        let content = content.strip_suffix('\r').unwrap_or(content);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in content.char_indices() {
            units += match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units > wanted {
                return start + i;
            }
        }
        start + content.len()
    }

    pub fn range(&self, range: docspec_model::TextRange, encoding: Encoding) -> lsp_types::Range {
        lsp_types::Range::new(
            self.position(range.start(), encoding),
            self.position(range.end(), encoding),
        )
    }

    /// The start offset of a zero-based line (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset.min(self.text.len())) - 1
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip_and_out_of_range_positions_clamp() {
        let text = "a😀b\r\nxy\n";
        let index = LineIndex::new(text);
        let b = text.find('b').expect("b");
        assert_eq!(index.position(b, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(index.position(b, Encoding::Utf8), Position::new(0, 5));
        assert_eq!(index.offset(Position::new(0, 3), Encoding::Utf16), b);
        assert_eq!(
            index.offset(Position::new(0, 2), Encoding::Utf16),
            1,
            "inside the emoji: its start"
        );
        assert_eq!(
            index.offset(Position::new(0, 99), Encoding::Utf16),
            b + 1,
            "line end, before CR"
        );
        assert_eq!(index.offset(Position::new(9, 0), Encoding::Utf16), text.len());
        assert_eq!(index.position(999, Encoding::Utf16), Position::new(2, 0));
        assert_eq!(
            index.position(2, Encoding::Utf16),
            Position::new(0, 1),
            "not a char boundary"
        );
    }
}
