use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an attribute whose Required cell disagrees with the spec: `Yes` for a parameter
/// the spec makes optional, or `No` for one it requires. `Conditionally` agrees with an
/// optional parameter (the spec cannot say "one of these two").
///
/// ## Why is this bad?
/// A reader who leaves out a required attribute gets `400 Bad Request`; one who thinks an
/// optional attribute is required sends data they did not need to.
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
///         - {name: search, in: query, required: true, schema: {type: string}}
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
/// | `search`  | string  | Yes      | Search by name. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR005", name = "required-mismatch", category = Drift, severity = Error, fix = None, since = "0.1.0")]
pub struct RequiredMismatch;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for RequiredMismatch {}
