//! Markdown for one operation, to the API topic template.

use super::{example, title, ScaffoldSettings};
use crate::docs::attribute_key;
use crate::types::template_word;
use docspec_model::{status_has_body, status_reason};
use docspec_spec::{Kind, Operation, ParamIn, Parameter, Property, Response, Shape};
use serde_json::Value;
use std::fmt::Write;

/// The template's own placeholder texts, which `template-placeholder` (PG018) points at.
pub const METHOD_PLACEHOLDER: &str = "Description of the method.";
pub const ATTRIBUTE_PLACEHOLDER: &str = "Detailed description.";
pub const PAGE_PLACEHOLDER: &str = "One or two sentence description of what endpoint does.";

/// The status a verb returns when the spec gives no success response.
fn default_status(method: &str) -> u16 {
    match method {
        "post" => 201,
        "delete" => 204,
        _ => 200,
    }
}

/// One method: heading at `level`, description, request block, attributes, success
/// sentence, response attributes, cURL example and example response.
pub fn method(op: &Operation, level: u8, settings: &ScaffoldSettings) -> String {
    let mut out = String::new();
    let hashes = "#".repeat(usize::from(level.clamp(2, 6)));
    let _ = writeln!(out, "{hashes} {}\n", title::method_title(op));
    let description = op
        .description
        .as_deref()
        .or(op.summary.as_deref())
        .map(|d| relative_docs_links(&prose(d), &settings.index_folders))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| METHOD_PLACEHOLDER.to_string());
    let _ = writeln!(out, "{description}\n");
    let path = docs_path(&op.path);
    let _ = writeln!(out, "```plaintext\n{} {path}\n```\n", op.method.to_ascii_uppercase());

    let params = attributes(op);
    if !params.is_empty() {
        out.push_str("Supported attributes:\n\n");
        let rows: Vec<[String; 4]> = params
            .iter()
            .map(|p| {
                [
                    format!("`{}`", p.name),
                    template_word(&p.shape),
                    if p.required { "Yes" } else { "No" }.to_string(),
                    attribute_description(
                        p.description.as_deref(),
                        &p.shape,
                        p.deprecated,
                        &settings.index_folders,
                    ),
                ]
            })
            .collect();
        table(&mut out, &["Attribute", "Type", "Required", "Description"], &rows);
        out.push('\n');
    }

    let success = success(op);
    let code = success
        .and_then(|r| r.status.parse::<u16>().ok())
        .unwrap_or_else(|| default_status(&op.method));
    let status = match status_reason(code) {
        Some(reason) => format!("{code} {reason}"),
        None => code.to_string(),
    };
    let mut body = success.and_then(|r| r.shape.as_ref()).filter(|_| code != 204);
    let mut properties = success.map(|r| r.properties.as_slice()).unwrap_or_default();
    // A schema without properties but an example that has them: the example's keys
    // and value kinds are the response attributes.
    let from_example = success
        .and_then(|r| r.example.as_ref())
        .filter(|_| properties.is_empty() && body.is_some_and(opaque))
        .map(example::shape_of)
        .filter(|s| s.has_properties());
    let example_properties = from_example.as_ref().map(|s| match (&s.kind, &s.items) {
        (Kind::Array, Some(items)) => docspec_spec::flatten(items),
        _ => docspec_spec::flatten(s),
    });
    if let (Some(shape), Some(props)) = (&from_example, &example_properties) {
        body = Some(shape);
        properties = props;
    }
    if !conventional(&op.method, code, &title::method_title(op), &description) {
        // The spec's status is the API's truth, even where it breaks the convention.
        out.push_str("<!-- docspec-disable-next-line status-verb -->\n");
    }
    // A body the spec does not describe: the template's placeholder row marks it.
    let spec_silent = success.is_none_or(|r| r.shape.is_none());
    let expects_body = status_has_body(code) && code != 202 && !matches!(op.method.as_str(), "delete" | "head");
    let any = Shape::of(Kind::Any);
    let opaque_body = match body {
        Some(b) if properties.is_empty() && opaque(b) => Some(b),
        // `content: {}` (grape's default) says nothing about the body, not that it is empty.
        None if spec_silent && expects_body => Some(&any),
        _ => None,
    };
    if opaque_body.is_some() {
        let _ = writeln!(
            out,
            "If successful, returns [`{status}`](rest/troubleshooting.md#status-codes) and the following\nresponse attributes:\n"
        );
        let row = [
            "`attribute`".to_string(),
            "datatype".to_string(),
            ATTRIBUTE_PLACEHOLDER.to_string(),
        ];
        table(&mut out, &["Attribute", "Type", "Description"], &[row]);
        out.push('\n');
    } else if properties.is_empty() {
        let _ = writeln!(
            out,
            "If successful, returns [`{status}`](rest/troubleshooting.md#status-codes).\n"
        );
    } else {
        let _ = writeln!(
            out,
            "If successful, returns [`{status}`](rest/troubleshooting.md#status-codes) and the following\nresponse attributes:\n"
        );
        let mut sorted: Vec<&Property> = properties.iter().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        let rows: Vec<[String; 3]> = sorted
            .iter()
            .map(|p| {
                [
                    format!("`{}`", p.name),
                    template_word(&p.shape),
                    attribute_description(
                        p.description.as_deref(),
                        &p.shape,
                        p.deprecated,
                        &settings.index_folders,
                    ),
                ]
            })
            .collect();
        table(&mut out, &["Attribute", "Type", "Description"], &rows);
        out.push('\n');
    }

    // A file download (`application/octet-stream`) is saved, not shown.
    let download = body.is_some_and(|b| b.kind == Kind::File);
    let file_name = op
        .path
        .rsplit('/')
        .find(|s| !s.is_empty() && !s.starts_with('{'))
        .unwrap_or("download");
    out.push_str("Example request:\n\n```shell\n");
    out.push_str(&curl(op, &params, settings, download.then_some(file_name)));
    out.push_str("```\n");

    if download {
        // No example response: the cURL example saves the file.
    } else if let Some(b) = opaque_body {
        let one = serde_json::json!({ "attribute": "value" });
        let value = if b.kind == Kind::Array {
            Value::Array(vec![one])
        } else {
            one
        };
        let json = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string());
        let _ = write!(out, "\nExample response:\n\n```json\n{json}\n```\n");
    } else if let Some(body) = body.filter(|_| !properties.is_empty() || has_value(success)) {
        let value = example::response(body, properties, success.and_then(|r| r.example.as_ref()));
        let json = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string());
        let _ = write!(out, "\nExample response:\n\n```json\n{json}\n```\n");
    }
    out
}

