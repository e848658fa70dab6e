use crate::rules::helpers::{first_out_of_order, reorder_rows_fix, required_rank};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::AttributeRow;

/// ## What it does
/// Checks the order of a request attribute table: rows marked `Yes` first, then
/// conditionally required ones, then the optional ones, each group in alphabetical
/// order of the attribute name.
///
/// ## Why is this bad?
/// "Sort the table by required attributes first, then alphabetically." Readers scan for
/// what they must send, then look attributes up by name; a fixed order makes both quick
/// and keeps diffs small.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type    | Required | Description          |
/// |-----------|---------|----------|----------------------|
/// | `color`   | string  | No       | Color of the widget. |
/// | `name`    | string  | Yes      | Name of the widget.  |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute | Type    | Required | Description          |
/// |-----------|---------|----------|----------------------|
/// | `name`    | string  | Yes      | Name of the widget.  |
/// | `color`   | string  | No       | Color of the widget. |
/// ````
///
/// ## Fix safety
/// Reordering whole rows keeps every row's content; the fix is safe. It is offered only
/// when the rows are plain consecutive lines.
#[derive(RuleMeta)]
#[rule(code = "AT003", name = "attribute-order", category = Attributes, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct AttributeOrder;

fn key(row: &AttributeRow) -> (u8, String) {
    let rank = row.required.as_ref().map_or(2, |r| required_rank(&r.value));
    let name = row
        .name
        .as_ref()
        .map_or_else(String::new, |n| n.name.to_ascii_lowercase());
    (rank, name)
}

impl Check for AttributeOrder {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in ctx.page.methods().flat_map(|m| m.request_tables.iter()) {
            if table.rows.iter().any(|r| r.name.is_none()) {
                continue;
            }
            let keys: Vec<_> = table.rows.iter().map(key).collect();
            let Some((i, order)) = first_out_of_order(&keys) else {
                continue;
            };
            let (row, previous) = (&table.rows[i], &table.rows[i - 1]);
            let (Some(name), Some(prev_name)) = (&row.name, &previous.name) else {
                continue;
            };
            let why = if keys[i].0 < keys[i - 1].0 {
                "required attributes come first"
            } else {
                "attributes of the same kind are sorted alphabetically"
            };
            let fix = ctx
                .page
                .table(table.table)
                .and_then(|t| reorder_rows_fix(ctx.source.text(), t, &order, "Sort the attribute rows"));
            out.push(
                ctx.report(
                    &Self::META,
                    name.range,
                    format!("`{}` should come before `{}`: {why}", name.name, prev_name.name),
                )
                .with_help("order rows: `Yes` first, then `Conditionally`, then `No`, each alphabetically")
                .with_fix(fix),
            );
        }
    }
}
