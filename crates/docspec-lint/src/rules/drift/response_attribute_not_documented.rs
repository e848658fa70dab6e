use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a property of the spec's success response that the method's response table
/// does not list. Only methods with a response table are compared, and nested properties
/// only where the table describes their parent's children (a table that lists `owner` but
/// no `owner.*` row is not held to every property of `owner`).
///
/// ## Why is this bad?
/// Readers do not know what the API returns, and the response table is where they look.
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following
/// response attributes:
///
/// | Attribute | Type    | Description |
/// |-----------|---------|-------------|
/// | `id`      | integer | ID of the widget. |
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
///         '200':
///           description: OK
///           content:
///             application/json:
///               schema:
///                 type: array
///                 items:
///                   type: object
///                   properties:
///                     id: {type: integer}
///                     name: {type: string}
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following
/// response attributes:
///
/// | Attribute | Type    | Description |
/// |-----------|---------|-------------|
/// | `id`      | integer | ID of the widget. |
/// | `name`    | string  | Name of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR011", name = "response-attribute-not-documented", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct ResponseAttributeNotDocumented;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for ResponseAttributeNotDocumented {}
