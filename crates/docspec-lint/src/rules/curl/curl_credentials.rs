use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports cURL examples that authenticate with a user name and password: the `--user`
/// (`-u`) option, or `user:password@` in the URL.
///
/// ## Why is this bad?
/// "Prefer to use examples using the personal access token and don't pass data of username
/// and password." Password authentication teaches an insecure habit and does not work with
/// two-factor authentication.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --user "alex:secret" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU007", name = "curl-credentials", category = Curl, severity = Warning, fix = None, since = "0.1.0")]
pub struct CurlCredentials;

impl Check for CurlCredentials {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in rest_commands(ctx) {
            let input = block.content.as_str();
            for option in command
                .options
                .iter()
                .filter(|o| o.is("user") && !super::single_dash_long(command, o, input))
            {
                out.push(
                    ctx.report(
                        &Self::META,
                        src(block, option.range.clone()),
                        "the example authenticates with `--user`",
                    )
                    .with_help("authenticate with `--header \"PRIVATE-TOKEN: <your_access_token>\"`"),
                );
            }
            for url in command.urls() {
                if url.parsed.userinfo.is_some() {
                    out.push(
                        ctx.report(&Self::META, src(block, url.token.range.clone()), "the URL holds a user name and password")
                            .with_help("remove `user:password@` and authenticate with `--header \"PRIVATE-TOKEN: <your_access_token>\"`"),
                    );
                }
            }
        }
    }
}
