use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{CodeBlock, ExampleRole};

/// ## What it does
/// Checks that each part of a method is fenced with the language the template gives it,
/// where docspec reads the part anyway: the request block as ```` ```plaintext ````
/// (not `plain`, `http`, or `shell`), the cURL example as ```` ```shell ```` (not `plaintext`, `console` or
/// `plain`), and a JSON response example as ```` ```json ```` (not `plaintext`, `text` or
/// `plain`). Unlabelled blocks and short aliases (`text`, `bash`, `sh`) are
/// code-block-language's. Response examples that are not JSON (CSV, YAML, a diff, raw
/// text) keep their language.
///
/// ## Why is this bad?
/// The template fences each part with one language: readers get the right highlighting
/// and copy button, and tools (GitLab's docs checks, docspec's JSON rules) find the
/// part. A JSON response in a `plaintext` block is never checked.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ```console
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
///
/// ## Fix safety
/// Only the fence's language word changes; the fix is safe.
#[derive(RuleMeta)]
#[rule(code = "ST009", name = "example-fence-language", category = Structure, severity = Warning, fix = Always, since = "0.2.0")]
pub struct ExampleFenceLanguage;

impl Check for ExampleFenceLanguage {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            for block in &method.request_blocks {
                if let Some(cb) = ctx.page.code_block(block.code_block) {
                    report(
                        ctx,
                        cb,
                        &["plain", "http", "shell", "console"],
                        "plaintext",
                        "the request block",
                        out,
                    );
                }
            }
            for example in &method.examples {
                let Some(cb) = ctx.page.code_block(example.code_block) else {
                    continue;
                };
                match example.role {
                    ExampleRole::Curl => report(
                        ctx,
                        cb,
                        &["plaintext", "console", "plain"],
                        "shell",
                        "the cURL example",
                        out,
                    ),
                    ExampleRole::Response if is_json(ctx, example.code_block) => report(
                        ctx,
                        cb,
                        &["plaintext", "text", "plain"],
                        "json",
                        "the JSON response example",
                        out,
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// Whether a block's content is JSON (as examples are written).
fn is_json(ctx: &LintContext<'_>, code_block: usize) -> bool {
    let Some(cb) = ctx.page.code_block(code_block) else {
        return false;
    };
    let content = cb.content.trim_start();
    (content.starts_with('{') || content.starts_with('[')) && matches!(ctx.json(code_block), Some(Ok(_)))
}

fn report(ctx: &LintContext<'_>, cb: &CodeBlock, wrong: &[&str], right: &str, what: &str, out: &mut Vec<Diagnostic>) {
    let Some(lang) = cb.lang.as_ref().filter(|l| wrong.contains(&l.value.as_str())) else {
        return;
    };
    out.push(
        ctx.report(
            &ExampleFenceLanguage::META,
            lang.range,
            format!("{what} is fenced as `{}`", lang.value),
        )
        .with_help(format!("write ```{right}"))
        .with_fix(Fix::safe(
            format!("Write `{right}`"),
            vec![Edit::replacement(lang.range, right)],
        )),
    );
}
