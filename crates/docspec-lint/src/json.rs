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
