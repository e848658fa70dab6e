//! The response table read as key paths, to hold the JSON example against.

use crate::json::{JsonKind, JsonShape};
use docspec_model::Method;

/// A documented response attribute: its normalized path and the row it comes from.
pub struct Documented<'p> {
    pub path: String,
    pub row: &'p docspec_model::AttributeRow,
}

/// Every response attribute of the method, with `[]`-attribute tables (`` `deployments[]`
/// attribute ``) prefixed and a leading `[].` (items of a top-level array) removed. When
/// every example is a top-level array and a table names its items `X[].k` under an array
/// row `X` whose keys the items have, `X` is the response itself: it is left out, and
/// `X[].k` reads as `k`.
pub fn documented<'m>(method: &'m Method, shapes: &[&JsonShape]) -> Vec<Documented<'m>> {
    let mut out = Vec::new();
    for table in &method.response_tables {
        let prefix = table.prefix.as_ref().map_or_else(String::new, |p| format!("{p}."));
        let root = table_root(table, shapes);
        for row in &table.rows {
            let Some(name) = row.name.as_ref().filter(|n| n.backticked) else {
                continue;
            };
            for part in name.name.split('/') {
                let mut path = format!("{prefix}{}", part.trim());
                if let Some(root) = root {
                    if path.trim_end_matches("[]") == root {
                        continue;
                    }
                    if let Some(rest) = path.strip_prefix(root).and_then(|r| r.strip_prefix("[].")) {
                        path = rest.to_string();
                    }
                }
                while let Some(rest) = path.strip_prefix("[].").or_else(|| path.strip_prefix('.')) {
                    path = rest.to_string();
                }
                // `deployments[]` documents the array `deployments` itself.
                while let Some(rest) = path.strip_suffix("[]") {
                    path = rest.to_string();
                }
                out.push(Documented { path, row });
            }
        }
    }
    out
}

/// The parents that sub-attribute tables name (`sources[].modes` for a table of
/// `sources[].modes[]`): a table of its items documents the parent too.
pub fn table_parents(method: &Method) -> Vec<String> {
    method
        .response_tables
        .iter()
        .filter_map(|t| t.prefix.as_deref())
        .map(|p| {
            let p = p.trim_start_matches("[]").trim_start_matches('.');
            p.trim_end_matches("[]").to_string()
        })
        .collect()
}

/// The name the method's response table gives the top-level array every example is
/// (`commits` over `commits[].id`), so that help can name rows as the table writes them.
pub fn array_root<'m>(method: &'m Method, shapes: &[&JsonShape]) -> Option<&'m str> {
    method.response_tables.iter().find_map(|t| table_root(t, shapes))
}

/// The array row of a table that stands for the top-level array every example is
/// (`commits` over `commits[].id` when the example is `[{"id": ...}]`).
fn table_root<'t>(table: &'t docspec_model::AttributeTable, shapes: &[&JsonShape]) -> Option<&'t str> {
    if table.prefix.is_some() || shapes.is_empty() || !shapes.iter().all(|s| s.root_is_array) {
        return None;
    }
    let names: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|r| r.name.as_ref().filter(|n| n.backticked).map(|n| n.name.as_str()))
        .collect();
    crate::json::array_root(&names, |key| shapes.iter().any(|s| s.field(key).is_some()))
}

/// The JSON kinds a Type cell allows; `None` when the type says nothing checkable.
pub fn allowed_kinds(ty: &str) -> Option<Vec<JsonKind>> {
    use JsonKind::*;
    let lower = ty.trim().to_ascii_lowercase();
    let lower = lower.trim_end_matches(" (iso 8601)");
    Some(match lower {
        "string" | "date" | "datetime" | "date-time" | "timestamp" | "time" => vec![String],
        "integer" | "int" => vec![Integer],
        "float" | "number" | "decimal" => vec![Float, Integer],
        "boolean" | "bool" => vec![Boolean],
        "hash" | "object" | "map" => vec![Object],
        "integer or string" | "integer/string" | "string or integer" => vec![Integer, String],
        "string or null" => vec![String],
        "integer or null" => vec![Integer],
        "string or array of strings" => vec![String, Array],
        l if l.starts_with("array") || l.ends_with(" array") || l.ends_with("[]") => vec![Array],
        _ => return None,
    })
}

/// An example of an error answer (`{"message": "404 Not Found"}`), not of the documented
/// success response.
pub fn is_error_body(shape: &crate::json::JsonShape) -> bool {
    let mut top = shape
        .fields
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| !p.contains(['.', '[']))
        .peekable();
    top.peek().is_some() && top.all(|k| matches!(k, "message" | "error" | "error_description" | "errors"))
}

/// The method's response examples that parse, with their shapes; error bodies left out.
pub fn success_examples<'c>(
    ctx: &'c crate::LintContext<'_>,
    method: &'c Method,
) -> Vec<(&'c docspec_model::CodeBlock, &'c crate::json::JsonShape)> {
    method
        .examples_of(docspec_model::ExampleRole::Response)
        .filter_map(|e| match (ctx.page.code_block(e.code_block), ctx.json(e.code_block)) {
            (Some(block), Some(Ok(shape))) if !is_error_body(shape) => Some((block, shape)),
            _ => None,
        })
        .collect()
}
