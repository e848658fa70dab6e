//! Runs the enabled rules over pages, applies suppressions and sorts the findings.

use crate::project::is_index;
use crate::registry::{find, RULES};
use crate::rules::docspec::unused_suppression;
use crate::suppress::{self, Suppression};
use crate::{Category, LintContext, LintSettings, PageSummary, ProjectCheck, ProjectFile, ProjectInfo, RuleMetadata};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Page, SourceFile};

/// Runs every enabled rule on one page, at the configured severities.
pub fn check_page(source: &SourceFile, page: &Page, settings: &LintSettings) -> Vec<Diagnostic> {
    run_rules(&LintContext::new(source, page, settings), settings)
}

/// [`check_page`], and what the cross-page rules need of the page ([`PageSummary`]),
/// read once for both.
pub fn check_and_summarize(
    source: &SourceFile,
    page: &Page,
    settings: &LintSettings,
) -> (Vec<Diagnostic>, PageSummary) {
    let ctx = LintContext::new(source, page, settings);
    let out = run_rules(&ctx, settings);
    (out, ctx.into_summary())
}

fn run_rules(ctx: &LintContext<'_>, settings: &LintSettings) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (index, rule) in RULES.iter().enumerate() {
        let Some(severity) = settings.rules.severity_at(index) else {
            continue;
        };
        let start = out.len();
        rule.check(ctx, &mut out);
        for d in &mut out[start..] {
            d.severity = severity;
        }
    }
    out
}

/// The cross-page checks of one run, fed one page summary at a time in run order.
pub struct ProjectRun<'i> {
    checks: Vec<(&'static RuleMetadata, Box<dyn ProjectCheck>)>,
    index_page: Option<&'i str>,
    indexes: Vec<PageSummary>,
}

impl<'i> ProjectRun<'i> {
    /// `indexes` are the summaries of the run's index pages (named `index_page`), which
    /// must be known before any page that they may fail to link is handed in.
    pub fn new(index_page: Option<&'i str>, indexes: Vec<PageSummary>) -> Self {
        let checks = RULES
            .iter()
            .filter_map(|rule| rule.project().map(|check| (rule.meta(), check)))
            .collect();
        Self {
            checks,
            index_page,
            indexes,
        }
    }

    /// The cross-page findings of the next page, at that page's severities.
    pub fn page(&mut self, file: &ProjectFile<'_>) -> Vec<Diagnostic> {
        let info = ProjectInfo {
            index_page: self.index_page,
            indexes: &self.indexes,
        };
        let mut out = Vec::new();
        for (meta, check) in &mut self.checks {
            let start = out.len();
            check.page(&info, file, &mut out);
            match file.settings.rules.severity(meta.code) {
                Some(severity) => out[start..].iter_mut().for_each(|d| d.severity = severity),
                None => out.truncate(start),
            }
        }
        out
    }
}

/// Runs the cross-page checks over a whole run at once; findings are paired with the
/// index of their file.
pub fn check_project(files: &[ProjectFile<'_>], index_page: Option<&str>) -> Vec<(usize, Diagnostic)> {
    let indexes = index_page
        .map(|name| {
            files
                .iter()
                .filter(|f| is_index(&f.summary.path, name))
                .map(|f| f.summary.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut run = ProjectRun::new(index_page, indexes);
    files
        .iter()
        .enumerate()
        .flat_map(|(i, file)| run.page(file).into_iter().map(move |d| (i, d)))
        .collect()
}

/// Drops suppressed findings, reports suppressions that suppressed nothing, sorts.
/// Suppressions that name a rule another command reports (`Category::is_external`) are
/// left for that command to judge.
pub fn finish(
    source: &SourceFile,
    page: &Page,
    settings: &LintSettings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    finish_suppressed(source, suppress::read(page, source), settings, diagnostics)
}

/// [`finish`] with the page's suppressions read beforehand ([`suppress::read`]), for runs
/// that drop a page's model before its cross-page findings are known.
pub fn finish_suppressed(
    source: &SourceFile,
    suppressions: Vec<Suppression>,
    settings: &LintSettings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    apply_suppressions(source, suppressions, settings, diagnostics, |s| {
        !s.codes
            .iter()
            .any(|c| category_of(c).is_some_and(Category::is_external))
    })
}

/// The findings another command made for one page, with its rules' codes (`docspec
/// openapi` and the `OA` rules): the page's settings select them and set their severity,
/// inline suppressions apply exactly as for lint findings, and a suppression that names
/// only rules of `category` and suppressed nothing is reported (`DS002`). Sorted.
pub fn finish_external(
    source: &SourceFile,
    page: &Page,
    settings: &LintSettings,
    category: Category,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    finish_external_with(source, suppress::read(page, source), settings, category, diagnostics)
}

/// [`finish_external`] with the page's suppressions read before (so that a page whose
/// model is gone need not be parsed again for them).
pub fn finish_external_with(
    source: &SourceFile,
    suppressions: Vec<Suppression>,
    settings: &LintSettings,
    category: Category,
    mut diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    diagnostics.retain_mut(|d| match settings.rules.severity(d.code) {
        Some(severity) => {
            d.severity = severity;
            true
        }
        None => false,
    });
    apply_suppressions(source, suppressions, settings, diagnostics, |s| {
        !s.codes.is_empty() && s.codes.iter().all(|c| category_of(c) == Some(category))
    })
}

fn category_of(code: &str) -> Option<Category> {
    find(code).map(|r| r.meta().category)
}

/// `judged`: which suppressions this run may call unused.
fn apply_suppressions(
    source: &SourceFile,
    mut suppressions: Vec<Suppression>,
    settings: &LintSettings,
    mut diagnostics: Vec<Diagnostic>,
    judged: impl Fn(&Suppression) -> bool,
) -> Vec<Diagnostic> {
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
        for s in suppressions.iter().filter(|s| judged(s)) {
            if let Some(mut d) = unused_suppression::report(s, settings, source.text()) {
                d.severity = severity;
                diagnostics.push(d);
            }
        }
    }
    let newline = docspec_model::newline_of(source.text());
    if newline != "\n" {
        for d in &mut diagnostics {
            d.fix = d.fix.take().map(|f| f.with_newline(newline));
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
