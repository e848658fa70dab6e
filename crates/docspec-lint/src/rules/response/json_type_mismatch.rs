use super::shape::{allowed_kinds, documented};
use crate::json::JsonKind;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};

/// ## What it does
/// Holds the values of a method's JSON response example against the Type column of its
/// response table: `integer` needs a whole number, `string`, `date` and `datetime` a
/// string, `boolean` `true` or `false`, `array` types an array, `object` and `hash` an
/// object, `integer or string` either. `null` is always allowed; types the check cannot
/// read (`mixed`, free text) are skipped.
///
/// ## Why is this bad?
/// A table that says `integer` for a value the example shows as `"42"` leaves readers
/// (and generated clients) guessing which is true.
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
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer | ID of the widget. |
///
/// ```json
/// { "id": "1" }
/// ```
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
///
/// ```json
/// { "id": 1 }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "RS007", name = "json-type-mismatch", category = Response, severity = Warning, fix = None, since = "0.1.0")]
pub struct JsonTypeMismatch;

impl Check for JsonTypeMismatch {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            let examples = super::shape::success_examples(ctx, method);
            let shapes: Vec<_> = examples.iter().map(|(_, s)| *s).collect();
            let documented = documented(method, &shapes);
            if documented.is_empty() {
                continue;
            }
            for (block, shape) in examples {
                for doc in &documented {
                    let Some(ty) = &doc.row.type_ else { continue };
                    let Some(allowed) = allowed_kinds(&ty.value) else {
                        continue;
                    };
                    let Some(field) = shape.field(&doc.path) else { continue };
                    let wrong: Vec<JsonKind> = field
                        .kinds
                        .iter()
                        .copied()
                        .filter(|k| *k != JsonKind::Null && !allowed.contains(k))
                        .collect();
                    let Some(first) = wrong.first() else { continue };
                    let key = doc.path.rsplit('.').next().unwrap_or(&doc.path);
                    let range = block.source_range(field.offset, field.offset + key.len() + 2);
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            format!(
                                "`{}` is {} in the example, but the table says `{}`",
                                doc.path,
                                first.as_str(),
                                ty.value
                            ),
                        )
                        .with_secondary(Label::with_message(ty.range, "documented type"))
                        .with_help("make the example and the Type column agree"),
                    );
                }
            }
        }
    }
}
