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

const JOB_TOKENS: &str = r#"---
title: Gizmo artifacts API
---

## Download a gizmo artifact

```plaintext
GET /gizmos/:id/artifact
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the artifact.

```shell
curl --header "JOB-TOKEN: $CI_JOB_TOKEN" \
  --output artifact.zip \
  --url "https://gitlab.example.com/api/v4/gizmos/1/artifact"
```

## Delete a gizmo artifact

```plaintext
DELETE /gizmos/:id/artifact
```

If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
"#;

/// A job token authenticates only the methods that say they accept one.
#[test]
fn a_job_token_only_where_the_method_accepts_one() {
    let loaded = common::Loaded::from_texts(&[("artifacts.md", JOB_TOKENS)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();
    let schemes = |security: &Value| -> Vec<String> {
        security
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_object().unwrap().keys().cloned())
            .collect()
    };
    assert_eq!(schemes(&spec["security"]), ["accessToken", "oauth2Bearer"]);
    let download = &spec["paths"]["/gizmos/{id}/artifact"]["get"];
    assert_eq!(
        schemes(&download["security"]),
        ["accessToken", "oauth2Bearer", "jobToken"]
    );
    let delete = &spec["paths"]["/gizmos/{id}/artifact"]["delete"];
    assert!(delete.get("security").is_none(), "{delete:#}");
}

/// "Support for job token authentication introduced in GitLab 16.2." above the first
/// method speaks for all of them.
#[test]
fn a_page_that_accepts_job_tokens_says_so_once() {
    let page = JOB_TOKENS.replace(
        "---\n\n## Download",
        "---\n\n> Support for CI/CD job token authentication introduced in GitLab 16.2.\n\n## Download",
    );
    let loaded = common::Loaded::from_texts(&[("artifacts.md", &page)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();
    let delete = &spec["paths"]["/gizmos/{id}/artifact"]["delete"];
    assert!(delete["security"].to_string().contains("jobToken"), "{delete:#}");
}

/// An introduction's sentence about one method ("Listing the banners does not require
/// authentication.") does not make every method public; one about the API does.
#[test]
fn an_intro_sentence_about_one_method_is_not_about_all() {
    let page = |intro: &str| {
        JOB_TOKENS
            .replace("---\n\n## Download", &format!("---\n\n{intro}\n\n## Download"))
            .replace("JOB-TOKEN: $CI_JOB_TOKEN", "PRIVATE-TOKEN: <your_access_token>")
    };
    let security_of_delete = |text: &str| {
        let loaded = common::Loaded::from_texts(&[("artifacts.md", text)]);
        let spec = serde_json::to_value(loaded.emit().0).unwrap();
        spec["paths"]["/gizmos/{id}/artifact"]["delete"]["security"].clone()
    };
    let one = security_of_delete(&page(
        "Downloading an artifact does not require authentication. Deleting one requires the Maintainer role.",
    ));
    assert!(one.is_null(), "{one}");
    let all = security_of_delete(&page("This API can be used without authentication."));
    assert_eq!(all[0], serde_json::json!({}), "{all}");
}

const ROUTE_PREFIX: &str = r#"---
title: Widget registry API
---

## Route prefix

There are two sets of identical routes:

### Instance-level

```plaintext
/packages/widgets
```

### Project-level

```plaintext
/projects/:id/packages/widgets
```

| Attribute | Type   | Required | Description |
|-----------|--------|----------|-------------|
| `id`      | string | Yes      | The project ID or full project path. |

## Download a widget

```plaintext
GET <route-prefix>/:widget_name
```

| Attribute     | Type   | Required | Description |
|---------------|--------|----------|-------------|
| `widget_name` | string | Yes      | Name of the widget. |

## Ping the registry

```plaintext
GET <mirror-prefix>/ping
```
"#;

/// `GET <route-prefix>/:widget_name` is one operation for each path the page's `Route
/// prefix` section gives; a placeholder the page does not define is still left out.
#[test]
fn a_route_prefix_placeholder_gives_one_operation_per_prefix() {
    let (spec, findings) = spec_of("widgets.md", ROUTE_PREFIX);
    assert_eq!(
        path_keys(&spec),
        [
            "/packages/widgets/{widget_name}",
            "/projects/{id}/packages/widgets/{widget_name}"
        ],
        "{spec:#}"
    );
    let project = &spec["paths"]["/projects/{id}/packages/widgets/{widget_name}"]["get"];
    assert_eq!(
        parameters(&spec, "/projects/{id}/packages/widgets/{widget_name}"),
        ["id in path", "widget_name in path"]
    );
    let instance_id = &spec["paths"]["/packages/widgets/{widget_name}"]["get"]["operationId"];
    assert_ne!(instance_id, &project["operationId"]);
    let skipped: Vec<_> = findings.iter().filter(|f| f.diagnostic.code == "OA002").collect();
    assert_eq!(skipped.len(), 1, "{findings:?}");
    assert!(
        skipped[0].diagnostic.message.contains("<mirror-prefix>"),
        "{findings:?}"
    );
}

const OPTIONAL_GROUP: &str = r#"---
title: Widget files API
---

## Download a widget file

```plaintext
GET /widgets/:id/files/(*path/):file_name
```

Supported attributes:

| Attribute   | Type    | Required | Description |
|-------------|---------|----------|-------------|
| `id`        | integer | Yes      | ID of the widget. |
| `path`      | string  | No       | Folder of the file. |
| `file_name` | string  | Yes      | Name of the file. |
"#;

/// OpenAPI has no optional path segments: a request line with an optional group gives one
/// operation without it and one with it, and `path` is never a query parameter.
#[test]
fn an_optional_group_gives_one_operation_with_it_and_one_without() {
    let (spec, findings) = spec_of("widget_files.md", OPTIONAL_GROUP);
    assert_eq!(
        path_keys(&spec),
        [
            "/widgets/{id}/files/{file_name}",
            "/widgets/{id}/files/{path}/{file_name}"
        ],
        "{spec:#}"
    );
    assert_eq!(
        parameters(&spec, "/widgets/{id}/files/{file_name}"),
        ["id in path", "file_name in path"]
    );
    assert_eq!(
        parameters(&spec, "/widgets/{id}/files/{path}/{file_name}"),
        ["id in path", "path in path", "file_name in path"]
    );
    assert!(findings.iter().all(|f| f.diagnostic.code != "OA002"), "{findings:?}");
}

/// The spec of one page as JSON, and the findings made on it.
fn spec_of(name: &str, text: &str) -> (Value, Vec<docspec_openapi::Finding>) {
    let loaded = common::Loaded::from_texts(&[(name, text)]);
    let (spec, findings) = loaded.emit();
    (serde_json::to_value(spec).unwrap(), findings)
}

fn path_keys(spec: &Value) -> Vec<&String> {
    spec["paths"].as_object().unwrap().keys().collect()
}

/// The `GET` operation's parameters at `path`, as `name in location`.
fn parameters(spec: &Value, path: &str) -> Vec<String> {
    spec["paths"][path]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} in {}", p["name"].as_str().unwrap(), p["in"].as_str().unwrap()))
        .collect()
}
