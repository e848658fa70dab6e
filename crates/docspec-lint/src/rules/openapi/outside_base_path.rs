use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a request line under another API's root (`/api/graphql`) or a full URL of
/// another service. It is left out of the spec, whose servers are the REST API's.
///
/// ## Why is this bad?
/// Every path of the spec is relative to its server (`https://gitlab.example.com/api/v4`).
/// A path of another service would be published as a REST endpoint that does not
/// exist.
///
/// ## Example
/// ````markdown
/// ## Run a query
///
/// ```plaintext
/// POST /api/graphql
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /api/v4/widgets/:id
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA003", name = "outside-base-path", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct OutsideBasePath;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for OutsideBasePath {}
