use crate::rules::helpers::{first_out_of_order, letter_by_letter, orders_agree, reorder_rows_fix};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Checks that the rows of a response attribute table are sorted alphabetically by
/// attribute name (`project`, `project.id`, `project.name`, `web_url`), character by
/// character or letter by letter with underscores ignored (`batched` may come before
/// `batch_number`, as `sort` puts it in most locales); the fix writes the first.
///
/// ## Why is this bad?
/// "Sort the table alphabetically." Response tables grow long; alphabetical order lets
/// readers find an attribute, and keeps sub-attributes right under their parent.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// | Attribute | Type    | Description         |
/// |-----------|---------|---------------------|
/// | `name`    | string  | Name of the widget. |
/// | `id`      | integer | ID of the widget.   |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the
/// following response attributes:
///
/// | Attribute | Type    | Description         |
/// |-----------|---------|---------------------|
/// | `id`      | integer | ID of the widget.   |
/// | `name`    | string  | Name of the widget. |
/// ````
///
/// ## Fix safety
/// Reordering whole rows keeps every row's content; the fix is safe. It is offered only
/// when the rows are plain consecutive lines.
#[derive(RuleMeta)]
#[rule(code = "RS003", name = "response-table-order", category = Response, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct ResponseTableOrder;

impl Check for ResponseTableOrder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in ctx.page.methods().flat_map(|m| m.response_tables.iter()) {
            if table.rows.iter().any(|r| r.name.is_none()) {
                continue;
            }
            let keys: Vec<String> = table
                .rows
                .iter()
                .map(|r| {
                    r.name
                        .as_ref()
                        .map_or_else(String::new, |n| n.name.to_ascii_lowercase())
                })
                .collect();
            let Some((i, order)) = first_out_of_order(&keys) else {
                continue;
            };
            if !orders_agree(keys.iter().map(String::as_str)) {
                let by_letter: Vec<String> = keys.iter().map(|k| letter_by_letter(k)).collect();
                if first_out_of_order(&by_letter).is_none() {
                    continue;
                }
            }
            let (Some(name), Some(previous)) = (&table.rows[i].name, &table.rows[i - 1].name) else {
                continue;
            };
            let fix = ctx
                .page
                .table(table.table)
                .and_then(|t| reorder_rows_fix(ctx.source.text(), t, &order, "Sort the response rows"));
            out.push(
                ctx.report(
                    &Self::META,
                    name.range,
                    format!("`{}` should come before `{}`", name.name, previous.name),
                )
                .with_help("sort response attributes alphabetically")
                .with_fix(fix),
            );
        }
    }
}
