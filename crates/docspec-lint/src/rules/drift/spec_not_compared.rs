use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a part of the spec that docspec could not compare with the pages: a `$ref` to
/// another file, a `$ref` that points nowhere or back into itself (a cycle), a parameter
/// described by `content` instead of `schema`, or a value of the wrong shape (a `paths`
/// entry that is not a mapping). The rest of the spec is still compared.
///
/// ## Why is this bad?
/// What is not compared can drift unseen; the finding says where, so the spec can be
/// bundled (`redocly bundle`) or fixed.
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
///         - {$ref: 'parameters.yaml#/search'}
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
///
/// with the parameter in the spec itself:
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
#[derive(RuleMeta)]
#[rule(code = "DR013", name = "spec-not-compared", category = Drift, severity = Info, fix = None, since = "0.1.0")]
pub struct SpecNotCompared;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for SpecNotCompared {}
