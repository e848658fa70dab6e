//! Small questions many rules ask about a method.

use docspec_model::{ExampleRole, Method};

/// Whether the method answers with a body, when the page says enough to tell. The
/// success sentence decides when it names response attributes or a status without a
/// body; `202 Accepted` and `DELETE` are taken to answer without one. With no success
/// sentence, `GET` answers with a body, `DELETE` without, and for the other verbs it is
/// unknown (missing-success-sentence reports that gap; guessing would add false findings).
/// `HEAD` never answers with a body.
pub fn has_body(method: &Method) -> Option<bool> {
    let verbs: Vec<String> = method
        .request_lines()
        .map(|l| l.verb.value.to_ascii_uppercase())
        .collect();
    let all = |verb: &str| !verbs.is_empty() && verbs.iter().all(|v| v == verb);
    // HTTP: a response to HEAD never has a body.
    if all("HEAD") {
        return Some(false);
    }
    let Some(success) = method.success.first() else {
        return if all("GET") {
            Some(true)
        } else if all("DELETE") {
            Some(false)
        } else {
            None
        };
    };
    Some(match success.code {
        Some(code) if !crate::vocabulary::status_has_body(code) => false,
        _ if success.mentions_response_attributes => true,
        Some(202) => false,
        _ => !all("DELETE"),
    })
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

/// Which table of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Request,
    Response,
}

/// Every attribute table of the page with its method and kind.
pub fn attribute_tables(
    page: &docspec_model::Page,
) -> impl Iterator<Item = (&Method, &docspec_model::AttributeTable, TableKind)> {
    page.methods().flat_map(|m| {
        m.request_tables
            .iter()
            .map(move |t| (m, t, TableKind::Request))
            .chain(m.response_tables.iter().map(move |t| (m, t, TableKind::Response)))
    })
}

/// Sort group of a Required cell: `Yes` first, then conditional forms, then the rest.
pub fn required_rank(value: &str) -> u8 {
    let lower = value.trim().to_ascii_lowercase();
    if lower == "yes" || lower == "true" {
        0
    } else if lower.starts_with("conditionally") || lower.starts_with("yes") || lower.starts_with("sometimes") {
        1
    } else {
        2
    }
}

/// Rewrites a table's body rows in `order` (indexes into its rows); `None` when the rows
/// are not consecutive single lines (the fix would not be exact).
pub fn reorder_rows_fix(
    text: &str,
    table: &docspec_model::Table,
    order: &[usize],
    title: &str,
) -> Option<docspec_diagnostics::Fix> {
    let first = table.rows.first()?;
    let last = table.rows.last()?;
    let region = docspec_model::TextRange::new(first.range.start(), last.range.end());
    let separator = if text.get(region.as_range())?.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let lines: Vec<&str> = table
        .rows
        .iter()
        .map(|r| text.get(r.range.as_range()))
        .collect::<Option<_>>()?;
    // Consecutive lines only: the rows joined back must give the region exactly.
    if lines.join(separator) != text.get(region.as_range())? {
        return None;
    }
    let reordered: Vec<&str> = order.iter().filter_map(|&i| lines.get(i).copied()).collect();
    if reordered.len() != lines.len() {
        return None;
    }
    docspec_diagnostics::Fix::safe(
        title,
        vec![docspec_diagnostics::Edit::replacement(
            region,
            reordered.join(separator),
        )],
    )
}

/// The first index whose key sorts before the previous one, and the sorted order of all
/// indexes (stable), for rules that check and fix the order of table rows.
pub fn first_out_of_order<K: Ord>(keys: &[K]) -> Option<(usize, Vec<usize>)> {
    let i = (1..keys.len()).find(|&i| keys[i] < keys[i - 1])?;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    Some((i, order))
}
