use crate::vocabulary::STATUS_CODES;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::SuccessForm;

/// ## What it does
/// Checks that the success sentence names a status code that the API documents on its
/// status-codes page (`200`, `201`, `202`, `204`, `301`, `304`, `400`, `401`, `403`,
/// `404`, `405`, `409`, `412`, `422`, `429`, `500`, `503`), and that it names one at all.
///
/// ## Why is this bad?
/// The success sentence links to the status-codes table; a code that is not there (a typo
/// like `2001`, or `206` the API never sends) sends readers to a page that does not
/// explain it.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`209 Done`](rest/troubleshooting.md#status-codes).
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "SC001", name = "unknown-status-code", category = Status, severity = Error, fix = None, since = "0.1.0")]
pub struct UnknownStatusCode;

impl Check for UnknownStatusCode {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for success in ctx
            .page
            .methods()
            .flat_map(|m| m.success.iter())
            .filter(|s| s.form == SuccessForm::Template)
        {
            match (success.code, &success.status_text) {
                (Some(code), Some(text)) if !STATUS_CODES.iter().any(|(c, _)| *c == code) => out.push(
                    ctx.report(
                        &Self::META,
                        text.range,
                        format!("status `{code}` is not a status the API documents"),
                    )
                    .with_help(
                        "use a code from `rest/troubleshooting.md#status-codes`, such as `200 OK` or `201 Created`",
                    ),
                ),
                (None, _) => out.push(
                    ctx.report(&Self::META, success.range, "the success sentence names no status code")
                        .with_help("write \"If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes)\""),
                ),
                _ => {}
            }
        }
    }
}
