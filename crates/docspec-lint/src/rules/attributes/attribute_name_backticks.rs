use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that every attribute name in a request or response attribute table is
/// written in backticks: `` `name` ``.
///
/// ## Why is this bad?
/// "Attributes should always be in code blocks using backticks." A name in code font
/// reads as the literal key to send or expect, and tools reading the table (docspec's
/// OpenAPI output) rely on it.
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
/// | id        | integer | Yes      | ID of the widget. |
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
///
/// ## Fix safety
/// Wrapping a single-word name in backticks changes only its formatting. Names with
/// spaces or other text are not fixed.
#[derive(RuleMeta)]
#[rule(code = "AT002", name = "attribute-name-backticks", category = Attributes, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct AttributeNameBackticks;

impl Check for AttributeNameBackticks {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (_, table, _) in attribute_tables(ctx.page) {
            for row in &table.rows {
                let Some(name) = row.name.as_ref().filter(|n| !n.backticked) else {
                    continue;
                };
                let simple = !name.name.is_empty()
                    && name
                        .name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_.-[]".contains(c))
                    && ctx.text(name.range) == name.name;
                let fix = simple
                    .then(|| {
                        Fix::safe(
                            "Put the name in backticks",
                            vec![Edit::replacement(name.range, format!("`{}`", name.name))],
                        )
                    })
                    .flatten();
                out.push(
                    ctx.report(
                        &Self::META,
                        name.range,
                        format!("attribute name `{}` is not in backticks", name.name),
                    )
                    .with_help(format!("write `` `{}` ``", name.name))
                    .with_fix(fix),
                );
            }
        }
    }
}
