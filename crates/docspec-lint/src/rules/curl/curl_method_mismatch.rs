use super::{method_commands, path_matches, relative_path, src, url_path};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};

/// ## What it does
/// Checks that the method a cURL example sends (its `--request`, or `POST` when it sends
/// data, `GET` otherwise) is the method of the request line whose path the example calls.
///
/// ## Why is this bad?
/// An example that sends `GET` for a `DELETE` method does something else than the page
/// says; readers copying it get a list instead of a deletion, or the other way around.
///
/// ## Example
/// ````markdown
/// ## Delete a widget
///
/// ```plaintext
/// DELETE /widgets/:id
/// ```
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
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
/// ```shell
/// curl --request DELETE --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU009", name = "curl-method-mismatch", category = Curl, severity = Error, fix = None, since = "0.1.0")]
pub struct CurlMethodMismatch;

impl Check for CurlMethodMismatch {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (method, block, command) in method_commands(ctx) {
            let Some(url) = command.url() else { continue };
            let path = url_path(ctx, url.parsed);
            let matching: Vec<_> = method
                .request_lines()
                .filter(|l| path_matches(relative_path(ctx, &l.path.value), path))
                .collect();
            if matching.is_empty() {
                continue;
            }
            let sent = command.method();
            // HEAD is GET without the body: an example may ask only for the headers.
            let same = |verb: &str| {
                verb.eq_ignore_ascii_case(&sent.name) || (sent.name == "HEAD" && verb.eq_ignore_ascii_case("GET"))
            };
            if matching.iter().any(|l| same(&l.verb.value)) {
                continue;
            }
            let expected = &matching[0].verb.value;
            let at = match sent.option().and_then(|i| command.options.get(i)) {
                Some(option) => src(block, option.range.clone()),
                None => src(block, command.program.range.clone()),
            };
            let how = match sent.source {
                docspec_curl::MethodSource::Request(_) => "",
                docspec_curl::MethodSource::Head => " (implied by `--head`)",
                docspec_curl::MethodSource::Get => " (implied by `--get`)",
                docspec_curl::MethodSource::Body => " (implied by the data it sends)",
                docspec_curl::MethodSource::Upload => " (implied by `--upload-file`)",
                _ => " (cURL's default)",
            };
            let help = if expected == "GET" {
                "remove `--request`, or document the method the example sends".to_string()
            } else {
                format!("add `--request {expected}` right after `curl`")
            };
            out.push(
                ctx.report(
                    &Self::META,
                    at,
                    format!(
                        "the example sends `{}`{how}, the request line is `{expected}`",
                        sent.name
                    ),
                )
                .with_secondary(Label::with_message(matching[0].verb.range, "documented method"))
                .with_help(help),
            );
        }
    }
}
