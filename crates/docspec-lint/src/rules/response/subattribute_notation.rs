use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks how response tables name sub-attributes: with dots for objects
/// (`project.name`) and `[]` for the items of arrays (`projects[].name`). Other
/// separators (`project:name`, `project/name`, `project->name`, `project[name]`,
/// spaces) are reported, and so is `parent.child` when `parent` is documented as an
/// array.
///
/// ## Why is this bad?
/// "Represent sub-attributes with dots (.), like `project.name` or `projects[].name` in
/// case of an array." One notation lets readers see the nesting at a glance and lets the
/// OpenAPI output build the right schema.
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
/// | Attribute   | Type   | Description         |
/// |-------------|--------|---------------------|
/// | `tags`      | array  | Tags of the widget. |
/// | `tags.name` | string | Name of the tag.    |
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
/// | Attribute     | Type   | Description         |
/// |---------------|--------|---------------------|
/// | `tags`        | array  | Tags of the widget. |
/// | `tags[].name` | string | Name of the tag.    |
/// ````
///
/// ## Fix safety
/// Writing `parent[].child` for the child of an array only adds the array marker the
/// table itself states; it is safe. Other notations are not fixed.
#[derive(RuleMeta)]
#[rule(code = "RS004", name = "subattribute-notation", category = Response, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct SubattributeNotation;

const SEPARATORS: &[&str] = &["->", ":", "/", " > ", " "];

impl Check for SubattributeNotation {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in ctx.page.methods().flat_map(|m| m.response_tables.iter()) {
            let arrays: Vec<&str> = table
                .rows
                .iter()
                .filter(|r| r.type_.as_ref().is_some_and(|t| is_array_type(&t.value)))
                // An array row may be written `tags` or `tags[]`.
                .filter_map(|r| r.name.as_ref().map(|n| n.name.trim_end_matches("[]")))
                .collect();
            for row in &table.rows {
                let Some(name) = row.name.as_ref().filter(|n| n.backticked) else {
                    continue;
                };
                let text = name.name.as_str();
                if let Some(sep) = SEPARATORS.iter().find(|s| text.contains(**s)) {
                    out.push(
                        ctx.report(
                            &Self::META,
                            name.range,
                            format!("`{text}` separates sub-attributes with `{}`", sep.trim()),
                        )
                        .with_help("write `parent.child`, or `parent[].child` for the items of an array"),
                    );
                    continue;
                }
                if has_keyed_brackets(text) {
                    out.push(
                        ctx.report(
                            &Self::META,
                            name.range,
                            format!("`{text}` uses `[key]` for a sub-attribute"),
                        )
                        .with_help("write `parent.key`; `[]` only marks the items of an array"),
                    );
                    continue;
                }
                // `tags.name` where `tags` is an array: the child of its items.
                if let Some(parent) = arrays
                    .iter()
                    .filter(|a| text.starts_with(&format!("{a}.")))
                    .max_by_key(|a| a.len())
                {
                    let fixed = format!("{parent}[]{}", &text[parent.len()..]);
                    let at = name.range.start() + 1;
                    let fix = (ctx.text(name.range) == format!("`{text}`"))
                        .then(|| {
                            Fix::safe(
                                format!("Write `{fixed}`"),
                                vec![Edit::insertion(at + parent.len(), "[]")],
                            )
                        })
                        .flatten();
                    out.push(
                        ctx.report(
                            &Self::META,
                            name.range,
                            format!("`{parent}` is an array, so its items' attribute is `{fixed}`"),
                        )
                        .with_help(format!("write `{fixed}`"))
                        .with_fix(fix),
                    );
                }
            }
        }
    }
}

fn is_array_type(ty: &str) -> bool {
    let lower = ty.trim().to_ascii_lowercase();
    lower.starts_with("array") || lower.ends_with(" array") || lower.ends_with("[]")
}

/// `a[b]`: brackets with something inside.
fn has_keyed_brackets(text: &str) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(0) => rest = &after[1..],
            Some(_) => return true,
            None => return false,
        }
    }
    false
}
