use super::{all_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::UrlSource;
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that a cURL command gives its URL with the `--url` option, not as a bare
/// argument.
///
/// ## Why is this bad?
/// "Declare URLs with the `--url` parameter." The named option makes the URL easy to spot
/// in a long command, and keeps it apart from option values.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --header "PRIVATE-TOKEN: <your_access_token>" "https://gitlab.example.com/api/v4/widgets"
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
/// cURL reads a bare URL and a `--url` value the same way; inserting `--url ` is safe.
#[derive(RuleMeta)]
#[rule(code = "CU003", name = "curl-url-option", category = Curl, severity = Error, fix = Always, since = "0.1.0")]
pub struct CurlUrlOption;

impl Check for CurlUrlOption {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in all_commands(ctx) {
            for url in command.urls() {
                if !matches!(url.source, UrlSource::Positional(_)) {
                    continue;
                }
                // `-url URL`: `--url` typed with one dash; curl-short-option adds the dash, and
                // a second `--url` here would make the URL the first one's argument.
                let before = command
                    .words
                    .iter()
                    .rev()
                    .find(|w| w.range.end <= url.token.range.start);
                if before.is_some_and(|w| w.value == "-url") {
                    continue;
                }
                let range = src(block, url.token.range.clone());
                // After `--` every word is a URL, `--url` too: only moving the URL helps.
                let after_end_of_options = command
                    .words
                    .iter()
                    .any(|w| w.value == "--" && w.range.end <= url.token.range.start);
                let diagnostic = ctx.report(&Self::META, range, "the URL is not given with `--url`");
                out.push(if after_end_of_options {
                    diagnostic.with_help("move the URL before `--` and write `--url` before it")
                } else {
                    diagnostic
                        .with_help("write `--url` before the URL")
                        .with_fix(Fix::safe("Add `--url`", vec![Edit::insertion(range.start(), "--url ")]))
                });
            }
        }
    }
}
