//! How attribute tables become parameters and response schemas, on small pages written
//! here.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use common::resolve;

use docspec_model::SourceFile;
use docspec_openapi::{emit, OpenApiSettings, PageInput};
use serde_json::Value;

/// The spec of one page as JSON, and the codes of its findings.
fn spec_of(text: &str) -> (Value, Vec<String>) {
    let source = SourceFile::new("parts.md", text);
    let page = docspec_parser::parse(&source);
    let inputs = [PageInput {
        path: source.path(),
        source: &source,
        page: &page,
    }];
    let (spec, findings) = emit(&inputs, &OpenApiSettings::default());
    (
        serde_json::to_value(&spec).unwrap(),
        findings.into_iter().map(|f| f.diagnostic.code.to_string()).collect(),
    )
}

/// The resolved response schema of the one operation.
fn response_schema(spec: &Value, path: &str) -> Value {
    let schema = &spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    resolve(spec, schema)
}

const PARTS: &str = r#"---
title: Parts
---

## List the parts of a widget

```plaintext
GET /widgets/:id/parts
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following
response attributes:

| Attribute       | Type         | Description |
|-----------------|--------------|-------------|
| `parts`         | object array | Parts of the widget. |
| `parts[].id`    | integer      | ID of the part. |
| `parts[].label` | string       | Label of the part. |

Example response:

```json
[
  { "id": 1, "label": "Lid" }
]
```
"#;

/// A table that names a top-level array `parts` and its items `parts[].…` describes the
/// items of the array the example shows, not objects with a `parts` key.
#[test]
fn an_array_row_over_a_top_level_array_is_the_response_itself() {
    let (spec, findings) = spec_of(PARTS);
    let schema = response_schema(&spec, "/widgets/{id}/parts");
    assert_eq!(schema["type"], "array", "{schema:#}");
    let items = resolve(&spec, &schema["items"]);
    let properties: Vec<&String> = items["properties"].as_object().unwrap().keys().collect();
    assert_eq!(properties, ["id", "label"], "{items:#}");
    assert!(findings.is_empty(), "{findings:?}");
    let example =
        &spec["paths"]["/widgets/{id}/parts"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    assert_eq!(example[0]["label"], "Lid");
}

const FILES: &str = r#"---
title: Files
---

## Get a file

```plaintext
GET /files/:file_path
```

| Attribute   | Type   | Required | Description |
|-------------|--------|----------|-------------|
| `file_path` | string | Yes      | URL-encoded path of the file. |
| `ref`       | string | Yes      | Branch to read. |

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).

### Get the headers of a file

```plaintext
HEAD /files/:file_path
```
"#;

/// A `HEAD` variant nested under the `GET` of its path takes the `GET`'s attributes.
#[test]
fn a_variant_takes_the_attributes_of_its_method() {
    let (spec, _) = spec_of(FILES);
    let names = |verb: &str| -> Vec<String> {
        spec["paths"]["/files/{file_path}"][verb]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["name"].as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(names("get"), ["file_path", "ref"]);
    assert_eq!(names("head"), names("get"));
    let file_path = &spec["paths"]["/files/{file_path}"]["head"]["parameters"][0];
    assert_eq!(file_path["description"], "URL-encoded path of the file.");
}

const STATISTICS: &str = r#"---
title: Statistics
---

## Get widget statistics

```plaintext
GET /widgets/statistics
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).

Example response:

```json
{
  "widgets": 12,
  "counts": {
    "blue": 4,
    ...
```
"#;

