//! JSON examples as writers write them: `...` lines mark elided items and may leave a
//! trailing comma behind. Both are blanked (same length) before parsing, so error
//! positions still point into the original text.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset in the example's text.
    pub offset: usize,
    pub message: String,
}

pub fn parse_example(text: &str) -> Result<Value, JsonError> {
    // Most examples are plain JSON: try that before the rewriting pass.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let cleaned = blank_elisions(text);
    serde_json::from_str(&cleaned).map_err(|e| {
        let offset = offset_of(&cleaned, e.line(), e.column());
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        JsonError { offset, message }
    })
}

/// Byte offset of serde_json's one-based line and byte column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Blanks `...` elision lines and the trailing commas they leave before `]` or `}`.
pub fn blank_elisions(text: &str) -> String {
    let mut bytes: Vec<u8> = text.as_bytes().to_vec();
    // Elision lines.
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim().trim_end_matches(',');
        if trimmed == "..." || trimmed == "…" {
            let content = line.trim_end_matches(['\n', '\r']);
            for b in &mut bytes[start..start + content.len()] {
                *b = b' ';
            }
        }
        start += line.len();
    }
    // Trailing commas outside strings.
    let mut in_string = false;
    let mut escaped = false;
    let mut last_comma: Option<usize> = None;
    for i in 0..bytes.len() {
        let b = bytes[i];
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                last_comma = None;
            }
            b',' => last_comma = Some(i),
            b']' | b'}' => {
                if let Some(c) = last_comma.take() {
                    bytes[c] = b' ';
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => last_comma = None,
        }
    }
    // Only ASCII bytes were replaced by spaces, so this stays valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions_and_trailing_commas_are_allowed() {
        let text = "[\n  {\"a\": 1},\n  ...\n]\n";
        assert!(parse_example(text).is_ok());
        assert!(parse_example("{\"a\": [1, 2,],}").is_ok());
    }

    #[test]
    fn commas_inside_strings_are_kept() {
        let v = parse_example("{\"a\": \"x,]\"}").unwrap();
        assert_eq!(v["a"], "x,]");
    }

    #[test]
    fn errors_point_at_the_offending_byte() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}";
        let err = parse_example(text).unwrap_err();
        assert_eq!(&text[err.offset..err.offset + 3], "\"b\"");
        assert!(err.message.contains("expected"), "{}", err.message);
    }
}

/// The JSON type of a value, as the Type column names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JsonKind {
    Null,
    Boolean,
    Integer,
    Float,
    String,
    Array,
    Object,
}

/// Every key path of an example with the kinds of value seen there: `a`, `a.b`,
/// `a[].b`. The items of a top-level array are read as the top level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonShape {
    pub root_is_array: bool,
    /// Sorted by path; each path once, with every kind seen for it.
    pub fields: Vec<(String, Vec<JsonKind>)>,
}

impl JsonShape {
    pub fn kinds(&self, path: &str) -> Option<&[JsonKind]> {
        self.fields
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| self.fields[i].1.as_slice())
    }
}

/// Reads an example's shape without building a `serde_json::Value`.
pub fn parse_shape(text: &str) -> Result<JsonShape, JsonError> {
    let shape = match shape_of(text) {
        Ok(shape) => shape,
        Err(_) => {
            let cleaned = blank_elisions(text);
            shape_of(&cleaned).map_err(|e| JsonError {
                offset: offset_of(&cleaned, e.line(), e.column()),
                message: {
                    let message = e.to_string();
                    match message.find(" at line ") {
                        Some(i) => message[..i].to_string(),
                        None => message,
                    }
                },
            })?
        }
    };
    Ok(shape)
}

fn shape_of(text: &str) -> Result<JsonShape, serde_json::Error> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_str(text);
    let mut collector = Collector::default();
    let root = Walk {
        top: true,
        out: &mut collector,
    }
    .deserialize(&mut de)?;
    de.end()?;
    let mut fields: Vec<(String, Vec<JsonKind>)> = collector.fields.into_iter().collect();
    for (_, kinds) in &mut fields {
        kinds.sort();
    }
    Ok(JsonShape {
        root_is_array: root == JsonKind::Array,
        fields,
    })
}

#[derive(Default)]
struct Collector {
    fields: std::collections::BTreeMap<String, Vec<JsonKind>>,
    /// The path being walked; segments are pushed and popped, never reallocated per value.
    path: String,
}

impl Collector {
    fn record(&mut self, kind: JsonKind) {
        if self.path.is_empty() {
            return;
        }
        match self.fields.get_mut(self.path.as_str()) {
            Some(kinds) => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            None => {
                self.fields.insert(self.path.clone(), vec![kind]);
            }
        }
    }
}

/// Walks one value at the collector's current path.
struct Walk<'c> {
    /// The root value: its array items are read as the top level.
    top: bool,
    out: &'c mut Collector,
}

impl Walk<'_> {
    fn record(&mut self, kind: JsonKind) -> JsonKind {
        self.out.record(kind);
        kind
    }
}

/// Appends a segment to the path and returns the length to restore.
fn push_segment(path: &mut String, segment: &str) -> usize {
    let len = path.len();
    if !path.is_empty() && segment != "[]" {
        path.push('.');
    }
    path.push_str(segment);
    len
}

impl<'de> serde::de::DeserializeSeed<'de> for Walk<'_> {
    type Value = JsonKind;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<JsonKind, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Walk<'_> {
    type Value = JsonKind;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(mut self, _: bool) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Boolean))
    }
    fn visit_i64<E>(mut self, _: i64) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Integer))
    }
    fn visit_u64<E>(mut self, _: u64) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Integer))
    }
    fn visit_f64<E>(mut self, _: f64) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Float))
    }
    fn visit_str<E>(mut self, _: &str) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::String))
    }
    fn visit_unit<E>(mut self) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Null))
    }
    fn visit_none<E>(mut self) -> Result<JsonKind, E> {
        Ok(self.record(JsonKind::Null))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<JsonKind, A::Error> {
        let kind = self.record(JsonKind::Array);
        let restore = if self.top {
            self.out.path.len()
        } else {
            push_segment(&mut self.out.path, "[]")
        };
        while seq
            .next_element_seed(Walk {
                top: false,
                out: &mut *self.out,
            })?
            .is_some()
        {}
        self.out.path.truncate(restore);
        Ok(kind)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(mut self, mut map: A) -> Result<JsonKind, A::Error> {
        let kind = self.record(JsonKind::Object);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let restore = push_segment(&mut self.out.path, &key);
            map.next_value_seed(Walk {
                top: false,
                out: &mut *self.out,
            })?;
            self.out.path.truncate(restore);
        }
        Ok(kind)
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;

    #[test]
    fn paths_of_nested_objects_and_arrays() {
        let shape = parse_shape(
            "[\n  {\"id\": 1, \"owner\": {\"name\": \"a\"}, \"tags\": [{\"n\": \"x\"}], \"ok\": null},\n  ...\n]",
        )
        .unwrap();
        assert!(shape.root_is_array);
        let paths: Vec<&str> = shape.fields.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["id", "ok", "owner", "owner.name", "tags", "tags[]", "tags[].n"]);
        assert_eq!(shape.kinds("id"), Some(&[JsonKind::Integer][..]));
        assert_eq!(shape.kinds("ok"), Some(&[JsonKind::Null][..]));
    }

    #[test]
    fn shape_errors_point_into_the_text() {
        let err = parse_shape("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert_eq!(err.offset, 8);
    }
}
