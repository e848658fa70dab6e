use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports attribute-table rows (request or response) whose Description is empty or a
/// placeholder (`-`, `TBD`, `TODO`).
///
/// ## Why is this bad?
/// "Every method must have a detailed description of the attributes." An empty cell
/// gives readers the name and type but not what the attribute does or accepts.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description |
/// |-----------|---------|----------|-------------|
/// | `id`      | integer | Yes      |             |
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
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "AT009", name = "empty-description", category = Attributes, severity = Warning, fix = None, since = "0.1.0")]
pub struct EmptyDescription;

impl Check for EmptyDescription {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (_, table, _) in attribute_tables(ctx.page) {
            if table.columns.description.is_none() {
                continue;
            }
            for row in &table.rows {
                let text = row.description.as_ref().map_or("", |d| d.value.trim());
                if matches!(text.to_ascii_uppercase().as_str(), "" | "-" | "TBD" | "TODO" | "N/A") {
                    let name = row.name.as_ref().map_or("this attribute", |n| n.name.as_str());
                    out.push(
                        ctx.report(&Self::META, row.range, format!("`{name}` has no description"))
                            .with_help("say what the attribute is or does, and its default when it has one"),
                    );
                }
            }
        }
    }
}
