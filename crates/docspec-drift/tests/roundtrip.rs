//! The round trip `scaffold` → `openapi` on every operation of the fixture specs and of the
//! spec docspec emits from GitLab's pages: the same operations, parameters (name, place,
//! required, type), success statuses and response properties come back, and each
//! scaffolded page lints with no error or warning.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_diagnostics::Severity;
use docspec_drift::roundtrip::{compare, RoundTrip};
use docspec_drift::scaffold::{self, ScaffoldSettings};
use docspec_lint::LintSettings;
use docspec_model::SourceFile;
use docspec_openapi::{OpenApiSettings, PageInput};
use docspec_spec::Spec;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The spec `docspec openapi` emits from pages, as it is published: relative links made
/// absolute to the docs site, which a scaffolded page writes back as relative ones (an
/// absolute one is what `PG013` reports).
fn emit(sources: &[SourceFile]) -> String {
    let pages: Vec<_> = sources.iter().map(docspec_parser::parse).collect();
    let inputs: Vec<_> = sources
        .iter()
        .zip(&pages)
        .map(|(s, p)| PageInput {
            path: s.path(),
            source: s,
            page: p,
        })
        .collect();
    let (spec, _) = docspec_openapi::emit(&inputs, &OpenApiSettings::default());
    docspec_openapi::to_yaml(&spec)
}

/// Each operation alone: scaffolded, linted, emitted again and compared.
fn round_trip(spec: &Spec, index_folders: &[&str]) -> (RoundTrip, Vec<String>) {
    let settings = ScaffoldSettings {
        index_folders: index_folders.iter().map(ToString::to_string).collect(),
        ..ScaffoldSettings::default()
    };
    let mut total = RoundTrip::default();
    let mut problems = Vec::new();
    for op in &spec.operations {
        let tag = op.tags.first().map_or("api", String::as_str);
        let markdown = scaffold::page(tag, &[op], &settings);
        let source = SourceFile::new("scaffold.md", markdown);
        let page = docspec_parser::parse(&source);
        for d in docspec_lint::lint_page(&source, &page, &LintSettings::default()) {
            if d.severity >= Severity::Warning {
                let at = source.line_col(d.range().start());
                problems.push(format!(
                    "{}: {}:{} {} {}",
                    op.label(),
                    at.line,
                    at.column,
                    d.code,
                    d.message
                ));
            }
        }
        let again = docspec_spec::load("again.yaml", &emit(std::slice::from_ref(&source))).unwrap();
        let mut alone = spec.clone();
        alone.operations = vec![op.clone()];
        total.add(compare(&alone, &again, "/api/v4"));
    }
    (total, problems)
}

/// Rules that judge prose: what they find in a scaffolded page is in the text the spec
/// gave (GitLab's own descriptions, copied into the spec docspec emits from its pages).
const PROSE_RULES: &[&str] = &["AT011", "AV001"];

fn check(name: &str, spec: &Spec, prose_allowed: bool, index_folders: &[&str]) -> RoundTrip {
    let (rt, problems) = round_trip(spec, index_folders);
    let (prose, structure): (Vec<&String>, Vec<&String>) = problems
        .iter()
        .partition(|p| prose_allowed && PROSE_RULES.iter().any(|r| p.contains(&format!(" {r} "))));
    assert!(
        structure.is_empty(),
        "{name}: scaffolded pages do not lint clean:\n{}",
        structure.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
    if !prose.is_empty() {
        eprintln!("{name}: {} findings in prose copied from the spec:", prose.len());
        for p in &prose {
            eprintln!("  {p}");
        }
    }
    let unexplained: Vec<String> = rt.unexplained().map(ToString::to_string).collect();
    assert!(unexplained.is_empty(), "{name}: {}", unexplained.join("\n"));
    eprintln!(
        "{name}: {} operations, {} parameters, {} statuses, {} response properties compared; {} differences, all explained",
        rt.operations,
        rt.parameters,
        rt.statuses,
        rt.response_properties,
        rt.differences.len()
    );
    for d in &rt.differences {
        eprintln!("  {d}");
    }
    assert_eq!(rt.operations, spec.operations.len());
    rt
}

fn fixture(name: &str) -> Spec {
    let text = std::fs::read_to_string(root().join("doc-fixtures/drift").join(name)).unwrap();
    docspec_spec::load(name, &text).unwrap()
}

#[test]
fn fixture_specs_survive_the_round_trip() {
    let swagger = check("example.swagger.yaml", &fixture("example.swagger.yaml"), false, &[]);
    assert!(swagger.parameters >= 20 && swagger.response_properties >= 20);
    let openapi = check("example.openapi.json", &fixture("example.openapi.json"), false, &[]);
    assert!(openapi.parameters >= 15);
}

#[test]
fn the_spec_docspec_emits_from_gitlabs_pages_survives_the_round_trip() {
    let dir = root().join("../shared/corpus/gitlab/doc/api");
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus/gitlab is not present");
        return;
    }
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|p| SourceFile::new(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let spec = docspec_spec::load("corpus-openapi.yaml", &emit(&sources)).unwrap();
    assert!(spec.operations.len() > 500, "{}", spec.operations.len());
    // The corpus's folder pages (`rest/_index.md`), as `scaffold` finds them beside its pages.
    let rt = check("spec emitted from the corpus", &spec, true, &["releases", "rest"]);
    assert!(rt.parameters > 1000);
}

#[test]
fn a_lost_attribute_is_a_difference() {
    let spec = fixture("example.swagger.yaml");
    let mut broken = spec.clone();
    broken.operations[0].parameters.retain(|p| p.name != "search");
    broken.operations[1].responses.clear();
    let rt = compare(&spec, &broken, "/api/v4");
    let found: Vec<String> = rt.unexplained().map(ToString::to_string).collect();
    assert!(found.iter().any(|d| d.contains("`search` is missing")), "{found:?}");
    assert!(
        found.iter().any(|d| d.contains("success status none instead of 200")),
        "{found:?}"
    );
}

/// A file download is saved by its cURL example and shown as no JSON.
#[test]
fn a_download_is_saved_not_shown() {
    let spec = docspec_spec::load(
        "download.yaml",
        r#"openapi: 3.0.3
info: {title: Gizmos, version: '1'}
paths:
  /gizmos/{id}/archive:
    get:
      summary: Download a gizmo archive
      tags: [Gizmos API]
      parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        '200':
          description: OK
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
"#,
    )
    .unwrap();
    let page = scaffold::page("Gizmos API", &[&spec.operations[0]], &ScaffoldSettings::default());
    assert!(page.contains("title: Gizmos API\n"), "{page}");
    assert!(page.contains("--output archive"), "{page}");
    assert!(!page.contains("```json"), "{page}");
    let source = SourceFile::new("gizmos.md", page);
    let parsed = docspec_parser::parse(&source);
    let errors: Vec<_> = docspec_lint::lint_page(&source, &parsed, &LintSettings::default())
        .into_iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| d.code.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}
