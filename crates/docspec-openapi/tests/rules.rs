//! The `OA` rules are declared in the catalog (`docspec-lint`) but raised here: each
//! rule's documented Example makes the emitter report it, and its Use-instead block does
//! not.

use docspec_lint::{all_metadata, Category};
use docspec_model::SourceFile;
use docspec_openapi::{emit, OpenApiSettings, PageInput};

fn codes_found(text: &str) -> Vec<String> {
    let source = SourceFile::new("example.md", text);
    let page = docspec_parser::parse(&source);
    let input = PageInput {
        path: source.path(),
        source: &source,
        page: &page,
    };
    let (_, findings) = emit(&[input], &OpenApiSettings::default());
    findings.into_iter().map(|f| f.diagnostic.code.to_string()).collect()
}

#[test]
fn each_example_triggers_its_rule_and_use_instead_does_not() {
    let rules: Vec<_> = all_metadata().filter(|m| m.category == Category::Openapi).collect();
    assert!(rules.len() >= 10);
    for meta in rules {
        let example = meta.example().expect("an Example block");
        let found = codes_found(example);
        assert!(
            found.iter().any(|c| c == meta.code),
            "{} ({}): its Example raises {found:?}:\n{example}",
            meta.code,
            meta.name
        );
        let instead = meta.use_instead().expect("a Use instead block");
        let found = codes_found(instead);
        assert!(
            !found.iter().any(|c| c == meta.code),
            "{} ({}): its Use-instead block raises it:\n{instead}",
            meta.code,
            meta.name
        );
    }
}
