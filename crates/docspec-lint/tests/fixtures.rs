//! Each rule's fixture page (`doc-fixtures/rules/<CODE>.md`) against its snapshot, and the
//! clean template pages against every rule.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use common::{lint_text, only, render, workspace_root};
use docspec_lint::{all_metadata, LintSettings};

#[test]
fn rule_fixtures_match_snapshots() {
    let dir = workspace_root().join("doc-fixtures/rules");
    let mut seen = 0;
    for meta in all_metadata() {
        // Raised by the CLI for files that are not text; covered by the CLI tests.
        if meta.code == "DS003" {
            continue;
        }
        let path = dir.join(format!("{}.md", meta.code));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} has no fixture at {}", meta.code, path.display()));
        let (source, diagnostics) = lint_text(&format!("{}.md", meta.code), &text, &only(&[meta.code]));
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
    assert_eq!(seen, all_metadata().count() - 1);
}

#[test]
fn clean_pages_have_no_findings() {
    let dir = workspace_root().join("doc-fixtures/clean");
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
