//! Runs the enabled rules over pages, applies suppressions and sorts the findings.

use crate::registry::{find, RULES};
use crate::rules::docspec::unused_suppression;
use crate::{suppress, LintContext, LintSettings, ProjectContext, ProjectFile};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Page, SourceFile};

/// Runs every enabled rule on one page, at the configured severities.
pub fn check_page(source: &SourceFile, page: &Page, settings: &LintSettings) -> Vec<Diagnostic> {
    let ctx = LintContext::new(source, page, settings);
    let mut out = Vec::new();
    for rule in RULES {
        let meta = rule.meta();
        let Some(severity) = settings.rules.severity(meta.code) else {
            continue;
        };
        let start = out.len();
        rule.check(&ctx, &mut out);
        for d in &mut out[start..] {
            d.severity = severity;
        }
    }
    out
}

/// Runs the cross-page checks; findings are paired with the index of their file.
pub fn check_project(files: &[ProjectFile<'_>], index_page: Option<&str>) -> Vec<(usize, Diagnostic)> {
    let project = ProjectContext { files, index_page };
    let mut out = Vec::new();
    for rule in RULES {
        let meta = rule.meta();
        let start = out.len();
        rule.check_project(&project, &mut out);
        // Each file's own settings decide whether and how loud.
        let mut kept = Vec::new();
        for (file, mut d) in out.drain(start..) {
            if let Some(severity) = files.get(file).and_then(|f| f.settings.rules.severity(meta.code)) {
                d.severity = severity;
                kept.push((file, d));
            }
        }
        out.extend(kept);
    }
    out
}

/// Drops suppressed findings, reports suppressions that suppressed nothing, sorts.
pub fn finish(
    source: &SourceFile,
    page: &Page,
    settings: &LintSettings,
    mut diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut suppressions = suppress::read(page, source);
    diagnostics.retain(|d| {
        let line = source.lines().line_of(d.range().start());
        let mut suppressed = false;
        for s in &mut suppressions {
            if s.covers(d.code, line) {
                s.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if let Some(severity) = settings.rules.severity(unused_suppression::META.code) {
        // Suppressions of rules another command raises are judged by that command.
        for s in suppressions.iter().filter(|s| !only_external(s)) {
            if let Some(mut d) = unused_suppression::report(s, settings, source.text()) {
                d.severity = severity;
                diagnostics.push(d);
            }
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key());
    diagnostics
}

/// One page alone: its rules, no cross-page checks, suppressions applied.
pub fn lint_page(source: &SourceFile, page: &Page, settings: &LintSettings) -> Vec<Diagnostic> {
    let diagnostics = check_page(source, page, settings);
    finish(source, page, settings, diagnostics)
}

/// Whether a suppression names only rules that lint does not raise.
fn only_external(s: &suppress::Suppression) -> bool {
    !s.codes.is_empty() && s.codes.iter().all(|c| is_external(c))
}

fn is_external(code: &str) -> bool {
    find(code).is_some_and(|r| !r.meta().category.raised_by_lint())
}

/// Findings of one page raised outside lint (by `docspec drift`), with their rule codes:
/// the page's rule selection and severities applied, its inline suppressions honoured,
/// sorted and deduplicated exactly like lint's. A suppression that names only such rules
/// and suppressed nothing is reported (`DS002`), as lint does for its own rules.
pub fn finish_external(
    source: &SourceFile,
    page: &Page,
    settings: &LintSettings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter_map(|mut d| {
            d.severity = settings.rules.severity(d.code)?;
            Some(d)
        })
        .collect();
    let mut suppressions = suppress::read(page, source);
    kept.retain(|d| {
        let line = source.lines().line_of(d.range().start());
        let mut suppressed = false;
        for s in &mut suppressions {
            if s.covers(d.code, line) {
                s.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if let Some(severity) = settings.rules.severity(unused_suppression::META.code) {
        for s in suppressions.iter().filter(|s| only_external(s)) {
            if let Some(mut d) = unused_suppression::report(s, settings, source.text()) {
                d.severity = severity;
                kept.push(d);
            }
        }
    }
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept.dedup_by(|a, b| a.sort_key() == b.sort_key());
    kept
}