/// Whether the status follows the API's conventions (rule `status-verb`), as lint reads
/// the written method: its title and description.
fn conventional(method: &str, code: u16, title: &str, description: &str) -> bool {
    let title = title.trim_start().to_ascii_lowercase();
    let creates = ["create", "add", "new"].iter().any(|w| {
        title
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_ascii_alphanumeric()))
    });
    docspec_lint::rules::status::status_verb::conventional_statuses(
        &method.to_ascii_uppercase(),
        creates,
        docspec_lint::vocabulary::says_deferred(description),
    )
    .is_none_or(|codes| codes.contains(&code))
}

/// A body whose structure the spec does not give: no type, or objects without properties.
fn opaque(shape: &Shape) -> bool {
    match shape.kind {
        Kind::Any => true,
        Kind::Object => shape.properties.is_empty(),
        Kind::Array => shape.items.as_deref().is_none_or(opaque),
        _ => false,
    }
}

/// Whether a response without properties still shows a value worth an example.
fn has_value(response: Option<&Response>) -> bool {
    response
        .and_then(|r| r.shape.as_ref())
        .is_some_and(|s| !matches!(s.kind, Kind::Any | Kind::Object))
}

/// The success response the method documents: the lowest `2xx`.
pub fn success(op: &Operation) -> Option<&Response> {
    let code = op.success_code()?;
    op.successes().find(|r| r.status == code.to_string())
}

/// The attributes of the table: path, query and body parameters (headers are not
/// attributes), required first, then alphabetical.
pub fn attributes(op: &Operation) -> Vec<&Parameter> {
    let mut params: Vec<&Parameter> = op
        .parameters
        .iter()
        .filter(|p| !matches!(p.location, ParamIn::Header | ParamIn::Cookie))
        .collect();
    params.sort_by(|a, b| (!a.required, &a.name).cmp(&(!b.required, &b.name)));
    params.dedup_by(|a, b| attribute_key(&a.name) == attribute_key(&b.name));
    params
}

