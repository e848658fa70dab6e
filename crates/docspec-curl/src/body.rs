//! Headers, request data and form fields of a curl command, and the body keys they name.

use crate::command::CurlCommand;
use crate::token::{Quoting, Token};
use crate::url::{base_name, form_decode};
use std::ops::Range;

/// A `--header "Name: value"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The name, trimmed.
    pub name: String,
    /// The value, trimmed; empty for `Name;` or a header without a colon.
    pub value: String,
    pub name_range: Range<usize>,
    pub value_range: Range<usize>,
    /// Whether the argument had a `:`.
    pub has_colon: bool,
    /// Index into [`CurlCommand::options`].
    pub option: usize,
}

/// Which `--data*` option sent a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataKind {
    /// `--data`, `-d`
    Data,
    /// `--data-ascii`
    Ascii,
    /// `--data-binary`
    Binary,
    /// `--data-raw`: no `@file`.
    Raw,
    /// `--data-urlencode`
    UrlEncode,
    /// `--json`
    Json,
}

impl DataKind {
    fn from_long(long: &str) -> Option<DataKind> {
        Some(match long {
            "data" => DataKind::Data,
            "data-ascii" => DataKind::Ascii,
            "data-binary" => DataKind::Binary,
            "data-raw" => DataKind::Raw,
            "data-urlencode" => DataKind::UrlEncode,
            "json" => DataKind::Json,
            _ => return None,
        })
    }
}

/// One `--data*` or `--json` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataArg<'a> {
    pub kind: DataKind,
    /// Index into [`CurlCommand::options`].
    pub option: usize,
    /// The argument: value, range and quoting.
    pub token: &'a Token,
}

impl DataArg<'_> {
    /// The file name of `@file` (`-` is stdin), for the kinds that read files.
    pub fn file(&self) -> Option<&str> {
        match self.kind {
            DataKind::Raw | DataKind::UrlEncode => None,
            _ => self.token.value.strip_prefix('@'),
        }
    }

    /// Whether the value looks like JSON (`{` or `[` first), or was sent with `--json`.
    pub fn is_json(&self) -> bool {
        self.kind == DataKind::Json || self.token.value.trim_start().starts_with(['{', '['])
    }
}

/// A `--form key=value` field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormField {
    /// The key before `=` (the whole argument if there is no `=`).
    pub key: String,
    /// The value after `=`, with `@`/`<` and `;type=...` kept.
    pub value: String,
    pub key_range: Range<usize>,
    pub value_range: Range<usize>,
    /// `@file` or `<file` in `--form` (never for `--form-string`).
    pub file: bool,
    /// Index into [`CurlCommand::options`].
    pub option: usize,
}

impl FormField {
    /// The key up to its first `[`.
    pub fn base_key(&self) -> &str {
        base_name(&self.key)
    }
}

/// How a body key was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BodyFormat {
    /// `--data "a=1&b=2"` or `--data-urlencode "a=..."`
    UrlEncoded,
    /// A top-level key of a JSON object.
    Json,
    /// `--form "a=1"`
    Multipart,
}

/// A parameter name found in a request body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyKey {
    /// The key, decoded: `labels[]`, `assets[links][][name]`.
    pub name: String,
    /// Where the key is written in the input.
    pub range: Range<usize>,
    pub format: BodyFormat,
    /// Index into [`CurlCommand::options`].
    pub option: usize,
    /// The value sent: decoded for `--data "a=1"`, as written for `--data-urlencode` and
    /// `--form`, and the JSON literal for a JSON key (`true`, `"x"`, `<id>`); `None` for
    /// a file (`@file`) or a key without `=`.
    pub value: Option<String>,
    /// Where the value is written in the input.
    pub value_range: Option<Range<usize>>,
}

impl BodyKey {
    /// The key up to its first `[`: `labels` for `labels[]`.
    pub fn base(&self) -> &str {
        base_name(&self.name)
    }
}

/// A parameter a command sends, in its URL's query string or in its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentParameter<'c> {
    /// The key, decoded: `labels[]`.
    pub name: &'c str,
    /// Where the key is written in the input.
    pub range: Range<usize>,
    /// The value, as [`BodyKey::value`] gives it (decoded for the query string); `None`
    /// without `=` or for a file.
    pub value: Option<&'c str>,
    pub value_range: Option<Range<usize>>,
    /// The value is a JSON literal (a top-level value of a JSON body).
    pub json: bool,
}

