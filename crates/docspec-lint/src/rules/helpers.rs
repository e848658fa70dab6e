//! Small questions many rules ask about a method.

use docspec_model::{ExampleRole, Method, ResponseContent};

/// Whether the method answers with a body, when the page says enough to tell. The
/// success sentence decides when it names response attributes or a status without a
/// body; `202 Accepted` and `DELETE` are taken to answer without one. A response example
/// shows a body. With neither, `GET` answers with a body, `DELETE` without, and for the
/// other verbs it is unknown (missing-success-sentence reports that gap; guessing would
/// add false findings).
pub fn has_body(method: &Method) -> Option<bool> {
    let verbs: Vec<String> = method
        .request_lines()
        .map(|l| l.verb.value.to_ascii_uppercase())
        .collect();
    let all = |verb: &str| !verbs.is_empty() && verbs.iter().all(|v| v == verb);
    let shows_body = has_example(method, ExampleRole::Response);
    let Some(success) = method.success.first() else {
        return if all("GET") || shows_body {
            Some(true)
        } else if all("DELETE") {
            Some(false)
        } else {
            None
        };
    };
    Some(match success.code {
        Some(code) if !crate::vocabulary::status_has_body(code) => false,
        _ if success.mentions_response_attributes || shows_body => true,
        Some(202) => false,
        _ => !all("DELETE"),
    })
}

/// Whether the method answers with a JSON body, which the template asks to show
/// (a response example) and describe (a response attribute table). Files and raw text
/// need neither.
pub fn has_json_body(method: &Method) -> Option<bool> {
    if method.response_content == ResponseContent::Raw {
        return Some(false);
    }
    has_body(method)
}

/// Whether a method creates something: its title starts with Create, Add or New.
pub fn creates(method: &Method) -> bool {
    let title = method.title.value.trim_start().to_ascii_lowercase();
    ["create", "add", "new"].iter().any(|w| {
        title
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_ascii_alphanumeric()))
    })
}

/// The one HTTP verb of a method's request lines, upper case; `None` when they differ.
pub fn single_verb(method: &Method) -> Option<String> {
    let mut verbs = method.request_lines().map(|l| l.verb.value.to_ascii_uppercase());
    let first = verbs.next()?;
    verbs.all(|v| v == first).then_some(first)
}

/// The link to the status-codes table from a page: `../` for each folder between
/// `doc/api/` and the page.
pub fn status_codes_link(path: &str) -> String {
    let depth = path
        .find("api/")
        .map_or(0, |at| path[at + "api/".len()..].matches('/').count());
    format!("{}rest/troubleshooting.md#status-codes", "../".repeat(depth))
}

/// The success sentence the template asks of this method, as far as its verb, title and
/// response tell: `201 Created` for a POST that creates, `204 No Content` for a DELETE
/// without a body, `200 OK` for reads and updates; "and the following response
/// attributes:" only when the response is JSON. `None` when the status cannot be told.
pub fn suggested_success_sentence(method: &Method, page_path: &str) -> Option<String> {
    let link = status_codes_link(page_path);
    let json = has_json_body(method);
    let status = match single_verb(method)?.as_str() {
        "GET" | "PUT" | "PATCH" => "200 OK",
        "DELETE" if has_body(method) != Some(true) => "204 No Content",
        "DELETE" => "200 OK",
        "POST" if creates(method) => "201 Created",
        _ => return None,
    };
    let tail = if status != "204 No Content" && json == Some(true) {
        " and the following response attributes:"
    } else {
        "."
    };
    Some(format!("If successful, returns [`{status}`]({link}){tail}"))
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
