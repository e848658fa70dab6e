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
//! checks (`RuleMetadata::markdownlint`); without a code, all of those. Vale's comments
//! do the same for the rules that check what one of GitLab's Vale rules checks
//! (`RuleMetadata::vale`): `<!-- vale gitlab_base.CodeBlockNesting = NO -->` ... `= YES`,
//! a whole style (`vale gitlab_base = NO`), or every one (`vale off` ... `vale on`).
//! They are another tool's comments: docspec never reports them as unused or unknown.

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
    // Open ranges, with the tool whose comment opened them.
    let mut open: Vec<(usize, Tool)> = Vec::new();
    for comment in comments {
        let Some((directive, codes, unknown, tool)) = read_comment(&comment.body) else {
            continue;
        };
        let foreign = tool != Tool::Docspec;
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
                open.push((i, tool));
            }
            "enable" => {
                open.retain(|&(i, opened_by)| {
                    // Each tool's `enable` ends its own ranges.
                    let ends =
                        opened_by == tool && (codes.is_empty() || out[i].codes.iter().any(|c| codes.contains(c)));
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

/// Whose suppression comment it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tool {
    Docspec,
    Markdownlint,
    Vale,
}

/// A suppression comment's directive (`disable`, `enable`, `disable-next-line`, ...), the
/// rules it names (none: all rules, or all of the other tool's twins), the selectors that
/// name no rule, and whose comment it is. `None` for other comments, and for another
/// tool's comment about none of the rules docspec also checks.
fn read_comment(body: &str) -> Option<(&str, Vec<&'static str>, Vec<String>, Tool)> {
    if let Some(rest) = body.strip_prefix("vale ") {
        let (directive, codes) = vale_directive(rest)?;
        return Some((directive, codes, Vec::new(), Tool::Vale));
    }
    let (directive, rest, tool) = directive(body)?;
    if tool == Tool::Markdownlint {
        // Only markdownlint rules docspec does not check: nothing to suppress.
        let codes = markdownlint_selectors(rest)?;
        return Some((directive, codes, Vec::new(), tool));
    }
    let (codes, unknown) = selectors(rest);
    Some((directive, codes, unknown, tool))
}

/// `docspec-disable-next-line X` gives `("disable-next-line", "X", Docspec)`; a
/// `markdownlint-` directive gives `Markdownlint`.
fn directive(body: &str) -> Option<(&str, &str, Tool)> {
    let (rest, tool) = match body.strip_prefix("docspec-") {
        Some(rest) => (rest, Tool::Docspec),
        None => (body.strip_prefix("markdownlint-")?, Tool::Markdownlint),
    };
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let (name, args) = rest.split_at(end);
    matches!(
        name,
        "disable" | "enable" | "disable-next-line" | "disable-line" | "disable-file"
    )
    .then_some((name, args, tool))
}

/// What a Vale comment does to the rules that have a Vale twin: `off` and `on` all of
/// them, `Style.Rule = NO` (or `Style.Rule["match"] = NO`, taken as the whole rule) and
/// `= YES` those of the rule, `Style = NO` those of the style. Other Vale comments
/// (`style = ...`) and rules no docspec rule checks give `None`.
fn vale_directive(text: &str) -> Option<(&'static str, Vec<&'static str>)> {
    let twins = |matches: &dyn Fn(&str) -> bool| -> Vec<&'static str> {
        all_metadata()
            .filter(|meta| meta.vale.iter().any(|v| matches(v)))
            .map(|meta| meta.code)
            .collect()
    };
    let text = text.trim();
    let (directive, codes) = match text {
        "off" => ("disable", twins(&|_| true)),
        // No codes: every range Vale's comments opened.
        "on" => return Some(("enable", Vec::new())),
        _ => {
            let (name, value) = text.split_once('=')?;
            let directive = match value.trim() {
                "NO" => "disable",
                "YES" => "enable",
                _ => return None,
            };
            let name = name.trim();
            let name = name.split_once('[').map_or(name, |(rule, _)| rule);
            let codes = if name.contains('.') {
                twins(&|v| v == name)
            } else {
                twins(&|v| v.split_once('.').is_some_and(|(style, _)| style == name))
            };
            (directive, codes)
        }
    };
    (!codes.is_empty()).then_some((directive, codes))
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
