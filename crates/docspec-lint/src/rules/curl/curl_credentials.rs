use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports cURL examples that authenticate with a user name and password: the `--user`
/// (`-u`) option, or `user:password@` in the URL. A token passed as the password, as a
/// placeholder or variable that names it (`--user "oauth2:<your_access_token>"`,
/// `gitlab-ci-token:${CI_JOB_TOKEN}@`), is token authentication and is not reported.
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
                .filter(|o| !o.arg.as_ref().is_some_and(|a| secret_is_token(&a.value)))
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
                if url.parsed.userinfo.as_deref().is_some_and(|u| !secret_is_token(u)) {
                    out.push(
                        ctx.report(&Self::META, src(block, url.token.range.clone()), "the URL holds a user name and password")
                            .with_help("remove `user:password@` and authenticate with `--header \"PRIVATE-TOKEN: <your_access_token>\"`"),
                    );
                }
            }
        }
    }
}

/// Whether `user:secret` passes a token, not a password: a placeholder or variable that
/// names one (`oauth2:<your_access_token>`, `gitlab-ci-token:${CI_JOB_TOKEN}`). GitLab
/// accepts tokens as the password of HTTP basic authentication.
fn secret_is_token(credentials: &str) -> bool {
    let Some((_, secret)) = credentials.split_once(':') else {
        return false;
    };
    let secret = secret.trim();
    let stand_in = secret.starts_with('$') || (secret.starts_with('<') && secret.ends_with('>'));
    stand_in && secret.to_ascii_lowercase().contains("token")
}

#[cfg(test)]
mod tests {
    use super::secret_is_token;

    #[test]
    fn tokens_as_passwords() {
        assert!(secret_is_token("oauth2:<your_access_token>"));
        assert!(secret_is_token("gitlab-ci-token:${CI_JOB_TOKEN}"));
        assert!(secret_is_token("<username>:<deploy_token>"));
        assert!(!secret_is_token("alex:secret"));
        assert!(!secret_is_token("<username>:<password>"));
        assert!(!secret_is_token("root"));
        // A literal word is a password, whatever it says.
        assert!(!secret_is_token("alex:mytoken"));
    }
}
