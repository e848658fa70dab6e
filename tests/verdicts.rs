//! Pages written in the shapes of the GitLab pages whose findings issue 10 found false or
//! missing (`doc-fixtures/verdicts/`), linted with every rule at its default severity:
//! the findings are the contract, held by a snapshot per page.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::{docspec, root};

fn findings(page: &str) -> String {
    let path = root().join("doc-fixtures/verdicts").join(page);
    let run = docspec(&["lint", path.to_str().unwrap(), "--no-config", "--format", "concise"]);
    assert!(run.code <= 1, "exit {}: {}", run.code, run.stderr);
    // Paths differ between machines: keep what follows the folder.
    run.stdout
        .lines()
        .map(|l| l.split("doc-fixtures/verdicts/").last().unwrap_or(l).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn methods_of_other_services_are_judged_by_what_applies() {
    let found = findings("other_service.md");
    for code in ["RQ002", "CU004", "CU005", "CU007", "ST003", "ST005", "ST006"] {
        assert!(!found.contains(code), "{code} on another service's method:\n{found}");
    }
    insta::assert_snapshot!(found);
}

#[test]
fn downloads_need_no_json_example() {
    let found = findings("downloads.md");
    let json_parts: Vec<&str> = found
        .lines()
        .filter(|l| l.contains("ST005") || l.contains("ST006"))
        .collect();
    // Only the JSON method at the end lacks its example and table.
    assert_eq!(json_parts.len(), 2, "{found}");
    assert!(json_parts.iter().all(|l| l.contains("`Get a widget`")), "{found}");
    insta::assert_snapshot!(found);
}

#[test]
fn overviews_and_illustrations_are_not_methods_and_notes_anywhere_are_checked() {
    let found = findings("overview.md");
    assert!(!found.contains("XP001"), "{found}");
    assert!(found.contains("ST006] method `Create a gadget`"), "{found}");
    // The history of a topic under a method, and of a section that is neither.
    let history: Vec<&str> = found.lines().filter(|l| l.contains("HI002")).collect();
    assert!(history.iter().any(|l| l.starts_with("overview.md:96:")), "{found}");
    assert!(history.iter().any(|l| l.starts_with("overview.md:104:")), "{found}");
    let text = std::fs::read_to_string(root().join("doc-fixtures/verdicts/overview.md")).unwrap();
    let page = docspec_parser::parse_str(&text);
    let methods: Vec<&str> = page.methods().map(|m| m.title.value.as_str()).collect();
    assert_eq!(methods, ["List gadgets", "List project gadgets", "Create a gadget"]);
    assert_eq!(page.request_examples.len(), 2);
    insta::assert_snapshot!(found);
}

#[test]
fn a_raw_http_message_is_an_example_not_a_request_block() {
    let found = findings("raw_http.md");
    for code in ["RQ001", "RQ002", "ST004"] {
        assert!(!found.contains(code), "{code} on a raw HTTP example:\n{found}");
    }
    insta::assert_snapshot!(found);
}

#[test]
fn an_internal_only_api_needs_no_availability_details() {
    let found = findings("internal.md");
    assert!(!found.contains("AV004"), "AV004 on an internal-only API:\n{found}");
    insta::assert_snapshot!(found);
}

/// A page that follows the template, with shortcode tags written with no blank line
/// between them and their text (Hugo reads the tags first), passes.
#[test]
fn shortcode_tags_glued_to_their_text_pass() {
    let path = root().join("doc-fixtures/parser/shortcode_lines.md");
    let run = docspec(&["lint", path.to_str().unwrap(), "--no-config", "--format", "concise"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("All checks passed"), "{}", run.stdout);
}
