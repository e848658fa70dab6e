use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use std::collections::HashMap;

/// ## What it does
/// Reports an attribute named twice in the same attribute table.
///
/// ## Why is this bad?
/// Two rows for one attribute usually disagree (type, required, description), and
/// readers cannot tell which one is right.
///
/// ## Example
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
/// | `id`      | string  | No       | The widget.       |
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
#[rule(code = "AT007", name = "duplicate-attribute", category = Attributes, severity = Error, fix = None, since = "0.1.0")]
pub struct DuplicateAttribute;

impl Check for DuplicateAttribute {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (_, table, _) in attribute_tables(ctx.page) {
            let mut seen = HashMap::new();
            for row in &table.rows {
                let Some(name) = &row.name else { continue };
                if let Some(first) = seen.insert(name.name.as_str(), name.range) {
                    out.push(
                        ctx.report(
                            &Self::META,
                            name.range,
                            format!("`{}` is listed twice in this table", name.name),
                        )
                        .with_secondary(Label::with_message(first, "first listed here"))
                        .with_help("keep one row and merge what the two say"),
                    );
                    seen.insert(name.name.as_str(), first);
                }
            }
        }
    }
}
