use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an attribute whose description lists its allowed values (``One of `a`, `b` or
/// `c`.``, ``Possible values: ...``) when the spec's `enum` has other values. Only values the
/// description states are compared: a description that lists none, or a spec without an
/// `enum`, raises nothing.
///
/// ## Why is this bad?
/// A value the docs offer and the API rejects fails the call; a value the API accepts and
/// the docs leave out is a feature nobody finds.
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
/// | `id`       | integer | Yes      | ID of the project. |
/// | `order_by` | string  | No       | One of `id` or `name`. Default is `created_at`. |
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
///         - {name: order_by, in: query, schema: {type: string, enum: [id, name, created_at], default: created_at}}
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
/// | `id`       | integer | Yes      | ID of the project. |
/// | `order_by` | string  | No       | One of `created_at`, `id` or `name`. Default is `created_at`. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "DR007", name = "enum-mismatch", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct EnumMismatch;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for EnumMismatch {}
