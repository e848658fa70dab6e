use crate::vocabulary::status_reason;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::SuccessForm;

/// ## What it does
/// Checks that the status in the success sentence is written with its reason phrase, the
/// one the status-codes table gives: `200 OK`, `201 Created`, `204 No Content`.
///
/// ## Why is this bad?
/// A bare `200`, or `200 Created`, reads as a different status than the table's; the
/// template writes code and reason together.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`201`](rest/troubleshooting.md#status-codes).
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
/// If successful, returns [`201 Created`](rest/troubleshooting.md#status-codes).
/// ````
///
/// ## Fix safety
/// The code stays; only the reason phrase is written as the table writes it.
#[derive(RuleMeta)]
#[rule(code = "SC002", name = "status-reason", category = Status, severity = Warning, fix = Always, since = "0.1.0")]
pub struct StatusReason;

impl Check for StatusReason {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for success in ctx
            .page
            .methods()
            .flat_map(|m| m.success.iter())
            .filter(|s| s.form == SuccessForm::Template)
        {
            let (Some(code), Some(text)) = (success.code, &success.status_text) else {
                continue;
            };
            let Some(reason) = status_reason(code) else { continue };
            if success.reason.as_deref() == Some(reason) {
                continue;
            }
            let expected = format!("{code} {reason}");
            // The status text sits inside a code span: replace what is between the backticks.
            let written = ctx.text(text.range);
            let inner = if written.starts_with('`') && written.ends_with('`') && written.len() >= 2 {
                text.range.sub(1, written.len() - 1)
            } else {
                text.range
            };
            let message = match &success.reason {
                Some(_) => format!("`{}` is not written `{expected}`", text.value),
                None => format!("`{code}` has no reason phrase"),
            };
            out.push(
                ctx.report(&Self::META, text.range, message)
                    .with_help(format!("write `{expected}`"))
                    .with_fix(Fix::safe(
                        format!("Write `{expected}`"),
                        vec![Edit::replacement(inner, expected.clone())],
                    )),
            );
        }
    }
}
