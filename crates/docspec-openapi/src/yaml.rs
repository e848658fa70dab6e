//! A small YAML writer for JSON values. It quotes every string a YAML 1.1 or 1.2 reader
//! could take for something else (`yes`, `2024-01-05`, `12:30`, `1_000`), which a general
//! serializer leaves plain; examples are full of such strings.

use crate::node::Node;
use serde_json::{Map, Value};
use std::borrow::Cow;

pub fn write(value: &Value) -> String {
    let mut out = String::new();
    match Node::of(value) {
        Node::Object(map) if !map.is_empty() => write_map(&mut out, &map, 0, false),
        Node::Array(items) if !items.is_empty() => write_seq(&mut out, &items, 0),
        other => {
            push_scalar(&mut out, &other);
            out.push('\n');
        }
    }
    out
}

/// Hands each entry of a map, in order, to the writer it is given.
pub type Entries<'f> = &'f mut dyn FnMut(&str, &Node<'_>) -> std::io::Result<()>;

/// A top-level map whose `key` holds the entries `each` gives (when `has_entries`) before
/// the map's own entries there, each entry made only when its turn comes and written to
/// `sink` then: the spec's `paths`, most of it, is never one value, nor one text, as a
/// whole.
pub fn write_with(
    sink: &mut dyn std::io::Write,
    document: &Map<String, Value>,
    key: &str,
    has_entries: bool,
    each: impl FnOnce(Entries<'_>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = String::new();
    let mut each = Some(each);
    for (name, value) in document {
        push_string(&mut out, name);
        out.push(':');
        match (Node::of(value), each.take_if(|_| name == key && has_entries)) {
            (Node::Object(rest), Some(each)) => {
                out.push('\n');
                each(&mut |entry, value| {
                    pad(&mut out, 2);
                    push_string(&mut out, entry);
                    out.push(':');
                    write_after(&mut out, value, 2);
                    sink.write_all(out.as_bytes())?;
                    out.clear();
                    Ok(())
                })?;
                write_map(&mut out, &rest, 2, false);
            }
            (value, _) => write_after(&mut out, &value, 0),
        }
    }
    sink.write_all(out.as_bytes())
}

fn pad(out: &mut String, indent: usize) {
    const SPACES: &str = "                                ";
    let mut left = indent;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.push_str(&SPACES[..n]);
        left -= n;
    }
}

/// `inline_first`: the first key follows a `- ` already written.
fn write_map(out: &mut String, map: &[(Cow<'_, str>, Node<'_>)], indent: usize, inline_first: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !inline_first {
            pad(out, indent);
        }
        push_string(out, key);
        out.push(':');
        write_after(out, value, indent);
    }
}

/// Sequences under a key start at the key's indent, as most writers do.
fn write_seq(out: &mut String, items: &[Node<'_>], indent: usize) {
    for item in items {
        pad(out, indent);
        out.push('-');
        match item {
            Node::Object(map) if !map.is_empty() => {
                out.push(' ');
                write_map(out, map, indent + 2, true);
            }
            Node::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                write_seq(out, inner, indent + 2);
            }
            other => write_scalar_after(out, other, indent + 2),
        }
    }
}

/// A value after `key:`.
fn write_after(out: &mut String, value: &Node<'_>, indent: usize) {
    match value {
        Node::Object(map) if !map.is_empty() => {
            out.push('\n');
            write_map(out, map, indent + 2, false);
        }
        Node::Array(items) if !items.is_empty() => {
            out.push('\n');
            write_seq(out, items, indent);
        }
        other => write_scalar_after(out, other, indent + 2),
    }
}

/// ` scalar`, or a literal block whose lines sit at `indent`.
fn write_scalar_after(out: &mut String, value: &Node<'_>, indent: usize) {
    if let Node::String(s) = value {
        let s: &str = s;
        if let Some(chomp) = literal_block(s) {
            out.push_str(" |");
            out.push_str(chomp);
            out.push('\n');
            let body = s.strip_suffix('\n').unwrap_or(s);
            for line in body.split('\n') {
                if !line.is_empty() {
                    pad(out, indent);
                    out.push_str(line);
                }
                out.push('\n');
            }
            return;
        }
    }
    out.push(' ');
    push_scalar(out, value);
    out.push('\n');
}

fn push_scalar(out: &mut String, value: &Node<'_>) {
    match value {
        Node::Null => out.push_str("null"),
        Node::Bool(true) => out.push_str("true"),
        Node::Bool(false) => out.push_str("false"),
        Node::Number(n) => out.push_str(&number(n)),
        Node::String(s) => push_string(out, s),
        Node::Array(_) => out.push_str("[]"),
        Node::Object(_) => out.push_str("{}"),
    }
}

