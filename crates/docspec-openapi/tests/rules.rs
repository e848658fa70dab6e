//! The `OA` rules are declared in the catalog (`docspec-lint`) but raised here: each
//! rule's documented Example makes the emitter report it, and its Use-instead block does
//! not.

mod common;

use docspec_lint::{all_metadata, Category};

/// The codes the emitter reports on the pages, named `page0.md`, `page1.md` ...
fn codes_found(texts: &[&str]) -> Vec<String> {
    let names: Vec<String> = (0..texts.len()).map(|i| format!("page{i}.md")).collect();
    let pages: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().copied()).collect();
    let (_, findings) = common::Loaded::from_texts(&pages).emit();
    findings.into_iter().map(|f| f.diagnostic.code.to_string()).collect()
}

/// Rules about two pages: the Example is read beside a copy of itself, the Use-instead
/// block beside the Example.
const ACROSS_PAGES: &[&str] = &["OA011"];

#[test]
fn each_example_triggers_its_rule_and_use_instead_does_not() {
    let rules: Vec<_> = all_metadata().filter(|m| m.category == Category::Openapi).collect();
    assert!(rules.len() >= 10);
    for meta in rules {
        let example = meta.example().expect("an Example block");
        let across = ACROSS_PAGES.contains(&meta.code);
        let found = if across {
            codes_found(&[example, example])
        } else {
            codes_found(&[example])
        };
        assert!(
            found.iter().any(|c| c == meta.code),
            "{} ({}): its Example raises {found:?}:\n{example}",
            meta.code,
            meta.name
        );
        let instead = meta.use_instead().expect("a Use instead block");
        let found = if across {
            codes_found(&[instead, example])
        } else {
            codes_found(&[instead])
        };
        assert!(
            !found.iter().any(|c| c == meta.code),
            "{} ({}): its Use-instead block raises it:\n{instead}",
            meta.code,
            meta.name
        );
    }
}
