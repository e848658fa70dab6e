use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::{CurlCommand, Token};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports URLs that a cURL example sends as values (in `--data`, `--form`, a JSON body
/// or the query string) whose host is a real site rather than a documentation host:
/// `example.com`, `example.org`, `example.net` and their subdomains (such as
/// `gitlab.example.com`), the reserved `.example`, `.test`, `.invalid` and
/// `.localhost` names, `localhost`, and placeholders (`<host>`, `$CI_SERVER_HOST`).
/// GitLab's own `gitlab.com` is allowed, and so are names under no real top-level
/// domain (`http://redirect.uri`): they reach no site. The URL the command calls is checked by
/// curl-example-host.
///
/// ## Why is this bad?
/// "Do not use information for real users, URLs, or tokens." An example that sends
/// `https://google.com` as a release link points readers, and their test requests, at
/// a real site.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --data '{"name": "Docs", "url": "https://google.com"}' \
///   --url "https://gitlab.example.com/api/v4/projects/1/links"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --request POST --header "PRIVATE-TOKEN: <your_access_token>" \
///   --data '{"name": "Docs", "url": "https://example.com"}' \
///   --url "https://gitlab.example.com/api/v4/projects/1/links"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU015", name = "curl-real-url", category = Curl, severity = Warning, fix = None, since = "0.2.0")]
pub struct CurlRealUrl;

impl Check for CurlRealUrl {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in rest_commands(ctx) {
            for (token, start, url) in sent_urls(command) {
                let host = host_of(url);
                if is_documentation_host(host) {
                    continue;
                }
                let range = src(block, token.source_range(start..start + url.len()));
                out.push(
                    ctx.report(&Self::META, range, format!("the example sends the real URL `{url}`"))
                        .with_help("use a documentation host, such as `https://example.com`"),
                );
            }
        }
    }
}

/// URLs inside the command's values, leaving out the URL it calls: the token, the
/// offset of the URL in the token's value, and the URL.
fn sent_urls(command: &CurlCommand) -> Vec<(&Token, usize, &str)> {
    let called: Vec<&Token> = command.urls().into_iter().map(|u| u.token).collect();
    let mut out = Vec::new();
    for token in &command.words {
        let value = token.value.as_str();
        let mut from = 0;
        while let Some(i) = docspec_model::find_str(&value[from..], "http").map(|i| from + i) {
            let rest = &value[i..];
            let scheme = ["https://", "http://"].iter().find(|s| rest.starts_with(*s));
            let Some(scheme) = scheme else {
                from = i + 4;
                continue;
            };
            let len = rest
                .find(|c: char| c.is_whitespace() || "\"'<>,;)]}`&".contains(c))
                .unwrap_or(rest.len());
            let is_called = called.iter().any(|c| c.range == token.range) && i == 0;
            if is_called {
                // Its query may still send URLs.
                from = i + scheme.len();
                continue;
            }
            from = i + len.max(scheme.len());
            if len > scheme.len() {
                out.push((token, i, &value[i..i + len]));
            }
        }
    }
    out
}

/// The host of `scheme://host[:port]/...`, lower case is left to the caller.
fn host_of(url: &str) -> &str {
    let after = url.split_once("://").map_or(url, |(_, a)| a);
    let authority = after.split(['/', '?', '#']).next().unwrap_or(after);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    host.split(':').next().unwrap_or(host)
}

fn is_documentation_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host.is_empty() || host.contains(['<', '$', '{', '%']) {
        return true;
    }
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    ["example.com", "example.org", "example.net", "gitlab.com", "localhost"]
        .iter()
        .any(|d| under(d))
        || [".example", ".test", ".invalid", ".localhost"]
            .iter()
            .any(|tld| host.ends_with(tld))
        || host == "example"
        || host.starts_with("127.")
        || !has_real_tld(&host)
}

/// Whether a host ends in a top-level domain that sites use: a two-letter country code
/// or one of the common generic ones. Names such as `redirect.uri` reach no site.
fn has_real_tld(host: &str) -> bool {
    const GENERIC: &[&str] = &[
        "com", "org", "net", "io", "dev", "app", "co", "edu", "gov", "info", "biz", "ai", "cloud", "tech", "xyz", "me",
        "site", "online", "page",
    ];
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    (tld.len() == 2 && tld.chars().all(|c| c.is_ascii_alphabetic())) || GENERIC.contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_hosts() {
        assert!(is_documentation_host("gitlab.example.com"));
        assert!(is_documentation_host("example.com"));
        assert!(is_documentation_host("<your_host>"));
        assert!(is_documentation_host("my.server.test"));
        assert!(!is_documentation_host("google.com"));
        assert!(!is_documentation_host("example.com.evil.net"));
        assert!(is_documentation_host("redirect.uri"));
        assert!(!is_documentation_host("www.wikipedia.org"));
        assert_eq!(host_of("https://user@google.com:443/x?y"), "google.com");
    }
}
