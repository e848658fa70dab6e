use crate::rules::helpers::{status_codes_link, suggested_success_sentence};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports a method without the success sentence that names its status code:
/// "If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:".
///
/// ## Why is this bad?
/// The status code is part of the contract; the template opens the response
/// description with this sentence so every page states it the same way.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// ```json
/// [{ "id": 1 }]
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// ```json
/// [{ "id": 1 }]
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "ST003", name = "missing-success-sentence", category = Structure, severity = Error, fix = None, since = "0.1.0")]
pub struct MissingSuccessSentence;

impl Check for MissingSuccessSentence {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.page.is_reference() {
            return;
        }
        for method in ctx.template_methods().filter(|m| m.success.is_empty()) {
            let help = match suggested_success_sentence(method, ctx.source.path()) {
                Some(sentence) => format!("add \"{sentence}\""),
                None => format!(
                    "add \"If successful, returns [`<status_code>`]({})\" with the status the endpoint answers",
                    status_codes_link(ctx.source.path())
                ),
            };
            out.push(
                ctx.report(
                    &Self::META,
                    method.title.range,
                    format!("method `{}` does not state its success status", method.title.value),
                )
                .with_help(help),
            );
        }
    }
}
