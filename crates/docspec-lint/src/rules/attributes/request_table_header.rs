use crate::rules::helpers::header_fix;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

pub const EXPECTED: [&str; 4] = ["Attribute", "Type", "Required", "Description"];

/// ## What it does
/// Checks that a request attribute table has exactly the header
/// `Attribute | Type | Required | Description`. A table of the sub-attributes of one
/// attribute may name it in the first cell (`` `actions[]` attribute ``).
///
/// ## Why is this bad?
/// One header across all pages lets readers scan any method the same way, and lets
/// tools (docspec's OpenAPI output among them) read the table. Older pages use
/// `Parameter`, a lower-case `required`, or leave out `Type`.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// | Attribute | Type    | required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
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
/// When the columns are the expected ones written differently (`Parameter`,
/// `required`), rewriting the header words is safe. Missing or extra columns are not
/// fixed.
#[derive(RuleMeta)]
#[rule(code = "AT001", name = "request-table-header", category = Attributes, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct RequestTableHeader;

impl Check for RequestTableHeader {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            for t in &method.request_tables {
                let Some(table) = ctx.page.table(t.table) else { continue };
                let actual: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
                // A sub-table (`` `deployments[]` attribute ``) names its parent in the
                // first cell; the other columns are the template's.
                let first = usize::from(t.prefix.is_some());
                if actual.get(first..) == EXPECTED.get(first..) && actual.len() == EXPECTED.len() {
                    continue;
                }
                out.push(
                    ctx.report(
                        &Self::META,
                        t.header_range,
                        format!("request table header is `{}`", actual.join(" | ")),
                    )
                    .with_label("expected `Attribute | Type | Required | Description`")
                    .with_help("use the header `| Attribute | Type | Required | Description |`")
                    .with_fix(if t.prefix.is_some() {
                        None
                    } else {
                        header_fix(table, &EXPECTED)
                    }),
                );
            }
        }
    }
}
