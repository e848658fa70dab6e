use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a verb and path that a page documents a second time (on the same page or
/// another one). The spec keeps the first one; this one is left out.
///
/// ## Why is this bad?
/// An OpenAPI document has one operation per verb and path. When two sections describe
/// the same endpoint, readers do not know which one is current, and the spec can only
/// publish one of them.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ## Show a widget
///
/// ```plaintext
/// GET /widgets/:id
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
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA001", name = "duplicate-operation-dropped", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct DuplicateOperationDropped;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for DuplicateOperationDropped {}
