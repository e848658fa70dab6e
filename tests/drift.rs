//! `docspec drift` and `docspec scaffold` end to end, on doc-fixtures/drift.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;

const SWAGGER: &str = "../doc-fixtures/drift/example.swagger.yaml";
const OPENAPI: &str = "../doc-fixtures/drift/example.openapi.json";
const PAGES: &str = "../doc-fixtures/example";

#[test]
fn drift_reports_like_lint_in_every_format() {
    for format in ["human", "concise", "json", "sarif", "gitlab", "junit", "github"] {
        let run = docspec(&[
            "drift", "--spec", SWAGGER, PAGES, "--format", format, "--color", "never",
        ]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(run.stdout.contains("DR005"), "{format}: {}", run.stdout);
    }
    let json = docspec(&["drift", "--spec", SWAGGER, PAGES, "--format", "json"]);
    let findings: Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 16);
    let required = findings.iter().find(|f| f["code"] == "DR005").unwrap();
    assert_eq!(required["path"], "../doc-fixtures/example/widgets.md");
    assert_eq!(required["line"], 102);
    let spec = &required["related"][0];
    assert_eq!(spec["path"], "../doc-fixtures/drift/example.swagger.yaml");
    assert_eq!(spec["line"], 53);
    assert_eq!(spec["pointer"], "/paths/~1projects~1{id}~1widgets/post/parameters/3");
    // The coverage goes to standard error when standard output is JSON.
    assert!(json.stderr.contains("6 of 8 operations documented"), "{}", json.stderr);

    let sarif = docspec(&["drift", "--spec", SWAGGER, PAGES, "--format", "sarif"]);
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    let related = &result["relatedLocations"][0];
    assert!(related["logicalLocations"][0]["fullyQualifiedName"]
        .as_str()
        .unwrap()
        .starts_with('/'));
    let concise = docspec(&["drift", "--spec", SWAGGER, PAGES, "--format", "concise"]);
    assert!(
        concise
            .stdout
            .contains("[../doc-fixtures/drift/example.swagger.yaml:53:11 #/paths/"),
        "{}",
        concise.stdout
    );
}

#[test]
fn selection_config_and_suppressions_apply() {
    let run = docspec(&[
        "drift", "--spec", OPENAPI, PAGES, "--format", "json", "--select", "DR002",
    ]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 1);
    assert_eq!(run.code, 1);
    let ignored = docspec(&[
        "drift", "--spec", OPENAPI, PAGES, "--ignore", "drift", "--format", "json",
    ]);
    assert_eq!(ignored.stdout.trim(), "[]");
    assert_eq!(ignored.code, 0);

    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(format!("{PAGES}/gadgets.md")).unwrap();
    let suppressed = page.replacen(
        "```plaintext\nDELETE",
        "<!-- docspec-disable-next-line operation-not-in-spec -->\n```plaintext\nDELETE",
        1,
    );
    std::fs::write(dir.path().join("gadgets.md"), &suppressed).unwrap();
    std::fs::write(
        dir.path().join(".docspec.yml"),
        "drift:\n  renamed_paths:\n    /groups/:id/widgets/:widget_id: /projects/{id}/widgets/{widget_id}\nrules:\n  undocumented-operation: off\n",
    )
    .unwrap();
    let pages = dir.path().to_str().unwrap();
    let config = dir.path().join(".docspec.yml");
    // With `--config`, the spec's own findings follow the same configuration.
    let run = docspec(&[
        "drift",
        "--spec",
        SWAGGER,
        pages,
        "--format",
        "json",
        "--config",
        config.to_str().unwrap(),
    ]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"DR002"), "{codes:?}");
    assert!(!codes.contains(&"DR001"), "{codes:?}");
    // The suppression was used, so it is not reported either.
    assert!(!codes.contains(&"DS002"), "{codes:?}");
}