/// An example that ends with `...` elides the rest, closing braces included: it is the
/// example, not an unparseable one (lint's invalid-json-example agrees).
#[test]
fn a_final_elision_closes_the_example() {
    let (spec, findings) = spec_of(STATISTICS);
    assert!(findings.is_empty(), "{findings:?}");
    let example =
        &spec["paths"]["/widgets/statistics"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    assert_eq!(example["counts"]["blue"], 4);
}

const NOTES: &str = r###"---
title: Notes
---

## Get release notes

```plaintext
GET /notes
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).

Example response, with line breaks added for readability:

```json
{
  "notes": "## 2.0.0\n\n- Adds a lid\n
    ([change](widgets/lid!1))\n"
}
```
"###;

/// A string wrapped on purpose, as the lead-in says, is the example (lint agrees).
#[test]
fn strings_wrapped_for_readability_are_read() {
    let (spec, findings) = spec_of(NOTES);
    assert!(findings.is_empty(), "{findings:?}");
    let example = &spec["paths"]["/notes"]["get"]["responses"]["200"]["content"]["application/json"]["example"];
    assert!(example["notes"].as_str().unwrap().contains("([change](widgets/lid!1))"));
}

/// An overview page that names an endpoint (`a_overview.md`, first in the order) does not
/// take the operation from the page that documents it; the overview's line is the
/// duplicate. Without a documented one, the first line still wins.
#[test]
fn the_documented_method_wins_over_an_overview_that_names_it() {
    let overview = "---\ntitle: Gizmo APIs\n---\n\n## Project gizmos\n\nUse the [project gizmos API](b_gizmos.md):\n\n```plaintext\nGET /projects/:id/gizmos\n```\n";
    let documented = "---\ntitle: Project gizmos API\n---\n\n## List gizmos\n\n```plaintext\nGET /projects/:id/gizmos\n```\n\nSupported attributes:\n\n| Attribute | Type | Required | Description |\n|-----------|------|----------|-------------|\n| `id` | integer | Yes | ID of the project. |\n| `search` | string | No | Search. |\n\nIf successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).\n";
    let spec_of_pages = |pages: &[(&str, &str)]| {
        let (spec, findings) = common::Loaded::from_texts(pages).emit();
        let dropped: Vec<String> = findings
            .iter()
            .filter(|f| f.diagnostic.code == "OA001")
            .map(|f| f.path.clone())
            .collect();
        (serde_json::to_value(&spec).unwrap(), dropped)
    };
    let (spec, dropped) = spec_of_pages(&[("a_overview.md", overview), ("b_gizmos.md", documented)]);
    let parameters = spec["paths"]["/projects/{id}/gizmos"]["get"]["parameters"].to_string();
    assert!(parameters.contains("\"search\""), "{parameters}");
    assert_eq!(dropped, ["a_overview.md"]);
    let (_, dropped) = spec_of_pages(&[("a_overview.md", overview), ("b_also.md", overview)]);
    assert_eq!(dropped, ["b_also.md"]);
}

const REVIEWS: &str = r#"---
title: Reviews API
---

## Request a review

```plaintext
POST /reviews
```

If successful, returns [`202 Accepted`](rest/troubleshooting.md#status-codes) and the following
response attributes:

| Attribute | Type    | Description |
|-----------|---------|-------------|
| `id`      | integer | ID of the review. |
| `status`  | string  | Status of the review. |
"#;

const EXPORTS: &str = r#"---
title: Exports API
---

## Start an export

```plaintext
POST /exports
```

If successful, returns [`202 Accepted`](rest/troubleshooting.md#status-codes) and the following
response attributes:

| Attribute | Type    | Description |
|-----------|---------|-------------|
| `id`      | integer | ID of the export. |
| `status`  | string  | Status of the export. |
"#;

/// Two small responses of the same types on unrelated pages, described differently, are
/// two schemas: an export is not a review.
#[test]
fn small_responses_described_differently_stay_apart() {
    let loaded = common::Loaded::from_texts(&[("reviews.md", REVIEWS), ("exports.md", EXPORTS)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();
    let schema_of = |path: &str| {
        spec["paths"][path]["post"]["responses"]["202"]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_ne!(schema_of("/reviews"), schema_of("/exports"), "{spec:#}");
}

const GIZMOS: &str = r#"---
title: Gizmos API
---

## Create a gizmo

```plaintext
POST /gizmos
```

If successful, returns [`201 Created`](rest/troubleshooting.md#status-codes) and the following
response attributes:

| Attribute      | Type    | Description |
|----------------|---------|-------------|
| `id`           | integer | ID of the gizmo. |
| `parts`        | array   | Parts of the gizmo. |
| `parts[].name` | string  | Name of the part. |

## Update a gizmo

```plaintext
PUT /gizmos/:id
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following
response attributes:

| Attribute | Type    | Description |
|-----------|---------|-------------|
| `id`      | integer | ID of the gizmo. |
| `parts`   | array   | Parts of the gizmo. |
"#;

/// One schema for both responses keeps the items one of them documents.
#[test]
fn a_shared_response_keeps_documented_items() {
    let loaded = common::Loaded::from_texts(&[("gizmos.md", GIZMOS)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();
    let schema = &resolve(
        &spec,
        &spec["paths"]["/gizmos"]["post"]["responses"]["201"]["content"]["application/json"]["schema"],
    );
    let items = &schema["properties"]["parts"]["items"];
    assert_eq!(items["properties"]["name"]["type"], "string", "{schema:#}");
}

const DOWNLOADS: &str = r#"---
title: Reports
---

## Download a widget report

Downloads the report of a widget as a CSV file.

```plaintext
GET /widgets/:id/report
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the CSV file.

Example response:

```csv
id,name
1,Lid
```

## Download a widget archive

```plaintext
GET /widgets/:id/archive
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the archive.

## Get widget file metadata

Use the `HEAD` method to return only the file's metadata.

```plaintext
HEAD /widgets/:id/raw
```

Example response:

```plaintext
HTTP/1.1 200 OK
X-Widget-Size: 12
```
"#;

#[test]
fn a_text_download_is_its_text_type_with_its_example() {
    let (spec, findings) = spec_of(DOWNLOADS);
    let content = |path: &str, verb: &str| spec["paths"][path][verb]["responses"]["200"]["content"].clone();
    let report = content("/widgets/{id}/report", "get");
    assert_eq!(report["text/csv"]["schema"]["type"], "string", "{report}");
    assert_eq!(report["text/csv"]["example"], "id,name\n1,Lid\n");
    // Without a text example, a download stays bytes.
    let archive = content("/widgets/{id}/archive", "get");
    assert_eq!(
        archive["application/octet-stream"]["schema"]["format"], "binary",
        "{archive}"
    );
    // Headers shown as the example are not a body.
    let head = content("/widgets/{id}/raw", "head");
    assert!(head.get("text/plain").is_none(), "{head}");
    // Only the headers are an example left out.
    assert_eq!(findings.iter().filter(|c| *c == "OA008").count(), 1, "{findings:?}");
}

/// A status stated in other words before the template's sentence does not displace it.
#[test]
fn the_template_sentence_gives_the_main_status() {
    let page = r#"---
title: Widgets
---

## Create a widget

> [!note]
> Polling the new widget returns `200 OK` until it is ready.

```plaintext
POST /widgets
```

If successful, returns [`201 Created`](rest/troubleshooting.md#status-codes) and the
following response attributes:

| Attribute | Type    | Description |
|-----------|---------|-------------|
| `id`      | integer | ID of the widget. |
"#;
    let (spec, _) = spec_of(page);
    let responses = &spec["paths"]["/widgets"]["post"]["responses"];
    assert!(
        responses["201"]["content"]["application/json"].is_object(),
        "{responses:#}"
    );
}

/// "Response attributes for `parts[]`:" introduces the attributes of each part: they are
/// properties of the items of `parts`, not of the response.
#[test]
fn a_table_introduced_as_a_parents_attributes_nests_under_it() {
    let text = "---\ntitle: Widgets\n---\n\n## Get a widget\n\n```plaintext\nGET /widgets/:id\n```\n\n\
                If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following\n\
                response attributes:\n\n\
                | Attribute | Type         | Description |\n|-----------|--------------|-------------|\n\
                | `id`      | integer      | ID of the widget. |\n| `parts`   | object array | Parts of the widget. |\n\n\
                Response attributes for `parts[]`:\n\n\
                | Attribute | Type   | Description |\n|-----------|--------|-------------|\n\
                | `name`    | string | Name of the part. |\n\n\
                Example response:\n\n```json\n{ \"id\": 1, \"parts\": [{ \"name\": \"lid\" }] }\n```\n";
    let (spec, findings) = spec_of(text);
    let schema = response_schema(&spec, "/widgets/{id}");
    let properties = schema["properties"].as_object().unwrap();
    assert_eq!(properties.keys().collect::<Vec<_>>(), ["id", "parts"], "{schema:#}");
    assert_eq!(
        schema["properties"]["parts"]["items"]["properties"]["name"]["type"], "string",
        "{schema:#}"
    );
    assert!(findings.is_empty(), "{findings:?}");
}
