use crate::rules::helpers::{creates, single_verb};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};

/// ## What it does
/// Checks that the documented success status fits the method: `GET`, `PUT` and `PATCH`
/// answer `200 OK`; `DELETE` answers `204 No Content` or `202 Accepted` (or `200 OK` with a
/// body); a `POST` that creates something (its title starts with Create, Add or New)
/// answers `201 Created`.
///
/// ## Why is this bad?
/// These are the API's conventions (its status-codes page); a `GET` documented as `201`
/// or a `DELETE` as `201` is usually a copy-paste from another method. It is a warning:
/// endpoints that really differ exist.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// If successful, returns [`201 Created`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "SC004", name = "status-verb", category = Status, severity = Warning, fix = None, since = "0.1.0")]
pub struct StatusVerb;

impl Check for StatusVerb {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.rest_methods() {
            let Some(success) = method.success.first() else {
                continue;
            };
            let (Some(code), Some(text)) = (success.code, &success.status_text) else {
                continue;
            };
            let Some(verb) = single_verb(method) else { continue };
            let creates = creates(method);
            let expected: &[u16] = match verb.as_str() {
                "GET" | "PUT" | "PATCH" => &[200],
                "DELETE" => &[204, 202, 200],
                "POST" if creates => &[201],
                _ => continue,
            };
            if code >= 300 || expected.contains(&code) {
                continue;
            }
            let want = expected
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            let line = method.request_lines().next().map(|l| l.verb.range);
            let mut d = ctx
                .report(
                    &Self::META,
                    text.range,
                    format!("`{verb}` is documented to answer `{code}`; the API's convention is {want}"),
                )
                .with_help("check the status the endpoint really answers");
            if let Some(range) = line {
                d = d.with_secondary(Label::with_message(range, "the method"));
            }
            out.push(d);
        }
    }
}
