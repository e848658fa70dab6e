use crate::{Check, RuleMeta};

/// ## What it does
/// Reports an attribute whose description states a default (``Default is `x`.``) that
/// differs from the spec's `default`. Only stated defaults are compared.
///
/// ## Why is this bad?
/// A reader who relies on the documented default gets another behavior.
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
/// | `order_by` | string  | No       | One of `created_at`, `id` or `name`. Default is `name`. |
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
#[rule(code = "DR008", name = "default-mismatch", category = Drift, severity = Warning, fix = None, since = "0.1.0")]
pub struct DefaultMismatch;

/// Raised by `docspec drift` (crate `docspec-drift`), never by lint.
impl Check for DefaultMismatch {}
