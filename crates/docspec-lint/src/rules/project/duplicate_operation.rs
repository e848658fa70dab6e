use crate::{ApiSettings, Check, LintContext, ProjectContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Related};
use docspec_model::{Page, SourceFile, TargetForm, TextRange};
use std::collections::HashMap;

/// ## What it does
/// Reports an operation (an HTTP verb and a path) documented by two methods, on one page
/// or on two pages of the same run. Paths are compared without the API base path
/// (`/api/v4`), without the query string, and with every `:parameter` name taken as the
/// same: `GET /projects/:id` and `GET /api/v4/projects/:project_id` are one operation.
/// Request lines of one method that differ only by their query string are one
/// operation. Full URLs to other services are not compared, nor are overview pages that
/// show request lines in passing without documenting methods.
///
/// The second method (in file order, then position) is reported, with the location of
/// the first.
///
/// ## Why is this bad?
/// Two descriptions of one endpoint drift apart: one gets the new attribute, the other
/// keeps the old one, and readers cannot tell which is right. Tools that build one API
/// description from the pages (OpenAPI) can keep only one of them.
///
/// ## Example
/// ````markdown
/// ## List gadgets
///
/// ```plaintext
/// GET /projects/:id/gadgets
/// ```
///
/// | Attribute | Type    | Required | Description        |
/// |-----------|---------|----------|--------------------|
/// | `id`      | integer | Yes      | ID of the project. |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
///
/// ## List all gadgets of a project
///
/// ```plaintext
/// GET /projects/:project_id/gadgets?all=true
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List gadgets
///
/// ```plaintext
/// GET /projects/:id/gadgets
/// GET /projects/:id/gadgets?all=true
/// ```
///
/// | Attribute | Type    | Required | Description        |
/// |-----------|---------|----------|--------------------|
/// | `id`      | integer | Yes      | ID of the project. |
/// | `all`     | boolean | No       | List all gadgets.  |
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "XP001", name = "duplicate-operation", category = Project, severity = Error, fix = None, since = "0.1.0")]
pub struct DuplicateOperation;

/// One operation of a page, where it is first written in one method.
struct Operation {
    key: (String, String),
    range: TextRange,
    written: String,
    method: usize,
}

/// The path of an operation as compared: base path, query and parameter names removed.
fn normalize(path: &str, form: TargetForm, api: &ApiSettings) -> String {
    let rooted = match form {
        TargetForm::Unrooted if !path.starts_with('/') => format!("/{path}"),
        _ => path.to_string(),
    };
    let relative = api.relative(&rooted);
    let mut out = String::with_capacity(relative.len());
    let mut chars = relative.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ':' {
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                chars.next();
            }
        }
    }
    while out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Every operation of the page, once per method, in source order. Overview pages that
/// show request lines in passing (not reference pages) document no operation.
fn operations(page: &Page, api: &ApiSettings) -> Vec<Operation> {
    let mut ops = Vec::new();
    if !page.is_reference() {
        return ops;
    }
    for (method, m) in page.methods().enumerate() {
        let mut seen: Vec<(String, String)> = Vec::new();
        for line in m.request_lines() {
            if line.form == TargetForm::Url {
                continue;
            }
            let key = (
                line.verb.value.to_ascii_uppercase(),
                normalize(&line.path.value, line.form, api),
            );
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            ops.push(Operation {
                key,
                range: TextRange::new(line.verb.range.start(), line.target.range.end()),
                written: format!("{} {}", line.verb.value, line.target.value),
                method,
            });
        }
    }
    ops.sort_by_key(|o| o.range.start());
    ops
}

fn method_title(page: &Page, method: usize) -> &str {
    page.methods().nth(method).map_or("", |m| m.title.value.as_str())
}

fn related(source: &SourceFile, range: TextRange, message: String) -> Related {
    let at = source.line_col(range.start());
    Related {
        path: source.path().to_string(),
        line: at.line,
        column: at.column,
        message,
        pointer: None,
    }
}

impl Check for DuplicateOperation {
    /// Operations documented twice on the one page.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut first: HashMap<&(String, String), &Operation> = HashMap::new();
        let ops = operations(ctx.page, &ctx.settings.api);
        for op in &ops {
            let Some(earlier) = first.get(&op.key) else {
                first.insert(&op.key, op);
                continue;
            };
            let title = method_title(ctx.page, earlier.method);
            let line = ctx.source.line_col(earlier.range.start()).line;
            out.push(
                ctx.report(
                    &Self::META,
                    op.range,
                    format!("`{}` is also documented in \"{title}\" (line {line})", op.written),
                )
                .with_help("document each operation once: merge the two methods, or remove one")
                .with_related(related(
                    ctx.source,
                    earlier.range,
                    format!("`{}` first documented here", earlier.written),
                )),
            );
        }
    }

    /// Operations documented on two pages: the first one of each later page is reported.
    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>) {
        let mut first: HashMap<(String, String), (usize, Operation)> = HashMap::new();
        for (index, file) in project.files.iter().enumerate() {
            let mut on_this_page: Vec<(String, String)> = Vec::new();
            for op in operations(file.page, &file.settings.api) {
                if on_this_page.contains(&op.key) {
                    continue;
                }
                on_this_page.push(op.key.clone());
                match first.get(&op.key) {
                    Some((other, earlier)) => {
                        let Some(other_file) = project.files.get(*other) else {
                            continue;
                        };
                        let title = method_title(other_file.page, earlier.method);
                        let d = Diagnostic::new(
                            Self::META.code,
                            Self::META.name,
                            Self::META.default_severity,
                            format!(
                                "`{}` is also documented in `{}` (\"{title}\")",
                                op.written,
                                other_file.source.path()
                            ),
                            op.range,
                        )
                        .with_help("document each operation on one page, and link to it from the other")
                        .with_related(related(
                            other_file.source,
                            earlier.range,
                            format!("`{}` first documented here", earlier.written),
                        ));
                        out.push((index, d));
                    }
                    None => {
                        first.insert(op.key.clone(), (index, op));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_compare_without_base_query_and_parameter_names() {
        let api = ApiSettings::default();
        assert_eq!(
            normalize("/api/v4/projects/:project_id/x/", TargetForm::Rooted, &api),
            "/projects/:/x"
        );
        assert_eq!(normalize("projects/:id/x", TargetForm::Unrooted, &api), "/projects/:/x");
        assert_eq!(normalize("/api/v4", TargetForm::Rooted, &api), "/");
        assert_ne!(
            normalize("/projects/:id/issues/:issue_iid", TargetForm::Rooted, &api),
            normalize(
                "/projects/:id/merge_requests/:merge_request_iid",
                TargetForm::Rooted,
                &api
            )
        );
    }
}
