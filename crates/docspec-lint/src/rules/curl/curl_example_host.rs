use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that cURL examples call the example endpoint: `https://gitlab.example.com/api/v4/`
/// (the `api.example_host` and `api.base_path` settings). URLs built on a variable, like
/// `${CI_API_V4_URL}` in CI job examples, are accepted, and so is the path of GitLab's
/// other API, `/api/graphql` (its host is still checked).
///
/// ## Why is this bad?
/// "Use `https://gitlab.example.com/api/v4/` as an endpoint." Real hosts (`gitlab.com`, a
/// company's instance) leak into docs and get called by readers who copy the command; a
/// missing `/api/v4` gives a command that does not work.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --url "https://gitlab.com/api/v4/widgets"
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
/// Replacing another host by the example host keeps the path and query; the fix is offered
/// when the URL already has the base path or is the GraphQL endpoint. It is unsafe when
/// the host is another `*.example.com` name (`primary.example.com` on a Geo page), which
/// may be chosen on purpose, and for the GraphQL endpoint, whose pages may call GitLab.com
/// on purpose (its GraphQL explorer).
///
/// ## Options
/// The host and base path come from `api.example_host` and `api.base_path`.
#[derive(RuleMeta)]
#[rule(code = "CU004", name = "curl-example-host", category = Curl, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct CurlExampleHost;

impl Check for CurlExampleHost {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let api = &ctx.settings.api;
        let host = api.example_host.trim_end_matches('/');
        let base = api.base_path.trim_end_matches('/');
        for (block, command) in rest_commands(ctx) {
            for url in command.urls() {
                let parsed = &url.parsed;
                if parsed.host_is_placeholder() || parsed.host.is_none() {
                    continue;
                }
                let origin = format!(
                    "{}://{}",
                    parsed.scheme.as_deref().unwrap_or(""),
                    parsed.host.as_deref().unwrap_or("")
                );
                let under_base = parsed.path == base || parsed.path.starts_with(&format!("{base}/"));
                let graphql = is_graphql_endpoint(&parsed.path);
                let range = src(block, url.source_range(0..parsed.raw.len()));
                let contrasted = parsed
                    .host
                    .as_deref()
                    .is_some_and(|h| contrasts_example_hosts(&block.content, h, host));
                if !origin.eq_ignore_ascii_case(host) && !contrasted {
                    let origin_range = src(block, url.source_range(0..origin.len().min(parsed.raw.len())));
                    // Another example host (`primary.example.com` on a Geo page) may be
                    // chosen on purpose: replacing it is the writer's call.
                    let usual = host.rsplit("://").next().unwrap_or(host);
                    let on_purpose = parsed.host.as_deref().is_some_and(|h| {
                        h.to_ascii_lowercase().ends_with(".example.com") && !h.eq_ignore_ascii_case(usual)
                    });
                    let fix = ((under_base || graphql) && starts_with_origin(&parsed.raw, &origin))
                        .then(|| {
                            let edits = vec![Edit::replacement(origin_range, host)];
                            let title = format!("Use `{host}`");
                            if on_purpose || graphql {
                                Fix::unsafe_(title, edits)
                            } else {
                                Fix::safe(title, edits)
                            }
                        })
                        .flatten();
                    out.push(
                        ctx.report(&Self::META, origin_range, format!("the example calls `{origin}`"))
                            .with_help(if graphql {
                                format!("use `{host}{}`", parsed.path)
                            } else {
                                format!("use `{host}{base}/`")
                            })
                            .with_fix(fix),
                    );
                } else if !under_base && !graphql {
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            format!("the URL path `{}` is not under `{base}`", parsed.path),
                        )
                        .with_help(format!("write `{host}{base}/...`")),
                    );
                }
            }
        }
    }
}

/// Whether the URL is written from its origin on: `https://host` then the path, a port,
/// the query or nothing. A URL with a user name (`https://user:secret@host/`) is not,
/// even when the name starts with the host's letters (`https://gitlab-ci-token:...@gitla`).
fn starts_with_origin(raw: &str, origin: &str) -> bool {
    raw.get(..origin.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(origin))
        && raw[origin.len()..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '/' | ':' | '?' | '#'))
}

/// GitLab's GraphQL API, which is not under the REST base path.
fn is_graphql_endpoint(path: &str) -> bool {
    path.trim_end_matches('/').eq_ignore_ascii_case("/api/graphql")
}

/// The example names two different `*.example.com` hosts other than the usual one, one
/// of them `host`: a call between two instances (source and destination), where one host
/// cannot serve for both.
fn contrasts_example_hosts(block: &str, host: &str, usual: &str) -> bool {
    let usual = usual.rsplit("://").next().unwrap_or(usual).to_ascii_lowercase();
    const DOMAIN: &str = ".example.com";
    let host = host.to_ascii_lowercase();
    if !host.ends_with(DOMAIN) || host == usual {
        return false;
    }
    block.match_indices(DOMAIN).any(|(at, _)| {
        let start = block[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
            .map_or(0, |i| i + 1);
        let other = block[start..at + DOMAIN.len()].to_ascii_lowercase();
        other.len() > DOMAIN.len() && other != host && other != usual
    })
}
