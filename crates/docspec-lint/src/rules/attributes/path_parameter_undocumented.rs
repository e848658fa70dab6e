use crate::rules::helpers::required_rank;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Checks that every `:parameter` of a method's request lines has a row in its
/// request attribute table, marked `Yes`. A method whose section sits under another
/// method's heading, for a path of that method (`HEAD` under the `GET` of the same
/// path), is a variant of it: the other method's table counts too. A parameter that
/// only some of a method's request lines have (`GET /user/gizmos` and `GET
/// /users/:user_id/gizmos` in one block) is optional for the method: its row may say
/// `No`.
///
/// ## Why is this bad?
/// A path parameter is always required: the request line does not exist without it.
/// A missing or optional row leaves readers guessing what `:id` stands for (an ID, or a
/// URL-encoded path?) and makes the spec generated from the page invalid.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /projects/:id/widgets/:widget_id
/// ```
///
/// | Attribute   | Type    | Required | Description       |
/// |-------------|---------|----------|-------------------|
/// | `id`        | integer | Yes      | ID of a project.  |
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
/// | Attribute   | Type    | Required | Description       |
/// |-------------|---------|----------|-------------------|
/// | `id`        | integer | Yes      | ID of a project.  |
/// | `widget_id` | integer | Yes      | ID of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "AT008", name = "path-parameter-undocumented", category = Attributes, severity = Error, fix = None, since = "0.1.0")]
pub struct PathParameterUndocumented;

impl Check for PathParameterUndocumented {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            // Without any table, missing-request-table reports the method once. A variant
            // of a method (`HEAD` under `GET` of the same path) shares its table.
            let own = method.request_tables.len();
            let tables: Vec<_> = ctx.page.request_tables_of(method).collect();
            if tables.is_empty() {
                continue;
            }
            let rows: Vec<_> = tables.iter().flat_map(|t| t.rows.iter()).collect();
            // Rows of the shared table are the other method's to mark `Yes`.
            let own_rows: usize = tables[..own].iter().map(|t| t.rows.len()).sum();
            let mut reported: Vec<&str> = Vec::new();
            for param in method.request_lines().flat_map(|l| l.params.iter()) {
                let name = param.value.as_str();
                if reported.contains(&name) {
                    continue;
                }
                // A row may document several attributes at once: `a`/`b`.
                let documents = |n: &str| n == name || n.split('/').any(|part| part == name);
                match rows
                    .iter()
                    .position(|r| r.name.as_ref().is_some_and(|n| documents(&n.name)))
                    .map(|i| (i, rows[i]))
                {
                    None => {
                        reported.push(name);
                        let params: Vec<&str> = method
                            .request_lines()
                            .flat_map(|l| l.params.iter().map(|p| p.value.as_str()))
                            .collect();
                        // A required row no path uses, spelled almost the same: a misspelling.
                        let near = rows
                            .iter()
                            .filter(|r| r.required.as_ref().is_some_and(|q| required_rank(&q.value) == 0))
                            .filter_map(|r| r.name.as_ref().map(|n| n.name.as_str()))
                            .find(|n| !params.contains(n) && nearly_same(n, name));
                        let diagnostic = match near {
                            Some(row_name) => ctx
                                .report(
                                    &Self::META,
                                    param.range,
                                    format!(
                                        "path parameter `:{name}` has no row; the table has `{row_name}`, spelled differently"
                                    ),
                                )
                                .with_help(format!(
                                    "use one name in the request line and the table (`:{row_name}` or `{name}`)"
                                )),
                            None => ctx
                                .report(
                                    &Self::META,
                                    param.range,
                                    format!("path parameter `:{name}` has no row in the attribute table"),
                                )
                                .with_help(format!("add a row for `{name}` with Required `Yes`")),
                        };
                        out.push(diagnostic);
                    }
                    Some((i, _)) if i >= own_rows => {}
                    // `GET /user/presets` and `GET /users/:user_id/presets` in one block:
                    // the method does not always take the parameter.
                    Some(_) if !method.path_param_in_every_line(name) => {}
                    Some((_, row)) => {
                        let required = row.required.as_ref();
                        if required.is_some_and(|r| required_rank(&r.value) != 0) {
                            reported.push(name);
                            let range = required.map_or(row.range, |r| r.range);
                            out.push(
                                ctx.report(
                                    &Self::META,
                                    range,
                                    format!("path parameter `{name}` is not marked `Yes`"),
                                )
                                .with_help("a path parameter is always required: write `Yes`"),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// At most two edits apart (`environments_id` and `environment_id`).
fn nearly_same(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()] <= 2
}
