//! JSON examples as writers write them: `...` lines mark elided items and may leave a
//! trailing comma behind, and some pages annotate fields with `// notes`. These are
//! blanked (same length) before parsing, so error positions still point into the
//! original text. Lint and the OpenAPI emitter read examples through this one crate.

use rustc_hash::FxHashMap;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset in the example's text.
    pub offset: usize,
    pub message: String,
}

/// How to read one example, from what the page says around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// The lead-in says line breaks were added for readability: a raw line break inside
    /// a string is the writer's wrapping, read as a space.
    pub wrapped_strings: bool,
}

impl Reading {
    /// The reading an example's lead-in asks for ("Example response, with line breaks
    /// added for readability:").
    pub fn for_lead_in(lead_in: Option<&str>) -> Reading {
        let lower = lead_in.unwrap_or_default().to_lowercase();
        let breaks = ["line break", "linebreak", "newline", "wrapped", "line-wrapped"]
            .iter()
            .any(|w| lower.contains(w));
        let on_purpose = ["readab", "legib", "added"].iter().any(|w| lower.contains(w));
        Reading {
            wrapped_strings: breaks && on_purpose,
        }
    }

    /// The text to parse: with `wrapped_strings`, line breaks inside strings blanked.
    fn apply<'t>(self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.wrapped_strings {
            std::borrow::Cow::Owned(unwrap_strings(text))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }
}

/// Blanks raw line breaks (`\n`, `\r`) inside strings: same length, so offsets stay true.
pub fn unwrap_strings(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut strings = Strings::default();
    for b in &mut bytes {
        if !strings.outside(*b) && strings.inside && matches!(*b, b'\n' | b'\r') {
            *b = b' ';
        }
    }
    // Only ASCII bytes were replaced by spaces, so this stays valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Reads an example into a value, tolerating elisions, trailing commas and `//` notes.
pub fn parse_example(text: &str) -> Result<Value, JsonError> {
    parse_example_as(text, Reading::default())
}

/// [`parse_example`], read as the page says ([`Reading`]).
pub fn parse_example_as(text: &str, reading: Reading) -> Result<Value, JsonError> {
    let text = &*reading.apply(text);
    // Most examples are plain JSON: try that before the rewriting pass.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let cleaned = blank_comments(&blank_elisions(text));
    serde_json::from_str(&cleaned).map_err(|e| {
        // Brackets a final elision closes are appended: an error there is at the end.
        let offset = offset_of(&cleaned, text, e.line(), e.column());
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        JsonError { offset, message }
    })
}

/// Byte offset of serde_json's one-based line and byte column in `cleaned`, which has the
/// length of the `original` example (elisions and notes blanked byte for byte). The column
/// counts bytes, so when serde_json stops right after a multi-byte character (an
/// unterminated string ending in `…`), or inside a blanked `…` line or note, the offset is
/// inside a character of the original: the error is then at the next character, where
/// the offset is moved.
fn offset_of(cleaned: &str, original: &str, line: usize, column: usize) -> usize {
    let line_start: usize = cleaned
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (line_start + column.saturating_sub(1)).min(original.len());
    while !original.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Follows JSON strings byte by byte, so scans can tell text from structure.
#[derive(Default)]
struct Strings {
    inside: bool,
    escaped: bool,
}

impl Strings {
    /// Takes the next byte; true when it is outside any string (quotes count as inside).
    fn outside(&mut self, b: u8) -> bool {
        if self.inside {
            match (self.escaped, b) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.inside = false,
                _ => {}
            }
            return false;
        }
        if b == b'"' {
            self.inside = true;
            return false;
        }
        true
    }
}

/// The byte offset of the first `//` note outside strings, if the example has one.
pub fn find_comment(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut strings = Strings::default();
    (0..bytes.len()).find(|&i| strings.outside(bytes[i]) && bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'/'))
}

