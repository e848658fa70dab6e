use super::shape::{array_root, documented};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Holds the keys of a method's JSON response example (the object, or the items of a
/// top-level array; nested keys as `a.b`, items of arrays as `a[].b`) against its
/// response attribute table, and reports keys the table does not document. An object
/// documented without any sub-attribute covers its keys; one whose sub-attributes the
/// table gives with dots (`owner.name`) is documented by them, with or without its own
/// row, and its other keys are reported. A table that names the items of
/// a top-level array `X[].k` under an array row `X` (the style guide's `projects[].name`)
/// documents the keys `k` of the items, when the items have most of those keys.
///
/// ## Why is this bad?
/// A key in the example that the table lacks is either undocumented behaviour or a
/// leftover of an older response; readers cannot tell which.
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
/// { "id": 1, "colour": "blue" }
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
/// | `colour`  | string  | Color of the widget. |
/// | `id`      | integer | ID of the widget.   |
///
/// ```json
/// { "id": 1, "colour": "blue" }
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "RS005", name = "json-key-undocumented", category = Response, severity = Warning, fix = None, since = "0.1.0")]
pub struct JsonKeyUndocumented;

impl Check for JsonKeyUndocumented {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            if method.response_tables.is_empty() {
                continue;
            }
            let examples = super::shape::success_examples(ctx, method);
            let shapes: Vec<_> = examples.iter().map(|(_, s)| *s).collect();
            let documented = documented(method, &shapes);
            let parents = super::shape::table_parents(method);
            let paths: Vec<&str> = documented
                .iter()
                .map(|d| d.path.as_str())
                .chain(parents.iter().map(String::as_str))
                .collect();
            // Rows the table writes `commits[].id` for the items of a top-level array.
            let root = array_root(method, &shapes);
            for (block, shape) in examples {
                for field in &shape.fields {
                    let path = field.path.as_str();
                    // `provider.vault.server` documents `provider`: "represent sub-attributes
                    // with dots".
                    if path.ends_with("[]") || paths.contains(&path) || has_children(&paths, path) {
                        continue;
                    }
                    // A child is reported only under a parent whose children the table
                    // lists; an undocumented parent is reported itself, and a parent
                    // documented without children covers its keys.
                    if let Some(parent) = parent(path) {
                        if !has_children(&paths, parent) {
                            continue;
                        }
                    }
                    let key = path.rsplit('.').next().unwrap_or(path);
                    let range = block.source_range(field.offset, field.offset + key.len() + 2);
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            format!("`{path}` is in the example but not in the response table"),
                        )
                        .with_help(format!(
                            "add a `{}` row to the response table, or remove the key from the example",
                            root.map_or_else(|| path.to_string(), |r| format!("{r}[].{path}"))
                        )),
                    );
                }
            }
        }
    }
}

/// `a.b[].c` gives `a.b`; `a[].b` gives `a`; `a` has none.
pub(super) fn parent(path: &str) -> Option<&str> {
    let cut = path.rfind('.')?;
    let parent = &path[..cut];
    Some(parent.strip_suffix("[]").unwrap_or(parent))
}

pub(super) fn has_children(paths: &[&str], parent: &str) -> bool {
    paths.iter().any(|p| {
        p.strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with("[]."))
    })
}
