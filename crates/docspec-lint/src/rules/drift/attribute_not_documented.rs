use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a parameter of a documented operation (path, query, form or body property)
/// that the method's attribute table does not list. Header and cookie parameters are not
/// compared, nor parameters the whole API documents once (`page` and `per_page` by default;
/// see `drift: global_parameters:`). Nested body properties are compared only where the
/// table describes their parent's children.
///
/// ## Why is this bad?
/// Readers cannot use what the table does not tell them about, and tools that trust the
/// docs never send it.
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
#[rule(code = "DR003", name = "attribute-not-documented", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct AttributeNotDocumented;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for AttributeNotDocumented {}