/// Blanks `// notes` outside strings, to the end of their line.
pub fn blank_comments(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(find_comment).map(|i| from + i) {
        let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        for b in &mut bytes[at..end] {
            *b = b' ';
        }
        from = end;
    }
    // Only whole comments (from an ASCII `//` to a line end) were blanked.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// The byte offset of the first comma right before a `]` or `}` that no `...` elision
/// line explains: readers' JSON parsers reject it, though [`parse_example`] reads past it.
pub fn stray_trailing_comma(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // The comma found below is followed by nothing but whitespace up to its bracket; most
    // examples have no such comma anywhere, strings included, and need no closer look.
    if !has_comma_before_bracket(bytes) {
        return None;
    }
    scan_stray_trailing_comma(text)
}

fn scan_stray_trailing_comma(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut strings = Strings::default();
    let mut last_comma: Option<usize> = None;
    let mut line_start = 0;
    let mut elided_since_comma = false;
    for i in 0..bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = i + 1;
        }
        if !strings.outside(b) {
            last_comma = None;
            continue;
        }
        match b {
            b',' => {
                last_comma = Some(i);
                elided_since_comma = false;
            }
            b']' | b'}' => {
                if let Some(c) = last_comma.take() {
                    if !elided_since_comma {
                        return Some(c);
                    }
                }
            }
            b'.' | 0xE2 if last_comma.is_some() => {
                // An elision line (`...` or `…`) after the comma explains it.
                let line_end = text[i..].find('\n').map_or(text.len(), |e| i + e);
                let line = text[line_start..line_end].trim().trim_end_matches(',');
                if line == "..." || line == "…" {
                    elided_since_comma = true;
                } else {
                    last_comma = None;
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => last_comma = None,
        }
    }
    None
}

/// Whether some `,` is followed by whitespace and then `]` or `}`, inside strings or not.
fn has_comma_before_bracket(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b',', bytes).any(|comma| {
        bytes[comma + 1..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| matches!(b, b']' | b'}'))
    })
}

