//! Sentences that require at least one of several attributes.

use crate::blocks::{Block, ListItem};
use docspec_model::{AttributeTable, Inline, RequirementGroup, Spanned, Table, TextRange};

/// Whether a sentence makes a group of attributes conditionally required: "At least one
/// of the following parameters is required", "At least one of `a` or `b` must be
/// included", "Either `a` or `b` is required".
pub fn is_requirement(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let demands = lower.contains("required") || lower.contains("must be");
    demands && (lower.contains("at least one of") || lower.trim_start().starts_with("either "))
}

/// A paragraph that requires at least one of several attributes, with those it names in
/// code spans (a following list may name them instead: see [`list_names`]).
pub fn group(inlines: &[Inline], range: TextRange) -> Option<RequirementGroup> {
    if !is_requirement(&docspec_model::plain_text(inlines)) {
        return None;
    }
    let mut names = Vec::new();
    docspec_model::walk_inlines(inlines, &mut |inline| {
        if let Inline::Code { code, range } = inline {
            if let Some(name) = attribute_name(code) {
                names.push(Spanned::new(name, *range));
            }
        }
    });
    Some(RequirementGroup { range, names })
}

/// Rows whose description requires at least one of them and other rows of the table
/// ("At least one of `a` or `b` must be included"): a group of the row and the rows named.
pub fn row_groups(table: &Table, attributes: &AttributeTable) -> Vec<RequirementGroup> {
    let Some(column) = attributes.columns.description else {
        return Vec::new();
    };
    let names: Vec<&str> = attributes
        .rows
        .iter()
        .filter_map(|r| r.name.as_ref().map(|n| n.name.as_str()))
        .collect();
    let mut out = Vec::new();
    for row in &attributes.rows {
        let (Some(name), Some(cell)) = (&row.name, table.rows.get(row.row).and_then(|r| r.cells.get(column))) else {
            continue;
        };
        let Some(mut group) = group(&cell.inlines, cell.range) else {
            continue;
        };
        group
            .names
            .retain(|n| n.value != name.name && names.contains(&n.value.as_str()));
        if group.names.is_empty() {
            continue;
        }
        group.names.insert(0, Spanned::new(name.name.clone(), name.range));
        out.push(group);
    }
    out
}

/// The attribute each item of a list names first in a code span (`- `:assignee_id``).
pub fn list_names(items: &[ListItem]) -> Vec<Spanned<String>> {
    items
        .iter()
        .filter_map(|item| {
            let Some(Block::Paragraph { inlines, .. }) = item.children.first() else {
                return None;
            };
            inlines.iter().find_map(|inline| match inline {
                Inline::Code { code, range } => attribute_name(code).map(|n| Spanned::new(n, *range)),
                _ => None,
            })
        })
        .collect()
}

/// A code span that names an attribute: one word, a leading `:` dropped.
fn attribute_name(code: &str) -> Option<String> {
    let name = code.trim().trim_start_matches(':');
    let word = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']' | '.' | ':'));
    word.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::is_requirement;

    #[test]
    fn requirement_sentences() {
        assert!(is_requirement(
            "At least one of the following parameters is required for the request to be successful:"
        ));
        assert!(is_requirement(
            "At least one of `a` or `b` must be included in the API call."
        ));
        assert!(is_requirement("Either `a` or `b` is required."));
        assert!(!is_requirement("Returns at least one of the widgets."));
        assert!(!is_requirement("Either way, the widget is kept."));
    }
}
