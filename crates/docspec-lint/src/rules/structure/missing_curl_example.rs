use crate::rules::helpers::has_example;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::ExampleRole;

/// ## What it does
/// Reports a method without a cURL example: a ```` ```shell ```` block with a `curl`
/// command.
///
/// ## Why is this bad?
/// "Every method must have a cURL example." A working command is the fastest way for a
/// reader to try an endpoint, and it shows authentication and encoding in practice.
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
/// ```json
/// [{ "id": 1 }]
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
/// Example request:
///
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST004", name = "missing-curl-example", category = Structure, severity = Error, fix = None, since = "0.1.0")]
pub struct MissingCurlExample;

impl Check for MissingCurlExample {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        for method in ctx.template_methods().filter(|m| !has_example(m, ExampleRole::Curl)) {
            out.push(
                ctx.report(
                    &Self::META,
                    method.title.range,
                    format!("method `{}` has no cURL example", method.title.value),
                )
                .with_help("add `Example request:` and a ```shell block with the curl command"),
            );
        }
    }
}
