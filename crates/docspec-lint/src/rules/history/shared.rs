//! What the history rules share: every history of a page, inline text flattened with its
//! source positions, versions, and how a description marks an attribute deprecated.

pub use docspec_model::flat::{cell_deprecation, deprecation_mark, word_positions, Flat, Mark, MarkKind, PieceKind};
pub use docspec_model::version_at;
use docspec_model::{History, Method, Page, Resource};

/// Every history of the page, wherever it stands, in source order.
pub fn histories(page: &Page) -> impl Iterator<Item = &History> {
    let mut all: Vec<&History> = page.all_history().collect();
    all.sort_by_key(|h| h.range.start());
    all.into_iter()
}

/// Every method of the page with its resource.
pub fn methods_with_resource(page: &Page) -> impl Iterator<Item = (&Resource, &Method)> {
    page.resources
        .iter()
        .flat_map(|r| r.methods.iter().map(move |m| (r, m)))
}

/// `text` as inline code for a message: double backticks when it holds a backtick.
pub fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// An attribute row whose description marks the attribute as deprecated.
pub struct DeprecatedRow<'p> {
    pub resource: &'p Resource,
    pub method: &'p Method,
    pub name: &'p docspec_model::AttributeName,
    pub flat: Flat,
    pub mark: Mark,
}

/// Every request or response attribute row of the page whose description deprecates it.
pub fn deprecated_rows(page: &Page) -> Vec<DeprecatedRow<'_>> {
    let mut out = Vec::new();
    for (resource, method) in methods_with_resource(page) {
        for table in method.request_tables.iter().chain(&method.response_tables) {
            let Some(column) = table.columns.description else {
                continue;
            };
            for row in &table.rows {
                let Some(name) = &row.name else { continue };
                let Some(cell) = page.row_cells(table, row).get(column) else {
                    continue;
                };
                if let Some((flat, mark)) = cell_deprecation(cell, &name.name) {
                    out.push(DeprecatedRow {
                        resource,
                        method,
                        name,
                        flat,
                        mark,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deprecation_is_read_in_any_case() {
        let page = docspec_parser::parse_str(
            "# Gizmos\n\n## List gizmos\n\n```plaintext\nGET /gizmos\n```\n\n\
             | Attribute | Type | Required | Description |\n\
             |-----------|------|----------|-------------|\n\
             | `a` | string | No | DePrecated: use `b` instead. |\n\
             | `b` | string | No | The name. |\n\
             | `c` | string | No | DEPRECATED. Use `b`. |\n",
        );
        let names: Vec<&str> = deprecated_rows(&page).iter().map(|r| r.name.name.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
    }
}
