use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::Quoting;
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Checks that the URL of a cURL command is wrapped in double quotes.
///
/// ## Why is this bad?
/// "Wrap the URL in double quotes." Unquoted, a `&` or `?` in the query is read by the
/// shell (running the command in the background, or globbing); single quotes stop
/// `$VARIABLES` from expanding. GitLab's Vale rule `CommandStringsQuoted` rejects both.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --url 'https://gitlab.example.com/api/v4/widgets'
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
/// Quotes are changed only when the URL holds no `"`, `$`, `` ` `` or `\`, so that the
/// shell reads the same URL inside double quotes. An unquoted URL that goes on after `&`
/// or a `<placeholder>` is quoted whole, up to the next space; that fix is unsafe, as
/// the shell read the command differently before it.
#[derive(RuleMeta)]
#[rule(code = "CU002", name = "curl-url-quoting", category = Curl, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_base.CommandStringsQuoted")]
pub struct CurlUrlQuoting;

impl Check for CurlUrlQuoting {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            for url in command.urls() {
                let token = url.token;
                if token.quoting == Quoting::Double {
                    continue;
                }
                let range = src(block, token.range.clone());
                if token.quoting == Quoting::None {
                    if let Some(cut) = cut_at_operator(ctx, range) {
                        out.push(cut);
                        continue;
                    }
                }
                let plain = !token.value.contains(['"', '$', '`', '\\']);
                let how = match token.quoting {
                    Quoting::Single => "single quotes",
                    Quoting::None => "no quotes",
                    _ => "mixed quoting",
                };
                let fix = (plain && token.quoting != Quoting::Mixed)
                    .then(|| {
                        Fix::safe(
                            "Wrap the URL in double quotes",
                            vec![Edit::replacement(range, format!("\"{}\"", token.value))],
                        )
                    })
                    .flatten();
                out.push(
                    ctx.report(&Self::META, range, format!("the URL is written with {how}"))
                        .with_help(format!("write \"{}\"", token.value))
                        .with_fix(fix),
                );
            }
        }
    }
}

/// An unquoted URL that goes on after a shell operator: a query after `&` (the shell ends
/// the URL there and runs the command in the background), or a placeholder such as
/// `<project_id>` (the shell reads `<` as a redirection). The whole word up to the next
/// space is the URL, and is quoted.
fn cut_at_operator(ctx: &LintContext<'_>, range: TextRange) -> Option<Diagnostic> {
    let rest = ctx.source.text().get(range.end()..)?;
    let tail_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let tail = &rest[..tail_len];
    // The URL token already holds a `<placeholder>`, which docspec reads as the writer
    // means it; the shell does not.
    let operator = if ctx.text(range).contains('<') {
        '<'
    } else {
        let operator = tail.chars().next().filter(|c| matches!(c, '&' | '<'))?;
        if tail.len() < 2 || tail[1..].starts_with(operator) {
            return None;
        }
        operator
    };
    let whole = TextRange::new(range.start(), range.end() + tail_len);
    let url = ctx.text(whole);
    let fix = (!url.contains(['"', '$', '`', '\\', '\''])).then(|| {
        Fix::unsafe_(
            "Wrap the whole URL in double quotes",
            vec![Edit::replacement(whole, format!("\"{url}\""))],
        )
    });
    Some(
        ctx.report(
            &CurlUrlQuoting::META,
            whole,
            format!("the URL is written with no quotes, so the shell ends it at `{operator}`"),
        )
        .with_help(format!("write \"{url}\""))
        .with_fix(fix.flatten()),
    )
}
