//! What the history rules share: every history of a page, inline text flattened with its
//! source positions, versions, and how a description marks an attribute deprecated.

pub use docspec_model::flat::{deprecation_mark, word_positions, Flat, Mark, MarkKind, PieceKind};
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

/// A `major.minor` version at the start of `text`, with its length.
pub fn version_at(text: &str) -> Option<(&str, (u32, u32))> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let major_len = digits(text);
    if major_len == 0 {
        return None;
    }
    let rest = &text[major_len..];
    let minor_len = rest.strip_prefix('.').map_or(0, digits);
    if minor_len == 0 {
        return None;
    }
    let written = &text[..major_len + 1 + minor_len];
    let major = text[..major_len].parse().ok()?;
    let minor = rest[1..=minor_len].parse().ok()?;
    Some((written, (major, minor)))
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
                // Most descriptions never say it: skip them before flattening.
                let text = cell.text.as_bytes();
                if memchr::memmem::find(text, b"eprecated").is_none()
                    && memchr::memmem::find(text, b"EPRECATED").is_none()
                {
                    continue;
                }
                let flat = Flat::new(&cell.inlines);
                if let Some(mark) = deprecation_mark(&flat, &name.name) {
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
    fn versions() {
        assert_eq!(version_at("16.10 and"), Some(("16.10", (16, 10))));
        assert_eq!(version_at("16"), None);
        assert_eq!(version_at("x"), None);
    }
}
