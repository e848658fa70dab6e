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
    let body = common::resolve(&spec, &content["schema"]);
    let keys: Vec<&String> = body["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["actions", "dry_run"], "{body:#}");
    assert_eq!(body["required"], serde_json::json!(["actions"]), "{body:#}");
    let items = &body["properties"]["actions"]["items"];
    let item_keys: Vec<&String> = items["properties"].as_object().unwrap().keys().collect();
    assert_eq!(item_keys, ["action", "part_id", "position"], "{items:#}");
    assert_eq!(items["required"], serde_json::json!(["action", "part_id"]), "{items:#}");
    assert_eq!(items["properties"]["part_id"]["type"], Value::from("integer"));
}
