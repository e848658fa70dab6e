use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a response example written in a format other than JSON (XML, YAML, plain
/// text) for a method whose response is JSON, so the example is left out. A method
/// whose page reads its response as a file or raw text (a download, an export, a log)
/// gets the example under its own media type instead: `text/csv` for `csv`,
/// `text/plain` for `plaintext` or `diff`, `application/yaml` for `yaml`.
///
/// ## Why is this bad?
/// The spec says the response is `application/json`; an example in another format would
/// contradict it. If the endpoint really returns another format, the page should say so
/// in its success sentence.
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
