//! Rules on cURL examples, read with `docspec-curl`.

pub mod curl_broken_command;
pub mod curl_credentials;
pub mod curl_example_host;
pub mod curl_invalid_json_data;
pub mod curl_json_without_content_type;
pub mod curl_line_continuation;
pub mod curl_long_line;
pub mod curl_method_mismatch;
pub mod curl_path_mismatch;
pub mod curl_real_token;
pub mod curl_real_url;
pub mod curl_request_first;
pub mod curl_short_option;
pub mod curl_token_placeholder;
pub mod curl_unknown_attribute;
pub mod curl_url_not_encoded;
pub mod curl_url_option;
pub mod curl_url_quoting;
pub mod curl_value_type_mismatch;

use crate::LintContext;
use docspec_curl::CurlCommand;
use docspec_model::{CodeBlock, Method, TextRange};
use std::ops::Range;

/// Every `curl` command of the page's shell blocks, with its block.
pub(crate) fn all_commands<'a>(ctx: &'a LintContext<'_>) -> Vec<(&'a CodeBlock, &'a CurlCommand)> {
    let mut out = Vec::new();
    for &i in ctx.shell_blocks() {
        let Some(block) = ctx.page.code_block(i) else {
            continue;
        };
        for command in ctx.curl(i) {
            out.push((block, command));
        }
    }
    out
}

/// The `curl` commands of the page that call the API itself: those of methods of
/// another service (a registry, a token issuer) follow that service's conventions.
pub(crate) fn rest_commands<'a>(ctx: &'a LintContext<'_>) -> Vec<(&'a CodeBlock, &'a CurlCommand)> {
    let mut out = Vec::new();
    for &i in ctx.shell_blocks() {
        let Some(block) = ctx.page.code_block(i).filter(|_| !ctx.in_external_method(i)) else {
            continue;
        };
        for command in ctx.curl(i) {
            out.push((block, command));
        }
    }
    out
}

/// The `curl` commands of the cURL examples of each method of the API, less the calls to
/// other endpoints that a procedure step or a subsection of the method shows on the way.
pub(crate) fn method_commands<'a>(ctx: &'a LintContext<'_>) -> Vec<(&'a Method, &'a CodeBlock, &'a CurlCommand)> {
    let mut out = Vec::new();
    for method in ctx.rest_methods() {
        for example in method.examples_of(docspec_model::ExampleRole::Curl) {
            let Some(block) = ctx.page.code_block(example.code_block) else {
                continue;
            };
            let aside = block.nested || in_subsection(ctx, method, block.range.start());
            for command in ctx.curl(example.code_block) {
                if aside && calls_another_endpoint(ctx, method, command) {
                    continue;
                }
                out.push((method, block, command));
            }
        }
    }
    out
}

/// Whether `offset` lies under a heading deeper than the method's own, inside the method
/// (`#### Line code` under `### Create a thread`).
fn in_subsection(ctx: &LintContext<'_>, method: &Method, offset: usize) -> bool {
    let Some(own) = method.heading.and_then(|h| ctx.page.headings.get(h)) else {
        return false;
    };
    ctx.page
        .headings
        .iter()
        .any(|h| h.level > own.level && h.range.start() > own.range.start() && h.range.end() <= offset)
}

/// Whether the command's URL matches none of the method's request lines (lines written as
/// full URLs, of other services, are not compared).
fn calls_another_endpoint(ctx: &LintContext<'_>, method: &Method, command: &CurlCommand) -> bool {
    let Some(url) = command.url() else {
        return false;
    };
    let path = url_path(ctx, url.parsed);
    let mut lines = method
        .request_lines()
        .filter(|l| l.form != docspec_model::TargetForm::Url)
        .peekable();
    lines.peek().is_some() && !path.is_empty() && !lines.any(|l| path_matches(relative_path(ctx, &l.path.value), path))
}

/// Whether an option's word is a long option typed with one dash (`-url`): cURL reads it
/// as short options, but the writer meant the long one (curl-short-option reports it).
pub(crate) fn single_dash_long(command: &CurlCommand, option: &docspec_curl::CurlOption, input: &str) -> bool {
    let Some(word) = command.words.get(option.word) else {
        return false;
    };
    let raw = word.raw(input);
    raw.strip_prefix('-')
        .filter(|w| !w.starts_with('-') && w.len() > 1)
        .map(|w| w.split('=').next().unwrap_or(w))
        .is_some_and(|name| docspec_curl::long_option(name).is_some())
}