/// A JSON body that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Index into [`CurlCommand::options`].
    pub option: usize,
    /// serde_json's message, without its line and column.
    pub message: String,
    /// Byte offset in the option's value.
    pub offset: usize,
    /// Byte offset in the input.
    pub source_offset: usize,
}

/// The body keys of a command, and the JSON values that did not parse.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BodyKeys {
    pub keys: Vec<BodyKey>,
    pub json_errors: Vec<JsonError>,
}

impl CurlCommand {
    /// Every `--header`/`-H`.
    pub fn headers(&self) -> Vec<Header> {
        self.options_named("header")
            .filter_map(|(option, o)| o.arg.as_ref().map(|arg| parse_header(arg, option)))
            .collect()
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<Header> {
        self.headers().into_iter().find(|h| h.name.eq_ignore_ascii_case(name))
    }

    /// The parameters the command sends: its URL's query parameters, then its body keys.
    pub fn sent_parameters(&self) -> Vec<SentParameter<'_>> {
        let mut out = Vec::new();
        if let Some(url) = self.url() {
            for param in &url.parsed.query {
                out.push(SentParameter {
                    name: &param.key,
                    range: url.source_range(param.key_range.clone()),
                    value: param.value.as_deref(),
                    value_range: param.value_range.clone().map(|r| url.source_range(r)),
                    json: false,
                });
            }
        }
        for key in &self.body_keys().keys {
            out.push(SentParameter {
                name: &key.name,
                range: key.range.clone(),
                value: key.value.as_deref(),
                value_range: key.value_range.clone(),
                json: key.format == BodyFormat::Json,
            });
        }
        out
    }

    /// Every `--data*` and `--json` value.
    pub fn data(&self) -> Vec<DataArg<'_>> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.negated)
            .filter_map(|(option, o)| {
                let kind = DataKind::from_long(o.long?)?;
                Some(DataArg {
                    kind,
                    option,
                    token: o.arg.as_ref()?,
                })
            })
            .collect()
    }

    /// Every `--form`/`-F` and `--form-string` field.
    pub fn form(&self) -> Vec<FormField> {
        let mut out = Vec::new();
        for (option, o) in self.options.iter().enumerate() {
            let string = o.is("form-string");
            if !(string || o.is("form")) {
                continue;
            }
            let Some(arg) = &o.arg else { continue };
            let v = arg.value.as_str();
            let (key_len, value_start) = v.find('=').map_or((v.len(), v.len()), |eq| (eq, eq + 1));
            let value = v.get(value_start..).unwrap_or("");
            out.push(FormField {
                key: v.get(..key_len).unwrap_or("").to_string(),
                value: value.to_string(),
                key_range: arg.source_range(0..key_len),
                value_range: arg.source_range(value_start..v.len()),
                file: !string && value.starts_with(['@', '<']),
                option,
            });
        }
        out
    }

    /// The parameter names the body sends: form keys of `--data "a=1&b=2"`, top-level keys of
    /// a JSON object, `--data-urlencode name=...` names, and `--form` keys. Text with spaces
    /// and no `=` (`--data "a line of a log"`) is a raw body and names nothing.
    ///
    /// With `--get`, data goes to the query string; the keys are listed all the same.
    /// Read once per command.
    pub fn body_keys(&self) -> &BodyKeys {
        self.body.0.get_or_init(|| self.read_body_keys())
    }

    fn read_body_keys(&self) -> BodyKeys {
        let mut out = BodyKeys::default();
        for data in self.data() {
            let token = data.token;
            let v = token.value.as_str();
            if is_expansion(token) {
                // `--data "$PAYLOAD"`: the body is built elsewhere; nothing to read here.
                continue;
            }
            if data.kind == DataKind::UrlEncode {
                // `name=content` or `name@file`; `=content` and `content` have no name.
                if let Some(sep) = v.find(['=', '@']).filter(|&sep| sep > 0) {
                    let mut sent = key(v, 0..sep, token, BodyFormat::UrlEncoded, data.option, false);
                    if v.as_bytes()[sep] == b'=' {
                        sent.value = Some(v[sep + 1..].to_string());
                        sent.value_range = Some(token.source_range(sep + 1..v.len()));
                    }
                    out.keys.push(sent);
                }
            } else if data.file().is_some() {
                continue;
            } else if data.is_json() {
                json_keys(&data, &mut out);
            } else {
                let mut start = 0;
                for pair in v.split('&') {
                    let name_len = pair.find('=').unwrap_or(pair.len());
                    // `--data "Running git clone..."`: words with no `=` are a raw body.
                    let raw_text = !pair.contains('=') && pair.contains(char::is_whitespace);
                    if name_len > 0 && !raw_text {
                        let range = start..start + name_len;
                        let mut sent = key(v, range, token, BodyFormat::UrlEncoded, data.option, true);
                        if name_len < pair.len() {
                            let value = start + name_len + 1..start + pair.len();
                            sent.value = Some(form_decode(&v[value.clone()]));
                            sent.value_range = Some(token.source_range(value));
                        }
                        out.keys.push(sent);
                    }
                    start += pair.len() + 1;
                }
            }
        }
        for field in self.form() {
            let sent = !field.file && field.key_range.end < field.value_range.start;
            out.keys.push(BodyKey {
                name: field.key,
                range: field.key_range,
                format: BodyFormat::Multipart,
                option: field.option,
                value: sent.then_some(field.value),
                value_range: sent.then_some(field.value_range),
            });
        }
        out
    }
}

