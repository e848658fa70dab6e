use crate::rules::helpers::{has_example, has_json_body};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::ExampleRole;

/// ## What it does
/// Reports a method whose response has a body but that shows no response example
/// (a ```` ```json ```` block, or any block introduced as the example response). The
/// body is known from the success sentence, or from the verb: `GET` has one, `DELETE`
/// none; a `POST` or `PUT` without a success sentence is left to
/// missing-success-sentence. Methods answering `204 No Content` (or a `DELETE` without a success
/// sentence) need none.
///
/// ## Why is this bad?
/// "Every method must have a response body example (in JSON format)." Readers check
/// field names and nesting against the example far more than against prose.
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// Example response:
///
/// ```json
/// [{ "id": 1 }]
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST005", name = "missing-response-example", category = Structure, severity = Error, fix = None, since = "0.1.0")]
pub struct MissingResponseExample;

impl Check for MissingResponseExample {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        for method in ctx.template_methods() {
            if has_json_body(method) != Some(true) || has_example(method, ExampleRole::Response) {
                continue;
            }
            out.push(
                ctx.report(
                    &Self::META,
                    method.title.range,
                    format!("method `{}` has no response example", method.title.value),
                )
                .with_help("add `Example response:` and a ```json block with the response body"),
            );
        }
    }
}
