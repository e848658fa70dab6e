use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a documented request line (verb and path) that the spec does not have: an
/// endpoint that was removed, renamed, or is misspelled in the page. Paths are compared
/// without the API base path (`/api/v4`, or the spec's `basePath` or server path), and path
/// parameters match whatever their names (`:id` and `{project_id}`). The help names the
/// closest operation of the spec. A path the API renamed on purpose can be mapped in
/// `.docspec.yml` under `drift: renamed_paths:`.
///
/// ## Why is this bad?
/// Readers call an endpoint that does not exist and get `404 Not Found`. Every documented
/// method should be one the API serves.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /projects/:id/widget
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
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR002", name = "operation-not-in-spec", category = Drift, severity = Error, fix = None, since = "0.1.0")]
pub struct OperationNotInSpec;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for OperationNotInSpec {}
