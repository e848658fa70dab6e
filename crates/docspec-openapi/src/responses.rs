//! The documented success response: status, schema from response tables, JSON example.

use crate::emit::Context;
use crate::params::{row_schema, rows};
use crate::{codes, example_check, infer, json, tree, types};
use docspec_model::{ExampleRole, TextRange};
use indexmap::IndexMap;
use openapiv3::{MediaType, ReferenceOr, Response, StatusCode};
use serde_json::Value;

use docspec_model::status_has_body;
pub use docspec_model::status_reason as reason;

/// The success responses of a method, the same for every request line of it: each 2xx
/// status the method states (its success sentence first, then its prose), the first
/// one with the body. A method that states none gets `2XX`: the page does not say which.
pub fn success(ctx: &mut Context<'_>, stated: &[u16]) -> Vec<(StatusCode, Response)> {
    // The template's sentence over a status stated in other words before it.
    let sentence = ctx.method.success_statement();
    let mut codes: Vec<u16> = sentence
        .and_then(|s| s.code)
        .filter(|c| (200..=299).contains(c))
        .into_iter()
        .collect();
    for code in stated {
        if !codes.contains(code) {
            codes.push(*code);
        }
    }
    let body = if codes.first().is_none_or(|c| status_has_body(*c)) {
        text(ctx)
            .or_else(|| media(ctx).map(|m| ("application/json", m)))
            .or_else(|| raw(ctx))
    } else {
        None
    };
    let Some(first) = codes.first().copied() else {
        let mut response = Response {
            description: "Success (the page does not state the status).".to_string(),
            ..Response::default()
        };
        if let Some((media_type, media)) = body {
            response.content.insert(media_type.to_string(), media);
        }
        return vec![(StatusCode::Range(2), response)];
    };
    let mut out = Vec::new();
    for code in codes {
        let description = reason(code)
            .map(str::to_string)
            .or_else(|| sentence.filter(|s| s.code == Some(code)).and_then(|s| s.reason.clone()))
            .unwrap_or_else(|| "Success".to_string());
        let mut response = Response {
            description,
            ..Response::default()
        };
        if code == first && status_has_body(code) {
            if let Some((media_type, media)) = body.clone() {
                response.content.insert(media_type.to_string(), media);
            }
        }
        out.push((StatusCode::Code(code), response));
    }
    out
}

/// A download (a file, an archive, a log: the page reads it as raw content) is bytes.
fn raw(ctx: &Context<'_>) -> Option<(&'static str, MediaType)> {
    (ctx.method.response_content == docspec_model::ResponseContent::Raw).then(|| {
        let media = MediaType {
            schema: Some(ReferenceOr::Item(types::string_format(openapiv3::StringFormat::Binary))),
            ..MediaType::default()
        };
        ("application/octet-stream", media)
    })
}

/// A file or raw text whose example block names a text format (a `csv` export, a
/// `plaintext` log, a `diff`) is that text, with the block as its example. A
/// `plaintext` block that shows the response's headers (`HTTP/1.1 200 OK`) is no body,
/// and a method with response attributes answers JSON whatever its example shows.
fn text(ctx: &Context<'_>) -> Option<(&'static str, MediaType)> {
    if ctx.method.response_content != docspec_model::ResponseContent::Raw || !ctx.method.response_tables.is_empty() {
        return None;
    }
    let page = ctx.input.page;
    ctx.method.examples_of(ExampleRole::Response).find_map(|e| {
        let block = page.code_block(e.code_block)?;
        let media_type = text_media_type(block.lang()?)?;
        if block.content.trim_start().starts_with("HTTP/") {
            return None;
        }
        let media = MediaType {
            schema: Some(ReferenceOr::Item(types::string())),
            example: Some(Value::String(block.content.clone())),
            ..MediaType::default()
        };
        Some((media_type, media))
    })
}

/// The media type of a code block's language, for the text formats a download comes in.
fn text_media_type(lang: &str) -> Option<&'static str> {
    Some(match lang.to_ascii_lowercase().as_str() {
        "csv" => "text/csv",
        "plaintext" | "text" | "txt" | "diff" | "patch" | "log" => "text/plain",
        "yaml" | "yml" => "application/yaml",
        "xml" => "application/xml",
        "html" => "text/html",
        "markdown" | "md" => "text/markdown",
        _ => return None,
    })
}

