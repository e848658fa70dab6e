//! Small questions many rules ask about a method.

use docspec_model::{ExampleRole, Method};

/// Whether the method answers with a body. The success sentence decides when it
/// names response attributes or a status without a body; otherwise `DELETE` and
/// `202 Accepted` are taken to answer without one.
pub fn has_body(method: &Method) -> bool {
    let all_delete = method
        .request_lines()
        .all(|l| l.verb.value.eq_ignore_ascii_case("DELETE"));
    let Some(success) = method.success.first() else {
        return !all_delete;
    };
    match success.code {
        Some(code) if !crate::vocabulary::status_has_body(code) => false,
        _ if success.mentions_response_attributes => true,
        Some(202) => false,
        _ => !all_delete,
    }
}

pub fn has_example(method: &Method, role: ExampleRole) -> bool {
    method.examples_of(role).next().is_some()
}

/// Rewrites header words when the columns are the expected ones spelled differently.
pub fn header_fix(table: &docspec_model::Table, expected: &[&str]) -> Option<docspec_diagnostics::Fix> {
    if table.header.len() != expected.len() {
        return None;
    }
    let same_column = |actual: &str, wanted: &str| {
        let a = actual.trim().to_ascii_lowercase();
        a == wanted.to_ascii_lowercase() || (wanted == "Attribute" && a == "parameter")
    };
    if !table.header.iter().zip(expected).all(|(c, w)| same_column(&c.text, w)) {
        return None;
    }
    let edits = table
        .header
        .iter()
        .zip(expected)
        .filter(|(c, w)| c.text != **w)
        .map(|(c, w)| docspec_diagnostics::Edit::replacement(c.range, *w))
        .collect();
    docspec_diagnostics::Fix::safe("Normalize the header row", edits)
}
