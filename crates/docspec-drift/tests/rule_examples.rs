//! Each drift rule's documented Example raises it against the spec shown with it, and its
//! `Use instead:` page does not (the lint registry test does the same for lint rules).

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_drift::{extract, run, DriftSettings};
use docspec_lint::{all_metadata, Category, LintSettings};
use docspec_model::SourceFile;

/// The first fenced block of `lang` in `text`, fence of three backticks.
fn block<'a>(text: &'a str, lang: &str) -> Option<&'a str> {
    let open = format!("```{lang}\n");
    let start = text.find(&open)? + open.len();
    let end = text[start..].find("\n```")? + start;
    Some(&text[start..=end])
}

fn codes(markdown: &str, yaml: &str) -> Vec<&'static str> {
    let page_source = SourceFile::new("example.md", markdown);
    let page = docspec_parser::parse(&page_source);
    let doc = extract(0, &page_source, &page, &LintSettings::default());
    let spec = docspec_spec::load("openapi.yaml", yaml).unwrap();
    let spec_source = SourceFile::new("openapi.yaml", yaml);
    let outcome = run(&spec, &spec_source, &[doc], &DriftSettings::default());
    outcome
        .page_findings
        .iter()
        .map(|(_, d)| d)
        .chain(&outcome.spec_findings)
        .map(|d| d.code)
        .collect()
}

#[test]
fn each_drift_example_raises_its_rule_and_use_instead_does_not() {
    let mut seen = 0;
    for meta in all_metadata().filter(|m| m.category == Category::Drift) {
        let example_section = meta.docs.split("## Example").nth(1).unwrap();
        let (before, after) = example_section.split_once("Use instead:").unwrap();
        let spec = block(before, "yaml").unwrap_or_else(|| panic!("{} shows no spec", meta.code));
        let example = meta.example().unwrap();
        let found = codes(example, spec);
        assert!(
            found.contains(&meta.code),
            "{}: its Example raises {found:?}",
            meta.code
        );
        let instead = meta.use_instead().unwrap();
        let instead_spec = block(after, "yaml").unwrap_or(spec);
        let found = codes(instead, instead_spec);
        assert!(!found.contains(&meta.code), "{}: its Use-instead raises it", meta.code);
        seen += 1;
    }
    assert_eq!(seen, 13);
}
