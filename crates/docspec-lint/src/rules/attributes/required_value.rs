use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that the Required cell of a request attribute table is exactly `Yes`, `No`
/// or `Conditionally`.
///
/// ## Why is this bad?
/// The template uses these three words. Older tables say `yes`/`no`, `true`/`false`,
/// or put the condition in the cell (`yes, if x is not provided`), which hides the rule
/// readers need and that tools cannot read. A condition belongs in the Description of a
/// `Conditionally` row.
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
/// | `id`      | integer | yes      | ID of the widget. |
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
/// `yes`/`no` in another case and `true`/`false` become `Yes`/`No`: the meaning is kept.
/// Conditions written in the cell are not fixed.
#[derive(RuleMeta)]
#[rule(code = "AT004", name = "required-value", category = Attributes, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct RequiredValue;

impl Check for RequiredValue {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in ctx.page.methods().flat_map(|m| m.request_tables.iter()) {
            for row in &table.rows {
                let Some(required) = &row.required else { continue };
                let value = required.value.trim();
                if matches!(value, "Yes" | "No" | "Conditionally") {
                    continue;
                }
                let canonical = match value.to_ascii_lowercase().as_str() {
                    "yes" | "true" => Some("Yes"),
                    "no" | "false" => Some("No"),
                    "conditionally" => Some("Conditionally"),
                    _ => None,
                };
                let d = match canonical {
                    Some(word) => ctx
                        .report(
                            &Self::META,
                            required.range,
                            format!("Required is `{value}`, expected `{word}`"),
                        )
                        .with_help(format!("write `{word}`"))
                        .with_fix(Fix::safe(
                            format!("Write `{word}`"),
                            vec![Edit::replacement(required.range, word)],
                        )),
                    None if value.is_empty() => ctx
                        .report(
                            &Self::META,
                            row.range,
                            "Required is empty, expected `Yes`, `No` or `Conditionally`",
                        )
                        .with_help("write `Yes`, `No` or `Conditionally`"),
                    None => ctx
                        .report(
                            &Self::META,
                            required.range,
                            format!("Required is `{value}`, expected `Yes`, `No` or `Conditionally`"),
                        )
                        .with_help("write `Conditionally` and explain the condition in the Description"),
                };
                out.push(d);
            }
        }
    }
}
