use super::shape::is_error_body;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};

/// ## What it does
/// Checks that a response attribute table names its attributes as items of an array
/// (`[].name`, `[]._links.self`) only when the response is an array: when the method's
/// JSON response example is a single object, the `[]` notation describes a response
/// the method does not give.
///
/// ## Why is this bad?
/// The style guide writes sub-attributes "with dots (`.`), like `project.name` or
/// `projects[].name` in case of an array". `[].name` says the response is a list; a
/// reader (or a client generated from the docs) then expects a list and gets an object.
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
/// | `[].id`   | integer | ID of the widget. |
///
/// Example response:
///
/// ```json
/// { "id": 1 }
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
/// { "id": 1 }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "RS008", name = "response-array-notation", category = Response, severity = Warning, fix = None, since = "0.2.0")]
pub struct ResponseArrayNotation;

impl Check for ResponseArrayNotation {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            let Some(block) = single_object_example(ctx, method) else {
                continue;
            };
            let rows = method
                .response_tables
                .iter()
                .filter(|t| t.prefix.is_none())
                .flat_map(|t| t.rows.iter())
                .filter_map(|r| r.name.as_ref())
                .filter(|n| n.name.trim_start().starts_with("[]"));
            let Some(first) = rows.clone().next() else { continue };
            let count = rows.count();
            let more = if count > 1 {
                format!(" (and {} more rows)", count - 1)
            } else {
                String::new()
            };
            out.push(
                ctx.report(
                    &Self::META,
                    first.range,
                    format!(
                        "`{}` describes the items of an array, but the example response is one object{more}",
                        first.name
                    ),
                )
                .with_help("drop the leading `[].` from the attribute names, or show an array in the example")
                .with_secondary(Label::with_message(block.range, "a single object")),
            );
        }
    }
}

/// The method's response example, when every success example is one object. An example
/// that does not parse (invalid-json-example reports it) still shows its shape by its
/// first bracket.
fn single_object_example<'c>(
    ctx: &'c LintContext<'_>,
    method: &'c docspec_model::Method,
) -> Option<&'c docspec_model::CodeBlock> {
    let mut first = None;
    for example in method.examples_of(docspec_model::ExampleRole::Response) {
        let block = ctx.page.code_block(example.code_block)?;
        let object = match ctx.json(example.code_block) {
            Some(Ok(shape)) if is_error_body(shape) => continue,
            Some(Ok(shape)) => !shape.root_is_array,
            _ => block.content.trim_start().starts_with('{'),
        };
        if !object {
            return None;
        }
        first.get_or_insert(block);
    }
    first
}
