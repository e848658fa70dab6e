use crate::rules::helpers::has_json_body;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports a method whose response has a body but has no response attribute table
/// (`Attribute | Type | Description`) describing it. The body is known as for
/// missing-response-example. A response whose examples hold no object key (an array
/// of strings, a bare value) has no attributes to describe: its sentence is enough. So
/// has a map from names to values (`{"Ruby": 66.69, "Go": 33.31}`): an object whose keys
/// are data, none written like an attribute (`snake_case`), with values of one kind.
///
/// ## Why is this bad?
/// "Every method must have a detailed description of the response body." An example
/// shows one response; the table says what every field means and which type it has.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST006", name = "missing-response-table", category = Structure, severity = Warning, fix = None, since = "0.1.0")]
pub struct MissingResponseTable;

impl Check for MissingResponseTable {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        for method in ctx.template_methods() {
            if has_json_body(method) != Some(true) || !method.response_tables.is_empty() {
                continue;
            }
            // A list of names or a bare value has no attributes for a table to describe.
            let examples = crate::rules::response::shape::success_examples(ctx, method);
            if !examples.is_empty()
                && examples
                    .iter()
                    .all(|(_, shape)| shape.fields.is_empty() || is_map(shape))
            {
                continue;
            }
            out.push(
                ctx.report(
                    &Self::META,
                    method.title.range,
                    format!(
                        "method `{}` does not describe its response attributes",
                        method.title.value
                    ),
                )
                .with_help("after the success sentence, add a table with the header `Attribute | Type | Description`"),
            );
        }
    }
}

/// An object whose keys are data, not attributes ([`docspec_json::is_map`]), with no
/// nesting.
fn is_map(shape: &docspec_json::JsonShape) -> bool {
    let entries: Vec<(&str, &[docspec_json::JsonKind])> = shape
        .fields
        .iter()
        .map(|f| (f.path.as_str(), f.kinds.as_slice()))
        .collect();
    !shape.root_is_array && shape.fields.iter().all(|f| !f.path.contains(['.', '['])) && docspec_json::is_map(&entries)
}

#[cfg(test)]
mod tests {
    use super::is_map;

    #[test]
    fn maps_from_names_to_values() {
        let shape = |text: &str| docspec_json::parse_shape(text).unwrap();
        assert!(is_map(&shape(r#"{"Steel": 66.69, "Copper": 22.98, "Rubber": 10.33}"#)));
        assert!(!is_map(&shape(r#"{"id": 1, "name": "x"}"#)));
        assert!(!is_map(&shape(
            r#"{"Steel": {"share": 66.69}, "Copper": {"share": 22.98}}"#
        )));
        assert!(!is_map(&shape(r#"[{"Steel": 1, "Copper": 2}]"#)));
    }
}
