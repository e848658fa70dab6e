use crate::rules::helpers::block_after;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{SuccessForm, TextRange};

/// ## What it does
/// Checks the success sentence right before a response table: it ends with "and the
/// following response attributes:", as the template writes it, or names the case it
/// applies to after those words ("... and the following response attributes when you use
/// an external issue tracker:"). A sentence that names another body and ends with a colon
/// ("and a raw diff response to use programmatically:") is accepted. (A sentence that announces attributes with no table
/// after it is missing-response-table's.)
///
/// ## Why is this bad?
/// "If successful, returns [`200 OK`](...) and the following response attributes:"
/// tells readers that the table below describes the response body, not the request.
/// Without it, a response table right after the request table reads as more request
/// attributes. It is information only: the table is there either way.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
///
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
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
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following
/// response attributes:
///
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
/// ````
///
/// ## Fix safety
/// A sentence that ends with a period gets the template's ending in its place: the
/// table it announces is right below it. Other wordings are not fixed.
#[derive(RuleMeta)]
#[rule(code = "SC005", name = "success-sentence-wording", category = Status, severity = Info, fix = Sometimes, since = "0.2.0")]
pub struct SuccessSentenceWording;

const ENDING: &str = "and the following response attributes:";

impl Check for SuccessSentenceWording {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let text = ctx.source.text();
        for method in ctx.template_methods() {
            // Statuses stated in other words are success-sentence-form's.
            for success in method.success.iter().filter(|s| s.form == SuccessForm::Template) {
                let Some(table) = block_after(ctx.page, text, success.range) else {
                    continue;
                };
                if !method.response_tables.iter().any(|t| t.range == table) {
                    continue;
                }
                let written = ctx.text(success.range).trim_end();
                let words = written.split_whitespace().collect::<Vec<_>>().join(" ");
                let lower = words.to_ascii_lowercase();
                // The template's ending, also with the case it applies to ("... response
                // attributes when you use an external issue tracker:"), or another body.
                let announces = lower.contains("the following response attributes") || !lower.contains("attribute");
                if lower.ends_with(':') && announces {
                    continue;
                }
                let end = success.range.start() + written.len();
                let fix = written.ends_with('.').then(|| {
                    Fix::safe(
                        "End with \"and the following response attributes:\"",
                        vec![Edit::replacement(TextRange::new(end - 1, end), format!(" {ENDING}"))],
                    )
                });
                out.push(
                    ctx.report(
                        &Self::META,
                        success.range,
                        "the success sentence before the response table does not announce it",
                    )
                    .with_help(format!("end the sentence with \"{ENDING}\""))
                    .with_fix(fix.flatten()),
                );
            }
        }
    }
}
