use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix, Label};

/// ## What it does
/// Checks that attributes the method's prose or descriptions require at least one of
/// ("At least one of the following parameters is required:" with a list,
/// "At least one of `a` or `b` must be included in the API call", "Either `a` or `b`
/// is required") are marked `Conditionally` in the Required column of the request
/// attribute table.
///
/// ## Why is this bad?
/// "If there are attributes where either one or both are required to make an API
/// request: Add `Conditionally` in the `Required` column." A row marked `No` tells
/// readers, and tools that read the table, that the request works without it.
///
/// ## Example
/// ````markdown
/// ## Edit a widget
///
/// At least one of the following attributes is required:
///
/// - `color`
/// - `name`
///
/// ```plaintext
/// PUT /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description          |
/// |-----------|---------|----------|----------------------|
/// | `id`      | integer | Yes      | ID of the widget.    |
/// | `color`   | string  | No       | Color of the widget. |
/// | `name`    | string  | No       | Name of the widget.  |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Edit a widget
///
/// At least one of the following attributes is required:
///
/// - `color`
/// - `name`
///
/// ```plaintext
/// PUT /widgets/:id
/// ```
///
/// | Attribute | Type    | Required      | Description          |
/// |-----------|---------|---------------|----------------------|
/// | `id`      | integer | Yes           | ID of the widget.    |
/// | `color`   | string  | Conditionally | Color of the widget. |
/// | `name`    | string  | Conditionally | Name of the widget.  |
/// ````
///
/// ## Fix safety
/// Writing `Conditionally` changes what the table says the API requires, and may put
/// the row out of order; a writer should confirm the sentence and the row agree. The
/// fix is unsafe.
#[derive(RuleMeta)]
#[rule(code = "AT011", name = "conditional-attribute-unmarked", category = Attributes, severity = Warning, fix = Always, since = "0.2.0")]
pub struct ConditionalAttributeUnmarked;

impl Check for ConditionalAttributeUnmarked {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            for table in &method.request_tables {
                for row in &table.rows {
                    let (Some(name), Some(required)) = (&row.name, &row.required) else {
                        continue;
                    };
                    let cell = required.value.trim();
                    if cell.to_ascii_lowercase().starts_with("conditionally") {
                        continue;
                    }
                    // A row cut short has no Required cell to write in (the table rules
                    // report it); writing at its end would land on the next line.
                    let after = ctx.source.text().get(required.range.end()..).unwrap_or("");
                    if required.range.is_empty() && !after.trim_start_matches([' ', '\t']).starts_with('|') {
                        continue;
                    }
                    // The first sentence that names the row is enough.
                    let group = method
                        .requirement_groups
                        .iter()
                        .find(|g| g.names.iter().any(|n| n.value == name.name));
                    if let Some(group) = group {
                        let line = ctx.source.line_col(group.range.start()).line;
                        out.push(
                            ctx.report(
                                &Self::META,
                                required.range,
                                format!(
                                    "`{}` is one of the attributes at least one of which is required (line {line}), but its Required cell says `{cell}`",
                                    name.name
                                ),
                            )
                            .with_help("write `Conditionally` in the Required column")
                            .with_secondary(Label::with_message(group.range, "the requirement"))
                            .with_fix(Fix::unsafe_(
                                "Write `Conditionally`",
                                vec![Edit::replacement(required.range, "Conditionally")],
                            )),
                        );
                    }
                }
            }
        }
    }
}
