//! Hover: a rule code shows the rule's documentation; an attribute a cURL or JSON example
//! names shows its row of the method's attribute table.

use docspec_model::{AttributeTable, CodeBlock, ExampleRole, Page, SourceFile, TextRange};

/// Markdown to show at `offset`, and the range it is about.
pub fn hover(source: &SourceFile, page: &Page, offset: usize) -> Option<(String, TextRange)> {
    rule_hover(source, page, offset).or_else(|| attribute_hover(source, page, offset))
}

/// The word at `offset` made of `allowed` characters.
fn word_at(text: &str, offset: usize, allowed: impl Fn(char) -> bool) -> Option<TextRange> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| allowed(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = offset
        + text[offset..]
            .chars()
            .take_while(|&c| allowed(c))
            .map(char::len_utf8)
            .sum::<usize>();
    (end > start).then(|| TextRange::new(start, end))
}

fn looks_like_code(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 5 && bytes[..2].iter().all(u8::is_ascii_uppercase) && bytes[2..].iter().all(u8::is_ascii_digit)
}

fn rule_hover(source: &SourceFile, page: &Page, offset: usize) -> Option<(String, TextRange)> {
    let range = word_at(source.text(), offset, |c| c.is_ascii_alphanumeric() || c == '-')?;
    let word = source.slice(range);
    let in_comment = page.comments.iter().any(|c| c.range.contains(offset));
    // Outside suppression comments only a code is taken for a rule (not every word).
    if !in_comment && !looks_like_code(word) {
        return None;
    }
    let meta = docspec_lint::find(word)?.meta();
    let text = format!(
        "**{}** `{}` ({} rule, default {})\n\n{}",
        meta.code, meta.name, meta.category, meta.default_severity, meta.docs
    );
    Some((text, range))
}

fn attribute_hover(source: &SourceFile, page: &Page, offset: usize) -> Option<(String, TextRange)> {
    let (method, block, role) = page.methods().find_map(|m| {
        m.examples.iter().find_map(|e| {
            let block = page.code_block(e.code_block)?;
            block.range.contains(offset).then_some((m, block, e.role))
        })
    })?;
    let (name, range) = match role {
        ExampleRole::Curl => curl_key(block, offset)?,
        ExampleRole::Response | ExampleRole::RequestBody => json_key(source, offset)?,
        ExampleRole::Other => return None,
    };
    let tables = match role {
        ExampleRole::Response => &method.response_tables,
        _ => &method.request_tables,
    };
    let rows = matching_rows(source, page, tables, &name);
    if rows.is_empty() {
        return None;
    }
    let side = if role == ExampleRole::Response {
        "response"
    } else {
        "request"
    };
    let mut text = format!("**`{name}`**: {side} attribute of *{}*\n", method.title.value.trim());
    for (header, delimiter, row) in rows.iter().take(5) {
        text.push_str(&format!("\n{header}\n{delimiter}\n{row}\n"));
    }
    Some((text, range))
}

/// The query parameter or body key of a `curl` command at `offset`.
fn curl_key(block: &CodeBlock, offset: usize) -> Option<(String, TextRange)> {
    for command in docspec_curl::parse_commands(&block.content) {
        for sent in command.sent_parameters() {
            let source = block.source_range(sent.range.start, sent.range.end);
            if source.start() <= offset && offset <= source.end() && !sent.name.is_empty() {
                return Some((sent.name.to_string(), source));
            }
        }
    }
    None
}

/// The `"key"` of a JSON object member at `offset` (a string followed by `:`).
fn json_key(source: &SourceFile, offset: usize) -> Option<(String, TextRange)> {
    let text = source.text();
    let line = source.lines().line_range(text, source.lines().line_of(offset));
    let line_text = source.slice(line);
    let at = offset.checked_sub(line.start())?;
    let open = line_text.get(..at)?.rfind('"')?;
    let close = at + line_text.get(at..)?.find('"')?;
    // `"a": "b"`: the cursor on `b` is inside a value, not a key.
    let after = line_text.get(close + 1..)?.trim_start();
    if !after.starts_with(':') || line_text[..open].matches('"').count() % 2 == 1 {
        return None;
    }
    let name = line_text.get(open + 1..close)?.to_string();
    Some((name, TextRange::new(line.start() + open + 1, line.start() + close)))
}

/// Rows named `name`, by their whole name, their base (`ids[]`), or their last part
/// (`author.name` for `name`), as the header, delimiter and row lines of the table.
fn matching_rows(
    source: &SourceFile,
    page: &Page,
    tables: &[AttributeTable],
    name: &str,
) -> Vec<(String, String, String)> {
    let base = docspec_curl::base_name(name);
    let mut exact = Vec::new();
    let mut nested = Vec::new();
    for table in tables {
        let Some(t) = page.table(table.table) else { continue };
        for row in &table.rows {
            let Some(row_name) = &row.name else { continue };
            let lines = || {
                (
                    source.slice(table.header_range).trim_end().to_string(),
                    source.slice(t.delimiter_range).trim_end().to_string(),
                    source.slice(row.range).trim_end().to_string(),
                )
            };
            let names: Vec<&str> = row_name.name.split('/').map(str::trim).collect();
            if names.iter().any(|n| *n == name || docspec_curl::base_name(n) == base) {
                exact.push(lines());
            } else if names.iter().any(|n| n.rsplit(['.', ']']).next() == Some(base)) {
                nested.push(lines());
            }
        }
    }
    if exact.is_empty() {
        nested
    } else {
        exact
    }
}
