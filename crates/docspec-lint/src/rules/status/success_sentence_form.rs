use crate::rules::helpers::has_json_body;
use crate::rules::helpers::status_codes_link;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::SuccessForm;

/// ## What it does
/// Reports a method that states its success status in other words than the template's
/// sentence ("Returns `200` if the request succeeds.", a list item "`201 Created` if the
/// license is added."), and gives the template's sentence with the status it states. A
/// method that states no status at all is missing-success-sentence's.
///
/// ## Why is this bad?
/// "Start the description with the following sentence, replacing `status code` with the
/// relevant HTTP status code": one sentence, with the status linked to the status-codes
/// table, on every method lets readers find the status and tools read it.
///
/// ## Example
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// Returns `204` if the request succeeds.
/// ````
///
/// Use instead:
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// If successful, returns [`204 No Content`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "SC006", name = "success-sentence-form", category = Status, severity = Warning, fix = None, since = "0.2.0")]
pub struct SuccessSentenceForm;

impl Check for SuccessSentenceForm {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let link = status_codes_link(ctx.source.path());
        for method in ctx.template_methods() {
            if method.success.iter().any(|s| s.form == SuccessForm::Template) {
                continue;
            }
            let Some(stated) = method.success.first() else { continue };
            // The code's own reason phrase: `201 OK` as written is `201 Created` in the help.
            let Some(code) = stated.code else { continue };
            let status = match crate::vocabulary::status_reason(code).or(stated.reason.as_deref()) {
                Some(reason) => format!("{code} {reason}"),
                None => code.to_string(),
            };
            // A method that answers with a JSON body owes a response table (ST006) too.
            let tail = if method.response_tables.is_empty() && has_json_body(method) != Some(true) {
                "."
            } else {
                " and the following response attributes:"
            };
            out.push(
                ctx.report(
                    &Self::META,
                    stated.range,
                    "the success status is stated, but not with the template's sentence",
                )
                .with_help(format!("write \"If successful, returns [`{status}`]({link}){tail}\"")),
            );
        }
    }
}
