use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a request line that shows one concrete, URL-encoded request
/// (`/projects/my-group%2Fmy-project`) instead of the endpoint's template. It is left
/// out of the spec.
///
/// ## Why is this bad?
/// A request line documents an endpoint: its variable parts are `:parameters`. A
/// sample value in their place becomes a literal path no client can call for any other
/// project.
///
/// ## Example
/// ````markdown
/// ## Get a project
///
/// ```plaintext
/// GET /projects/my-group%2Fmy-project
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a project
///
/// ```plaintext
/// GET /projects/:id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA004", name = "concrete-request-line", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct ConcreteRequestLine;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for ConcreteRequestLine {}
