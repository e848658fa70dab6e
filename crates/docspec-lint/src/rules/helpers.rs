//! Small questions many rules ask about a method.

use docspec_model::{ExampleRole, Method, ResponseContent};

/// Whether the method answers with a body, when the page says enough to tell. The
/// success sentence decides when it names response attributes or a status without a
/// body; `202 Accepted` and `DELETE` are taken to answer without one. A response example
/// shows a body. With neither, `GET` answers with a body, `DELETE` without, and for the
/// other verbs it is unknown (missing-success-sentence reports that gap; guessing would
/// add false findings).
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
    let shows_body = has_example(method, ExampleRole::Response);
    let Some(success) = method.success_statement() else {
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
    let depth = api_folder(path).map_or(0, |(_, depth)| depth);
    format!("{}rest/troubleshooting.md#status-codes", "../".repeat(depth))
}

/// The folders of a page's path up to its `api` folder (the last one, preferring
/// `doc/api`), and how many folders lie between it and the page; `None` when the path
/// has no `api` folder.
pub fn api_folder(path: &str) -> Option<(Vec<&str>, usize)> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let folders = parts.len().checked_sub(1)?;
    let api = (0..folders)
        .rev()
        .find(|&i| parts[i] == "api" && i > 0 && parts[i - 1] == "doc")
        .or_else(|| (0..folders).rev().find(|&i| parts[i] == "api"))?;
    Some((parts[..=api].to_vec(), folders - api - 1))
}

/// Whether the method's text (description and prose) says its work is done after it
/// answers: "executed asynchronously", "scheduled for deletion", "added to the queue".
pub fn deferred(method: &Method) -> bool {
    method
        .description
        .iter()
        .map(|d| d.value.as_str())
        .chain(method.paragraphs.iter().map(|p| p.text.as_str()))
        .any(crate::vocabulary::says_deferred)
}

/// The success sentence the template asks of this method, as far as its verb, title,
/// text and response tell: the first of the API's conventional statuses
/// (`status_verb::conventional_statuses`) that fits the response, so `201 Created` for
/// a POST that creates, `202 Accepted` for a method whose text says it works later,
/// `204 No Content` for a DELETE without a body, `200 OK` for reads and updates; "and the
/// following response attributes:" only when the response is JSON. `None` when the
/// status cannot be told.
pub fn suggested_success_sentence(method: &Method, page_path: &str) -> Option<String> {
    let link = status_codes_link(page_path);
    let codes = crate::rules::status::status_verb::conventional_statuses(
        &single_verb(method)?,
        creates(method),
        deferred(method),
    )?;
    // A method that answers with a body does not answer `204 No Content`.
    let body = has_body(method);
    let code = codes
        .iter()
        .copied()
        .find(|&c| body != Some(true) || crate::vocabulary::status_has_body(c))?;
    let reason = crate::vocabulary::status_reason(code)?;
    let tail = if crate::vocabulary::status_has_body(code) && has_json_body(method) == Some(true) {
        " and the following response attributes:"
    } else {
        "."
    };
    Some(format!("If successful, returns [`{code} {reason}`]({link}){tail}"))
}

/// Text cut after `max` characters for a message, with `…` where it was cut.
pub fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
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

/// A name as `sort` orders it in most locales: letter by letter, underscores ignored
/// (`batched` before `batch_number`), a tie settled by the name itself. Tables sorted
/// either this way or character by character are both "alphabetical".
pub fn letter_by_letter(name: &str) -> String {
    format!("{}\0{name}", name.replace('_', ""))
}

/// Whether the two alphabetical orders agree on every pair of `names`: then trying the
/// letter-by-letter order cannot accept what the character order rejected.
pub fn orders_agree<'n>(names: impl Iterator<Item = &'n str>) -> bool {
    let mut sorted: Vec<&str> = names.collect();
    sorted.sort_unstable();
    let letters = |s: &'n str| s.bytes().filter(|b| *b != b'_');
    sorted
        .windows(2)
        .all(|w| letters(w[0]).cmp(letters(w[1])).then(w[0].cmp(w[1])).is_le())
}

/// The first index whose key sorts before the previous one, and the sorted order of all
/// indexes (stable), for rules that check and fix the order of table rows.
pub fn first_out_of_order<K: Ord>(keys: &[K]) -> Option<(usize, Vec<usize>)> {
    let i = (1..keys.len()).find(|&i| keys[i] < keys[i - 1])?;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    Some((i, order))
}

/// The code block or table that comes right after a paragraph (nothing but blank lines
/// and comments between): the block the paragraph introduces, if any.
pub fn block_after(
    page: &docspec_model::Page,
    text: &str,
    paragraph: docspec_model::TextRange,
) -> Option<docspec_model::TextRange> {
    let end = paragraph.end();
    let next_code = page.code_blocks.partition_point(|b| b.range.start() < end);
    let next_table = page.tables.partition_point(|t| t.range.start() < end);
    let next = [
        page.code_blocks.get(next_code).map(|b| b.range),
        page.tables.get(next_table).map(|t| t.range),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|r| r.start())?;
    only_blank_and_comments(text.get(end..next.start())?).then_some(next)
}

fn only_blank_and_comments(mut text: &str) -> bool {
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return true;
        }
        let Some(after) = text.strip_prefix("<!--") else {
            // A quote marker before a block in a quote is not content either.
            return text.chars().all(|c| c.is_whitespace() || c == '>');
        };
        match after.find("-->") {
            Some(close) => text = &after[close + 3..],
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::orders_agree;

    #[test]
    fn alphabetical_orders_disagree_only_around_underscores() {
        assert!(orders_agree(["name", "id", "color"].into_iter()));
        assert!(orders_agree(["size_limit", "size_limit_enabled"].into_iter()));
        assert!(!orders_agree(["batched", "batch_number"].into_iter()));
    }
}