/// A byte range of a block's content, in the page.
pub(crate) fn src(block: &CodeBlock, range: Range<usize>) -> TextRange {
    block.source_range(range.start, range.end)
}

/// A request path relative to the API base path, without a trailing slash.
pub(crate) fn relative_path<'p>(ctx: &LintContext<'_>, path: &'p str) -> &'p str {
    let path = ctx.settings.api.relative(path);
    if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    }
}

/// Whether a URL path matches a request-line template: same number of segments, `:param`
/// matching any one segment (URL-encoded values included), other segments equal. An
/// optional suffix (`archive[.format]`) may be left out, and a last parameter named
/// `*_path` (other than `:file_path`, which must be URL-encoded) may span several
/// segments (GitLab's wildcard routes), as may a `*name` wildcard. A leading `<placeholder>` the page explains
/// (`<route-prefix>/:package_name`) stands for any leading segments, and a namespaced
/// package name (`@scope/name` in any parameter, `vendor/name` in a `:package_name`)
/// fills one parameter. Text around parameters in a segment (`:job_id.json`,
/// `:package_name$:sha`) must match as written or URL-encoded. An optional group
/// (Grape's `files/(*path/):file_name`) may be left out or filled.
pub(crate) fn path_matches(template: &str, path: &str) -> bool {
    if let Some((open, close)) = docspec_model::optional_group(template) {
        let (before, group, after) = (&template[..open], &template[open + 1..close], &template[close + 1..]);
        return path_matches(&format!("{before}{after}"), path)
            || path_matches(&format!("{before}{group}{after}"), path);
    }
    let t: Vec<&str> = template.trim_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_matches('/').split('/').collect();
    segments_match(&t, &p)
}

fn segments_match(t: &[&str], p: &[&str]) -> bool {
    let Some((first, rest)) = t.split_first() else {
        return p.is_empty();
    };
    if first.starts_with('<') && first.ends_with('>') {
        return (0..=p.len()).any(|k| segments_match(rest, &p[k..]));
    }
    if first.len() > 1 && first.starts_with('*') {
        return (1..=p.len()).any(|k| p[..k].iter().all(|s| !s.is_empty()) && segments_match(rest, &p[k..]));
    }
    let Some((segment, after)) = p.split_first() else {
        return false;
    };
    let param = first.starts_with(':');
    // `:file_path` is the exception GitLab documents: it must be URL-encoded.
    let wildcard = param && rest.is_empty() && first.ends_with("path") && *first != ":file_path";
    if wildcard {
        return p.iter().all(|s| !s.is_empty());
    }
    if segment_equals(first, segment) && segments_match(rest, after) {
        return true;
    }
    // A namespaced package name fills one parameter across two segments: npm's
    // `@scope/name`, Composer's `vendor/name`.
    let namespaced = param && (segment.starts_with('@') || names_a_package(first));
    namespaced && after.len() > rest.len() && segment_equals(first, after[0]) && segments_match(rest, &after[1..])
}

/// `:package_name`, `:package_name$:sha`: a parameter for a package registry's name.
fn names_a_package(template: &str) -> bool {
    let name = &template[1..];
    name[..docspec_model::path_param_name_len(name)].ends_with("package_name")
}

