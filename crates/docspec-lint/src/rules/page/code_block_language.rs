use super::raw::first_line;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// Language words GitLab does not accept on a fence, and the word to use instead.
pub const ALIASES: &[(&str, &str)] = &[
    ("yml", "yaml"),
    ("rb", "ruby"),
    ("text", "plaintext"),
    ("md", "markdown"),
    ("bash", "shell"),
    ("sh", "shell"),
    ("js", "javascript"),
    ("golang", "go"),
    ("py", "python"),
    ("docker", "dockerfile"),
    ("ts", "typescript"),
    ("irb", "ruby"),
];

/// ## What it does
/// Checks that every fenced code block names its language, and that the language is
/// not one of the short aliases GitLab's docs do not accept (`yml`, `rb`, `text`, `md`,
/// `bash`, `sh`, `js`, `golang`, `py`, `docker`, `ts`, `irb`).
///
/// ## Why is this bad?
/// The language drives syntax highlighting and tells readers and tools what the block
/// holds: docspec itself reads `plaintext` blocks as request lines, `shell` blocks as
/// cURL examples and `json` blocks as responses. GitLab's markdownlint configuration
/// requires a language on every fence (MD040), and its `CodeblockFences` Vale rule
/// fails the aliases so that each language has one name across the docs.
///
/// ## Example
/// ````markdown
/// ```sh
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// Replacing an alias with its full name (`sh` with `shell`, `yml` with `yaml`) is
/// safe: both name the same language. A fence without a language is not fixed, since
/// only the writer knows what the block holds.
#[derive(RuleMeta)]
#[rule(code = "PG002", name = "code-block-language", category = Page, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_base.CodeblockFences")]
pub struct CodeBlockLanguage;

impl Check for CodeBlockLanguage {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for block in ctx.page.code_blocks.iter().filter(|b| b.fenced) {
            let Some(lang) = &block.lang else {
                out.push(
                    ctx.report(
                        &Self::META,
                        first_line(ctx.source, block.range),
                        "code block has no language",
                    )
                    .with_help(
                        "name the language after the fence: `plaintext` for request lines and other text, \
                             `shell` for commands, `json`, `yaml`",
                    ),
                );
                continue;
            };
            let Some((alias, canonical)) = ALIASES.iter().find(|(alias, _)| *alias == lang.value) else {
                continue;
            };
            let fix = (ctx.text(lang.range) == *alias).then(|| {
                Fix::safe(
                    format!("Write `{canonical}`"),
                    vec![Edit::replacement(lang.range, *canonical)],
                )
            });
            out.push(
                ctx.report(
                    &Self::META,
                    lang.range,
                    format!("code block language `{alias}` is an alias"),
                )
                .with_help(format!("write `{canonical}`"))
                .with_fix(fix.flatten()),
            );
        }
    }
}
