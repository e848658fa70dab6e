use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a row of a method's response table that the spec's success response does not
/// have. Only responses whose schema lists properties are compared.
///
/// ## Why is this bad?
/// The page promises a field the API does not return: it was removed, renamed, or is
/// misspelled.
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
/// | `title`   | string  | Name of the widget. |
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
#[rule(code = "DR012", name = "response-attribute-not-in-spec", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct ResponseAttributeNotInSpec;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for ResponseAttributeNotInSpec {}
