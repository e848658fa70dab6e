use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::Quoting;
use docspec_diagnostics::{Diagnostic, Edit, Fix};

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
/// shell reads the same URL inside double quotes.
#[derive(RuleMeta)]
#[rule(code = "CU002", name = "curl-url-quoting", category = Curl, severity = Error, fix = Sometimes, since = "0.1.0")]
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
