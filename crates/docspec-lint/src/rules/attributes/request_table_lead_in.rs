use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that a request attribute table is introduced by the sentence
/// `Supported attributes:`, as in the template. A table of the sub-attributes of one
/// attribute (first header `` `actions[]` attribute ``) is read with the method's table
/// before it, and may have a sentence of its own or none.
///
/// ## Why is this bad?
/// Older pages say `Parameters:`, or put the table straight after the request block.
/// The fixed sentence tells readers which table is which when a method has both a
/// request and a response table.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// Parameters:
///
/// | Attribute | Type    | Required | Description       |
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
/// Supported attributes:
///
/// | Attribute | Type    | Required | Description       |
/// |-----------|---------|----------|-------------------|
/// | `id`      | integer | Yes      | ID of the widget. |
/// ````
///
/// ## Fix safety
/// Replacing `Parameters:` (or a similar lead-in) with `Supported attributes:`, or adding
/// the sentence where none is, changes no information: these fixes are safe. Replacing a
/// sentence of the writer's own that ends with `:` before the table drops its wording,
/// so that fix is unsafe (`--unsafe-fixes`).
#[derive(RuleMeta)]
#[rule(code = "AT010", name = "request-table-lead-in", category = Attributes, severity = Info, fix = Always, since = "0.1.0")]
pub struct RequestTableLeadIn;

const LEAD_IN: &str = "Supported attributes:";

impl Check for RequestTableLeadIn {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        // A table of one attribute's sub-attributes (`` `actions[]` attribute ``) follows the
        // method's own table and its lead-in; it needs none of its own.
        let tables = ctx.page.methods().flat_map(|m| m.request_tables.iter());
        for table in tables.filter(|t| t.prefix.is_none()) {
            match &table.lead_in {
                Some(lead) if lead.value.trim() == LEAD_IN => {}
                // `Parameters:` is replaced as it is; a sentence of the writer's own that ends
                // with `:` (`Gizmos support these attributes:`) is replaced only on request,
                // since adding the label would give the table two lead-ins.
                Some(lead) if lead.value.trim().ends_with(':') => {
                    let label = is_short_label(&lead.value);
                    let (message, help) = if label {
                        (
                            format!("the attribute table is introduced by `{}`", lead.value.trim()),
                            format!("write `{LEAD_IN}`"),
                        )
                    } else {
                        (
                            format!("the attribute table is introduced in other words than `{LEAD_IN}`"),
                            format!("write `{LEAD_IN}` instead of the sentence"),
                        )
                    };
                    let edits = vec![Edit::replacement(lead.range, LEAD_IN)];
                    let title = format!("Write `{LEAD_IN}`");
                    let fix = if label {
                        Fix::safe(title, edits)
                    } else {
                        Fix::unsafe_(title, edits)
                    };
                    out.push(
                        ctx.report(&Self::META, lead.range, message)
                            .with_help(help)
                            .with_fix(fix),
                    );
                }
                // A longer sentence before the table is prose, not a lead-in: add the label.
                _ => out.push(
                    ctx.report(
                        &Self::META,
                        table.header_range,
                        "the attribute table has no `Supported attributes:` lead-in",
                    )
                    .with_help(format!("add `{LEAD_IN}` on its own line before the table"))
                    .with_fix(Fix::safe(
                        format!("Add `{LEAD_IN}`"),
                        vec![Edit::insertion(table.range.start(), format!("{LEAD_IN}\n\n"))],
                    )),
                ),
            }
        }
    }
}

/// `Parameters:`, `Attributes:`, `Supported parameters:`: a label, not a sentence.
fn is_short_label(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(':') && text.split_whitespace().count() <= 3
}
