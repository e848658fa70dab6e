use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports tokens in cURL examples written in the format of real GitLab tokens: a
/// GitLab token prefix (`glpat-`, `glptt-`, `gldt-`, `glrt-`, `glcbt-`, `glsoat-`,
/// `gloas-`, `glft-`, `glimt-`) followed by the token's random part, anywhere in the
/// command. The fix writes a placeholder that fits the kind of token:
/// `<your_access_token>` (the `api.token_placeholder` setting) for a personal access
/// token, `<your_trigger_token>` for a pipeline trigger token, and so on.
///
/// Random strings without a prefix are not reported: the style guide's own fake tokens
/// (a trigger token such as `be20d8dcc028677c931e04f3871a9b`, a runner token such as
/// `yrnZW46BrtBFqM7xDzE7dddd`) have that shape, so it cannot tell a real token from a
/// fake one. curl-token-placeholder asks for the placeholder in `PRIVATE-TOKEN` headers.
///
/// ## Why is this bad?
/// "Do not use information for real users, URLs, or tokens." A token pasted from a
/// terminal into docs is leaked to everyone who reads them, and secret scanners flag the
/// page.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: glpat-Ab12Cd34Ef56Gh78Ij90" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" --url "https://gitlab.example.com/api/v4/widgets"
/// ```
/// ````
///
/// ## Fix safety
/// Replacing a secret by a placeholder is what the docs need either way; the fix is
/// safe. Revoke the leaked token as well: the fix does not remove it from history.
#[derive(RuleMeta)]
#[rule(code = "CU006", name = "curl-real-token", category = Curl, severity = Error, fix = Always, since = "0.1.0")]
pub struct CurlRealToken;

/// GitLab's token prefixes and the placeholder each kind of token gets; `None` is the
/// configured personal access token placeholder.
const PREFIXES: &[(&str, Option<&str>)] = &[
    ("glpat-", None),
    ("glptt-", Some("<your_trigger_token>")),
    ("gldt-", Some("<your_deploy_token>")),
    ("glrt-", Some("<your_runner_token>")),
    ("glcbt-", Some("<your_job_token>")),
    ("glsoat-", Some("<your_scim_token>")),
    ("gloas-", Some("<your_application_secret>")),
    ("glft-", Some("<your_feed_token>")),
    ("glimt-", Some("<your_incoming_email_token>")),
];

/// The shortest random part a real token has after its prefix.
const MIN_SECRET: usize = 8;

/// Whether a value is, or contains at its start, a token in the format of a real GitLab
/// token (`glpat-` and the like, with a random part).
pub fn looks_real(value: &str) -> bool {
    let value = value.trim();
    let value = value.strip_prefix("Bearer ").unwrap_or(value);
    prefixed_token(value, 0).is_some_and(|(start, _, _)| start == 0)
}

/// The first prefixed token in `text` from `from`: its start, end and placeholder.
fn prefixed_token<'p>(text: &str, from: usize) -> Option<(usize, usize, Option<&'p str>)> {
    PREFIXES
        .iter()
        .filter_map(|(prefix, placeholder)| {
            let i = from + text.get(from..)?.find(prefix)?;
            let end = text[i..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map_or(text.len(), |e| i + e);
            (end - i >= prefix.len() + MIN_SECRET).then_some((i, end, *placeholder))
        })
        .min_by_key(|(i, _, _)| *i)
}

impl Check for CurlRealToken {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let access = ctx.settings.api.token_placeholder.as_str();
        for (block, command) in all_commands(ctx) {
            for word in command.words.iter().filter(|w| w.value.contains("gl")) {
                let mut from = 0;
                while let Some((start, end, placeholder)) = prefixed_token(&word.value, from) {
                    from = end;
                    let placeholder = placeholder.unwrap_or(access);
                    let range = src(block, word.source_range(start..end));
                    out.push(
                        ctx.report(&Self::META, range, "this is written like a real GitLab token")
                            .with_help(format!(
                                "replace it with `{placeholder}`, and revoke the token if it was real"
                            ))
                            .with_fix(Fix::safe(
                                format!("Write `{placeholder}`"),
                                vec![Edit::replacement(range, placeholder)],
                            )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::looks_real;

    #[test]
    fn real_and_placeholder_tokens() {
        assert!(looks_real("glpat-Ab12Cd34Ef56Gh78Ij90"));
        assert!(looks_real("Bearer glpat-Ab12Cd34Ef56Gh78Ij90"));
        // The style guide's fake trigger and runner tokens: no prefix, not reported.
        assert!(!looks_real("be20d8dcc028677c931e04f3871a9b"));
        assert!(!looks_real("yrnZW46BrtBFqM7xDzE7dddd"));
        assert!(!looks_real("glpat-short"));
        assert!(!looks_real("<your_access_token>"));
        assert!(!looks_real("$CI_JOB_TOKEN"));
        assert!(!looks_real("your_access_token_here_1"));
        assert!(!looks_real("OAUTH-TOKEN"));
    }
}