/// Blanks `...` elision lines and the trailing commas they leave before `]` or `}`. An
/// elision that ends the example elides the rest of it, closing brackets included: they
/// are appended (after the text, so offsets into it stay true).
pub fn blank_elisions(text: &str) -> String {
    let mut bytes: Vec<u8> = text.as_bytes().to_vec();
    // Elision lines.
    let mut start = 0;
    let mut ends_with_elision = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim().trim_end_matches(',');
        let elision = trimmed == "..." || trimmed == "…";
        if elision {
            let content = line.trim_end_matches(['\n', '\r']);
            for b in &mut bytes[start..start + content.len()] {
                *b = b' ';
            }
        }
        if !trimmed.is_empty() {
            ends_with_elision = elision;
        }
        start += line.len();
    }
    if ends_with_elision {
        close_open_brackets(&mut bytes);
    }
    // Trailing commas outside strings.
    let mut strings = Strings::default();
    let mut last_comma: Option<usize> = None;
    for i in 0..bytes.len() {
        let b = bytes[i];
        if !strings.outside(b) {
            // A string after a comma means the comma was not trailing.
            last_comma = None;
            continue;
        }
        match b {
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

/// Appends the closing brackets of the objects and arrays still open at the end.
fn close_open_brackets(bytes: &mut Vec<u8>) {
    let mut strings = Strings::default();
    let mut open: Vec<u8> = Vec::new();
    for &b in bytes.iter() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'{' => open.push(b'}'),
            b'[' => open.push(b']'),
            b'}' | b']' if open.last() == Some(&b) => {
                open.pop();
            }
            _ => {}
        }
    }
    if !open.is_empty() && !strings.inside {
        bytes.push(b'\n');
        bytes.extend(open.iter().rev());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A number too large for an integer (an X.509 serial number) is the double nearest
    /// to it, as written in the spec and read back: serde_json's default reading of
    /// long numbers can be a few units off in the last place.
    #[test]
    fn long_numbers_read_as_the_nearest_double() {
        let digits = "278969561018901340486471282831158785578";
        let value = parse_example(&format!("{{\"serial_number\": {digits}}}")).unwrap();
        let read = value["serial_number"].as_f64().unwrap();
        assert_eq!(read, digits.parse::<f64>().unwrap());
        assert_eq!(
            serde_json::from_str::<Value>(&read.to_string()).unwrap().as_f64(),
            Some(read)
        );
    }

    #[test]
    fn wrapped_strings_are_read_when_the_lead_in_says_so() {
        let text = "{\n  \"notes\": \"## 1.0.0\\n\\n-\n    [Title](x)\\n\"\n}";
        let wrapped = Reading::for_lead_in(Some("Example response, with line breaks added for readability:"));
        assert!(wrapped.wrapped_strings);
        assert!(parse_example(text).is_err());
        assert!(parse_example_as(text, wrapped).unwrap()["notes"]
            .as_str()
            .unwrap()
            .contains("[Title](x)"));
        assert!(parse_shape_as(text, wrapped).unwrap().field("notes").is_some());
        // Another liberty, or none: read as written.
        assert!(
            !Reading::for_lead_in(Some("Example request, with the refs truncated for readability:")).wrapped_strings
        );
        assert!(!Reading::for_lead_in(Some("Example response:")).wrapped_strings);
        assert!(!Reading::for_lead_in(None).wrapped_strings);
        // A line break between values is whitespace anyway; only strings change.
        assert_eq!(unwrap_strings("{\"a\":\n\"b\nc\"}"), "{\"a\":\n\"b c\"}");
    }

    #[test]
    fn a_final_elision_elides_the_closing_brackets_too() {
        let text = "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [1, 2],\n    ...\n";
        assert_eq!(parse_example(text).unwrap()["b"]["c"][1], 2);
        let shape = parse_shape(text).unwrap();
        assert!(shape.field("b.c").is_some());
        assert!(parse_example("[\n  {\"a\": 1},\n  …\n").is_ok());
        // An error in what the elision closes is placed at the end of the text.
        let cut = "{\n  \"a\":\n  ...\n";
        assert_eq!(parse_example(cut).unwrap_err().offset, cut.len());
        assert_eq!(parse_shape(cut).unwrap_err().offset, cut.len());
        // Only a final elision: a block cut short without one is still an error.
        assert!(parse_example("{\n  \"a\": 1,\n  \"b\": 2\n").is_err());
        assert!(parse_example("{\n  \"a\": [\n    ...\n  ],\n  \"b\": 2\n").is_err());
    }

    #[test]
    fn elisions_and_trailing_commas_are_allowed() {
        let text = "[\n  {\"a\": 1},\n  ...\n]\n";
        assert!(parse_example(text).is_ok());
        assert!(parse_example("{\"a\": [1, 2,],}").is_ok());
    }

    #[test]
    fn only_elisions_explain_a_trailing_comma() {
        assert_eq!(stray_trailing_comma("[\n  {\"a\": 1},\n  ...\n]\n"), None);
        assert_eq!(stray_trailing_comma("[\n  {\"a\": 1},\n  …\n]\n"), None);
        assert_eq!(stray_trailing_comma("{\"a\": [1, 2,]}"), Some(11));
        assert_eq!(stray_trailing_comma("{\n  \"a\": 1,\n}"), Some(10));
        assert_eq!(stray_trailing_comma("{\"a\": \"x,]\", \"b\": [1, 2]}"), None);
        assert_eq!(stray_trailing_comma("{\"a\": 1.5, \"b\": 2}"), None);
    }

    #[test]
    fn the_comma_prefilter_never_hides_a_stray_comma() {
        // Every text of up to six of these bytes: where the prefilter sees no candidate,
        // the full scan finds none either.
        let alphabet = b",]} \".\n[a\\";
        let mut text = Vec::new();
        fn visit(text: &mut Vec<u8>, alphabet: &[u8], left: usize) {
            let s = std::str::from_utf8(text).unwrap();
            if !has_comma_before_bracket(text) {
                assert_eq!(scan_stray_trailing_comma(s), None, "{s:?}");
            }
            if left == 0 {
                return;
            }
            for &b in alphabet {
                text.push(b);
                visit(text, alphabet, left - 1);
                text.pop();
            }
        }
        visit(&mut text, alphabet, 6);
    }

    #[test]
    fn notes_are_tolerated_but_found() {
        let text = "{\n  \"a\": 5, // use `b`\n  \"u\": \"http://x\"\n}";
        assert_eq!(parse_example(text).unwrap()["u"], "http://x");
        assert_eq!(find_comment(text), Some(12));
        assert_eq!(find_comment("{\"u\": \"http://x\"}"), None);
    }

    #[test]
    fn commas_inside_strings_are_kept() {
        let v = parse_example("{\"a\": \"x,]\"}").unwrap();
        assert_eq!(v["a"], "x,]");
    }

    /// Found by the `json` fuzz target: the offset fell inside the `…`.
    #[test]
    fn error_offsets_after_a_multibyte_character_are_on_a_boundary() {
        let text = "{  \"name\": \"ge…\n}\n";
        for err in [parse_example(text).unwrap_err(), parse_shape(text).unwrap_err()] {
            assert!(text.is_char_boundary(err.offset), "{}", err.offset);
            assert!(err.offset > text.find('…').unwrap_or(0), "{}", err.offset);
        }
        // A blanked `…` elision line: the offset counted in the blanked text fell inside
        // the original `…`.
        for text in ["…", " …", "\n…", "// é\n["] {
            for err in [parse_example(text).unwrap_err(), parse_shape(text).unwrap_err()] {
                assert!(text.is_char_boundary(err.offset), "{text:?}: {}", err.offset);
            }
        }
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

impl JsonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Integer => "an integer",
            JsonKind::Float => "a float",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

/// One key path of an example: `a`, `a.b`, `a[].b` (the items of a top-level array are
/// read as the top level), every kind of value seen there, and where its key first
/// appears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonField {
    pub path: String,
    pub kinds: Vec<JsonKind>,
    /// Byte offset of the first `"key"` for this path in the example's text.
    pub offset: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonShape {
    pub root_is_array: bool,
    /// Sorted by path.
    pub fields: Vec<JsonField>,
}

impl JsonShape {
    pub fn field(&self, path: &str) -> Option<&JsonField> {
        self.fields
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.fields[i])
    }

    pub fn kinds(&self, path: &str) -> Option<&[JsonKind]> {
        self.field(path).map(|f| f.kinds.as_slice())
    }
}

/// Reads an example's shape. serde_json decides validity (and words the error); a small
/// scanner over the validated text then records paths, kinds and key positions.
pub fn parse_shape(text: &str) -> Result<JsonShape, JsonError> {
    parse_shape_as(text, Reading::default())
}

/// [`parse_shape`], read as the page says ([`Reading`]).
pub fn parse_shape_as(text: &str, reading: Reading) -> Result<JsonShape, JsonError> {
    let applied = reading.apply(text);
    let text = &*applied;
    let valid = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    let cleaned;
    let text = if valid {
        text
    } else {
        cleaned = blank_elisions(text);
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&cleaned) {
            let message = e.to_string();
            return Err(JsonError {
                offset: offset_of(&cleaned, text, e.line(), e.column()),
                message: match message.find(" at line ") {
                    Some(i) => message[..i].to_string(),
                    None => message,
                },
            });
        }
        &cleaned
    };
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        fields: FxHashMap::default(),
    };
    scanner.skip_ws();
    let root = scanner.value(true);
    let mut fields: Vec<JsonField> = scanner
        .fields
        .into_iter()
        .map(|(path, (mut kinds, offset))| {
            kinds.sort();
            JsonField { path, kinds, offset }
        })
        .collect();
    fields.sort_unstable_by(|a, b| a.path.cmp(&b.path));
    Ok(JsonShape {
        root_is_array: root == JsonKind::Array,
        fields,
    })
}

