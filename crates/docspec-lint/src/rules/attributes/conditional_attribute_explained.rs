use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{walk_inlines, Inline};

/// ## What it does
/// Checks that a row marked `Conditionally` (in any case: older tables write `yes` and
/// `no`, and so `conditionally`) names, in its Description, another attribute of the same
/// table (in backticks) that it pairs with, or is named by a sentence of the method that
/// requires at least one of a list of attributes. A path parameter that only some of
/// the method's request lines have is required by the line used, which the request
/// block already shows: it is not reported.
///
/// ## Why is this bad?
/// "Conditionally" alone does not tell when the attribute is needed. The template asks
/// for the related attributes, for example: "At least one of `attribute1` or
/// `attribute2` must be included in the API call. Both may be used if needed."
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute     | Type    | Required      | Description          |
/// |---------------|---------|---------------|----------------------|
/// | `color`       | string  | Conditionally | Color of the widget. |
/// | `template_id` | integer | Conditionally | ID of a template.    |
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
/// | Attribute     | Type    | Required      | Description |
/// |---------------|---------|---------------|-------------|
/// | `color`       | string  | Conditionally | Color of the widget. At least one of `color` or `template_id` must be included in the API call. Both may be used if needed. |
/// | `template_id` | integer | Conditionally | ID of a template. At least one of `color` or `template_id` must be included in the API call. Both may be used if needed. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "AT005", name = "conditional-attribute-explained", category = Attributes, severity = Warning, fix = None, since = "0.1.0")]
pub struct ConditionalAttributeExplained;

impl Check for ConditionalAttributeExplained {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            self.check_method(ctx, method, out);
        }
    }
}

impl ConditionalAttributeExplained {
    fn check_method(&self, ctx: &LintContext<'_>, method: &docspec_model::Method, out: &mut Vec<Diagnostic>) {
        let grouped = |name: &str| {
            method
                .requirement_groups
                .iter()
                .any(|g| g.names.len() > 1 && g.names.iter().any(|n| n.value == name))
        };
        for table in &method.request_tables {
            let names: Vec<&str> = table
                .rows
                .iter()
                .filter_map(|r| r.name.as_ref().map(|n| n.name.as_str()))
                .collect();
            for row in &table.rows {
                let Some(required) = row
                    .required
                    .as_ref()
                    .filter(|r| r.value.trim().eq_ignore_ascii_case("conditionally"))
                else {
                    continue;
                };
                let own = row.name.as_ref().map_or("", |n| n.name.as_str());
                if grouped(own) || method.path_param_in_some_lines_only(own) {
                    continue;
                }
                let cells = ctx.page.row_cells(table, row);
                let mut mentioned = false;
                if let Some(cell) = table.columns.description.and_then(|c| cells.get(c)) {
                    walk_inlines(&cell.inlines, &mut |inline| {
                        if let Inline::Code { code, .. } = inline {
                            if code != own && names.contains(&code.as_str()) {
                                mentioned = true;
                            }
                        }
                    });
                }
                if !mentioned {
                    out.push(
                        ctx.report(&Self::META, required.range, format!("`{own}` is conditionally required, but its description names no attribute it pairs with"))
                            .with_help("add \"At least one of `a` or `b` must be included in the API call. Both may be used if needed.\""),
                    );
                }
            }
        }
    }
}
