use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Parses the JSON a cURL example sends (`--data '{...}'`, `--json`) and reports the first
/// syntax error at its position inside the command. A bare `<placeholder>` where a value
/// goes (`"access_level": <access_level>`) is a value the reader fills in, not an error.
///
/// ## Why is this bad?
/// A body that is not JSON fails with `400 Bad Request` when readers run the example, and
/// the error points nowhere near the missing comma.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST --header "Content-Type: application/json" \
///   --data '{"name": "x" "color": "blue"}' \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST --header "Content-Type: application/json" \
///   --data '{"name": "x", "color": "blue"}' \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU012", name = "curl-invalid-json-data", category = Curl, severity = Error, fix = None, since = "0.1.0")]
pub struct CurlInvalidJsonData;

impl Check for CurlInvalidJsonData {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            for error in &command.body_keys().json_errors {
                // The character there, which need not be one byte.
                let at = docspec_model::TextRange::char_at(&block.content, error.source_offset);
                out.push(
                    ctx.report(
                        &Self::META,
                        src(block, at.start()..at.end()),
                        format!("the JSON body does not parse: {}", error.message),
                    )
                    .with_label("here")
                    .with_help("fix the JSON; keep it in single quotes so the shell leaves its double quotes alone"),
                );
            }
        }
    }
}
