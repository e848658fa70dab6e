use crate::{Check, RuleMeta};

/// ## What it does
/// Reports a Type word the OpenAPI emitter does not know. The attribute's schema is
/// left open (any value) and keeps the word in `x-docspec-type`.
///
/// ## Why is this bad?
/// Generated clients type an open schema as "anything", which loses what the docs
/// meant. Use the style guide's type words (`string`, `integer`, `boolean`, `array`,
/// `hash`, `datetime` ...) or add the word to `types:` in `.docspec.yml`.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type   | Required | Description |
/// |-----------|--------|----------|-------------|
/// | `id`      | widget | Yes      | ID of the widget. |
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
/// | Attribute | Type    | Required | Description |
/// |-----------|---------|----------|-------------|
/// | `id`      | integer | Yes      | ID of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "OA010", name = "unmapped-type", category = Openapi, severity = Info, fix = None, since = "0.1.0")]
pub struct UnmappedType;

/// Reported by `docspec openapi` and `docspec build`.
impl Check for UnmappedType {}
