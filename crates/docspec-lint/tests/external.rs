//! Findings of rules another command raises (`OA`), finished like lint findings:
//! selection and severity from the page's settings, inline suppressions, unused ones.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_lint::{finish, finish_external, Category, Diagnostic, LintSettings, RuleSelection, Severity};
use docspec_model::{SourceFile, TextRange};

const PAGE: &str = "\
# Widgets

<!-- docspec-disable-next-line OA006 -->
line four

line six

<!-- docspec-disable-next-line unparseable-request-line -->
line nine
";

/// A finding of `code` at the start of one-based `line`.
fn at(source: &SourceFile, code: &'static str, line: usize) -> Diagnostic {
    let meta = docspec_lint::find(code).unwrap().meta();
    let start = source.lines().line_start(line - 1);
    Diagnostic::new(
        meta.code,
        meta.name,
        meta.default_severity,
        "message",
        TextRange::new(start, start + 1),
    )
}

fn run(settings: &LintSettings, codes: &[(&'static str, usize)]) -> Vec<(String, usize, Severity)> {
    let source = SourceFile::new("widgets.md", PAGE);
    let page = docspec_parser::parse(&source);
    let found = codes.iter().map(|(c, l)| at(&source, c, *l)).collect();
    finish_external(&source, &page, settings, Category::Openapi, found)
        .into_iter()
        .map(|d| (d.code.to_string(), source.line_col(d.range().start()).line, d.severity))
        .collect()
}

#[test]
fn suppressions_and_severities_apply() {
    let found = run(&LintSettings::default(), &[("OA006", 4), ("OA005", 6), ("OA006", 6)]);
    assert_eq!(
        found,
        [
            ("OA005".to_string(), 6, Severity::Warning),
            ("OA006".to_string(), 6, Severity::Warning),
            // The suppression by name suppressed nothing here; the one by code did.
            ("DS002".to_string(), 8, Severity::Warning),
        ]
    );
}

#[test]
fn selection_drops_and_raises() {
    let mut rules = RuleSelection::default();
    rules.set("OA005", None);
    rules.set("OA006", Some(Severity::Error));
    let settings = LintSettings {
        rules,
        ..LintSettings::default()
    };
    let found = run(&settings, &[("OA005", 6), ("OA006", 4), ("OA006", 6), ("OA002", 9)]);
    assert_eq!(found, [("OA006".to_string(), 6, Severity::Error)]);
}

/// `lint` never sees OA findings, so it does not call their suppressions unused.
#[test]
fn lint_leaves_external_suppressions_alone() {
    let source = SourceFile::new("widgets.md", PAGE);
    let page = docspec_parser::parse(&source);
    let found = finish(&source, &page, &LintSettings::default(), Vec::new());
    assert!(found.is_empty(), "{found:?}");
    assert!(Category::Openapi.is_external());
    assert!(docspec_lint::all_metadata().any(|m| m.code == "OA001" && m.category == Category::Openapi));
}
