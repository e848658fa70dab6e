//! Which history entries give an operation its `x-introduced-in`, `x-feature-flag` and
//! `deprecated`: entries about the whole method, or else its resource's or page's.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use serde_json::Value;

const WIDGETS: &str = r#"---
title: Widgets API
---

> - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.2.

Use this API to manage widgets.

## List widgets

> - Support for keyset pagination [introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 17.3.
> - Support for job tokens [deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/3) in GitLab 17.5.

Lists widgets.

```plaintext
GET /widgets
```

## Create a widget

> - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/4) in GitLab 16.5 [with a flag](../administration/feature_flags.md) named `widget_creation`. Disabled by default.

Creates a widget.

```plaintext
POST /widgets
```

## Delete a widget

> - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/5) support for job tokens in GitLab 17.0 [with a flag](../administration/feature_flags.md) named `widget_job_tokens`.
> - [Deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/6) in GitLab 17.9.

Deletes a widget.

```plaintext
DELETE /widgets/:id
```
"#;

fn operation<'s>(spec: &'s Value, path: &str, verb: &str) -> &'s Value {
    &spec["paths"][path][verb]
}

#[test]
fn history_of_a_part_does_not_date_the_operation() {
    let loaded = common::Loaded::from_texts(&[("widgets.md", WIDGETS)]);
    let spec = serde_json::to_value(loaded.emit().0).unwrap();

    let list = operation(&spec, "/widgets", "get");
    assert_eq!(
        list["x-introduced-in"], "16.2",
        "the page's version, not keyset pagination's: {list:#}"
    );
    assert!(
        list.get("deprecated").is_none(),
        "a deprecated part is not a deprecated operation: {list:#}"
    );

    let create = operation(&spec, "/widgets", "post");
    assert_eq!(create["x-introduced-in"], "16.5", "{create:#}");
    assert_eq!(create["x-feature-flag"], "widget_creation", "{create:#}");

    let delete = operation(&spec, "/widgets/{id}", "delete");
    assert_eq!(delete["x-introduced-in"], "16.2", "{delete:#}");
    assert!(delete.get("x-feature-flag").is_none(), "the flag of a part: {delete:#}");
    assert_eq!(delete["deprecated"], true, "{delete:#}");
    assert_eq!(delete["x-deprecated-in"], "17.9", "{delete:#}");
}
