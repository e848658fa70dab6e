use super::{method_commands, path_matches, relative_path, src, url_path};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::TargetForm;

/// ## What it does
/// Checks that the URL path of a method's cURL example matches one of the method's
/// request lines: the same segments, where `:id` stands for any one segment (a
/// URL-encoded path like `my-group%2Fmy-project` included), after the API base path.
///
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
            if lines
                .iter()
                .any(|l| path_matches(relative_path(ctx, &l.path.value), path))
            {
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
