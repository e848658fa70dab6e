use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a JSON response or request-body example that does not parse, even read
/// leniently (`...` elisions, trailing commas and `//` notes are accepted). The example is
/// left out of the spec.
///
/// ## Why is this bad?
/// Portals show the spec's examples and mock servers return them. An example that is not
/// JSON cannot be published, so the operation loses its example.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// Example response:
///
/// ```json
/// {
///   "id": 1
///   "name": "Widget"
/// }
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
/// Example response:
///
/// ```json
/// {
///   "id": 1,
///   "name": "Widget"
/// }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA005", name = "unparseable-json-example", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct UnparseableJsonExample;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for UnparseableJsonExample {}