/// The whole word is one shell expansion (`$VAR`, `${VAR}`, `$(cmd)`, `` `cmd` ``), which
/// the shell replaces: its text is not the body curl sends.
fn is_expansion(token: &Token) -> bool {
    if token.quoting == Quoting::Single {
        return false;
    }
    let v = token.value.as_str();
    let name = |n: &str| {
        !n.is_empty()
            && !n.starts_with(|c: char| c.is_ascii_digit())
            && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    match v.strip_prefix('$') {
        Some(rest) if rest.starts_with('{') => rest.ends_with('}') && !rest[1..rest.len() - 1].contains('}'),
        Some(rest) if rest.starts_with('(') => rest.ends_with(')'),
        Some(rest) => name(rest),
        None => v.len() > 1 && v.starts_with('`') && v.ends_with('`'),
    }
}

fn key(v: &str, range: Range<usize>, token: &Token, format: BodyFormat, option: usize, decode: bool) -> BodyKey {
    let raw = v.get(range.clone()).unwrap_or("");
    BodyKey {
        name: if decode { form_decode(raw) } else { raw.to_string() },
        range: token.source_range(range),
        format,
        option,
        value: None,
        value_range: None,
    }
}

fn parse_header(arg: &Token, option: usize) -> Header {
    let v = arg.value.as_str();
    let (name_end, value_start, has_colon) = match v.find(':') {
        Some(colon) => (colon, colon + 1, true),
        None => (v.find(';').unwrap_or(v.len()), v.len(), false),
    };
    let name = trimmed(v, 0..name_end);
    let value = trimmed(v, value_start..v.len());
    Header {
        name: v.get(name.clone()).unwrap_or("").to_string(),
        value: v.get(value.clone()).unwrap_or("").to_string(),
        name_range: arg.source_range(name),
        value_range: arg.source_range(value),
        has_colon,
        option,
    }
}

/// `range` without surrounding whitespace.
fn trimmed(v: &str, range: Range<usize>) -> Range<usize> {
    let text = v.get(range.clone()).unwrap_or("");
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

fn json_keys(data: &DataArg<'_>, out: &mut BodyKeys) {
    let v = data.token.value.as_str();
    if let Err(err) = serde_json::from_str::<serde_json::Value>(&mask_placeholders(v)) {
        let offset = line_col_offset(v, err.line(), err.column());
        let message = err.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message.get(..at).unwrap_or(&message).to_string(),
            None => message,
        };
        out.json_errors.push(JsonError {
            option: data.option,
            message,
            offset,
            source_offset: data.token.source_offset(offset),
        });
    }
    for (range, value) in top_level_entries(v) {
        // The range includes the quotes, so serde_json can decode escapes.
        let literal = v.get(range.clone()).unwrap_or("");
        let inner = range.start + 1..range.end.saturating_sub(1).max(range.start + 1);
        let name =
            serde_json::from_str::<String>(literal).unwrap_or_else(|_| v.get(inner.clone()).unwrap_or("").to_string());
        out.keys.push(BodyKey {
            name,
            range: data.token.source_range(inner),
            format: BodyFormat::Json,
            option: data.option,
            value: value.clone().and_then(|r| v.get(r)).map(str::to_string),
            value_range: value.map(|r| data.token.source_range(r)),
        });
    }
}

/// serde_json counts a one-based line and the bytes read on it; this is the byte offset of the
/// character it stopped at. The last byte read can be inside a multi-byte character (a string
/// cut off right after `é`); the error is then at the next character.
fn line_col_offset(v: &str, line: usize, column: usize) -> usize {
    let line_start = v
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .filter(|_| line > 1)
        .map_or(0, |(i, _)| i + 1);
    let mut at = (line_start + column.saturating_sub(1)).min(v.len());
    while !v.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Ranges (quotes included) of the keys of a top-level JSON object. Works on invalid JSON
/// such as `{"id": <id>}` too: any string at depth 1 followed by `:` is a key.
/// The body with each bare `<placeholder>` value (`"access_level": <access_level>`, a
/// number the reader fills in) replaced by `0` and spaces, so that offsets stay put.
fn mask_placeholders(v: &str) -> std::borrow::Cow<'_, str> {
    if !v.contains('<') {
        return v.into();
    }
    let bytes = v.as_bytes();
    let mut out = bytes.to_vec();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'<' if !in_string => {
                let name_len = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b' ' | b'.'))
                    .count();
                let close = i + 1 + name_len;
                if name_len > 0 && bytes.get(close) == Some(&b'>') {
                    out[i] = b'0';
                    out[i + 1..=close].fill(b' ');
                    i = close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(out).map_or(v.into(), Into::into)
}

fn top_level_entries(v: &str) -> Vec<(Range<usize>, Option<Range<usize>>)> {
    let bytes = v.as_bytes();
    let mut out = Vec::new();
    if !v.trim_start().starts_with('{') {
        return out;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            b'"' => {
                let end = string_end(bytes, i);
                let after = bytes.get(end..).unwrap_or(&[]);
                let colon = after.iter().position(|c| !c.is_ascii_whitespace());
                if depth == 1 && colon.is_some_and(|at| after[at] == b':') {
                    let value_start = end + colon.unwrap_or(0) + 1;
                    out.push((i..end, value_extent(bytes, value_start)));
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The range of the JSON value that starts after `from` (leading whitespace skipped): a
/// string, an object or array with what it holds, or a bare word (`true`, `12`, `<id>`)
/// up to the next `,`, `}` or line break. `None` when nothing follows.
fn value_extent(bytes: &[u8], from: usize) -> Option<Range<usize>> {
    let start = from + bytes.get(from..)?.iter().position(|c| !c.is_ascii_whitespace())?;
    let end = match bytes[start] {
        b'"' => string_end(bytes, start),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'"' => {
                        i = string_end(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            (i + 1).min(bytes.len())
        }
        b',' | b'}' | b']' => return None,
        _ => {
            let len = bytes[start..]
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b'\n' | b'\r'))
                .unwrap_or(bytes.len() - start);
            let word = &bytes[start..start + len];
            start + word.len() - word.iter().rev().take_while(|c| c.is_ascii_whitespace()).count()
        }
    };
    (end > start).then_some(start..end)
}

/// The offset just past the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_keys_skip_nested_ones() {
        let v = r#"{"a": 1, "b": {"c": "x:y"}, "d": ["e", {"f": 2}], "g\"h": "i"}"#;
        let entries = top_level_entries(v);
        let keys: Vec<_> = entries.iter().map(|(k, _)| &v[k.clone()]).collect();
        assert_eq!(keys, [r#""a""#, r#""b""#, r#""d""#, r#""g\"h""#]);
        let values: Vec<_> = entries.iter().map(|(_, r)| r.clone().map(|r| &v[r])).collect();
        assert_eq!(
            values,
            [
                Some("1"),
                Some(r#"{"c": "x:y"}"#),
                Some(r#"["e", {"f": 2}]"#),
                Some(r#""i""#)
            ]
        );
        assert!(top_level_entries("[1, 2]").is_empty());
        assert!(top_level_entries("").is_empty());
        assert_eq!(top_level_entries(r#"{"a"#).len(), 0);
        let v = "{\n  \"id\": <id> ,\n  \"on\": true\n}";
        let values: Vec<_> = top_level_entries(v)
            .into_iter()
            .map(|(_, r)| r.map(|r| &v[r]))
            .collect();
        assert_eq!(values, [Some("<id>"), Some("true")]);
        assert_eq!(top_level_entries(r#"{"a": }"#)[0].1, None);
    }

    #[test]
    fn line_col_to_offset() {
        assert_eq!(line_col_offset("abc\ndef", 2, 2), 5);
        assert_eq!(line_col_offset("abc", 1, 1), 0);
        assert_eq!(line_col_offset("abc", 9, 9), 3);
        // Columns count bytes: the third byte of `…` is not a character boundary.
        assert_eq!(line_col_offset("\"ge…\n", 1, 6), 6);
    }
}