/// Walks JSON that serde_json already accepted; it never fails, it only records.
struct Scanner<'t> {
    bytes: &'t [u8],
    pos: usize,
    path: String,
    fields: FxHashMap<String, (Vec<JsonKind>, usize)>,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn record(&mut self, kind: JsonKind, key_offset: usize) {
        if self.path.is_empty() {
            return;
        }
        match self.fields.get_mut(self.path.as_str()) {
            Some((kinds, _)) => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            None => {
                self.fields.insert(self.path.clone(), (vec![kind], key_offset));
            }
        }
    }

    /// Reads one value at the current path; `top` marks the root.
    fn value(&mut self, top: bool) -> JsonKind {
        self.value_at(top, self.pos)
    }

    fn value_at(&mut self, top: bool, key_offset: usize) -> JsonKind {
        self.skip_ws();
        let kind = match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.record(JsonKind::Object, key_offset);
                self.object();
                return JsonKind::Object;
            }
            Some(b'[') => {
                self.record(JsonKind::Array, key_offset);
                self.array(top);
                return JsonKind::Array;
            }
            Some(b'"') => {
                self.string();
                JsonKind::String
            }
            Some(b't' | b'f') => {
                self.word();
                JsonKind::Boolean
            }
            Some(b'n') => {
                self.word();
                JsonKind::Null
            }
            _ => self.number(),
        };
        self.record(kind, key_offset);
        kind
    }

    fn object(&mut self) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    let key_offset = self.pos;
                    let (start, end) = self.string();
                    self.skip_ws();
                    self.pos += 1; // ':'
                    let key = self.bytes.get(start..end).unwrap_or_default();
                    let restore = push_segment(&mut self.path, &String::from_utf8_lossy(key));
                    self.value_at(false, key_offset);
                    self.path.truncate(restore);
                }
                Some(b',') => self.pos += 1,
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn array(&mut self, top: bool) {
        self.pos += 1;
        let restore = if top {
            self.path.len()
        } else {
            push_segment(&mut self.path, "[]")
        };
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b']') | None => {
                    self.pos += 1;
                    break;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    let at = self.pos;
                    self.value_at(false, at);
                }
            }
        }
        self.path.truncate(restore);
    }

    /// Skips a string and returns the byte range of its content (escapes kept as
    /// written: keys rarely have any).
    fn string(&mut self) -> (usize, usize) {
        let start = self.pos + 1;
        self.pos += 1;
        while let Some(i) = memchr::memchr2(b'\\', b'"', self.bytes.get(self.pos..).unwrap_or_default()) {
            self.pos += i;
            if self.bytes[self.pos] == b'"' {
                let end = self.pos;
                self.pos += 1;
                return (start, end);
            }
            self.pos += 2;
        }
        // Unterminated (the text was validated, so only after an elision blanking).
        self.pos = self.bytes.len() + 1;
        (start.min(self.bytes.len()), self.bytes.len())
    }

    fn word(&mut self) {
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_alphabetic) {
            self.pos += 1;
        }
    }

    fn number(&mut self) -> JsonKind {
        let mut float = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'0'..=b'9' | b'-' | b'+' => {}
                b'.' | b'e' | b'E' => float = true,
                _ => break,
            }
            self.pos += 1;
        }
        if float {
            JsonKind::Float
        } else {
            JsonKind::Integer
        }
    }
}

