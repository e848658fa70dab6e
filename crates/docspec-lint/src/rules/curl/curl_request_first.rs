use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Checks that `--request` comes first in a cURL command when the command has it.
///
/// ## Why is this bad?
/// "Always put the request first." Readers look for the method right after `curl`; in a
/// long command a `--request DELETE` at the end is easy to miss before running it.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" --request DELETE \
///   --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request DELETE --header "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
///
/// ## Fix safety
/// cURL reads its options in any order; moving `--request` keeps the command the same.
#[derive(RuleMeta)]
#[rule(code = "CU008", name = "curl-request-first", category = Curl, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct CurlRequestFirst;

impl Check for CurlRequestFirst {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            let Some(first) = command.options.iter().position(|o| o.is("request")) else {
                continue;
            };
            if first == 0 {
                continue;
            }
            let option = &command.options[first];
            let input = block.content.as_str();
            let range = src(block, option.range.clone());
            out.push(
                ctx.report(
                    &Self::META,
                    range,
                    format!("`{}` is not the first option", option.written(input)),
                )
                .with_help("put `--request` right after `curl`")
                .with_fix(move_first(block, command, option, input)),
            );
        }
    }
}

/// Deletes the option (and the space after it, or its whole line when it is alone there)
/// and inserts it after `curl`.
fn move_first(
    block: &docspec_model::CodeBlock,
    command: &docspec_curl::CurlCommand,
    option: &docspec_curl::CurlOption,
    input: &str,
) -> Option<Fix> {
    let text = input.get(option.range.clone())?;
    if text.contains('\n') {
        return None;
    }
    let line_start = input[..option.range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = input[option.range.end..]
        .find('\n')
        .map_or(input.len(), |i| option.range.end + i);
    let before = &input[line_start..option.range.start];
    let after = input[option.range.end..line_end].trim();
    let delete = if before.trim().is_empty() && (after.is_empty() || after == "\\") {
        line_start..(line_end + 1).min(input.len())
    } else {
        let spaces = input[option.range.end..line_end].len() - input[option.range.end..line_end].trim_start().len();
        option.range.start..option.range.end + spaces
    };
    let insert_at = command.program.range.end;
    let deletion = src(block, delete);
    let insertion = src(block, insert_at..insert_at);
    Fix::safe(
        "Move `--request` right after `curl`",
        vec![
            docspec_diagnostics::Edit::insertion(insertion.start(), format!(" {text}")),
            Edit::deletion(TextRange::new(deletion.start(), deletion.end())),
        ],
    )
}
