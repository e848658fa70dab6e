//! Each rule's fixture page (`doc-fixtures/rules/<CODE>.md`) against its snapshot, and the
//! clean template pages against every rule.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use common::{lint_text, only_with_fixture_options, render, workspace_root};
use docspec_lint::{all_metadata, Diagnostic, LintSettings};
use docspec_model::SourceFile;

/// Rules that run beside a rule on its fixture: unused-suppression judges only the
/// suppressions of rules that run, so its fixture suppresses findings of these.
const COMPANIONS: &[(&str, &[&str])] = &[("DS002", &["PG002", "PG006"])];

/// A rule's findings on a page, linted with the rule and its companions.
fn lint_rule(name: &str, text: &str, code: &'static str) -> (SourceFile, Vec<Diagnostic>) {
    let mut codes = vec![code];
    for (rule, companions) in COMPANIONS {
        if *rule == code {
            codes.extend_from_slice(companions);
        }
    }
    let (source, mut diagnostics) = lint_text(name, text, &only_with_fixture_options(&codes));
    diagnostics.retain(|d| d.code == code);
    (source, diagnostics)
}

#[test]
fn rule_fixtures_match_snapshots() {
    let dir = workspace_root().join("doc-fixtures/rules");
    let mut seen = 0;
    for meta in all_metadata() {
        // Raised by the CLI for files that are not text; covered by the CLI tests.
        // XP002 and XP003 need other pages of the run; covered by tests/project.rs.
        // External rules (`OA`) have their fixtures tested by the command that raises them.
        if ["DS003", "XP002", "XP003"].contains(&meta.code) || meta.category.is_external() {
            continue;
        }
        let path = dir.join(format!("{}.md", meta.code));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} has no fixture at {}", meta.code, path.display()));
        let (source, diagnostics) = lint_rule(&format!("{}.md", meta.code), &text, meta.code);
        assert!(
            diagnostics.iter().any(|d| d.code == meta.code),
            "the fixture of {} does not trigger it",
            meta.code
        );
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(meta.code, render(&source, &diagnostics));
        });
        seen += 1;
    }
    let external = all_metadata().filter(|m| m.category.is_external()).count();
    assert_eq!(seen, all_metadata().count() - 3 - external);
}

#[test]
fn clean_pages_have_no_findings() {
    let dir = workspace_root().join("doc-fixtures/example");
    let mut pages = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let (source, diagnostics) = lint_text(&path.display().to_string(), &text, &LintSettings::default());
        assert!(
            diagnostics.is_empty(),
            "{}:\n{}",
            path.display(),
            render(&source, &diagnostics)
        );
        pages += 1;
    }
    assert!(pages >= 1);
}

/// Fixes converge: applying a rule's fixes to its fixture removes every fixable finding of
/// that rule, creates no parse problem, and a second pass changes nothing.
#[test]
fn fixes_converge_on_rule_fixtures() {
    let dir = workspace_root().join("doc-fixtures/rules");
    for meta in all_metadata() {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{}.md", meta.code))) else {
            continue;
        };
        let (_, before) = lint_rule("before.md", &text, meta.code);
        let fixes: Vec<_> = before.iter().filter_map(|d| d.fix.as_ref()).collect();
        if fixes.is_empty() {
            continue;
        }
        let (fixed, applied) = docspec_diagnostics::apply_fixes(&text, fixes.iter().copied());
        assert!(applied > 0, "{}: no fix applied", meta.code);
        let (source, after) = lint_rule("after.md", &fixed, meta.code);
        let still_fixable: Vec<_> = after.iter().filter(|d| d.fix.is_some()).collect();
        // Overlapping fixes wait for the next pass; two passes must settle everything.
        let (fixed2, _) = docspec_diagnostics::apply_fixes(&fixed, still_fixable.iter().filter_map(|d| d.fix.as_ref()));
        let (_, after2) = lint_rule("after2.md", &fixed2, meta.code);
        assert!(
            after2.iter().all(|d| d.fix.is_none()),
            "{}: fixes do not converge:\n{}",
            meta.code,
            render(&source, &after)
        );
        let unfixable_before = before.iter().filter(|d| d.fix.is_none()).count();
        assert!(
            after2.len() <= unfixable_before,
            "{}: fixing created findings:\n{fixed2}",
            meta.code
        );
        let page = docspec_parser::parse(&docspec_model::SourceFile::new("x.md", fixed2.clone()));
        let original = docspec_parser::parse(&docspec_model::SourceFile::new("x.md", text.clone()));
        assert!(
            page.issues.len() <= original.issues.len(),
            "{}: fixing broke the page",
            meta.code
        );
        // Fixes touch wording, not structure: the same tables, code blocks and methods.
        let shape = |p: &docspec_model::Page| {
            (
                p.tables.len(),
                p.code_blocks.len(),
                p.methods().count(),
                p.headings.len(),
            )
        };
        assert_eq!(
            shape(&page),
            shape(&original),
            "{}: fixing changed the page structure:\n{fixed2}",
            meta.code
        );
        let (fixed3, _) = docspec_diagnostics::apply_fixes(&fixed2, after2.iter().filter_map(|d| d.fix.as_ref()));
        assert_eq!(fixed3, fixed2, "{}: a further pass changes the text", meta.code);
    }
}

/// A page saved with CRLF line endings (as editors on Windows write it) gets the findings
/// of the same page with LF, at the same lines and columns, and the same fixes, written
/// with CRLF. Each rule's fixture is linted both ways.
#[test]
fn crlf_pages_get_the_findings_and_fixes_of_lf_pages() {
    let dir = workspace_root().join("doc-fixtures/rules");
    let mut compared = 0;
    for meta in all_metadata() {
        let Ok(lf) = std::fs::read_to_string(dir.join(format!("{}.md", meta.code))) else {
            continue;
        };
        if lf.contains('\r') {
            continue; // already a CRLF fixture
        }
        let crlf = lf.replace('\n', "\r\n");
        let (lf_source, lf_found) = lint_rule("lf.md", &lf, meta.code);
        let (crlf_source, crlf_found) = lint_rule("crlf.md", &crlf, meta.code);
        let positions = |source: &SourceFile, found: &[Diagnostic]| -> Vec<String> {
            found
                .iter()
                .map(|d| {
                    let (s, e) = (source.line_col(d.range().start()), source.line_col(d.range().end()));
                    format!(
                        "{}:{}-{}:{} {} {}",
                        s.line, s.column, e.line, e.column, d.code, d.message
                    )
                })
                .collect()
        };
        assert_eq!(
            positions(&crlf_source, &crlf_found),
            positions(&lf_source, &lf_found),
            "{}: findings differ with CRLF",
            meta.code
        );
        let fix = |text: &str, found: &[Diagnostic]| {
            docspec_diagnostics::apply_fixes(text, found.iter().filter_map(|d| d.fix.as_ref())).0
        };
        let (lf_fixed, crlf_fixed) = (fix(&lf, &lf_found), fix(&crlf, &crlf_found));
        assert_eq!(
            crlf_fixed.replace("\r\n", "\n"),
            lf_fixed,
            "{}: fixes differ with CRLF",
            meta.code
        );
        let bare = crlf_fixed.replace("\r\n", "");
        assert!(
            !bare.contains('\n') && !bare.contains('\r'),
            "{}: the fixes broke a CRLF line ending:\n{crlf_fixed:?}",
            meta.code
        );
        compared += 1;
    }
    assert!(compared > 80, "only {compared} fixtures compared");
}