#[test]
fn a_file_that_is_not_a_spec_is_a_usage_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "openapi: 3.0.0\npaths: [\n").unwrap();
    let run = docspec(&["drift", "--spec", bad.to_str().unwrap(), PAGES]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bad.yaml:3:1: not valid YAML or JSON"),
        "{}",
        run.stderr
    );
    let not_spec = dir.path().join("x.yaml");
    std::fs::write(&not_spec, "title: x\n").unwrap();
    let run = docspec(&["drift", "--spec", not_spec.to_str().unwrap(), PAGES]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("x.yaml:1:1: not an OpenAPI or Swagger document"),
        "{}",
        run.stderr
    );
    let run = docspec(&["drift", PAGES, "--no-config"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--spec"), "{}", run.stderr);
}

#[test]
fn drift_against_the_spec_docspec_emitted() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("openapi.yaml");
    let emitted = docspec(&["openapi", PAGES, "-o", spec.to_str().unwrap()]);
    assert_eq!(emitted.code, 0, "{}", emitted.stderr);
    let run = docspec(&["drift", "--spec", spec.to_str().unwrap(), PAGES, "--format", "concise"]);
    // `docspec openapi` shares one schema between the methods of a resource whose responses
    // agree: the create and update responses then hold attributes only the other
    // methods' tables list (DR011); nothing else differs.
    assert_eq!(run.stdout.matches("[DR").count(), 5, "{}", run.stdout);
    assert_eq!(run.stdout.matches("[DR011]").count(), 5, "{}", run.stdout);
    assert!(run.stdout.contains("7 of 7 operations documented"), "{}", run.stdout);
}

#[test]
fn scaffold_one_operation_and_the_missing_ones() {
    let run = docspec(&[
        "scaffold",
        "--spec",
        SWAGGER,
        "--operation",
        "getApiV4ProjectsIdWidgetsWidgetId",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("---\n"));
    assert!(run.stdout.contains("## Get a widget\n"));
    assert!(run.stdout.contains("GET /projects/:id/widgets/:widget_id"));
    let unknown = docspec(&["scaffold", "--spec", SWAGGER, "--operation", "getApiV4ProjectsIdWidget"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean"), "{}", unknown.stderr);

    let dir = tempfile::tempdir().unwrap();
    for name in ["widgets.md", "gadgets.md", ".docspec.yml"] {
        std::fs::copy(format!("{PAGES}/{name}"), dir.path().join(name)).unwrap();
    }
    let pages = dir.path().to_str().unwrap();
    let before = std::fs::read_to_string(dir.path().join("widgets.md")).unwrap();
    let diff = docspec(&["scaffold", "--spec", SWAGGER, "--missing", pages, "--diff"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(diff.stdout.contains("+### Get a widget"), "{}", diff.stdout);
    assert!(diff.stdout.contains("+++ "), "{}", diff.stdout);
    assert_eq!(std::fs::read_to_string(dir.path().join("widgets.md")).unwrap(), before);

    let wrote = docspec(&["scaffold", "--spec", SWAGGER, "--missing", pages]);
    assert_eq!(wrote.code, 0, "{}", wrote.stderr);
    assert!(wrote.stderr.contains("1 method to"), "{}", wrote.stderr);
    let after = std::fs::read_to_string(dir.path().join("widgets.md")).unwrap();
    assert!(after.contains("### Get a widget"));
    assert!(dir.path().join("admin.md").is_file());
    // What was undocumented is documented now, and the new methods lint clean.
    let again = docspec(&[
        "drift", "--spec", SWAGGER, pages, "--format", "json", "--select", "DR001",
    ]);
    assert_eq!(again.stdout.trim(), "[]", "{}", again.stdout);
    let lint = docspec(&[
        "lint",
        pages,
        "--format",
        "concise",
        "--ignore",
        "page-missing-from-index",
    ]);
    assert_eq!(lint.code, 0, "{}", lint.stdout);
    assert!(!lint.stdout.contains("warning["), "{}", lint.stdout);
}
