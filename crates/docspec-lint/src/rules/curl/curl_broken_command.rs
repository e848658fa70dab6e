use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::{CommandEnd, CurlCommand, Token};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports a cURL command that the shell runs differently from what the example shows,
/// because it is broken across lines the wrong way: a line ends the command while the
/// next line goes on with an option or the URL (the ` \` is missing), or a header or
/// URL value is broken across lines inside its quotes. It also reports a method written
/// where the header belongs (`--header POST "PRIVATE-TOKEN: ..."`).
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
            for gap in missing_continuations(content, command) {
                let at = src(block, gap.at..gap.at);
                // Spaces after the line's last word go too: a `\` followed by a space
                // escapes the space and continues nothing. A line that already ends with
                // such a `\` only loses the spaces.
                let escaped = content[..gap.at].bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1;
                let (title, text) = if escaped {
                    ("Remove the spaces after `\\`", "")
                } else {
                    ("Write ` \\`", " \\")
                };
                let spaces = src(block, gap.at..gap.spaces_end);
                out.push(
                    ctx.report(
                        &Self::META,
                        at,
                        "the next line goes on with the command, but this line does not end with ` \\`",
                    )
                    .with_help("end the line with one space and `\\`")
                    .with_fix(Fix::safe(title, vec![Edit::replacement(spaces, text)])),
                );
                if let Some(url) = gap.broken_url {
                    out.push(
                        ctx.report(
                            &Self::META,
                            src(block, url),
                            "the URL is broken across lines inside its quotes",
                        )
                        .with_help("keep the value on one line, and break the command between options with ` \\`"),
                    );
                }
            }
            for (option, verb) in method_as_header(command) {
                let range = src(block, option.range.clone());
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        format!("`--header {verb}` sends no header: cURL reads the next word as the URL"),
                    )
                    .with_help(format!("write `--request {verb} --header`"))
                    .with_fix(Fix::unsafe_(
                        format!("Write `--request {verb} --header`"),
                        vec![Edit::replacement(range, format!("--request {verb} --header"))],
                    )),
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

/// `--header POST "PRIVATE-TOKEN: ..."`: a method where the header belongs, the header
/// written after it. cURL sends no `POST` header, and takes the header for the URL.
fn method_as_header(command: &CurlCommand) -> Vec<(&docspec_curl::CurlOption, &str)> {
    let header_follows = |option: &docspec_curl::CurlOption| {
        command
            .words
            .iter()
            .find(|w| w.range.start >= option.range.end)
            .is_some_and(|w| w.value.contains(':') && !w.value.contains("://") && !w.value.starts_with('-'))
    };
    command
        .options_named("header")
        .map(|(_, option)| option)
        .filter_map(|option| {
            let verb = option.arg.as_ref()?.value.as_str();
            let is_verb = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(&verb);
            (is_verb && header_follows(option)).then_some((option, verb))
        })
        .collect()
}

/// A line the command goes on after without ` \`.
struct Gap {
    /// Where ` \` belongs: the end of the line before.
    at: usize,
    /// The end of the spaces after `at` (before a `\r`, if any).
    spaces_end: usize,
    /// The next line opens a quoted URL it does not close.
    broken_url: Option<std::ops::Range<usize>>,
}

/// Every place ` \` is missing: the command ends at a newline, and the next line starts
/// with an option or a URL (so does each line after it that goes on the same way, all
/// reported at once so one fix pass repairs the command).
fn missing_continuations(content: &str, command: &CurlCommand) -> Vec<Gap> {
    let mut out = Vec::new();
    if command.end != CommandEnd::Newline {
        return out;
    }
    let end = command.range.end;
    let Some(mut line_end) = content.get(end..).and_then(|rest| rest.find('\n')).map(|i| end + i) else {
        return out;
    };
    while line_end < content.len() {
        let next_start = line_end + 1;
        let next_len = content[next_start..].find('\n').unwrap_or(content.len() - next_start);
        let next = &content[next_start..next_start + next_len];
        let trimmed = next.trim_start();
        if !goes_on(trimmed) {
            break;
        }
        let open_quote = trimmed.starts_with(['"', '\'']) && trimmed[1..].find(&trimmed[..1]).is_none();
        let url_start = next_start + (next.len() - trimmed.len());
        let at = content[..line_end].trim_end().len();
        out.push(Gap {
            at,
            spaces_end: at + content[at..line_end].trim_end_matches('\r').len(),
            broken_url: open_quote.then(|| url_start..next_start + next.trim_end().len()),
        });
        // Lines joined to this one with ` \` belong to it.
        let mut group_end = next_start + next_len;
        while content[..group_end].trim_end().ends_with('\\') && group_end < content.len() {
            let from = group_end + 1;
            group_end = from + content[from..].find('\n').unwrap_or(content.len() - from);
        }
        line_end = group_end;
    }
    out
}

/// A line that can only be the rest of a command: an option or a URL.
fn goes_on(line: &str) -> bool {
    line.starts_with("--")
        || (line.starts_with('-') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        || ["\"http", "'http", "http://", "https://"]
            .iter()
            .any(|p| line.starts_with(p))
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
