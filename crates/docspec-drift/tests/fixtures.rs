//! The planted drift of `doc-fixtures/drift/` against the pages of `doc-fixtures/example/`:
//! every plant is found, at its place, and nothing else is reported.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_drift::{extract, run, DocPage, DriftSettings, Outcome};
use docspec_lint::LintSettings;
use docspec_model::SourceFile;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pages() -> (Vec<SourceFile>, Vec<DocPage>) {
    let dir = root().join("doc-fixtures/example");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    let sources: Vec<SourceFile> = names
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            SourceFile::new(name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let docs = sources
        .iter()
        .enumerate()
        .map(|(i, s)| extract(i, s, &docspec_parser::parse(s), &LintSettings::default()))
        .collect();
    (sources, docs)
}

fn drift(spec_file: &str) -> (Vec<SourceFile>, SourceFile, Outcome) {
    let text = std::fs::read_to_string(root().join("doc-fixtures/drift").join(spec_file)).unwrap();
    let spec = docspec_spec::load(spec_file, &text).unwrap();
    let spec_source = SourceFile::new(spec_file, text);
    let (sources, docs) = pages();
    let outcome = run(&spec, &spec_source, &docs, &DriftSettings::default());
    (sources, spec_source, outcome)
}

/// `CODE file:line` of every finding, sorted.
fn found(sources: &[SourceFile], spec: &SourceFile, outcome: &Outcome) -> Vec<String> {
    let mut out: Vec<String> = outcome
        .page_findings
        .iter()
        .map(|(f, d)| {
            let s = &sources[*f];
            format!("{} {}:{}", d.code, s.path(), s.line_col(d.range().start()).line)
        })
        .chain(
            outcome
                .spec_findings
                .iter()
                .map(|d| format!("{} {}:{}", d.code, spec.path(), spec.line_col(d.range().start()).line)),
        )
        .collect();
    out.sort();
    out
}

/// The rule codes the fixture plants, from its `PLANT DRnnn` comments or `x-plant` values.
fn planted(spec_file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("doc-fixtures/drift").join(spec_file)).unwrap();
    let mut codes = Vec::new();
    for line in text.lines() {
        let Some(at) = line.find("PLANT ").or_else(|| line.find("\"x-plant\": ")) else {
            continue;
        };
        let rest = &line[at..];
        let mut from = 0;
        while let Some(i) = rest[from..].find("DR0") {
            let start = from + i;
            codes.push(rest[start..start + 5].to_string());
            from = start + 5;
        }
    }
    codes.sort();
    codes
}

fn codes(found: &[String]) -> Vec<String> {
    let mut c: Vec<String> = found.iter().map(|f| f[..5].to_string()).collect();
    c.sort();
    c
}

#[test]
fn swagger_2_plants_are_found_and_nothing_else() {
    let (sources, spec, outcome) = drift("example.swagger.yaml");
    let found = found(&sources, &spec, &outcome);
    assert_eq!(codes(&found), planted("example.swagger.yaml"), "{found:#?}");
    let expected = [
        "DR001 example.swagger.yaml:127",
        "DR001 widgets.md:14",
        "DR002 gadgets.md:81",
        "DR003 widgets.md:32",
        "DR004 widgets.md:101",
        "DR005 widgets.md:102",
        "DR006 widgets.md:150",
        "DR007 widgets.md:151",
        "DR008 widgets.md:35",
        "DR009 widgets.md:104",
        "DR009 widgets.md:219",
        "DR010 widgets.md:106",
        "DR011 widgets.md:41",
        "DR012 widgets.md:112",
        "DR013 example.swagger.yaml:123",
        "DR013 example.swagger.yaml:166",
    ];
    assert_eq!(found, expected);
    let c = &outcome.coverage;
    assert_eq!((c.operations, c.documented, c.documented_not_in_spec), (8, 6, 1));
}

#[test]
fn openapi_31_json_plants_are_found_and_nothing_else() {
    let (sources, spec, outcome) = drift("example.openapi.json");
    let found = found(&sources, &spec, &outcome);
    assert_eq!(codes(&found), planted("example.openapi.json"), "{found:#?}");
    let expected = [
        "DR001 example.openapi.json:360",
        "DR001 gadgets.md:5",
        "DR002 widgets.md:219",
        "DR003 widgets.md:32",
        "DR003 widgets.md:96",
        "DR004 gadgets.md:30",
        "DR005 widgets.md:99",
        "DR006 gadgets.md:38",
        "DR007 widgets.md:151",
        "DR008 gadgets.md:31",
        "DR009 widgets.md:36",
        "DR010 widgets.md:196",
        "DR011 gadgets.md:36",
        "DR012 widgets.md:49",
        "DR013 example.openapi.json:501",
        "DR013 example.openapi.json:56",
    ];
    assert_eq!(found, expected);
}

#[test]
fn every_finding_names_its_place_in_the_spec() {
    for file in ["example.swagger.yaml", "example.openapi.json"] {
        let (_, _, outcome) = drift(file);
        for d in outcome
            .page_findings
            .iter()
            .map(|(_, d)| d)
            .chain(&outcome.spec_findings)
        {
            let spec = d
                .related
                .iter()
                .find(|r| r.path == file)
                .unwrap_or_else(|| panic!("{}: {}", d.code, d.message));
            let pointer = spec.pointer.as_deref().unwrap();
            assert!(pointer.starts_with('/'), "{pointer}");
            assert!(spec.line > 0, "{}", d.message);
        }
    }
}

#[test]
fn the_planted_pages_themselves_match_a_spec_without_plants() {
    // The pages against the spec `docspec openapi` emits from them: nothing differs.
    let (sources, docs) = pages();
    let pages: Vec<_> = sources.iter().map(docspec_parser::parse).collect();
    let inputs: Vec<_> = sources
        .iter()
        .zip(&pages)
        .map(|(s, p)| docspec_openapi::PageInput {
            path: s.path(),
            source: s,
            page: p,
        })
        .collect();
    let (emitted, _) = docspec_openapi::emit(&inputs, &docspec_openapi::OpenApiSettings::default());
    let yaml = docspec_openapi::to_yaml(&emitted);
    let spec = docspec_spec::load("openapi.yaml", &yaml).unwrap();
    let outcome = run(
        &spec,
        &SourceFile::new("openapi.yaml", yaml.clone()),
        &docs,
        &DriftSettings::default(),
    );
    let found = found(&sources, &SourceFile::new("openapi.yaml", yaml), &outcome);
    // `docspec openapi` shares one schema between the methods of a resource whose
    // responses agree (`ProjectWidget`): the create and update responses then hold the
    // attributes only the other methods' tables list, and drift reports those.
    assert_eq!(
        found,
        [
            "DR011 widgets.md:109",
            "DR011 widgets.md:109",
            "DR011 widgets.md:157",
            "DR011 widgets.md:157",
            "DR011 widgets.md:157"
        ]
    );
    assert_eq!(outcome.coverage.documented, outcome.coverage.operations);
}
