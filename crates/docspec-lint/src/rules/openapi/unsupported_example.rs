use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a response example written in a format other than JSON (XML, YAML, plain
/// text) for a method whose response is JSON (it has a response attribute table), so
/// the example is left out. A method whose response the page reads as a file or raw
/// text (a download, an export, a log, with no attribute table) gets its example under
/// its own media type instead: `text/csv` for `csv`, `text/plain` for `plaintext` or
/// `diff`, `application/yaml` for `yaml`, `application/xml` for `xml`.
///
/// ## Why is this bad?
/// The spec says the response is `application/json`; an example in another format would
/// contradict it. If the endpoint really returns another format, the page should say so
/// in its success sentence and not describe JSON attributes.
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
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
///
/// Example response:
///
/// ```xml
/// <widget><id>1</id></widget>
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
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
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
#[rule(code = "OA008", name = "unsupported-example", category = Openapi, severity = Info, fix = None, since = "0.1.0")]
pub struct UnsupportedExample;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for UnsupportedExample {}