/// The response body: schema from the tables, example from the first JSON response block.
fn media(ctx: &mut Context<'_>) -> Option<MediaType> {
    let example = example(ctx);
    let example_value = example.as_ref().map(|(v, _)| v);
    let mut root = tree::Node::default();
    let mut root_array = false;
    let mut any_row = false;
    for table in &ctx.method.response_tables {
        let prefix = table.prefix.clone();
        let table_rows = rows(ctx, std::slice::from_ref(table));
        // `commits` over `commits[].id` when the example is `[{"id": ...}]`: the row is
        // the response itself, and its items are the response's items.
        let array_root = match example_value {
            Some(Value::Array(items)) if prefix.is_none() => {
                let names: Vec<&str> = table_rows.iter().map(|r| r.name.as_str()).collect();
                docspec_json::array_root(&names, |key| items.iter().any(|i| i.get(key).is_some())).map(str::to_string)
            }
            _ => None,
        };
        for row in table_rows {
            let name = match (&prefix, &array_root) {
                // `rows` has put the parent before the rows of a sub-attribute table.
                (Some(_), _) => row.name.clone(),
                (None, Some(r)) if row.name.trim_end_matches("[]") == r => continue,
                (None, Some(r)) => match row.name.strip_prefix(r.as_str()).and_then(|n| n.strip_prefix("[].")) {
                    Some(rest) => format!("[].{rest}"),
                    None => row.name.clone(),
                },
                (None, None) => row.name.clone(),
            };
            let (starts_with_items, segments) = tree::split(&name);
            root_array |= starts_with_items;
            let (schema, _) = row_schema(ctx, &row);
            if !segments.is_empty() {
                root.insert(&segments, schema, false);
                any_row = true;
            }
        }
    }
    if !any_row && example.is_none() {
        return None;
    }
    let top_array = root_array || example_value.is_some_and(Value::is_array);
    let mut schema = if any_row {
        let object = root.object();
        if top_array {
            types::array(object)
        } else {
            object
        }
    } else {
        example_value.map_or_else(types::any, infer::schema)
    };
    let example = match example {
        Some((value, range)) => match example_check::reconcile(&mut schema, &value) {
            Ok(()) => Some(value),
            Err(m) => {
                ctx.finding(
                    codes::EXAMPLE_SCHEMA_MISMATCH,
                    format!(
                        "the response example disagrees with the response attributes at `{}`: {}; it is left out",
                        m.pointer, m.message
                    ),
                    range,
                );
                None
            }
        },
        None => None,
    };
    Some(MediaType {
        schema: Some(ReferenceOr::Item(schema)),
        example,
        ..MediaType::default()
    })
}

/// The first response example that parses as JSON; the others are findings.
fn example(ctx: &mut Context<'_>) -> Option<(Value, TextRange)> {
    let page = ctx.input.page;
    let blocks: Vec<usize> = ctx
        .method
        .examples_of(ExampleRole::Response)
        .map(|e| e.code_block)
        .collect();
    let mut found = None;
    for index in blocks {
        let Some(block) = page.code_block(index) else { continue };
        if !json::looks_like_json(block.lang(), &block.content) {
            if found.is_none() {
                ctx.finding(
                    codes::UNSUPPORTED_EXAMPLE,
                    format!(
                        "the response example is `{}`, not JSON; it is left out",
                        block.lang().unwrap_or("plain text")
                    ),
                    block.range,
                );
            }
            continue;
        }
        match json::parse_example_as(&block.content, json::Reading::for_lead_in(block.lead_in.as_deref())) {
            Ok(value) if found.is_none() => found = Some((value, block.range)),
            Ok(_) => {}
            Err(e) => {
                let at = block.map.to_source(e.offset);
                ctx.finding(
                    codes::INVALID_JSON_EXAMPLE,
                    format!("the response example is not JSON ({})", e.message),
                    TextRange::char_at(ctx.input.source.text(), at),
                );
            }
        }
    }
    found
}

/// The responses of an operation, in the order given.
pub fn responses(list: Vec<(StatusCode, ReferenceOr<Response>)>) -> openapiv3::Responses {
    openapiv3::Responses {
        default: None,
        responses: list.into_iter().collect(),
        extensions: IndexMap::new(),
    }
}
