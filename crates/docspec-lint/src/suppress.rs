//! Inline suppressions in HTML comments, the markdownlint and Vale way:
//!
//! - `<!-- docspec-disable CODE, NAME -->` ... `<!-- docspec-enable CODE -->`
//! - `<!-- docspec-disable-next-line CODE -->` (the next non-blank line; when that line
//!   opens a code block or a table, the whole block) and `<!-- docspec-disable-line CODE -->`
//! - `<!-- docspec-disable-file CODE -->`
//!
//! No code means every rule. `enable` without codes ends every open range; with codes,
//! it ends the open ranges that name one of them.
//!
//! markdownlint's own comments (`<!-- markdownlint-disable MD056 -->`, by code or alias,
//! with the same five directives) suppress the rules that check what a markdownlint rule
//! checks (`RuleMetadata::markdownlint`); without a code, all of those. They are
//! another tool's comments: docspec never reports them as unused or unknown.

use crate::registry::{all_metadata, find, suggest};
use docspec_model::{Page, SourceFile, TextRange};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Range,
    NextLine,
    Line,
    File,
}

#[derive(Clone, Debug)]
pub struct Suppression {
    pub scope: Scope,
    /// Rule codes, resolved from codes or names; empty means all rules.
    pub codes: Vec<&'static str>,
    /// Selectors that name no rule.
    pub unknown: Vec<String>,
    pub comment: TextRange,
    /// Zero-based lines, inclusive.
    pub first_line: usize,
    pub last_line: usize,
    pub used: bool,
    /// A markdownlint comment, not docspec's own.
    pub foreign: bool,
}

impl Suppression {
    pub fn covers(&self, code: &str, line: usize) -> bool {
        (self.first_line..=self.last_line).contains(&line) && (self.codes.is_empty() || self.codes.contains(&code))
    }

    /// The first selector that names no rule, and what it most likely meant (only the
    /// first: a comment left open can swallow hundreds of words).
    pub fn first_unknown(&self) -> Option<(String, Option<&'static str>)> {
        self.unknown.first().map(|u| (u.clone(), suggest(u)))
    }
}

pub fn read(page: &Page, source: &SourceFile) -> Vec<Suppression> {
    let comments = &page.comments;
    let last_line = source.lines().line_count().saturating_sub(1);
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for comment in comments {
        let Some((directive, rest, foreign)) = directive(&comment.body) else {
            continue;
        };
        let (codes, unknown) = if foreign {
            match markdownlint_selectors(rest) {
                Some(codes) => (codes, Vec::new()),
                // Only markdownlint rules docspec does not check: nothing to suppress.
                None => continue,
            }
        } else {
            selectors(rest)
        };
        let line = source.lines().line_of(comment.range.start());
        let end_line = source
            .lines()
            .line_of(comment.range.end().saturating_sub(1).max(comment.range.start()));
        let mut push = |scope, first_line, last| {
            out.push(Suppression {
                scope,
                codes: codes.clone(),
                unknown: unknown.clone(),
                comment: comment.range,
                first_line,
                last_line: last,
                used: false,
                foreign,
            });
            out.len() - 1
        };
        match directive {
            "disable-file" => {
                push(Scope::File, 0, last_line);
            }
            "disable-next-line" => {
                let (first, last) = next_block(page, source, end_line + 1);
                push(Scope::NextLine, first, last);
            }
            "disable-line" => {
                push(Scope::Line, line, line);
            }
            "disable" => {
                let i = push(Scope::Range, line, last_line);
                open.push(i);
            }
            "enable" => {
                open.retain(|&i| {
                    // Each tool's `enable` ends its own ranges.
                    let ends = out[i].foreign == foreign
                        && (codes.is_empty() || out[i].codes.iter().any(|c| codes.contains(c)));
                    if ends {
                        out[i].last_line = line;
                    }
                    !ends
                });
            }
            _ => {}
        }
    }
    out
}

/// `docspec-disable-next-line X` gives `("disable-next-line", "X", false)`; a
/// `markdownlint-` directive gives `true`.
fn directive(body: &str) -> Option<(&str, &str, bool)> {
    let (rest, foreign) = match body.strip_prefix("docspec-") {
        Some(rest) => (rest, false),
        None => (body.strip_prefix("markdownlint-")?, true),
    };
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let (name, args) = rest.split_at(end);
    matches!(
        name,
        "disable" | "enable" | "disable-next-line" | "disable-line" | "disable-file"
    )
    .then_some((name, args, foreign))
}

/// The docspec rules a markdownlint comment's selectors name (`MD056`, `md056`,
/// `table-column-count`); no selector names them all. `None` when selectors were given
/// but none is a rule docspec also checks.
fn markdownlint_selectors(text: &str) -> Option<Vec<&'static str>> {
    let words: Vec<&str> = text
        .split([',', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let codes: Vec<&'static str> = all_metadata()
        .filter(|meta| {
            meta.markdownlint.iter().any(|(code, alias)| {
                words.is_empty()
                    || words
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(code) || w.eq_ignore_ascii_case(alias))
            })
        })
        .map(|meta| meta.code)
        .collect();
    (!codes.is_empty()).then_some(codes)
}

fn selectors(text: &str) -> (Vec<&'static str>, Vec<String>) {
    let mut codes = Vec::new();
    let mut unknown = Vec::new();
    for word in text
        .split([',', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        match find(word) {
            Some(rule) => codes.push(rule.meta().code),
            None => unknown.push(word.to_string()),
        }
    }
    (codes, unknown)
}

/// The next non-blank line from `line` on, grown to the whole code block or table it opens.
fn next_block(page: &Page, source: &SourceFile, line: usize) -> (usize, usize) {
    let lines = source.lines();
    let mut first = line;
    while first < lines.line_count() && source.slice(lines.line_range(source.text(), first)).trim().is_empty() {
        first += 1;
    }
    let start = lines.line_start(first);
    let block_end = page
        .code_blocks
        .iter()
        .map(|b| b.range)
        .chain(page.tables.iter().map(|t| t.range))
        .find(|r| r.start() == start || (lines.line_of(r.start()) == first && !r.is_empty()))
        .map(|r| r.end().saturating_sub(1).max(r.start()));
    let last = block_end.map_or(first, |end| lines.line_of(end));
    (first, last)
}
