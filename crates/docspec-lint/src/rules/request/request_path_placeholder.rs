use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{RequestLine, TargetForm, TextRange};

/// ## What it does
/// Checks the path parameters of request lines: each is written `:name`. Reports
/// placeholders in other forms (`{id}`, `<id>`; the fix writes `:id`) and concrete values
/// where a parameter belongs: a number (`/projects/42`) or a URL-encoded value
/// (`/projects/my-group%2Fmy-project`). Literal words, optional parts such as
/// `archive[.format]`, `:name.:format`, and a placeholder prefix a page documents
/// (`<route-prefix>/-/packages/...`) are fine.
///
/// ## Why is this bad?
/// The request line documents the endpoint, not one request to it: GitLab writes path
/// parameters with a leading colon, and the attribute table, the cURL example and
/// docspec's OpenAPI output all match parameters by that form. `{id}` (OpenAPI's
/// notation) or `42` leaves the parameter undocumented and the endpoint unrecognized.
///
/// ## Example
/// ````markdown
/// ## Get a widget part
///
/// ```plaintext
/// GET /widgets/{id}/parts/42
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget part
///
/// ```plaintext
/// GET /widgets/:id/parts/:part_id
/// ```
/// ````
///
/// ## Fix safety
/// `{id}` and `<id>` become `:id`, the same parameter in GitLab's notation: safe. A
/// concrete value is not fixed: its parameter's name is not on the page.
#[derive(RuleMeta)]
#[rule(code = "RQ003", name = "request-path-placeholder", category = Request, severity = Warning, fix = Sometimes, since = "0.2.0")]
pub struct RequestPathPlaceholder;

impl Check for RequestPathPlaceholder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for line in ctx.rest_methods().flat_map(|m| m.request_lines()) {
            for (i, (range, segment)) in segments(ctx, line).into_iter().enumerate() {
                // `<route-prefix>/-/packages/...`: a prefix the page documents, not a
                // parameter (the API's own paths start with a word).
                if i == 0 && line.form != TargetForm::Url && segment.starts_with('<') {
                    continue;
                }
                check_segment(ctx, range, segment, out);
            }
        }
    }
}

/// The path segments of a request line as written, with their source ranges: the host
/// of a URL and the query are left out.
fn segments<'a>(ctx: &LintContext<'a>, line: &RequestLine) -> Vec<(TextRange, &'a str)> {
    let target = ctx.text(line.target.range);
    let mut start = 0;
    if let Some(scheme) = target.find("://") {
        start = target[scheme + 3..].find('/').map_or(target.len(), |i| scheme + 3 + i);
    }
    let end = target[start..].find(['?', '#']).map_or(target.len(), |i| start + i);
    let mut out = Vec::new();
    let mut at = start;
    for segment in target[start..end].split('/') {
        if !segment.is_empty() {
            let from = line.target.range.start() + at;
            out.push((TextRange::new(from, from + segment.len()), segment));
        }
        at += segment.len() + 1;
    }
    out
}

fn check_segment(ctx: &LintContext<'_>, range: TextRange, segment: &str, out: &mut Vec<Diagnostic>) {
    let meta = &<RequestPathPlaceholder as RuleMeta>::META;
    for (open, close) in [('{', '}'), ('<', '>')] {
        let Some(start) = segment.find(open) else { continue };
        let Some(len) = segment[start..].find(close) else {
            continue;
        };
        let written = &segment[start..=start + len];
        let name = param_name(&written[1..written.len() - 1]);
        let at = TextRange::new(range.start() + start, range.start() + start + written.len());
        let fix = (!name.is_empty())
            .then(|| {
                Fix::safe(
                    format!("Write `:{name}`"),
                    vec![Edit::replacement(at, format!(":{name}"))],
                )
            })
            .flatten();
        out.push(
            ctx.report(meta, at, format!("`{written}` is not written as a path parameter"))
                .with_help(if name.is_empty() {
                    "write path parameters as `:name`".to_string()
                } else {
                    format!("write `:{name}`")
                })
                .with_fix(fix),
        );
        return;
    }
    let number = segment.bytes().all(|b| b.is_ascii_digit());
    let encoded = segment.contains('%');
    if number || encoded {
        out.push(
            ctx.report(meta, range, format!("`{segment}` is a value, not a path parameter"))
                .with_help("write the parameter the value stands for, as `:name` (for example `:id`)"),
        );
    }
}

/// `project id` or `project-id` as a parameter name: `project_id`.
fn param_name(inner: &str) -> String {
    inner
        .trim()
        .trim_start_matches(':')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_matches('_')
        .to_string()
}
