//! A finding printed as `serde_json::to_writer_pretty` prints it inside an array (two
//! spaces per level, `"key": value`), written straight into bytes.

use super::{EditView, Finding, FixView, RelatedView};

/// One finding, as the element of a top-level array (one level of indentation).
pub fn finding(f: &Finding<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"  {\n");
    field_str(out, 2, "path", f.path);
    field_num(out, 2, "line", f.line);
    field_num(out, 2, "column", f.column);
    field_num(out, 2, "end_line", f.end_line);
    field_num(out, 2, "end_column", f.end_column);
    field_str(out, 2, "code", f.code);
    field_str(out, 2, "name", f.name);
    field_str(out, 2, "severity", f.severity);
    field_str(out, 2, "message", f.message);
    key(out, 2, "help");
    match f.help {
        Some(help) => string(out, help),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\n");
    key(out, 2, "fix");
    match &f.fix {
        Some(fix) => fix_view(fix, out),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\n");
    key(out, 2, "related");
    array(out, 2, &f.related, related);
    out.extend_from_slice(b"\n  }");
}

fn fix_view(fix: &FixView<'_>, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_str(out, 3, "title", fix.title);
    field_str(out, 3, "applicability", applicability(fix.applicability));
    key(out, 3, "edits");
    array(out, 3, &fix.edits, edit);
    out.push(b'\n');
    indent(out, 2);
    out.push(b'}');
}

fn edit(e: &EditView<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_num(out, level + 1, "line", e.line);
    field_num(out, level + 1, "column", e.column);
    field_num(out, level + 1, "end_line", e.end_line);
    field_num(out, level + 1, "end_column", e.end_column);
    key(out, level + 1, "content");
    string(out, e.content);
    out.push(b'\n');
    indent(out, level);
    out.push(b'}');
}

fn related(r: &RelatedView<'_>, level: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\n");
    field_str(out, level + 1, "path", r.path);
    field_num(out, level + 1, "line", r.line);
    field_num(out, level + 1, "column", r.column);
    key(out, level + 1, "message");
    string(out, r.message);
    if let Some(pointer) = r.pointer {
        out.extend_from_slice(b",\n");
        key(out, level + 1, "pointer");
        string(out, pointer);
    }
    out.push(b'\n');
    indent(out, level);
    out.push(b'}');
}

/// `[]`, or the items one per line at `level + 1`.
pub(crate) fn array<T>(out: &mut Vec<u8>, level: usize, items: &[T], item: fn(&T, usize, &mut Vec<u8>)) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    out.extend_from_slice(b"[\n");
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        indent(out, level + 1);
        item(x, level + 1, out);
    }
    out.push(b'\n');
    indent(out, level);
    out.push(b']');
}

fn applicability(a: docspec_diagnostics::Applicability) -> &'static str {
    match a {
        docspec_diagnostics::Applicability::DisplayOnly => "display_only",
        docspec_diagnostics::Applicability::Unsafe => "unsafe",
        docspec_diagnostics::Applicability::Safe => "safe",
    }
}

/// What prints one member's value, given the level the member's key sits at.
pub(crate) type Value<'v> = &'v dyn Fn(&mut Vec<u8>, usize);

/// An object at `level`, one member a line, each a key and what prints its value.
pub(crate) fn object(out: &mut Vec<u8>, level: usize, members: &[(&str, Value<'_>)]) {
    out.extend_from_slice(b"{\n");
    for (i, (name, value)) in members.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        key(out, level + 1, name);
        value(out, level + 1);
    }
    out.push(b'\n');
    indent(out, level);
    out.push(b'}');
}

pub(crate) fn indent(out: &mut Vec<u8>, level: usize) {
    for _ in 0..level {
        out.extend_from_slice(b"  ");
    }
}

fn key(out: &mut Vec<u8>, level: usize, name: &str) {
    indent(out, level);
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

fn field_str(out: &mut Vec<u8>, level: usize, name: &str, value: &str) {
    key(out, level, name);
    string(out, value);
    out.extend_from_slice(b",\n");
}

fn field_num(out: &mut Vec<u8>, level: usize, name: &str, value: usize) {
    key(out, level, name);
    crate::emit::push_decimal(out, value);
    out.extend_from_slice(b",\n");
}

/// Bytes a JSON string cannot hold as written: quotes, backslashes, control characters.
const NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A JSON string escaped as serde_json escapes it: `"` and `\`, the short escapes for
/// backspace, form feed, line feed, carriage return and tab, `\u00XX` for the other
/// control characters; everything else as it is.
pub(crate) fn string(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(text.len() + 2);
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !NEEDS_ESCAPE[usize::from(b)] {
            continue;
        }
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => b"",
        };
        out.extend_from_slice(&bytes[start..i]);
        if escape.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_diagnostics::Applicability;

    /// serde_json's own printing of the finding inside an array, for comparison.
    fn reference(f: &Finding<'_>) -> String {
        let text = serde_json::to_string_pretty(&[f]).unwrap_or_default();
        text.strip_prefix("[\n")
            .and_then(|t| t.strip_suffix("\n]"))
            .unwrap_or("")
            .to_string()
    }

    fn mine(f: &Finding<'_>) -> String {
        let mut out = Vec::new();
        finding(f, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn every_ascii_character_is_escaped_as_serde_json_does() {
        let all: String = (0u8..128).map(char::from).chain(['é', '\u{2028}', '🎉']).collect();
        let mut out = Vec::new();
        string(&mut out, &all);
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&all).unwrap());
    }

    #[test]
    fn prints_as_serde_json_does() {
        let tricky = "quote \" backslash \\ line\nreturn\r tab\t bell\u{7} nul\u{0} bs\u{8} ff\u{c} é 🎉 </tag>";
        let edits = [
            EditView {
                line: 1,
                column: 2,
                end_line: 3,
                end_column: 40,
                content: tricky,
            },
            EditView {
                line: 10,
                column: 1,
                end_line: 10,
                end_column: 1,
                content: "",
            },
        ];
        let related = [
            RelatedView {
                path: "a.md",
                line: 7,
                column: 1,
                message: "first defined here",
                pointer: None,
            },
            RelatedView {
                path: "spec.yaml",
                line: 120,
                column: 9,
                message: tricky,
                pointer: Some("/paths/~1widgets/get"),
            },
        ];
        let cases = [
            Finding {
                path: "doc/api/x.md",
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 9,
                code: "AT004",
                name: "required-value",
                severity: "warning",
                message: tricky,
                help: None,
                fix: None,
                related: Vec::new(),
            },
            Finding {
                path: "dir with space/ü.md",
                line: 123_456,
                column: 78,
                end_line: 123_457,
                end_column: 0,
                code: "CU001",
                name: "curl-short-option",
                severity: "error",
                message: "m",
                help: Some(tricky),
                fix: Some(FixView {
                    title: "Write `--header`",
                    applicability: Applicability::Safe,
                    edits: edits.to_vec(),
                }),
                related: related.to_vec(),
            },
            Finding {
                path: "p",
                line: 0,
                column: 0,
                end_line: 0,
                end_column: 0,
                code: "X",
                name: "y",
                severity: "info",
                message: "",
                help: Some(""),
                fix: Some(FixView {
                    title: "",
                    applicability: Applicability::Unsafe,
                    edits: Vec::new(),
                }),
                related: Vec::new(),
            },
        ];
        for f in &cases {
            assert_eq!(mine(f), reference(f));
        }
    }
}
