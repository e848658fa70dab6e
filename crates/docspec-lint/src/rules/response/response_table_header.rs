use crate::rules::helpers::header_fix;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

pub const EXPECTED: [&str; 3] = ["Attribute", "Type", "Description"];

/// ## What it does
/// Checks that a response attribute table has exactly the header
/// `Attribute | Type | Description`, with no `Required` column. A table of the
/// sub-attributes of one attribute may name it in the first cell
/// (`` `deployments[]` attribute ``).
///
/// ## Why is this bad?
/// A response attribute is never "required" from the reader's side; the column
/// confuses request and response tables. One header across pages keeps them readable
/// and machine-readable.
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
/// | Attribute | Description       |
/// |-----------|-------------------|
/// | `id`      | ID of the widget. |
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
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
/// ````
///
/// ## Fix safety
/// When the columns are the expected ones written differently, rewriting the header
/// words is safe. Missing or extra columns are not fixed.
#[derive(RuleMeta)]
#[rule(code = "RS001", name = "response-table-header", category = Response, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct ResponseTableHeader;

impl Check for ResponseTableHeader {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            for t in &method.response_tables {
                let Some(table) = ctx.page.table(t.table) else { continue };
                let actual: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
                // A sub-table (`` `deployments[]` attribute ``) names its parent in the
                // first cell; the other columns are the template's.
                let first = usize::from(t.prefix.is_some());
                if actual.get(first..) == EXPECTED.get(first..) && actual.len() == EXPECTED.len() {
                    continue;
                }
                let message = if t.columns.required.is_some() {
                    "response table has a `Required` column".to_string()
                } else {
                    format!("response table header is `{}`", actual.join(" | "))
                };
                out.push(
                    ctx.report(&Self::META, t.header_range, message)
                        .with_label("expected `Attribute | Type | Description`")
                        .with_help("use the header `| Attribute | Type | Description |`")
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
