use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// ## What it does
/// Reports code blocks written by indenting lines by four spaces instead of fencing
/// them with ```` ``` ````.
///
/// ## Why is this bad?
/// An indented block cannot name its language, so it gets no highlighting and tools
/// cannot tell a request line from a response. It is also easy to make by accident: a
/// paragraph indented one level too deep under a list item becomes code. GitLab's
/// markdownlint configuration allows only fenced blocks (MD046, `code-block-style:
/// fenced`).
///
/// ## Example
/// ````markdown
/// Example request:
///
///     curl --url "https://gitlab.example.com/api/v4/widgets"
/// ````
///
/// Use instead:
/// ````markdown
/// Example request:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG003", name = "indented-code-block", category = Page, severity = Warning, fix = None, since = "0.1.0", markdownlint = "MD046 code-block-style")]
pub struct IndentedCodeBlock;

impl Check for IndentedCodeBlock {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for block in ctx.page.code_blocks.iter().filter(|b| !b.fenced) {
            // Point at the first line of code, without its indentation.
            let text = ctx.text(block.range);
            let first = text.trim_start_matches(['\n', '\r']);
            let line = first.lines().next().unwrap_or("");
            let start = block.range.start() + (text.len() - first.len()) + (line.len() - line.trim_start().len());
            let end = block.range.start() + (text.len() - first.len()) + line.trim_end().len();
            out.push(
                ctx.report(
                    &Self::META,
                    TextRange::new(start, end),
                    "code block is indented instead of fenced",
                )
                .with_help(
                    "put the code between ``` fences with a language, for example ```shell; \
                     if it is meant as text, remove the indentation",
                ),
            );
        }
    }
}
