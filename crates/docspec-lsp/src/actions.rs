//! Code actions: each finding's fix (safe ones preferred), "fix all safe fixes in this
//! file", and a comment that suppresses the rule for the finding's line.

use crate::convert;
use crate::documents::Document;
use crate::lines::{Encoding, LineIndex};
use docspec_diagnostics::{Applicability, Diagnostic};
use docspec_model::{Page, SourceFile, TextRange};
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;

/// `source.fixAll.docspec`: editors run it on save when asked to.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.docspec")
}

pub fn kinds() -> Vec<CodeActionKind> {
    vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE_FIX_ALL, fix_all_kind()]
}

/// The actions for the findings that touch `range` (byte offsets), filtered by `only`.
pub fn code_actions(
    doc: &Document,
    diagnostics: &[Diagnostic],
    fix_all: impl FnOnce() -> Option<String>,
    range: TextRange,
    only: Option<&[CodeActionKind]>,
    encoding: Encoding,
    rules_url: &str,
) -> Vec<CodeActionOrCommand> {
    let wanted =
        |kind: &CodeActionKind| only.is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())));
    let index = LineIndex::new(&doc.text);
    let mut out = Vec::new();
    let touching: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.range().start() <= range.end() && range.start() <= d.range().end())
        .collect();
    if wanted(&CodeActionKind::QUICKFIX) {
        let source = SourceFile::new("buffer", doc.text.as_str());
        let page = docspec_parser::parse(&source);
        for d in &touching {
            let lsp = convert::diagnostic(d, &doc.uri, &index, encoding, rules_url);
            if let Some(fix) = d.fix.as_ref().filter(|f| f.applicability() >= Applicability::Unsafe) {
                let safe = fix.applicability() == Applicability::Safe;
                let edits = fix
                    .edits()
                    .iter()
                    .map(|e| TextEdit::new(index.range(e.range, encoding), e.replacement.clone()))
                    .collect();
                out.push(action(
                    if safe {
                        format!("{} ({})", fix.title(), d.code)
                    } else {
                        format!("{} ({}, unsafe: check the result)", fix.title(), d.code)
                    },
                    CodeActionKind::QUICKFIX,
                    &doc.uri,
                    edits,
                    Some(vec![lsp.clone()]),
                    safe,
                ));
            }
            let (at, comment) = suppression(&doc.text, &page, &index, d);
            let position = index.position(at, encoding);
            out.push(action(
                format!("Suppress {} ({}) with a comment on the line above", d.code, d.name),
                CodeActionKind::QUICKFIX,
                &doc.uri,
                vec![TextEdit::new(lsp_types::Range::new(position, position), comment)],
                Some(vec![lsp]),
                false,
            ));
        }
    }
    let any_safe = diagnostics
        .iter()
        .any(|d| d.fix.as_ref().is_some_and(|f| f.applicability() == Applicability::Safe));
    let offer_fix_all = wanted(&fix_all_kind()) && (only.is_some() || touching.iter().any(|d| d.fix.is_some()));
    if any_safe && offer_fix_all {
        if let Some(fixed) = fix_all() {
            if let Some(edit) = minimal_edit(&doc.text, &fixed, &index, encoding) {
                out.push(action(
                    "Fix all safe docspec fixes in this file".to_string(),
                    fix_all_kind(),
                    &doc.uri,
                    vec![edit],
                    None,
                    false,
                ));
            }
        }
    }
    out
}

fn action(
    title: String,
    kind: CodeActionKind,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diagnostics: Option<Vec<lsp_types::Diagnostic>>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics,
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// Where the suppression comment goes and its text. `disable-next-line` before a code
/// block or a table covers all of it, so a finding inside one is suppressed from above
/// its first line; the comment takes that line's indentation and quote markers.
fn suppression(text: &str, page: &Page, index: &LineIndex<'_>, d: &Diagnostic) -> (usize, String) {
    let start = d.range().start();
    let blocks = page.code_blocks.iter().map(|b| b.range);
    let tables = page.tables.iter().map(|t| t.range);
    let container = blocks
        .chain(tables)
        .filter(|r| r.start() <= start && start < r.end().max(r.start() + 1))
        .min_by_key(|r| r.len());
    let anchor = container.map_or(start, TextRange::start);
    let line_start = index.line_start(index.line_of(anchor));
    let prefix: String = text[line_start..]
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '>'))
        .collect();
    let newline = docspec_model::newline_of(text);
    (
        line_start,
        format!("{prefix}<!-- docspec-disable-next-line {} -->{newline}", d.code),
    )
}

/// One edit from `old` to `new`: the span between their common prefix and suffix.
fn minimal_edit(old: &str, new: &str, index: &LineIndex<'_>, encoding: Encoding) -> Option<TextEdit> {
    if old == new {
        return None;
    }
    let mut prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let range = TextRange::new(prefix, old.len() - suffix);
    Some(TextEdit::new(
        index.range(range, encoding),
        new[prefix..new.len() - suffix].to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_edit_replaces_only_the_middle() {
        let old = "alpha\nbeta\ngamma\n";
        let new = "alpha\nBETA!\ngamma\n";
        let index = LineIndex::new(old);
        let edit = minimal_edit(old, new, &index, Encoding::Utf16).expect("an edit");
        assert_eq!(edit.new_text, "BETA!");
        assert_eq!(edit.range.start, lsp_types::Position::new(1, 0));
        assert_eq!(edit.range.end, lsp_types::Position::new(1, 4));
    }
}