fn segment_equals(template: &str, segment: &str) -> bool {
    if let Some(open) = template.find('[').filter(|_| template.ends_with(']')) {
        // `archive[.format]`: the bracketed part is optional, and its `:name`-like word is a value.
        let base = &template[..open];
        let optional = &template[open + 1..template.len() - 1];
        let lead = optional
            .split(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            .next()
            .unwrap_or("");
        return segment == base
            || (segment.starts_with(base)
                && segment[base.len()..].starts_with(lead)
                && segment.len() > base.len() + lead.len());
    }
    let whole_param = template
        .strip_prefix(':')
        .is_some_and(|name| docspec_model::path_param_name_len(name) == name.len());
    (whole_param && !segment.is_empty())
        || template == segment
        || docspec_curl::percent_decode(segment) == template
        || (template.contains(':') && segment_matches(template, segment))
}

/// `:id.json`-style segments with text around the parameters (`:name$:sha`), each
/// parameter (as the model reads them) standing for at least one character; the
/// segment may be URL-encoded.
fn segment_matches(template: &str, segment: &str) -> bool {
    let params = docspec_model::path_params(template);
    pieces_match(template, &params, segment) || pieces_match(template, &params, &docspec_curl::percent_decode(segment))
}

/// Whether `segment` is `template` (whose parameters are `params`, byte ranges into it)
/// with each parameter filled.
fn pieces_match(template: &str, params: &[(usize, usize)], segment: &str) -> bool {
    let Some((&(start, end), later)) = params.split_first() else {
        return template == segment;
    };
    let Some(rest) = segment.strip_prefix(&template[..start]) else {
        return false;
    };
    let after = &template[end..];
    if after.is_empty() {
        return !rest.is_empty();
    }
    let later: Vec<(usize, usize)> = later.iter().map(|(s, e)| (s - end, e - end)).collect();
    // The parameter ends where the text after it can start.
    rest.char_indices()
        .skip(1)
        .any(|(i, _)| pieces_match(after, &later, &rest[i..]))
}

/// A URL's path relative to the API base (URLs built on `${CI_API_V4_URL}` already are).
pub(crate) fn url_path<'u>(ctx: &LintContext<'_>, url: &'u docspec_curl::ParsedUrl) -> &'u str {
    if url.host_is_placeholder() && url.scheme.is_none() {
        let p = url.path.as_str();
        return if p.len() > 1 { p.trim_end_matches('/') } else { p };
    }
    relative_path(ctx, &url.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_concrete_paths() {
        assert!(path_matches("/projects/:id/issues/:issue_iid", "/projects/5/issues/1"));
        let optional = "/projects/:id/packages/ml_models/:version_id/files/(*path/):file_name";
        assert!(path_matches(optional, "/projects/1/packages/ml_models/2/files/foo.txt"));
        assert!(path_matches(
            optional,
            "/projects/1/packages/ml_models/2/files/a/b/foo.txt"
        ));
        assert!(!path_matches(optional, "/projects/1/packages/ml_models/2/foo.txt"));
        assert!(!path_matches("/projects/(:id", "/projects/1"));
        assert!(path_matches("/projects/:id", "/projects/my-group%2Fmy-project"));
        assert!(!path_matches("/projects/:id", "/projects/my-group/my-project"));
        assert!(path_matches(
            "/group/:id/-/packages/composer/p2/:package_name",
            "/group/1/-/packages/composer/p2/my-org/my-package"
        ));
        assert!(path_matches(
            "/group/:id/-/packages/composer/:package_name$:sha",
            "/group/1/-/packages/composer/my-org/my-package%24c8f2"
        ));
        assert!(!path_matches(
            "/group/:id/-/packages/composer/:package_name$:sha",
            "/group/1/-/packages/composer/my-org/my-package"
        ));
        assert!(!path_matches("/packages/:package_name", "/packages/a/b/c"));
        assert!(path_matches(
            "/projects/:id/jobs/:job_id.json",
            "/projects/1/jobs/2.json"
        ));
        assert!(!path_matches(
            "/projects/:id/jobs/:job_id.json",
            "/projects/1/jobs/.json"
        ));
        assert!(!path_matches("/projects/:id/issues", "/projects/5/notes"));
        assert!(path_matches("/projects/:id/archive.:format", "/projects/5/archive.zip"));
        assert!(path_matches(
            "/projects/:id/repository/archive[.format]",
            "/projects/5/repository/archive"
        ));
        assert!(path_matches(
            "/projects/:id/repository/archive[.format]",
            "/projects/5/repository/archive.zip"
        ));
        assert!(path_matches(
            "/projects/:id/releases/:tag/downloads/:direct_asset_path",
            "/projects/1/releases/v1/downloads/bin/a.exe"
        ));
        assert!(!path_matches(
            "/projects/:id/issues/:issue_iid",
            "/projects/5/issues/1/notes"
        ));
        assert!(!path_matches(
            "/projects/:id/repository/files/:file_path",
            "/projects/5/repository/files/a/b.rb"
        ));
        assert!(path_matches(
            "/<route-prefix>/:package_name",
            "/projects/1/packages/npm/@myscope/my-pkg"
        ));
        assert!(path_matches(
            "/projects/:id/packages/npm/:package_name/-/:file_name",
            "/projects/1/packages/npm/@myscope/my-pkg/-/@my-scope/my-pkg-0.0.1.tgz"
        ));
        assert!(path_matches(
            "/projects/:id/jobs/:job_id/artifacts/*artifact_path",
            "/projects/1/jobs/5/artifacts/some/release/file.pdf"
        ));
        assert!(!path_matches(
            "/projects/:id/jobs/:job_id/artifacts/*artifact_path",
            "/projects/1/jobs/5/artifacts"
        ));
        assert!(!path_matches(
            "/<route-prefix>/:package_name/tags",
            "/projects/1/npm/pkg"
        ));
    }
}
