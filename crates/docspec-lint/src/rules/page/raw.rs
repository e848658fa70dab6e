//! Leaf-text helpers for the page rules: the prose lines of a page (code, front matter
//! and comments left out), and one raw table row split into its cells.

use docspec_model::{Page, SourceFile, TextRange};

/// The lines of the page that are neither code blocks, front matter nor HTML comments,
/// each as its zero-based number and its range (line terminator excluded).
pub fn prose_lines(source: &SourceFile, page: &Page) -> Vec<(usize, TextRange)> {
    let mut skip: Vec<TextRange> = page.code_blocks.iter().map(|c| c.range).collect();
    skip.extend(page.front_matter.iter().map(|f| f.range));
    skip.extend(page.comments.iter().map(|c| c.range));
    skip.sort();
    let text = source.text();
    // Lines and skipped ranges both run in source order: walk them together.
    let mut next = 0;
    let mut out = Vec::new();
    for line in 0..source.lines().line_count() {
        let range = source.lines().line_range(text, line);
        while next < skip.len() && skip[next].end() <= range.start() {
            next += 1;
        }
        let skipped = skip[next..]
            .iter()
            .take_while(|r| r.start() <= range.end())
            .any(|r| range.start() < r.end());
        if !skipped {
            out.push((line, range));
        }
    }
    out
}

/// The line just before `line`, if any, is blank (or `line` is the first of the page).
pub fn follows_blank_line(source: &SourceFile, line: usize) -> bool {
    line == 0 || {
        let previous = source.lines().line_range(source.text(), line - 1);
        source.slice(previous).trim().is_empty()
    }
}

/// A table row split at its cell separators.
#[derive(Debug, PartialEq, Eq)]
pub struct RawRow {
    /// Each cell as a byte range of the row text, between its pipes (spaces included).
    pub cells: Vec<(usize, usize)>,
    /// The row starts with a `|`.
    pub leading_pipe: bool,
    /// The row ends with a `|`.
    pub trailing_pipe: bool,
}

/// Splits one table row at its unescaped `|`.
///
/// With `code_spans`, a `|` inside a code span does not split, which is what writers
/// mean; without it every unescaped `|` splits, which is what GFM (and so the docs
/// site) does.
pub fn split_row(row: &str, code_spans: bool) -> RawRow {
    // Attribute tables have four columns: five separators.
    let mut separators = Vec::with_capacity(8);
    for_each_separator(row, code_spans, |at| separators.push(at));
    let (content_start, content_end) = content_bounds(row);
    let (leading_pipe, trailing_pipe) = pipes(
        content_start,
        content_end,
        separators.first().copied(),
        separators.last().copied(),
        separators.len(),
    );
    let inner_from = usize::from(leading_pipe);
    let inner_to = separators.len() - usize::from(trailing_pipe);
    let mut start = if leading_pipe { content_start + 1 } else { content_start };
    let mut cells = Vec::with_capacity(inner_to.saturating_sub(inner_from) + 1);
    for &sep in separators.get(inner_from..inner_to).unwrap_or(&[]) {
        cells.push((start, sep));
        start = sep + 1;
    }
    let end = if trailing_pipe { content_end - 1 } else { content_end };
    cells.push((start, end.max(start)));
    RawRow {
        cells,
        leading_pipe,
        trailing_pipe,
    }
}

/// How many cells [`split_row`] finds, without building them.
pub fn cell_count(row: &str, code_spans: bool) -> usize {
    let (mut first, mut last, mut count) = (None, None, 0);
    for_each_separator(row, code_spans, |at| {
        first.get_or_insert(at);
        last = Some(at);
        count += 1;
    });
    let (content_start, content_end) = content_bounds(row);
    let (leading_pipe, trailing_pipe) = pipes(content_start, content_end, first, last, count);
    count + 1 - usize::from(leading_pipe) - usize::from(trailing_pipe)
}

/// Calls `f` with the offset of each unescaped `|` of the row.
fn for_each_separator(row: &str, code_spans: bool, mut f: impl FnMut(usize)) {
    let bytes = row.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next byte that matters.
        match memchr::memchr3(b'|', b'\\', b'`', &bytes[i..]) {
            Some(skip) => i += skip,
            None => break,
        }
        match bytes[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'`' if code_spans => {
                let run = backtick_run(bytes, i);
                i = closing_run(bytes, i + run, run).map_or(i + run, |close| close + run);
                continue;
            }
            b'|' => f(i),
            _ => {}
        }
        i += 1;
    }
}

