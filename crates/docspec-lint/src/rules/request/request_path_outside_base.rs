use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TargetForm;

/// ## What it does
/// Checks that each request path is a path under the API base path (`/api/v4` unless
/// configured): it starts with `/`, is not a full URL, and, when it names an `/api/`
/// prefix, names the configured one.
///
/// ## Why is this bad?
/// `projects/:id` (no leading slash) and `https://gitlab.example.com/api/v4/...` in a
/// request block are not the request-line form readers and tools expect; a path under
/// another API (`/api/v3`, a registry URL) does not belong on a REST API v4 page.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET widgets
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
///
/// ## Fix safety
/// Adding the leading slash, or removing the example host and base path from a full
/// URL, keeps the endpoint the same and is safe.
///
/// ## Options
/// The base path comes from `api.base_path` in `.docspec.yml`.
#[derive(RuleMeta)]
#[rule(code = "RQ002", name = "request-path-outside-base", category = Request, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct RequestPathOutsideBase;

impl Check for RequestPathOutsideBase {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let api = &ctx.settings.api;
        let base = api.base_path.trim_end_matches('/');
        for line in ctx.rest_methods().flat_map(|m| m.request_lines()) {
            let target = &line.target;
            match line.form {
                TargetForm::Unrooted => {
                    let fix = Fix::safe("Add the leading `/`", vec![Edit::insertion(target.range.start(), "/")]);
                    out.push(
                        ctx.report(
                            &Self::META,
                            target.range,
                            format!("path `{}` does not start with `/`", target.value),
                        )
                        .with_help(format!("write `/{}`", target.value))
                        .with_fix(fix),
                    );
                }
                TargetForm::Url => {
                    let prefix = format!("{}{base}", api.example_host.trim_end_matches('/'));
                    let fix = target
                        .value
                        .strip_prefix(&prefix)
                        .filter(|rest| rest.starts_with('/'))
                        .and_then(|rest| Fix::safe("Keep only the path", vec![Edit::replacement(target.range, rest)]));
                    out.push(
                        ctx.report(
                            &Self::META,
                            target.range,
                            format!("request line has a full URL `{}` instead of a path", target.value),
                        )
                        .with_help(format!(
                            "write the path under `{base}`, like `/projects/:id`; show full URLs in the cURL example"
                        ))
                        .with_fix(fix),
                    );
                }
                TargetForm::Rooted => {
                    let path = &line.path.value;
                    let under_base = path == base || path.starts_with(&format!("{base}/"));
                    if path.starts_with("/api/") && !under_base {
                        out.push(
                            ctx.report(
                                &Self::META,
                                line.path.range,
                                format!("path `{path}` is not under the API base path `{base}`"),
                            )
                            .with_help(format!(
                                "document endpoints under `{base}`, or set `api.base_path` in `.docspec.yml`"
                            )),
                        );
                    }
                }
            }
        }
    }
}
