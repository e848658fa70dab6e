//! Inline suppressions in HTML comments, the markdownlint and Vale way:
//!
//! - `<!-- docspec-disable CODE, NAME -->` ... `<!-- docspec-enable CODE -->`
//! - `<!-- docspec-disable-next-line CODE -->` and `<!-- docspec-disable-line CODE -->`
//! - `<!-- docspec-disable-file CODE -->`
//!
//! No code means every rule. `enable` without codes ends every open range; with codes,
//! it ends the open ranges that name one of them.

use crate::registry::{find, suggest};
use docspec_model::{Comment, SourceFile, TextRange};

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
}

impl Suppression {
    pub fn covers(&self, code: &str, line: usize) -> bool {
        (self.first_line..=self.last_line).contains(&line) && (self.codes.is_empty() || self.codes.contains(&code))
    }

    /// What `--unknown` selectors most likely meant.
    pub fn suggestions(&self) -> Vec<(String, Option<&'static str>)> {
        self.unknown.iter().map(|u| (u.clone(), suggest(u))).collect()
    }
}

pub fn read(comments: &[Comment], source: &SourceFile) -> Vec<Suppression> {
    let last_line = source.lines().line_count().saturating_sub(1);
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for comment in comments {
        let Some((directive, rest)) = directive(&comment.body) else {
            continue;
        };
        let (codes, unknown) = selectors(rest);
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
            });
            out.len() - 1
        };
        match directive {
            "disable-file" => {
                push(Scope::File, 0, last_line);
            }
            "disable-next-line" => {
                push(Scope::NextLine, end_line + 1, end_line + 1);
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
                    let ends = codes.is_empty() || out[i].codes.iter().any(|c| codes.contains(c));
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

/// `docspec-disable-next-line X` gives `("disable-next-line", "X")`.
fn directive(body: &str) -> Option<(&str, &str)> {
    let rest = body.strip_prefix("docspec-")?;
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let (name, args) = rest.split_at(end);
    matches!(
        name,
        "disable" | "enable" | "disable-next-line" | "disable-line" | "disable-file"
    )
    .then_some((name, args))
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
