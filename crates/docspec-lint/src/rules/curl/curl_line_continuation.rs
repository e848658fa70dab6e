use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks how multi-line cURL commands continue: each broken line ends with a space and
/// a backslash (` \`), and the next line is indented. More than one space before the
/// backslash is left alone: the guide asks for `\` and indentation, and the command is
/// the same. A command the shell would cut
/// short (the ` \` missing altogether) is curl-broken-command's.
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
            for c in &command.continuations {
                // Inside a quoted word (`"a  \` then `b"`) the spaces before the `\` and at
                // the next line's start are part of the word's value, not layout. (A glued
                // `POST\` then `--url` is reported: that is the mistake this rule is for.)
                let inside_word = std::iter::once(&command.program)
                    .chain(&command.words)
                    .any(|w| w.is_quoted() && w.range.start < c.backslash && c.backslash < w.range.end);
                if inside_word {
                    continue;
                }
                // Extra spaces before ` \` change nothing in the command: only none is a finding.
                if c.spaces_before == 0 {
                    let spaces = src(block, c.backslash..c.backslash);
                    let at = src(block, c.backslash..c.backslash + 1);
                    out.push(
                        ctx.report(&Self::META, at, "no space before the line-continuation `\\`")
                            .with_help("end the line with one space and `\\`")
                            .with_fix(Fix::safe("Write ` \\`", vec![Edit::replacement(spaces, " ")])),
                    );
                }
                // A `\` on the block's last line continues onto no line of the block: the
                // line after it in the page is outside the block, and indenting it there would
                // pull it into the block (inside a list item) one line per fix pass.
                if c.indent == 0 && c.next_line < block.content.len() {
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
