use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a JSON example that contradicts the attribute table of its method (a string
/// where the table says `integer`, a value outside the documented values, a missing
/// required attribute). The example is left out of the spec.
///
/// ## Why is this bad?
/// Validators reject a spec whose examples do not match their schemas, and a mock server
/// would serve a response the reference says cannot happen. One of the two is wrong.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// | Attribute | Type    | Description |
/// |-----------|---------|-------------|
/// | `id`      | integer | ID of the widget. |
///
/// Example response:
///
/// ```json
/// {
///   "id": "one"
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// | Attribute | Type    | Description |
/// |-----------|---------|-------------|
/// | `id`      | integer | ID of the widget. |
///
/// Example response:
///
/// ```json
/// {
///   "id": 1
/// }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA006", name = "example-schema-mismatch", category = Openapi, severity = Warning, fix = None, since = "0.1.0")]
pub struct ExampleSchemaMismatch;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for ExampleSchemaMismatch {}
