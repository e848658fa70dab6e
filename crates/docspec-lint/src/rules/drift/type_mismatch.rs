use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an attribute (request or response) whose Type cell cannot describe the spec's
/// type. The template's words are mapped to the spec's types and formats the way `docspec
/// openapi` maps them (`integer or string`, `datetime` as a `date-time` string, `integer
/// array`, `hash` as an object, `file` as binary). Types agree when they overlap: `integer
/// or string` agrees with `string`, `string` with a `date-time` string, `integer` with
/// `number`; `mixed`, `JSON` and words docspec does not know are not compared.
///
/// ## Why is this bad?
/// Readers send a string where the API wants a number, or parse a number that is really
/// a string.
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
/// | `search`  | boolean | No       | Search by name. |
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
#[rule(code = "DR006", name = "type-mismatch", category = Drift, severity = Error, fix = None, since = "0.1.0")]
pub struct TypeMismatch;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for TypeMismatch {}
