use crate::rules::helpers::{creates, deferred, single_verb};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};

/// ## What it does
/// Checks that the documented success status fits the method: `GET` answers `200 OK`;
/// `PUT` and `PATCH` answer `200 OK`, or `204 No Content` or `202 Accepted` when they
/// return nothing or accept work done later, and a `PUT` that creates (`Create or update
/// a tag`, or one that stores a file: `Upload a package file`, `Publish a chart`,
/// `Import a file`) may answer `201 Created`; `DELETE` answers `204 No Content` or `202 Accepted`
/// (or `200 OK` with a body); a `POST` that creates something (its title starts with
/// Create, Add or New) answers `201 Created`. A `GET` whose text says its work is done
/// later ("executed asynchronously", "scheduled for deletion") may answer `202 Accepted`.
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

/// The success statuses the API's conventions give a verb (upper case), the most usual
/// first, from whether a `POST` or `PUT` creates something and whether the method's text
/// says its work is done later ([`crate::vocabulary::says_deferred`]: then `GET`, `PUT`,
/// `PATCH` and `DELETE` answer `202 Accepted` first); `None` when they leave it open (a
/// `POST` action).
pub fn conventional_statuses(verb: &str, creates: bool, deferred: bool) -> Option<&'static [u16]> {
    Some(match verb {
        "GET" if deferred => &[202, 200],
        "GET" => &[200],
        "PUT" if creates && deferred => &[202, 200, 201, 204],
        // A `PUT` that creates ("Create or update a tag") answers `201` when it does.
        "PUT" if creates => &[200, 201, 204, 202],
        "PUT" | "PATCH" if deferred => &[202, 200, 204],
        // An update may answer without a body, or accept work it does later.
        "PUT" | "PATCH" => &[200, 204, 202],
        "DELETE" if deferred => &[202, 204, 200],
        // `200 OK` when the deleted object comes back.
        "DELETE" => &[204, 200, 202],
        "POST" if creates => &[201],
        _ => return None,
    })
}

impl Check for StatusVerb {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.rest_methods() {
            let Some(success) = method.success_statement() else {
                continue;
            };
            let (Some(code), Some(text)) = (success.code, &success.status_text) else {
                continue;
            };
            let Some(verb) = single_verb(method) else { continue };
            let creates = creates(method) || (verb == "PUT" && stores_a_file(method));
            let Some(expected) = conventional_statuses(&verb, creates, deferred(method)) else {
                continue;
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

/// A title that stores a file at the path (`Upload a package file`, `Publish a chart`):
/// such a `PUT` creates it.
fn stores_a_file(method: &docspec_model::Method) -> bool {
    let title = method.title.value.trim_start().to_ascii_lowercase();
    let first = title.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    matches!(first, "upload" | "publish" | "import")
}