/// `/projects/{id}/widgets` → `/projects/:id/widgets`.
pub fn docs_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        if c == '{' {
            out.push(':');
            for inner in chars.by_ref() {
                if inner == '}' {
                    break;
                }
                out.push(inner);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A description cell: the spec's text on one line, `|` escaped, with the allowed values
/// and default the template states in prose.
fn attribute_description(
    description: Option<&str>,
    shape: &Shape,
    deprecated: bool,
    index_folders: &[String],
) -> String {
    let mut text = description
        .map(|d| relative_docs_links(&prose(d), index_folders))
        .map(|d| without_deprecation(&d))
        .filter(|d| !d.is_empty())
        .unwrap_or_default();
    if !text.is_empty() && !text.ends_with(['.', '!', '?', ')']) {
        text.push('.');
    }
    // Deprecation sentences of the spec's text go too. A deprecation needs its version and issue (rules `deprecation-wording` and
    // `deprecated-attribute-history`), which a spec does not give: `drift` reports the
    // attribute (`deprecation-mismatch`) until a writer adds them.
    let _ = deprecated;
    // The spec's own text may list the values already.
    let lists_values = shape.enumeration.iter().all(|v| text.contains(&format!("`{v}`")));
    let mut parts: Vec<String> = Vec::new();
    if !text.is_empty() {
        parts.push(text);
    }
    // `docspec openapi` reads these back as `enum` and `default`.
    if shape.kind == Kind::String && shape.enumeration.len() >= 2 && !lists_values {
        let values: Vec<String> = shape.enumeration.iter().map(|v| format!("`{v}`")).collect();
        parts.push(format!("One of {}.", or_list(&values)));
    }
    if let Some(default) = &shape.default {
        if matches!(shape.kind, Kind::String | Kind::Integer | Kind::Number | Kind::Boolean) && !default.contains('`') {
            parts.push(format!("Default is `{default}`."));
        }
    }
    if parts.is_empty() {
        return ATTRIBUTE_PLACEHOLDER.to_string();
    }
    parts.join(" ").replace('|', "\\|")
}

/// The text without its sentences about deprecation (see `attribute_description`).
fn without_deprecation(text: &str) -> String {
    if !text.to_ascii_lowercase().contains("deprecat") {
        return text.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
        let sentence = rest[..end].trim();
        if !sentence.to_ascii_lowercase().contains("deprecat") && !sentence.is_empty() {
            kept.push(sentence);
        }
        rest = &rest[end..];
    }
    kept.join(" ")
}

fn or_list(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        [rest @ .., last] => format!("{}, or {last}", rest.join(", ")),
    }
}

/// Spec prose on one line (tables and paragraphs of the template).
fn prose(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The docs site, whose pages the template links with relative paths (rule
/// `absolute-docs-link`); a spec links them absolutely.
const DOCS_SITE: &str = "](https://docs.gitlab.com/";

/// Links to the API pages of the docs site written back as relative links from a page of
/// the API folder: `https://docs.gitlab.com/api/rest/#namespaced-paths` as
/// `rest/_index.md#namespaced-paths` (`rest` is an index folder), `.../api/projects/` as
/// `projects.md`, `.../user/profile/` as `../user/profile.md`.
pub fn relative_docs_links(text: &str, index_folders: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(DOCS_SITE) {
        let after = &rest[at + DOCS_SITE.len()..];
        let Some(end) = after.find(')') else { break };
        let (path, fragment) = after[..end].split_once('#').unwrap_or((&after[..end], ""));
        let page = path.trim_matches('/');
        out.push_str(&rest[..at]);
        if page.is_empty() || page.contains(['?', ' ']) {
            out.push_str(&rest[at..at + DOCS_SITE.len() + end + 1]);
        } else {
            let (prefix, page) = match page.strip_prefix("api/") {
                Some(p) => ("", p),
                None if page == "api" => ("", ""),
                None => ("../", page),
            };
            let file = if page.is_empty() {
                "_index.md".to_string()
            // `rest/_index.md#namespaced-paths` is the template's own link.
            } else if prefix.is_empty() && (page == "rest" || index_folders.iter().any(|f| f == page)) {
                format!("{page}/_index.md")
            } else {
                format!("{prefix}{page}.md")
            };
            out.push_str("](");
            out.push_str(&file);
            if !fragment.is_empty() {
                out.push('#');
                out.push_str(fragment);
            }
            out.push(')');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A table with padded columns, the way the template writes them.
fn table<const N: usize>(out: &mut String, header: &[&str; N], rows: &[[String; N]]) {
    let mut widths: [usize; N] = [0; N];
    for (i, h) in header.iter().enumerate() {
        widths[i] = h.chars().count();
    }
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |out: &mut String, cells: &[String]| {
        out.push('|');
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            let _ = write!(out, " {cell}{} |", " ".repeat(pad));
        }
        out.push('\n');
    };
    line(out, &header.iter().map(|h| (*h).to_string()).collect::<Vec<_>>());
    out.push('|');
    for w in widths {
        let _ = write!(out, "{}|", "-".repeat(w + 2));
    }
    out.push('\n');
    for row in rows {
        line(out, row);
    }
}

/// The cURL example: method, token header, body (JSON, or form fields with a file),
/// and `--url` with path values and required query values filled in.
/// The cURL example; a download (`output`) saves the response to a file.
fn curl(op: &Operation, params: &[&Parameter], settings: &ScaffoldSettings, output: Option<&str>) -> String {
    let mut lines: Vec<String> = Vec::new();
    if op.method != "get" {
        lines.push(format!("curl --request {}", op.method.to_ascii_uppercase()));
        lines.push(format!("--header \"PRIVATE-TOKEN: {}\"", settings.token_placeholder));
    } else {
        lines.push(format!(
            "curl --header \"PRIVATE-TOKEN: {}\"",
            settings.token_placeholder
        ));
    }
    let body: Vec<&&Parameter> = params
        .iter()
        .filter(|p| p.location == ParamIn::Body && p.required && p.depth == 0)
        .collect();
    let multipart = params
        .iter()
        .any(|p| p.location == ParamIn::Body && p.shape.kind == Kind::File);
    if multipart {
        for p in params.iter().filter(|p| p.location == ParamIn::Body && p.depth == 0) {
            if p.required || p.shape.kind == Kind::File {
                lines.push(format!(
                    "--form \"{}={}\"",
                    p.name,
                    plain(&example::value(&p.shape, &p.name))
                ));
            }
        }
    } else if !body.is_empty() {
        let mut map = serde_json::Map::new();
        for p in &body {
            map.insert(p.name.clone(), example::value(&p.shape, &p.name));
        }
        lines.push("--header \"Content-Type: application/json\"".to_string());
        let data = spaced(&serde_json::to_string(&Value::Object(map)).unwrap_or_default());
        lines.push(format!("--data '{}'", data.replace('\'', "'\\''")));
    }
    let mut url = format!("{}{}", settings.example_host.trim_end_matches('/'), settings.base_path);
    for segment in op.path.split('/').filter(|s| !s.is_empty()) {
        url.push('/');
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) => {
                let shape = params
                    .iter()
                    .find(|p| p.location == ParamIn::Path && p.name == name)
                    .map_or_else(|| Shape::of(Kind::Integer), |p| p.shape.clone());
                url.push_str(&encode(&path_value(&shape, name)));
            }
            None => url.push_str(segment),
        }
    }
    let query: Vec<String> = params
        .iter()
        .filter(|p| p.location == ParamIn::Query && p.required)
        .map(|p| format!("{}={}", p.name, encode(&plain(&example::value(&p.shape, &p.name)))))
        .collect();
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    if let Some(file) = output {
        lines.push(format!("--output {file}"));
    }
    lines.push(format!("--url \"{url}\""));
    let mut out = String::new();
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        out.push_str(line);
        out.push_str(if i == last { "\n" } else { " \\\n" });
    }
    out
}

/// A path value: integers for IDs, the example or a word otherwise.
fn path_value(shape: &Shape, name: &str) -> String {
    let id = name == "id" || name.ends_with("_id") || name.ends_with("_iid");
    let integer = shape.kinds().contains(&Kind::Integer) || id;
    if integer && shape.example.is_none() {
        return "1".to_string();
    }
    plain(&example::value(shape, name))
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Percent-encodes what a URL path or query value cannot hold as is.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// `{"a":1,"b":2}` → `{"a": 1, "b": 2}`, as the template writes JSON data.
fn spaced(json: &str) -> String {
    let Ok(value) = serde_json::from_str::<Value>(json) else {
        return json.to_string();
    };
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push_str(": ");
                    write(v, out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(v, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(&value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_lists() {
        assert_eq!(
            docs_path("/projects/{id}/widgets/{widget_id}"),
            "/projects/:id/widgets/:widget_id"
        );
        assert_eq!(or_list(&["`a`".into(), "`b`".into(), "`c`".into()]), "`a`, `b`, or `c`");
        assert_eq!(encode("a b/c"), "a%20b%2Fc");
        assert_eq!(spaced("{\"a\":1,\"b\":[1,2]}"), "{\"a\": 1, \"b\": [1, 2]}");
    }

    #[test]
    fn docs_site_links_become_relative() {
        let index = vec!["rest".to_string()];
        assert_eq!(
            relative_docs_links(
                "The [URL-encoded path](https://docs.gitlab.com/api/rest/#namespaced-paths) or [ID](https://docs.gitlab.com/api/projects/).",
                &index
            ),
            "The [URL-encoded path](rest/_index.md#namespaced-paths) or [ID](projects.md)."
        );
        assert_eq!(
            relative_docs_links("See [profile](https://docs.gitlab.com/user/profile/#x).", &index),
            "See [profile](../user/profile.md#x)."
        );
        // Other sites stay as they are.
        let other = "See [this](https://example.com/api/rest/).";
        assert_eq!(relative_docs_links(other, &index), other);
    }
}