/// Whether an object's entries, each a key and the kind of its value, read as a map from
/// data to values (`{"Ruby": 66.69, "Go": 33.31}`) rather than attributes: two or more
/// keys, none written like an attribute name (`snake_case`), every value of one kind.
pub fn is_map<K: PartialEq>(entries: &[(&str, K)]) -> bool {
    let attribute_like = |key: &str| {
        key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    let [(_, first), rest @ ..] = entries else {
        return false;
    };
    !rest.is_empty() && entries.iter().all(|(key, kind)| !attribute_like(key) && kind == first)
}

/// The array row of a response table that stands for a top-level array response: the
/// rows are one array row `X` and its items `X[].k` (the style guide's `projects[].name`),
/// and the response's items have the keys `k` (at least half of them), but no key `X`.
/// Then `X` is the response itself and `X[].k` means `[].k`. `has_key` tells whether the
/// example's items have a top-level key; `None` when the rows read as written.
pub fn array_root<'n>(names: &[&'n str], has_key: impl Fn(&str) -> bool) -> Option<&'n str> {
    let root = names
        .iter()
        .map(|n| n.trim())
        .find(|n| !n.contains('.') && !n.trim_end_matches("[]").contains('['))?
        .trim_end_matches("[]");
    if root.is_empty() || has_key(root) {
        return None;
    }
    let items = format!("{root}[].");
    let mut children: Vec<&str> = Vec::new();
    for name in names.iter().map(|n| n.trim()) {
        if name == root || name.strip_prefix(root) == Some("[]") {
            continue;
        }
        let rest = name.strip_prefix(items.as_str())?;
        let key = rest.split(['.', '[']).next().unwrap_or(rest);
        if !key.is_empty() && !children.contains(&key) {
            children.push(key);
        }
    }
    let matched = children.iter().filter(|k| has_key(k)).count();
    (matched > 0 && matched * 2 >= children.len()).then_some(root)
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

