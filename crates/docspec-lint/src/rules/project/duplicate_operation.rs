use crate::project::{AttributeFact, OperationSummary};
use crate::{Check, LintContext, ProjectCheck, ProjectFile, ProjectInfo, RuleMeta};
use docspec_diagnostics::{Diagnostic, Related};
use std::collections::HashMap;

/// ## What it does
/// Reports an operation (an HTTP verb and a path) that two methods define in ways that
/// contradict each other, on one page or on two pages of the same run: an attribute both
/// request tables list is required in one and optional in the other, or has another
/// type. Paths are compared without the API base path (`/api/v4`), without the query
/// string, and with every `:parameter` name taken as the same: `GET /projects/:id` and
/// `GET /api/v4/projects/:project_id` are one operation. Full URLs to other services are
/// not compared, nor are overview pages that show request lines in passing.
///
/// A method that uses an endpoint documented elsewhere (a task such as "Promote an issue
/// to an epic" that posts a note) and agrees with its definition is not reported: using
/// an endpoint again is not defining it twice. The later method (in file order, then
/// position) is reported, with the location of the earlier one.
///
/// ## Why is this bad?
/// Two descriptions of one endpoint that disagree mean one of them is wrong, and readers
/// cannot tell which. Tools that build one API description from the pages (OpenAPI)
/// can keep only one of them.
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
///
/// | Attribute | Type    | Required | Description        |
/// |-----------|---------|----------|--------------------|
/// | `id`      | integer | No       | ID of the project. |
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

impl Check for DuplicateOperation {
    /// Operations defined twice, in contradiction, on the one page.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let summary = ctx.summary();
        let ops = &summary.operations;
        for (i, op) in ops.iter().enumerate() {
            let Some(earlier) = ops[..i].iter().find(|o| o.key == op.key && o.method != op.method) else {
                continue;
            };
            let Some(conflict) = first_conflict(&earlier.attributes, &op.attributes) else {
                continue;
            };
            out.push(
                ctx.report(
                    &Self::META,
                    op.range,
                    format!(
                        "`{}` is also defined in \"{}\" (line {}), and the two disagree: {conflict}",
                        op.written, earlier.method_title, earlier.line
                    ),
                )
                .with_help("define each operation once, or make both definitions say the same")
                .with_related(related(&summary.path, earlier, "first defined here")),
            );
        }
    }

    fn project(&self) -> Option<Box<dyn ProjectCheck>> {
        Some(Box::<FirstDefinitions>::default())
    }
}

/// The first definition of each operation in the run so far, with its page.
#[derive(Default)]
struct FirstDefinitions {
    first: HashMap<(String, String), (String, OperationSummary)>,
}

impl ProjectCheck for FirstDefinitions {
    /// Operations this page defines in contradiction with an earlier page.
    fn page(&mut self, _project: &ProjectInfo<'_>, file: &ProjectFile<'_>, out: &mut Vec<Diagnostic>) {
        let mut on_this_page: Vec<&(String, String)> = Vec::new();
        for op in &file.summary.operations {
            if on_this_page.contains(&&op.key) {
                continue;
            }
            on_this_page.push(&op.key);
            let Some((other_path, earlier)) = self.first.get(&op.key) else {
                self.first
                    .insert(op.key.clone(), (file.summary.path.clone(), op.clone()));
                continue;
            };
            if other_path == &file.summary.path {
                continue;
            }
            let Some(conflict) = first_conflict(&earlier.attributes, &op.attributes) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    DuplicateOperation::META.code,
                    DuplicateOperation::META.name,
                    DuplicateOperation::META.default_severity,
                    format!(
                        "`{}` is also defined in `{other_path}` (\"{}\"), and the two disagree: {conflict}",
                        op.written, earlier.method_title
                    ),
                    op.range,
                )
                .with_help("define each operation on one page and link to it from the other, or make both say the same")
                .with_related(related(other_path, earlier, "first defined here")),
            );
        }
    }
}

