use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports values in cURL examples that look like real secrets: GitLab token prefixes
/// (`glpat-`, `glptt-`, `gldt-`, `glrt-`, `glcbt-`, `glsoat-`, `gloas-`) anywhere in the
/// command, and long random strings in token headers (`PRIVATE-TOKEN`, `JOB-TOKEN`,
/// `Authorization`) or token query parameters.
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
/// Replacing a secret by the placeholder is what the docs need either way; the fix is
/// safe. Revoke the leaked token as well: the fix does not remove it from history.
#[derive(RuleMeta)]
#[rule(code = "CU006", name = "curl-real-token", category = Curl, severity = Error, fix = Always, since = "0.1.0")]
pub struct CurlRealToken;

const PREFIXES: &[&str] = &[
    "glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "glsoat-", "gloas-", "glft-", "glimt-",
];

/// Whether a value looks like a real token rather than a placeholder.
pub fn looks_real(value: &str) -> bool {
    let value = value.trim().strip_prefix("Bearer ").unwrap_or(value.trim());
    if PREFIXES
        .iter()
        .any(|p| value.starts_with(p) && value.len() >= p.len() + 8)
    {
        return true;
    }
    let random = value.len() >= 20
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && value.chars().any(|c| c.is_ascii_digit())
        && value.chars().any(|c| c.is_ascii_alphabetic());
    random && !value.contains("your") && !value.contains("token") && !value.contains("TOKEN")
}

impl Check for CurlRealToken {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let placeholder = ctx.settings.api.token_placeholder.as_str();
        for (block, command) in all_commands(ctx) {
            let mut found: Vec<(String, std::ops::Range<usize>)> = Vec::new();
            for header in command.headers() {
                let token_header = ["PRIVATE-TOKEN", "JOB-TOKEN", "Authorization"]
                    .iter()
                    .any(|h| header.name.eq_ignore_ascii_case(h));
                if token_header && looks_real(&header.value) {
                    let bearer = header.value.starts_with("Bearer ");
                    let start = header.value_range.start + if bearer { "Bearer ".len() } else { 0 };
                    found.push((header.value.clone(), start..header.value_range.end));
                }
            }
            for url in command.urls() {
                for param in &url.parsed.query {
                    let token_key = param.key.ends_with("token");
                    if let (true, Some(value), Some(range)) = (token_key, &param.value, &param.value_range) {
                        if looks_real(value) {
                            found.push((value.clone(), url.source_range(range.clone())));
                        }
                    }
                }
            }
            // A prefixed token anywhere else (a data value, a form field).
            for word in command.words.iter().filter(|w| w.value.contains("gl")) {
                for prefix in PREFIXES {
                    if let Some(i) = word.value.find(prefix) {
                        let end = word.value[i..]
                            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                            .map_or(word.value.len(), |e| i + e);
                        let range = word.source_range(i..end);
                        if end - i >= prefix.len() + 8
                            && !found.iter().any(|(_, r)| r.start <= range.start && range.end <= r.end)
                        {
                            found.push((word.value[i..end].to_string(), range));
                        }
                    }
                }
            }
            for (value, range) in found {
                let range = src(block, range);
                out.push(
                    ctx.report(&Self::META, range, "this looks like a real access token")
                        .with_help(format!(
                            "replace it with `{placeholder}`, and revoke the token if it was real"
                        ))
                        .with_fix(Fix::safe(
                            format!("Write `{placeholder}`"),
                            vec![Edit::replacement(range, placeholder)],
                        )),
                );
                let _ = value;
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
        assert!(looks_real("Bearer 9koXpg98eAheJpvBs5tK"));
        assert!(!looks_real("<your_access_token>"));
        assert!(!looks_real("$CI_JOB_TOKEN"));
        assert!(!looks_real("your_access_token_here_1"));
        assert!(!looks_real("OAUTH-TOKEN"));
    }
}
