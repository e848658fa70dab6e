use super::{method_commands, path_matches, relative_path, src, url_path};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::TargetForm;

/// ## What it does
/// Checks that the URL path of a method's cURL example matches one of the method's
/// request lines: the same segments, where `:id` stands for any one segment (a
/// URL-encoded path like `my-group%2Fmy-project` included), after the API base path.
/// A package registry's namespaced name fills one parameter: `@scope/name`, or
/// Composer's `vendor/name` in a `:package_name`. An optional group of the request line
/// (Grape's `files/(*path/):file_name`) may be left out of the URL or filled.
/// A URL under another API version (`/api/v3/...` where the base is `/api/v4`) is
/// compared after its own prefix, since curl-example-host reports the base; a URL broken
/// across lines is left to curl-broken-command.
///
/// A call to another endpoint shown on the way, in a procedure step (a code block in a
/// list item) or in a subsection of the method (`#### Line code`), is not the method's
/// example and is not compared; `curl-method-mismatch` and `curl-unknown-attribute` leave
/// it alone too.
///
/// ## Why is this bad?
/// An example that calls another endpoint than the one documented (a copy-paste from
/// the method above, a renamed path) sends readers to the wrong place.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /projects/:id/widgets/:widget_id
/// ```
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/projects/5/gadgets/1"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /projects/:id/widgets/:widget_id
/// ```
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/projects/5/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU010", name = "curl-path-mismatch", category = Curl, severity = Error, fix = None, since = "0.1.0")]
pub struct CurlPathMismatch;

impl Check for CurlPathMismatch {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (method, block, command) in method_commands(ctx) {
            let Some(url) = command.url() else { continue };
            // Examples of other services (a registry, `${CI_SERVER_URL}/jwt`) are not compared.
            let lines: Vec<_> = method.request_lines().filter(|l| l.form != TargetForm::Url).collect();
            if lines.is_empty() || url.parsed.path.is_empty() {
                continue;
            }
            let path = url_path(ctx, url.parsed);
            // A URL broken across lines is curl-broken-command's finding.
            if path.contains('\n') {
                continue;
            }
            // `/api/v3/projects/1` on a page written for another API version: the path
            // is right, and curl-example-host reports the base.
            let candidates = [Some(path), other_api_version(path)];
            if lines.iter().any(|l| {
                let template = relative_path(ctx, &l.path.value);
                candidates.iter().flatten().any(|p| path_matches(template, p))
            }) {
                continue;
            }
            let templates: Vec<String> = lines
                .iter()
                .map(|l| format!("`{}`", relative_path(ctx, &l.path.value)))
                .collect();
            let range = src(block, url.source_range(url.parsed.path_range.clone()));
            let mut d = ctx
                .report(
                    &Self::META,
                    range,
                    format!("the example calls `{path}`, which matches no request line of this method"),
                )
                .with_help(format!("call {}", templates.join(" or ")));
            // The request lines it was held against (related locations in editors).
            for line in &lines {
                d = d.with_secondary(Label::with_message(line.range, "request line"));
            }
            out.push(d);
        }
    }
}

/// The path after an `/api/<version>` prefix, when the path has one (`/api/v3/projects`
/// gives `/projects`); the configured base is already gone from `path`.
fn other_api_version(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/")?;
    let slash = rest.find('/')?;
    Some(&rest[slash..])
}