fn related(path: &str, op: &OperationSummary, message: &str) -> Related {
    Related {
        path: path.to_string(),
        line: op.line,
        column: op.column,
        message: format!("`{}` {message}", op.written),
        pointer: None,
    }
}

/// The first attribute both definitions list but describe differently, in words.
fn first_conflict(earlier: &[AttributeFact], later: &[AttributeFact]) -> Option<String> {
    later.iter().find_map(|b| {
        let a = earlier.iter().find(|a| a.name == b.name)?;
        // Cells written alike agree; only different spellings are normalised and compared.
        if let (Some(ra), Some(rb)) = (&a.required, &b.required) {
            if ra != rb && required_word(ra) != required_word(rb) {
                return Some(format!("`{}` is Required `{ra}` there and `{rb}` here", b.name));
            }
        }
        if let (Some(ta), Some(tb)) = (&a.type_, &b.type_) {
            if ta != tb && type_key(ta) != type_key(tb) {
                return Some(format!("`{}` has type `{ta}` there and `{tb}` here", b.name));
            }
        }
        None
    })
}

/// A Required cell as compared: `yes`, `no`, `conditionally`, or the text in lower case.
fn required_word(cell: &str) -> String {
    let lower = cell.trim().to_ascii_lowercase();
    match lower.as_str() {
        "yes" | "true" => "yes".to_string(),
        "no" | "false" => "no".to_string(),
        _ if lower.starts_with("conditionally") => "conditionally".to_string(),
        _ => lower,
    }
}

/// A Type cell as compared: lower case, the alternatives of `integer/string` and
/// `string or integer` sorted, `string array` read as `array of strings`.
fn type_key(cell: &str) -> String {
    let lower = cell.trim().to_ascii_lowercase().replace('`', "");
    let mut parts: Vec<String> = lower
        .split('/')
        .flat_map(|p| p.split(" or "))
        .map(|p| {
            let p = p.trim();
            match p.strip_suffix(" array") {
                Some(item) => format!("array of {item}s"),
                None => p.to_string(),
            }
        })
        .collect();
    parts.sort();
    parts.join("|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::operation_path;
    use crate::ApiSettings;
    use docspec_model::TargetForm;

    #[test]
    fn paths_compare_without_base_query_and_parameter_names() {
        let api = ApiSettings::default();
        assert_eq!(
            operation_path("/api/v4/projects/:project_id/x/", TargetForm::Rooted, &api),
            "/projects/:/x"
        );
        assert_eq!(
            operation_path("projects/:id/x", TargetForm::Unrooted, &api),
            "/projects/:/x"
        );
        assert_eq!(operation_path("/api/v4", TargetForm::Rooted, &api), "/");
        assert_ne!(
            operation_path("/projects/:id/issues/:issue_iid", TargetForm::Rooted, &api),
            operation_path(
                "/projects/:id/merge_requests/:merge_request_iid",
                TargetForm::Rooted,
                &api
            )
        );
    }

    fn fact(name: &str, required: &str, type_: &str) -> AttributeFact {
        AttributeFact {
            name: name.to_string(),
            required: Some(required.to_string()),
            type_: Some(type_.to_string()),
        }
    }

    #[test]
    fn agreeing_definitions_are_not_a_conflict() {
        let notes = [fact("id", "yes", "integer or string"), fact("body", "yes", "string")];
        let task = [fact("id", "Yes", "integer/string"), fact("body", "Yes", "String")];
        assert_eq!(first_conflict(&notes, &task), None);
        assert_eq!(type_key("string array"), type_key("array of strings"));
    }

    #[test]
    fn required_and_type_conflicts_are_named() {
        let a = [fact("logo", "no", "mixed")];
        let b = [fact("logo", "Yes", "mixed")];
        assert_eq!(
            first_conflict(&a, &b).as_deref(),
            Some("`logo` is Required `no` there and `Yes` here")
        );
        let c = [fact("logo", "no", "string")];
        assert!(first_conflict(&a, &c).unwrap().contains("type"));
    }
}
