use docspec_model::TextRange;
use serde::Serialize;
use std::fmt;

/// How safe a fix is to apply without review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Shown to the user, never applied.
    DisplayOnly,
    /// Applied only with `--unsafe-fixes`: it may change meaning.
    Unsafe,
    /// Applied by `--fix`: it keeps the meaning of the page.
    Safe,
}

/// Replace `range` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

impl Edit {
    pub fn replacement(range: TextRange, replacement: impl Into<String>) -> Self {
        Self {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn insertion(at: usize, text: impl Into<String>) -> Self {
        Self::replacement(TextRange::empty(at), text)
    }

    pub fn deletion(range: TextRange) -> Self {
        Self::replacement(range, "")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixError;

impl fmt::Display for FixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("fix edits overlap")
    }
}

impl std::error::Error for FixError {}

/// A set of edits that together resolve one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    title: String,
    applicability: Applicability,
    edits: Vec<Edit>,
}

impl Fix {
    /// Sorts the edits; fails when two of them overlap.
    pub fn new(title: impl Into<String>, applicability: Applicability, mut edits: Vec<Edit>) -> Result<Self, FixError> {
        edits.sort();
        for pair in edits.windows(2) {
            if pair[0].range.end() > pair[1].range.start() {
                return Err(FixError);
            }
        }
        Ok(Self {
            title: title.into(),
            applicability,
            edits,
        })
    }

    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Self::new(title, Applicability::Safe, edits).ok()
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Self::new(title, Applicability::Unsafe, edits).ok()
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn applicability(&self) -> Applicability {
        self.applicability
    }

    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Writes the fix's new lines with `newline` (`"\r\n"` for a page saved so): rules
    /// write `\n`, and a lone `\n` in a CRLF page is a line ending the editor never wrote.
    pub fn with_newline(mut self, newline: &str) -> Self {
        if newline != "\n" {
            for edit in &mut self.edits {
                if edit.replacement.contains('\n') {
                    edit.replacement = edit.replacement.replace("\r\n", "\n").replace('\n', newline);
                }
            }
        }
        self
    }

    /// The range covering all edits.
    pub fn range(&self) -> Option<TextRange> {
        let first = self.edits.first()?.range;
        Some(self.edits.iter().fold(first, |acc, e| acc.cover(e.range)))
    }
}

/// Applies fixes in order, skipping any that overlaps an earlier one.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut taken: Vec<TextRange> = Vec::new();
    for fix in fixes {
        let Some(range) = fix.range() else { continue };
        let overlaps = taken.iter().any(|t| {
            range.start() < t.end() && t.start() < range.end()
                || (range.is_empty() || t.is_empty()) && range.start() == t.start()
        });
        if !overlaps {
            taken.push(range);
            chosen.push(fix);
        }
    }
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|f| f.edits.iter()).collect();
    edits.sort();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in edits {
        let start = edit.range.start().min(text.len());
        if start < pos {
            continue;
        }
        out.push_str(&text[pos..start]);
        out.push_str(&edit.replacement);
        pos = edit.range.end().min(text.len());
    }
    out.push_str(&text[pos..]);
    (out, chosen.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_lines_are_written_with_the_page_newline() {
        let fix = Fix::safe("t", vec![Edit::replacement(TextRange::new(0, 1), "a\nb\r\nc")]).unwrap();
        assert_eq!(fix.clone().with_newline("\r\n").edits()[0].replacement, "a\r\nb\r\nc");
        assert_eq!(fix.with_newline("\n").edits()[0].replacement, "a\nb\r\nc");
    }

    #[test]
    fn overlapping_edits_are_rejected() {
        let edits = vec![
            Edit::replacement(TextRange::new(0, 4), "a"),
            Edit::replacement(TextRange::new(3, 6), "b"),
        ];
        assert!(Fix::new("x", Applicability::Safe, edits).is_err());
    }

    #[test]
    fn apply_skips_overlapping_fixes_and_keeps_other_bytes() {
        let text = "-H x -X y";
        let a = Fix::safe("a", vec![Edit::replacement(TextRange::new(0, 2), "--header")]).unwrap();
        let b = Fix::safe("b", vec![Edit::replacement(TextRange::new(1, 2), "Q")]).unwrap();
        let c = Fix::safe("c", vec![Edit::replacement(TextRange::new(5, 7), "--request")]).unwrap();
        let (out, n) = apply_fixes(text, [&a, &b, &c]);
        assert_eq!(out, "--header x --request y");
        assert_eq!(n, 2);
    }
}
