use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks how multi-line cURL commands continue: each broken line ends with a space and
/// a backslash (` \`), and the next line is indented. A line that ends the command
/// while the next line goes on with an option or the URL (the ` \` is missing), and a
/// header or URL broken across lines inside its quotes, are reported too: the shell
/// runs them as something else than what the example shows.
///
/// ## Why is this bad?
/// "Use the `\` character and indentation to break long single-line commands apart." A
/// missing space glues two arguments together (`"..."\` then `--url` becomes one word in
/// some shells' copy-paste), and unindented continuation lines read like new commands.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST\
/// --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST \
///   --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// Spaces before a backslash-newline and at the start of a continuation line do not change
/// the command; the fix is safe.
#[derive(RuleMeta)]
#[rule(code = "CU013", name = "curl-line-continuation", category = Curl, severity = Warning, fix = Always, since = "0.1.0")]
pub struct CurlLineContinuation;

impl Check for CurlLineContinuation {
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
            for c in &command.continuations {
                if !c.single_space_before() {
                    let spaces = src(block, c.backslash - c.spaces_before..c.backslash);
                    let at = src(block, c.backslash..c.backslash + 1);
                    let message = if c.spaces_before == 0 {
                        "no space before the line-continuation `\\`"
                    } else {
                        "more than one space before the line-continuation `\\`"
                    };
                    out.push(
                        ctx.report(&Self::META, at, message)
                            .with_help("end the line with one space and `\\`")
                            .with_fix(Fix::safe("Write ` \\`", vec![Edit::replacement(spaces, " ")])),
                    );
                }
                if c.indent == 0 {
                    let at = src(block, c.next_line..c.next_line);
                    out.push(
                        ctx.report(&Self::META, at, "the continuation line is not indented")
                            .with_help("indent continuation lines by two spaces")
                            .with_fix(Fix::safe("Indent the line", vec![Edit::insertion(at.start(), "  ")])),
                    );
                }
            }
        }
    }
}

/// Where ` \` is missing: the end of the command's last line, when the command ends
/// at a newline and the next line starts with an option or a URL.
fn missing_continuation(content: &str, command: &docspec_curl::CurlCommand) -> Option<usize> {
    if command.end != docspec_curl::CommandEnd::Newline {
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
fn broken_values(command: &docspec_curl::CurlCommand) -> Vec<(&docspec_curl::Token, &'static str)> {
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
