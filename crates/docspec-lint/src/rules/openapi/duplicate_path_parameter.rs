use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a request line that names the same path parameter twice
/// (`/groups/:id/projects/:id`). It is left out of the spec.
///
/// ## Why is this bad?
/// A path parameter has one value per request; a path that needs two different values
/// under one name cannot be called, and OpenAPI rejects it.
///
/// ## Example
/// ````markdown
/// ## Get a project of a group
///
/// ```plaintext
/// GET /groups/:id/projects/:id
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a project of a group
///
/// ```plaintext
/// GET /groups/:id/projects/:project_id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA009", name = "duplicate-path-parameter", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct DuplicatePathParameter;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for DuplicatePathParameter {}
