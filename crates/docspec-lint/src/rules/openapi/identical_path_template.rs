use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a path that differs from an earlier one only in its parameter names
/// (`/widgets/:id` and `/widgets/:widget_id`). OpenAPI treats them as one path, so this
/// one is merged into the first and takes its parameter names.
///
/// ## Why is this bad?
/// OpenAPI forbids two paths that match the same URLs. Naming one parameter two ways
/// also makes readers wonder whether they are different values.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:widget_id
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA007", name = "identical-path-template", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct IdenticalPathTemplate;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for IdenticalPathTemplate {}
