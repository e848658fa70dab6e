use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an operation or attribute that one side marks deprecated and the other does
/// not. The page deprecates a method with a history entry (`Deprecated in GitLab 16.0`), a
/// heading or request line that says so, or prose like "This endpoint is deprecated"; it
/// deprecates an attribute with a description that starts with `Deprecated` or a history
/// entry naming it. The spec uses `deprecated: true`.
///
/// ## Why is this bad?
/// Readers build on an endpoint that is going away, or avoid one that is fine.
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
/// | `search`  | string  | No       | Search by name. |
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
///         - {name: search, in: query, deprecated: true, schema: {type: string}}
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
/// | `search`  | string  | No       | Deprecated in GitLab 17.0. Search by name. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR009", name = "deprecation-mismatch", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct DeprecationMismatch;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for DeprecationMismatch {}