#[cfg(test)]
mod shape_tests {
    #[test]
    fn maps_from_data_to_values() {
        use super::is_map;
        assert!(is_map(&[("Steel", 1), ("Copper", 1)]));
        assert!(is_map(&[("1", "s"), ("2", "s")]));
        assert!(!is_map(&[("id", 1), ("Name", 1)]));
        assert!(!is_map(&[("Steel", 1), ("Copper", 2)]));
        assert!(!is_map(&[("Steel", 1)]));
        assert!(!is_map::<u8>(&[]));
    }

    use super::*;

    #[test]
    fn paths_of_nested_objects_and_arrays() {
        let shape = parse_shape(
            "[\n  {\"id\": 1, \"owner\": {\"name\": \"a\"}, \"tags\": [{\"n\": \"x\"}], \"ok\": null},\n  ...\n]",
        )
        .unwrap();
        assert!(shape.root_is_array);
        let paths: Vec<&str> = shape.fields.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["id", "ok", "owner", "owner.name", "tags", "tags[]", "tags[].n"]);
        assert_eq!(shape.kinds("id"), Some(&[JsonKind::Integer][..]));
        assert_eq!(shape.kinds("ok"), Some(&[JsonKind::Null][..]));
    }

    #[test]
    fn key_offsets_point_at_the_first_key() {
        let text = "[{\"a\": {\"b\": 1.5}}, {\"a\": {\"b\": 2}}]";
        let shape = parse_shape(text).unwrap();
        let b = shape.field("a.b").unwrap();
        assert_eq!(&text[b.offset..b.offset + 3], "\"b\"");
        assert_eq!(b.kinds, [JsonKind::Integer, JsonKind::Float]);
    }

    #[test]
    fn an_array_row_can_stand_for_a_top_level_array() {
        let keys = ["id", "title"];
        let has = |k: &str| keys.contains(&k);
        let rows = ["items", "items[].id", "items[].title", "items[].author.name"];
        assert_eq!(array_root(&rows, has), Some("items"));
        assert_eq!(array_root(&["items[]", "items[].id"], has), Some("items"));
        // A row beside the array, items named otherwise, or a real key `items`: as written.
        assert_eq!(array_root(&["items", "items[].id", "total"], has), None);
        assert_eq!(array_root(&["items", "items[].size", "items[].colour"], has), None);
        assert_eq!(array_root(&["id", "title"], has), None);
        assert_eq!(
            array_root(&["items", "items[].id"], |k| k == "items" || k == "id"),
            None
        );
    }

    #[test]
    fn shape_errors_point_into_the_text() {
        let err = parse_shape("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert_eq!(err.offset, 8);
    }
}
