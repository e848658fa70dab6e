use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a row of a method's attribute table whose attribute the spec's operation does
/// not have (among its path, query, form and body parameters). Path parameters match by
/// position, so a table row for `:project_id` matches the spec's `{id}`. When one method
/// documents several operations, a row is reported only if none of them has it.
///
/// ## Why is this bad?
/// The page promises an attribute the API ignores or rejects: it was removed, renamed, or
/// is misspelled.
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
/// | `serach`  | string  | No       | Search by name. |
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
/// | `search`  | string  | No       | Search by name. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR004", name = "attribute-not-in-spec", category = Drift, severity = Error, fix = None, since = "0.1.0")]
pub struct AttributeNotInSpec;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for AttributeNotInSpec {}