/// Floats keep a dot and a signed exponent, which YAML 1.1 readers need.
fn number(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if n.is_f64() {
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m.to_string(), Some(e.to_string())),
            None => (text.clone(), None),
        };
        let mantissa = if mantissa.contains('.') {
            mantissa
        } else {
            format!("{mantissa}.0")
        };
        return match exponent {
            Some(e) if e.starts_with(['-', '+']) => format!("{mantissa}e{e}"),
            Some(e) => format!("{mantissa}e+{e}"),
            None => mantissa,
        };
    }
    text
}

/// The chomping indicator when `s` reads well as a literal block: several lines, the
/// first text line not indented (readers take its indentation as the block's), no
/// blank-but-spaced lines, nothing to escape, at most one final newline.
fn literal_block(s: &str) -> Option<&'static str> {
    let body = s.strip_suffix('\n').unwrap_or(s);
    // Most strings are one line: no block.
    if !body.contains('\n') {
        return None;
    }
    let first_text = body.split('\n').find(|l| !l.is_empty())?;
    let ok = !body.ends_with('\n')
        && !first_text.starts_with([' ', '\t'])
        && !body.split('\n').any(|l| !l.is_empty() && l.trim().is_empty())
        && !s.chars().any(|c| needs_escape(c) || c == '\t' || c == '\r');
    ok.then_some(if s.ends_with('\n') { "" } else { "-" })
}

fn needs_escape(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Plain when nothing could read it as another type or as syntax; else quoted.
fn push_string(out: &mut String, s: &str) {
    if is_plain(s) {
        out.push_str(s);
    } else if needs_double_quotes(s) {
        push_double_quoted(out, s);
    } else {
        out.push('\'');
        for (i, part) in s.split('\'').enumerate() {
            if i > 0 {
                out.push_str("''");
            }
            out.push_str(part);
        }
        out.push('\'');
    }
}

/// A character only double quotes can hold: one to escape, or a line break.
fn needs_double_quotes(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| (b < b' ' && b != b'\t') || b == 0x7f)
    } else {
        s.chars().any(|c| needs_escape(c) || c == '\n')
    }
}

/// The characters a plain scalar may hold after its first.
const PLAIN: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b' ' | b'_' | b'-' | b'.' | b'/' | b'(' | b')' | b'+' | b',' | b'{' | b'}' | b'[' | b']'
            );
        b += 1;
    }
    table
};

fn is_plain(s: &str) -> bool {
    let bytes = s.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let first_ok = first.is_ascii_alphabetic() || first == b'/' || first == b'_';
    // Every allowed character is ASCII, so reading bytes rejects the others.
    let rest_ok = bytes[1..]
        .iter()
        .all(|&c| PLAIN.get(usize::from(c)).copied().unwrap_or(false));
    let reserved = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        .iter()
        .any(|word| s.eq_ignore_ascii_case(word));
    first_ok && rest_ok && !reserved && !s.ends_with(' ')
}

fn push_double_quoted(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) && (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if needs_escape(c) => out.push_str(&format!("\\U{:08x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ambiguous_strings_are_quoted() {
        let v = json!([
            "yes",
            "No",
            "2019-01-03",
            "12:30:45",
            "1_000",
            "<<",
            "a: b",
            "",
            "ok",
            "/p/{id}"
        ]);
        assert_eq!(
            write(&v),
            "- 'yes'\n- 'No'\n- '2019-01-03'\n- '12:30:45'\n- '1_000'\n- '<<'\n- 'a: b'\n- ''\n- ok\n- /p/{id}\n"
        );
    }

    #[test]
    fn layout_and_blocks() {
        let v = json!({"a": {"b": [1, {"c": "x\ny\n", "d": []}], "e": {}}, "f": 1.0, "g": 1e20, "h": "t\tab"});
        let text = write(&v);
        assert_eq!(
            text,
            "a:\n  b:\n  - 1\n  - c: |\n      x\n      y\n    d: []\n  e: {}\nf: 1.0\ng: 1.0e+20\nh: 't\tab'\n"
        );
        let back: Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn every_ascii_character_round_trips_plain_or_quoted() {
        for b in 0u8..128 {
            let c = char::from(b);
            for s in [format!("a{c}b"), format!("{c}"), format!("a {c}"), format!("{c}a")] {
                let v = json!({ "k": s, "list": [s] });
                let back: Value = serde_yaml::from_str(&write(&v)).unwrap();
                assert_eq!(back, v, "{s:?}\n{}", write(&v));
            }
        }
    }

    #[test]
    fn awkward_strings_round_trip() {
        for s in [
            " lead",
            "trail ",
            "a\n\n b\n\n",
            "x\n \ny",
            "\n x",
            "\u{7}",
            "é ü",
            "it's",
            "- x",
            "#c",
            "multi\nline",
        ] {
            let v = json!({ "k": s, "list": [s] });
            let back: Value = serde_yaml::from_str(&write(&v)).unwrap();
            assert_eq!(back, v, "{s:?}\n{}", write(&v));
        }
    }
}
