//! What miette's `SourceCode for [u8]` reads around a span (the snippet's bytes, its
//! first line and column, the lines it counted), computed as miette computes it but a
//! line end at a time instead of a byte at a time: the same state machine, with the runs
//! between line ends skipped by `memchr2`. Its test holds it to miette's on every span.

use std::collections::VecDeque;

/// A snippet: `input[start..end]`, and the position miette reports for it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub line_count: usize,
}

/// `None` where miette answers `OutOfBounds`.
pub(crate) fn read(input: &[u8], offset: usize, len: usize, before: usize, after: usize) -> Option<Snippet> {
    // The span's last byte (the one before an empty span).
    let last = (offset + len).saturating_sub(1);
    let mut at = 0usize;
    let mut line_count = 0;
    let mut start_line = 0;
    let mut start_column = 0;
    let mut before_starts: VecDeque<usize> = VecDeque::new();
    let mut line_start = 0;
    let mut end_lines = 0;
    let mut post_span = false;
    let mut post_span_newline = false;
    while at < input.len() {
        let run_end = memchr::memchr2(b'\r', b'\n', &input[at..]).map_or(input.len(), |i| at + i);
        if at < run_end {
            if at < offset {
                start_column += offset.min(run_end) - at;
            }
            let first_past = at.max(last);
            if first_past < run_end {
                post_span = true;
                if end_lines >= after {
                    at = first_past + 1;
                    break;
                }
            }
            at = run_end;
            if at == input.len() {
                break;
            }
        }
        // A line end at `at`.
        line_count += 1;
        if input[at] == b'\r' && input.get(at + 1) == Some(&b'\n') {
            at += 1;
        }
        if at < offset {
            start_column = 0;
            before_starts.push_back(line_start);
            if before_starts.len() > before {
                start_line += 1;
                before_starts.pop_front();
            }
        } else if at >= last && post_span {
            start_column = 0;
            if post_span_newline {
                end_lines += 1;
            } else {
                post_span_newline = true;
            }
            if end_lines >= after {
                at += 1;
                break;
            }
        }
        line_start = at + 1;
        if at >= last {
            post_span = true;
            if end_lines >= after {
                at += 1;
                break;
            }
        }
        at += 1;
    }
    if at < last {
        return None;
    }
    let start = before_starts
        .front()
        .copied()
        .unwrap_or(if before == 0 { offset } else { 0 });
    Some(Snippet {
        start,
        end: at,
        line: start_line,
        column: if before == 0 { start_column } else { 0 },
        line_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::{SourceCode, SourceSpan};

    /// Every span of texts with LF, CRLF and lone CR line ends, blank lines, a missing or
    /// doubled final line end and multi-byte characters, with several context sizes:
    /// the same snippet and position as miette's own reading, or the same refusal.
    #[test]
    fn reads_as_miette_reads() {
        let texts = [
            "",
            "\n",
            "\r\n\r\n",
            "abc",
            "\nfirst",
            "# Title\n\nfirst line\nsecond line\n\n| a | b |\n| - | - |\nlast",
            "# Title\r\n\r\nfirst\r\nsecond\r\n\r\nthird\r\n",
            "one\rtwo\r\nthree\nfour\r\rsix\n\n\nnine",
            "é line\n\u{1F600}\nx\n\n",
        ];
        for text in texts {
            for start in 0..=text.len() {
                for len in [0, 1, 2, 3, 9, 40] {
                    for (before, after) in [(0, 0), (1, 1), (2, 3), (3, 0), (0, 2)] {
                        let theirs = text
                            .read_span(&SourceSpan::new(start.into(), len), before, after)
                            .ok()
                            .map(|c| {
                                (
                                    c.data().to_vec(),
                                    c.span().offset(),
                                    c.span().len(),
                                    c.line(),
                                    c.column(),
                                    c.line_count(),
                                )
                            });
                        let ours = read(text.as_bytes(), start, len, before, after).map(|s| {
                            (
                                text.as_bytes()[s.start..s.end].to_vec(),
                                s.start,
                                s.end - s.start,
                                s.line,
                                s.column,
                                s.line_count,
                            )
                        });
                        assert_eq!(ours, theirs, "{text:?} at {start}+{len}, context {before}/{after}");
                    }
                }
            }
        }
    }
}