fn content_bounds(row: &str) -> (usize, usize) {
    (row.len() - row.trim_start().len(), row.trim_end().len())
}

/// Whether the row opens and closes with a pipe, from its first and last separators.
fn pipes(
    content_start: usize,
    content_end: usize,
    first: Option<usize>,
    last: Option<usize>,
    count: usize,
) -> (bool, bool) {
    let leading = first == Some(content_start);
    let trailing = last.is_some_and(|s| s + 1 == content_end && !(leading && count == 1));
    (leading, trailing)
}

fn backtick_run(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|&&b| b == b'`').count()
}

/// The start of the next run of exactly `len` backticks from `from`.
fn closing_run(bytes: &[u8], from: usize, len: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = backtick_run(bytes, i);
            if run == len {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// The byte ranges of the code spans of one line of text (backticks included).
pub fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = backtick_run(bytes, i);
                match closing_run(bytes, i + run, run) {
                    Some(close) => {
                        spans.push((i, close + run));
                        i = close + run;
                    }
                    None => i += run,
                }
            }
            _ => i += 1,
        }
    }
    spans
}

/// The delimiter row of a table without what a list or block quote puts before it.
pub fn delimiter_row(source: &SourceFile, range: TextRange) -> (usize, &str) {
    let line = source.slice(range);
    let body = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
    (range.start() + line.len() - body.len(), body)
}

/// The first line of a range (a heading, a block), without surrounding spaces.
pub fn first_line(source: &SourceFile, range: TextRange) -> TextRange {
    let text = source.slice(range);
    let line = text.split('\n').next().unwrap_or("");
    let start = range.start() + (line.len() - line.trim_start().len());
    TextRange::new(start, range.start() + line.trim_end().len())
}

/// Runs one rule on a page: `line:column message` of each finding.
#[cfg(test)]
pub fn run(code: &str, text: &str) -> Vec<String> {
    let mut rules = crate::RuleSelection::none();
    rules.set(code, Some(docspec_diagnostics::Severity::Error));
    let settings = crate::LintSettings {
        rules,
        ..crate::LintSettings::default()
    };
    let source = SourceFile::new("a.md", text);
    let page = docspec_parser::parse(&source);
    crate::lint_page(&source, &page, &settings)
        .into_iter()
        .map(|d| {
            let at = source.line_col(d.range().start());
            format!("{}:{} {}", at.line, at.column, d.message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &str, code_spans: bool) -> Vec<&str> {
        split_row(row, code_spans)
            .cells
            .iter()
            .map(|&(s, e)| &row[s..e])
            .collect()
    }

    #[test]
    fn splits_at_unescaped_pipes() {
        assert_eq!(cells("| a | b |", true), [" a ", " b "]);
        assert_eq!(cells("a | b", true), ["a ", " b"]);
        assert_eq!(cells("|a|b\\|c|", true), ["a", "b\\|c"]);
        assert_eq!(cells("  | a |  ", true), [" a "]);
        assert_eq!(cells("| a | |", true), [" a ", " "]);
    }

    #[test]
    fn code_spans_hold_pipes_only_when_asked() {
        assert_eq!(cells("| `a|b` | c |", true), [" `a|b` ", " c "]);
        assert_eq!(cells("| `a|b` | c |", false), [" `a", "b` ", " c "]);
        assert_eq!(cells("| `` a|` `` | c |", true), [" `` a|` `` ", " c "]);
        // An unclosed backtick is literal.
        assert_eq!(cells("| ` | c |", true), [" ` ", " c "]);
    }

    #[test]
    fn finds_code_spans() {
        assert_eq!(code_spans("a `b` c ``d`e`` \\`f`"), [(2, 5), (8, 15)]);
        assert_eq!(code_spans("a ` b"), []);
    }

    #[test]
    fn cell_count_agrees_with_split_row() {
        // Every row of up to seven of these bytes, in both modes.
        fn visit(row: &mut String, left: usize) {
            for code_spans in [false, true] {
                assert_eq!(
                    cell_count(row, code_spans),
                    split_row(row, code_spans).cells.len(),
                    "{row:?}"
                );
            }
            if left == 0 {
                return;
            }
            for c in ['|', ' ', '`', '\\', 'a'] {
                row.push(c);
                visit(row, left - 1);
                row.pop();
            }
        }
        visit(&mut String::new(), 7);
    }

    #[test]
    fn reports_the_outer_pipes() {
        let row = split_row("| a | b", true);
        assert!(row.leading_pipe && !row.trailing_pipe);
        let row = split_row("a | b |", true);
        assert!(!row.leading_pipe && row.trailing_pipe);
    }
}
