//! The rule registry: one declaration per rule, documented, registered, and honest.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use common::{lint_text, only, only_with_fixture_options, workspace_root};
use docspec_lint::{all_metadata, Category, FixAvailability, RULES};
use std::collections::HashSet;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for meta in all_metadata() {
        assert!(codes.insert(meta.code), "duplicate code {}", meta.code);
        assert!(names.insert(meta.name), "duplicate name {}", meta.name);
        assert!(!meta.summary.is_empty(), "{} has no summary", meta.code);
        assert!(
            meta.docs.contains("## Why is this bad?"),
            "{} lacks its rationale",
            meta.code
        );
    }
    assert!(RULES.len() >= 10);
}

#[test]
fn every_category_prefix_is_consistent() {
    for meta in all_metadata() {
        let prefix: String = meta.code.chars().take_while(char::is_ascii_uppercase).collect();
        let same: Vec<_> = all_metadata()
            .filter(|m| m.code.starts_with(&prefix))
            .map(|m| m.category)
            .collect();
        assert!(
            same.iter().all(|c| *c == meta.category),
            "prefix {prefix} spans categories"
        );
        assert!(Category::ALL.contains(&meta.category));
    }
}

/// Every rule file under `src/rules/` is registered in `rules/mod.rs`.
#[test]
fn every_rule_file_is_registered() {
    let rules_dir = workspace_root().join("crates/docspec-lint/src/rules");
    let registry = std::fs::read_to_string(rules_dir.join("mod.rs")).unwrap();
    let mut found = 0;
    for category in std::fs::read_dir(&rules_dir).unwrap() {
        let category = category.unwrap().path();
        if !category.is_dir() {
            continue;
        }
        let cat_name = category.file_name().unwrap().to_string_lossy().to_string();
        for file in std::fs::read_dir(&category).unwrap() {
            let file = file.unwrap().path();
            let stem = file.file_stem().unwrap().to_string_lossy().to_string();
            if stem == "mod" {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            if !text.contains("#[derive(RuleMeta)]") {
                continue;
            }
            found += 1;
            let path = format!("{cat_name}::{stem}::");
            assert!(
                registry.contains(&path),
                "{} is not registered in rules/mod.rs",
                file.display()
            );
        }
    }
    assert_eq!(found, RULES.len(), "rule files and registered rules differ");
}

/// Rules whose Example cannot be reproduced from Markdown text alone (XP003's is a pair
/// of page paths; `tests/project.rs` runs it).
const RAISED_OUTSIDE_PAGES: &[&str] = &["DS003", "PG014", "XP003"];

/// A cross-page rule's findings on `block` read as the index page `api_resources.md` of a
/// folder that also holds the example `widgets.md` (a page that documents methods), through
/// `check_project`.
fn project_findings(code: &str, block: &str) -> Vec<docspec_lint::Diagnostic> {
    let settings = only(&[code]);
    let widgets = std::fs::read_to_string(workspace_root().join("doc-fixtures/example/widgets.md")).unwrap();
    let sources = [
        docspec_model::SourceFile::new("api_resources.md", block),
        docspec_model::SourceFile::new("widgets.md", widgets),
    ];
    let summaries: Vec<_> = sources
        .iter()
        .map(|source| docspec_lint::PageSummary::of(source, &docspec_parser::parse(source), &settings))
        .collect();
    let files: Vec<_> = summaries
        .iter()
        .map(|summary| docspec_lint::ProjectFile {
            summary,
            settings: &settings,
        })
        .collect();
    docspec_lint::check_project(&files, Some("api_resources.md"))
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.code == code)
        .collect()
}

#[test]
fn each_example_triggers_its_rule_and_use_instead_does_not() {
    for meta in all_metadata() {
        // Another command raises them; its own tests run these examples.
        if RAISED_OUTSIDE_PAGES.contains(&meta.code) || meta.category.is_external() {
            continue;
        }
        let settings = only_with_fixture_options(&[meta.code]);
        let example = meta
            .example()
            .unwrap_or_else(|| panic!("{} has no Example block", meta.code));
        let (_, mut found) = lint_text("example.md", example, &settings);
        if meta.category == Category::Project {
            found.extend(project_findings(meta.code, example));
        }
        assert!(
            found.iter().any(|d| d.code == meta.code),
            "{} ({}): its Example raises nothing:\n{example}",
            meta.code,
            meta.name
        );
        let instead = meta
            .use_instead()
            .unwrap_or_else(|| panic!("{} has no Use instead block", meta.code));
        let (_, mut found) = lint_text("instead.md", instead, &settings);
        if meta.category == Category::Project {
            found.extend(project_findings(meta.code, instead));
        }
        let own: Vec<_> = found
            .iter()
            .filter(|d| d.code == meta.code)
            .map(|d| d.message.clone())
            .collect();
        assert!(
            own.is_empty(),
            "{} ({}): its Use-instead block raises {own:?}",
            meta.code,
            meta.name
        );
    }
}

/// A rule that declares a fix offers one on its own Example, and one that declares none never does.
#[test]
fn fix_availability_matches_behaviour() {
    for meta in all_metadata() {
        let Some(example) = meta.example() else { continue };
        let (_, found) = lint_text("example.md", example, &only_with_fixture_options(&[meta.code]));
        let fixes = found.iter().filter(|d| d.code == meta.code && d.fix.is_some()).count();
        match meta.fix {
            FixAvailability::None => assert_eq!(fixes, 0, "{} declares no fix but offers one", meta.code),
            FixAvailability::Always => {
                let total = found.iter().filter(|d| d.code == meta.code).count();
                assert_eq!(fixes, total, "{} declares fix = Always", meta.code);
            }
            FixAvailability::Sometimes => {}
        }
    }
}

#[test]
fn docs_reference_is_current() {
    let expected = docspec_lint::docs::rules_markdown();
    let path = workspace_root().join("docs/rules.md");
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if std::env::var_os("DOCSPEC_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `cargo xtask generate-all` (or DOCSPEC_BLESS=1 cargo test -p docspec-lint)"
    );
}
