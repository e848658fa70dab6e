use super::json_key_undocumented::parent;
use super::shape::documented;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports response attributes that the table documents but the JSON response example
/// does not show. A sub-attribute is only expected when its parent is in the example (an
/// empty or absent parent explains a missing child). An array row `X` over rows `X[].k`
/// that name the items of a top-level array example is that array itself, which the
/// example shows.
///
/// ## Why is this bad?
/// "Documented attributes should appear in the example": readers use the example to see
/// the shape of a real response; an attribute missing there may have been removed, or
/// the example is outdated. Examples are sometimes trimmed on purpose, hence `info`.
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
/// | Attribute | Type    | Description         |
/// |-----------|---------|---------------------|
/// | `id`      | integer | ID of the widget.   |
/// | `name`    | string  | Name of the widget. |
///
/// ```json
/// { "id": 1 }
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
/// | Attribute | Type    | Description         |
/// |-----------|---------|---------------------|
/// | `id`      | integer | ID of the widget.   |
/// | `name`    | string  | Name of the widget. |
///
/// ```json
/// { "id": 1, "name": "Widget" }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "RS006", name = "response-attribute-missing-from-example", category = Response, severity = Info, fix = None, since = "0.1.0")]
pub struct ResponseAttributeMissingFromExample;

impl Check for ResponseAttributeMissingFromExample {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            let shapes: Vec<_> = super::shape::success_examples(ctx, method)
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            let documented = documented(method, &shapes);
            // An example of an empty list or object (`[]`: nothing matches) shows no key.
            if documented.is_empty() || shapes.is_empty() || shapes.iter().all(|s| s.fields.is_empty()) {
                continue;
            }
            for doc in &documented {
                let path = doc.path.as_str();
                if shapes.iter().any(|s| s.field(path).is_some()) {
                    continue;
                }
                if let Some(parent) = parent(path) {
                    if !shapes
                        .iter()
                        .any(|s| s.field(parent).is_some() || s.field(&format!("{parent}[]")).is_some())
                    {
                        continue;
                    }
                    // A parent shown only as `[]` or `{}` has no child to show.
                    let shown_children = shapes.iter().any(|s| {
                        s.fields.iter().any(|f| {
                            f.path.starts_with(&format!("{parent}.")) || f.path.starts_with(&format!("{parent}[]."))
                        })
                    });
                    if !shown_children {
                        continue;
                    }
                }
                let range = doc.row.name.as_ref().map_or(doc.row.range, |n| n.range);
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        format!("`{path}` is documented but the response example does not show it"),
                    )
                    .with_help("add the attribute to the example, or remove the row if the API no longer returns it"),
                );
            }
        }
    }
}
