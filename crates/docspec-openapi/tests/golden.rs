//! Golden snapshots of the fixture pages, one by one and all together, and the
//! properties of the output: it reads back unchanged and does not depend on input order.

mod common;

use common::{markdown_files, render_findings, workspace, Loaded};
use docspec_openapi::{emit, to_json, to_yaml, OpenApiSettings};
use openapiv3::OpenAPI;

fn fixtures() -> Loaded {
    let root = workspace();
    let files = markdown_files(&root.join("doc-fixtures/openapi"));
    assert!(files.len() >= 3, "fixture pages are missing");
    Loaded::read(&root, &files)
}

/// The findings as YAML comments, then the spec.
fn snapshot_text(loaded: &Loaded) -> String {
    let (spec, findings) = loaded.emit();
    let comments: String = render_findings(&findings).lines().map(|l| format!("# {l}\n")).collect();
    format!("{comments}{}", to_yaml(&spec))
}

#[test]
fn each_fixture_page() {
    let root = workspace();
    for file in markdown_files(&root.join("doc-fixtures/openapi")) {
        let loaded = Loaded::read(&root, std::slice::from_ref(&file));
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(name, snapshot_text(&loaded));
    }
}

#[test]
fn all_fixture_pages_together() {
    insta::assert_snapshot!("all", snapshot_text(&fixtures()));
}

/// A page saved with CRLF line endings gives the spec and findings of the same page
/// with LF: no `\r` in descriptions, the same wording read.
#[test]
fn crlf_pages_give_the_same_spec() {
    let lf = fixtures();
    assert_eq!(snapshot_text(&lf.with_crlf()), snapshot_text(&lf));
}

#[test]
fn yaml_and_json_read_back_to_the_same_document() {
    let (spec, _) = fixtures().emit();
    let from_yaml: OpenAPI = serde_yaml::from_str(&to_yaml(&spec)).unwrap();
    assert_eq!(from_yaml, spec);
    let from_json: OpenAPI = serde_json::from_str(&to_json(&spec)).unwrap();
    assert_eq!(from_json, spec);
    assert!(to_yaml(&spec).ends_with('\n') && to_json(&spec).ends_with('\n'));
}

/// What `docspec openapi` writes path by path from kept JSON is the text of the same
/// document in `openapiv3`'s types, in YAML and JSON.
#[test]
fn the_written_document_is_the_typed_one() {
    for (written, typed) in fixtures().written_and_typed() {
        assert_eq!(written, typed);
    }
}

#[test]
fn output_is_deterministic_and_order_independent() {
    let loaded = fixtures();
    let settings = OpenApiSettings::default();
    let inputs = loaded.inputs();
    let (a, fa) = emit(&inputs, &settings);
    let (b, _) = emit(&inputs, &settings);
    let mut reversed = inputs.clone();
    reversed.reverse();
    let (c, fc) = emit(&reversed, &settings);
    assert_eq!(to_yaml(&a), to_yaml(&b));
    assert_eq!(to_yaml(&a), to_yaml(&c));
    assert_eq!(to_json(&a), to_json(&c));
    assert_eq!(render_findings(&fa), render_findings(&fc));
}

#[test]
fn operation_ids_are_unique() {
    let (spec, _) = fixtures().emit();
    let mut ids: Vec<&str> = spec
        .operations()
        .filter_map(|(_, _, op)| op.operation_id.as_deref())
        .collect();
    let count = ids.len();
    assert_eq!(count, spec.operations().count());
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[test]
fn settings_shape_the_document() {
    let settings = OpenApiSettings {
        title: "Test".into(),
        version: "1".into(),
        description: Some("About".into()),
        servers: vec!["https://example.invalid/api/v4".into(), "/api/v4".into()],
        ..OpenApiSettings::default()
    };
    let loaded = fixtures();
    let (spec, _) = emit(&loaded.inputs(), &settings);
    assert_eq!(spec.openapi, "3.0.3");
    assert_eq!(spec.info.title, "Test");
    assert_eq!(spec.info.description.as_deref(), Some("About"));
    assert_eq!(spec.servers.len(), 2);
}

/// What the fidelity fixture states, and only that, reaches the spec.
#[test]
fn statuses_values_and_deprecations_are_read_from_the_page() {
    let root = workspace();
    let loaded = Loaded::read(&root, &[root.join("doc-fixtures/openapi/fidelity_widgets.md")]);
    let (spec, _) = loaded.emit();
    let value = serde_json::to_value(&spec).unwrap();
    let list = &value["paths"]["/projects/{id}/widgets"]["get"];
    let rename = &value["paths"]["/projects/{id}/widgets/{widget_id}"]["put"];
    let codes =
        |op: &serde_json::Value| -> Vec<String> { op["responses"].as_object().unwrap().keys().cloned().collect() };
    // `Returns `200``, and the `409 Conflict` the prose states; no guessed 201 or 204.
    assert_eq!(codes(rename), ["200", "400", "401", "403", "404", "409"]);
    let param = |name: &str| {
        list["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .cloned()
            .unwrap_or_default()
    };
    // A default that depends on another attribute is no default.
    assert!(param("sort")["schema"].get("default").is_none());
    assert_eq!(param("sort")["schema"]["enum"], serde_json::json!(["asc", "desc"]));
    assert_eq!(param("labels[]")["schema"]["type"], "array");
    assert_eq!(
        list["security"][0],
        serde_json::json!({}),
        "the page says it can be called without a token"
    );
    let refs: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["$ref"].as_str())
        .collect();
    assert_eq!(
        refs,
        ["#/components/parameters/Page", "#/components/parameters/PerPage"]
    );
    let schemas = &value["components"]["schemas"];
    let body = &schemas["RenameAWidgetBody"]["properties"];
    // A sentence about two attributes gives neither an enum.
    assert!(body["name"]["enum"].is_null());
    assert_eq!(body["title"]["deprecated"], true, "deprecated by the method's history");
    assert_eq!(schemas["Widget"]["properties"]["old_name"]["deprecated"], true);
    let link = param("id")["description"].as_str().unwrap().to_string();
    assert!(
        link.contains("(https://docs.gitlab.com/api/rest/#namespaced-paths)"),
        "{link}"
    );
    assert!(!to_yaml(&spec).contains(".md)"), "no relative .md link is left");
}
