//! Whether a method reads as deprecated. Conservative: an attribute's deprecation or a
//! title that merely mentions deprecated things does not count.

use docspec_model::flat::{cell_deprecation, replacement};
use docspec_model::{contains_ignore_ascii_case, AttributeRow, AttributeTable, Method, Page};

/// Whether an attribute row is deprecated (its description marks it, as lint reads it),
/// with the attribute that replaces it when the description names one.
pub fn row_deprecation(page: &Page, table: &AttributeTable, row: &AttributeRow) -> Option<Option<String>> {
    let name = row.name.as_ref()?;
    let cell = page.row_cells(table, row).get(table.columns.description?)?;
    let (flat, mark) = cell_deprecation(cell, &name.name)?;
    Some(replacement(&flat, &mark))
}

pub fn is_deprecated(method: &Method) -> bool {
    title_says(&method.title.value)
        || method
            .request_lines()
            .any(|l| l.trailing.as_ref().is_some_and(|t| may_say(&t.value)))
        || method
            .history
            .iter()
            .flat_map(|h| &h.entries)
            .any(|e| e.is_about_the_whole() && e.verb.as_ref().is_some_and(|v| v.value == "deprecated"))
        || method.description.as_ref().is_some_and(|d| description_says(&d.value))
}

/// Every phrase below holds `deprecated`, whose letters only their ASCII capitals lower
/// to: a text without it in any ASCII case says none of them, and is not lowered.
fn may_say(text: &str) -> bool {
    contains_ignore_ascii_case(text, "deprecated")
}

fn title_says(title: &str) -> bool {
    if !may_say(title) {
        return false;
    }
    let lower = title.trim().to_lowercase();
    lower.contains("(deprecated)") || lower.contains("[deprecated]") || lower.starts_with("deprecated:")
}

fn description_says(description: &str) -> bool {
    if !may_say(description) {
        return false;
    }
    let lower = description
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    const PHRASES: &[&str] = &[
        "this endpoint is deprecated",
        "this endpoint has been deprecated",
        "this endpoint was deprecated",
        "this endpoint is now deprecated",
        "this api is deprecated",
        "this api endpoint is deprecated",
        "this api has been deprecated",
    ];
    lower.starts_with("deprecated") || PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(md: &str) -> Method {
        let page = docspec_parser::parse_str(md);
        let method = page.methods().next().cloned().expect("one method");
        method
    }

    #[test]
    fn reads_the_usual_signals() {
        assert!(is_deprecated(&method(
            "## Old thing (deprecated)\n\n```plaintext\nGET /x\n```\n"
        )));
        assert!(is_deprecated(&method(
            "## Old\n\nThis endpoint has been deprecated.\n\n```plaintext\nGET /x\n```\n"
        )));
        assert!(is_deprecated(&method(
            "## Old\n\n> - Deprecated in GitLab 16.0.\n\n```plaintext\nGET /x\n```\n"
        )));
        // In any case.
        assert!(is_deprecated(&method(
            "## Old thing [DEPRECATED]\n\n```plaintext\nGET /x\n```\n"
        )));
        assert!(is_deprecated(&method(
            "## Old\n\nTHIS ENDPOINT IS  DEPRECATED.\n\n```plaintext\nGET /x\n```\n"
        )));
    }

    #[test]
    fn attribute_deprecations_do_not_count() {
        assert!(!is_deprecated(&method(
            "## List deprecated tokens\n\nThe `old` attribute is deprecated.\n\n```plaintext\nGET /x\n```\n"
        )));
    }
}
