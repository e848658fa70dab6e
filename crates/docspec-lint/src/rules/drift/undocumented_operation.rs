use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an operation of the spec that no page documents. The finding sits on the page
/// that most likely should document it: the page whose methods share the longest path prefix
/// with it (`/projects/{id}/widgets/{widget_id}/parts` goes with the page that documents
/// `/projects/:id/widgets/:widget_id`), or else the page that documents other operations of
/// its tag. When no page fits, it sits on the operation in the spec. `docspec scaffold
/// --missing` writes these methods to the template.
///
/// ## Why is this bad?
/// The code has an endpoint that readers cannot find. Undocumented endpoints are the pages
/// writers most need to write, and a generated spec lists them all.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /projects/:id/widgets
/// ```
///
/// | Attribute | Type    | Required | Description |
/// |-----------|---------|----------|-------------|
/// | `id`      | integer | Yes      | ID of the project. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
///
/// With this spec (`docspec drift --spec openapi.yaml`):
///
/// ```yaml
/// openapi: 3.0.3
/// info: {title: Example, version: v4}
/// servers: [{url: 'https://gitlab.example.com/api/v4'}]
/// paths:
///   /projects/{id}/widgets:
///     get:
///       tags: [widgets]
///       parameters:
///         - {name: id, in: path, required: true, schema: {type: integer}}
///         - {name: search, in: query, schema: {type: string}}
///       responses:
///         '200': {description: OK}
///   /projects/{id}/widgets/{widget_id}:
///     delete:
///       tags: [widgets]
///       parameters:
///         - {name: id, in: path, required: true, schema: {type: integer}}
///         - {name: widget_id, in: path, required: true, schema: {type: integer}}
///       responses:
///         '204': {description: No Content}
/// ```
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /projects/:id/widgets
/// ```
///
/// | Attribute | Type    | Required | Description |
/// |-----------|---------|----------|-------------|
/// | `id`      | integer | Yes      | ID of the project. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
///
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /projects/:id/widgets/:widget_id
/// ```
///
/// | Attribute   | Type    | Required | Description |
/// |-------------|---------|----------|-------------|
/// | `id`        | integer | Yes      | ID of the project. |
/// | `widget_id` | integer | Yes      | ID of the widget. |
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR001", name = "undocumented-operation", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct UndocumentedOperation;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for UndocumentedOperation {}
