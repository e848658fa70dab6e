use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use serde::Deserialize;

/// ## What it does
/// Reports a cURL command written on one line longer than 100 characters (the
/// `max-line-length` option) with more than one option, and offers to break it before
/// each option with ` \` and indentation.
///
/// ## Why is this bad?
/// "For legibility, use the `\` character and indentation to break long single-line
/// commands apart into multiple lines." One long line scrolls sideways on the docs site
/// and hides the options that matter.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" --url "https://gitlab.example.com/api/v4/widgets?name=blue"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST \
///   --header "PRIVATE-TOKEN: <your_access_token>" \
///   --url "https://gitlab.example.com/api/v4/widgets?name=blue"
/// ```
/// ````
///
/// ## Fix safety
/// Breaking a command between arguments with ` \` keeps the same command; the fix is safe.
///
/// ## Options
/// `max-line-length`: the longest one-line command accepted (default 100).
#[derive(RuleMeta)]
#[rule(code = "CU014", name = "curl-long-line", category = Curl, severity = Info, fix = Always, since = "0.1.0")]
pub struct CurlLongLine;

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Options {
    #[serde(default = "default_length")]
    max_line_length: usize,
}

fn default_length() -> usize {
    100
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_line_length: default_length(),
        }
    }
}

impl Check for CurlLongLine {
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), crate::OptionError> {
        crate::options::check::<Options>(options)
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let max = ctx.options::<Options>(&Self::META).max_line_length;
        for (block, command) in all_commands(ctx) {
            let input = block.content.as_str();
            let text = command.text(input);
            if !command.continuations.is_empty() || text.contains('\n') || text.chars().count() <= max {
                continue;
            }
            // Break before every option after the first, and before a bare URL.
            let mut starts: Vec<usize> = command.options.iter().skip(1).map(|o| o.range.start).collect();
            starts.extend(command.positionals.iter().map(|p| p.range.start));
            starts.sort_unstable();
            starts.dedup();
            if starts.is_empty() {
                continue;
            }
            let edits = starts
                .iter()
                .filter_map(|&start| {
                    let spaces = input[..start].len() - input[..start].trim_end_matches([' ', '\t']).len();
                    (spaces > 0).then(|| Edit::replacement(src(block, start - spaces..start), " \\\n  "))
                })
                .collect();
            out.push(
                ctx.report(
                    &Self::META,
                    src(block, command.program.range.clone()),
                    format!("the command is {} characters on one line", text.chars().count()),
                )
                .with_help("break it before each option with ` \\` and two spaces of indentation")
                .with_fix(Fix::safe("Break the command into lines", edits)),
            );
        }
    }
}
