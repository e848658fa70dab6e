//! How request attribute tables become request bodies, on small pages written here.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use serde_json::Value;

const ASSEMBLE: &str = r#"---
title: Gizmos API
---

## Assemble a gizmo

```plaintext
POST /gizmos/:id/assemble
```

Supported attributes:

| Attribute | Type    | Required | Description |
|-----------|---------|----------|-------------|
| `actions` | array   | Yes      | Actions to run. |
| `id`      | integer | Yes      | ID of the gizmo. |
| `dry_run` | boolean | No       | If `true`, only checks the actions. |

| `actions[]` attribute | Type    | Required | Description |
|-----------------------|---------|----------|-------------|
| `action`              | string  | Yes      | Action to run. |
| `part_id`             | integer | Yes      | ID of the part. |
| `position`            | integer | No       | Position of the part. |
"#;

/// The rows of a `` `actions[]` attribute `` table describe the items of `actions`, not
/// attributes of the body itself.
#[test]
fn a_sub_attribute_table_describes_the_items_of_its_parent() {
    let loaded = common::Loaded::from_texts(&[("gizmos.md", ASSEMBLE)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();
    let content = &spec["paths"]["/gizmos/{id}/assemble"]["post"]["requestBody"]["content"]["application/json"];
    let body = match content["schema"]["$ref"].as_str() {
        Some(r) => spec["components"]["schemas"][r.rsplit('/').next().unwrap()].clone(),
        None => content["schema"].clone(),
    };
    let keys: Vec<&String> = body["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["actions", "dry_run"], "{body:#}");
    assert_eq!(body["required"], serde_json::json!(["actions"]), "{body:#}");
    let items = &body["properties"]["actions"]["items"];
    let item_keys: Vec<&String> = items["properties"].as_object().unwrap().keys().collect();
    assert_eq!(item_keys, ["action", "part_id", "position"], "{items:#}");
    assert_eq!(items["required"], serde_json::json!(["action", "part_id"]), "{items:#}");
    assert_eq!(items["properties"]["part_id"]["type"], Value::from("integer"));
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
    let reference = spec["paths"]["/gizmos"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]
        ["$ref"]
        .as_str()
        .unwrap();
    let schema = &spec["components"]["schemas"][reference.rsplit('/').next().unwrap()];
    let items = &schema["properties"]["parts"]["items"];
    assert_eq!(items["properties"]["name"]["type"], "string", "{schema:#}");
}
