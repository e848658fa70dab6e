use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::{CommandEnd, CurlCommand, Token};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports a cURL command that the shell runs differently from what the example shows,
/// because it is broken across lines the wrong way: a line ends the command while the
/// next line goes on with an option or the URL (the ` \` is missing), or a header or
/// URL value is broken across lines inside its quotes.
///
/// ## Why is this bad?
/// "Use the `\` character and indentation to break long single-line commands apart
/// into multiple lines." Without the backslash the shell runs the first line alone (with
/// no URL, or without the headers that follow) and then fails on the next; a line break
/// inside a quoted header sends a broken header.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>"
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// Appending ` \` joins the line that goes on with the command, which is what the
/// example shows; the fix is safe. A value broken inside quotes has no fix.
#[derive(RuleMeta)]
#[rule(code = "CU019", name = "curl-broken-command", category = Curl, severity = Error, fix = Sometimes, since = "0.2.0")]
pub struct CurlBrokenCommand;

impl Check for CurlBrokenCommand {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            let content = block.content.as_str();
            if let Some(at) = missing_continuation(content, command) {
                let at = src(block, at..at);
                out.push(
                    ctx.report(
                        &Self::META,
                        at,
                        "the next line goes on with the command, but this line does not end with ` \\`",
                    )
                    .with_help("end the line with one space and `\\`")
                    .with_fix(Fix::safe("Write ` \\`", vec![Edit::insertion(at.start(), " \\")])),
                );
            }
            for (token, what) in broken_values(command) {
                out.push(
                    ctx.report(
                        &Self::META,
                        src(block, token.range.clone()),
                        format!("the {what} is broken across lines inside its quotes"),
                    )
                    .with_help("keep the value on one line, and break the command between options with ` \\`"),
                );
            }
        }
    }
}

/// Where ` \` is missing: the end of the command's last line, when the command ends
/// at a newline and the next line starts with an option or a URL.
fn missing_continuation(content: &str, command: &CurlCommand) -> Option<usize> {
    if command.end != CommandEnd::Newline {
        return None;
    }
    let end = command.range.end;
    let line_end = end + content.get(end..)?.find('\n')?;
    let next = content[line_end + 1..].lines().next()?.trim_start();
    let goes_on = next.starts_with("--")
        || (next.starts_with('-') && next[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        || ["\"http", "'http", "http://", "https://"]
            .iter()
            .any(|p| next.starts_with(p));
    goes_on.then(|| content[..line_end].trim_end().len())
}

/// Header and URL values that hold a line break inside their quotes.
fn broken_values(command: &CurlCommand) -> Vec<(&Token, &'static str)> {
    let mut out = Vec::new();
    for option in &command.options {
        let what = if option.is("header") {
            "header"
        } else if option.is("url") {
            "URL"
        } else {
            continue;
        };
        if let Some(arg) = option.arg.as_ref().filter(|a| a.value.contains('\n')) {
            out.push((arg, what));
        }
    }
    for token in command.positionals.iter().filter(|t| t.value.contains('\n')) {
        out.push((token, "URL"));
    }
    out
}
