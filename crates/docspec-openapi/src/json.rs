//! JSON examples as writers write them: `...` lines mark elided items and may leave a
//! trailing comma behind, and `// note` comments explain a field. All are blanked (same
//! length) before parsing, so error positions still point into the original text.

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
        let line_start: usize = cleaned
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let offset = (line_start + e.column().saturating_sub(1)).min(text.len());
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        JsonError { offset, message }
    })
}

/// Whether a block looks like JSON at all (by language or first character).
pub fn looks_like_json(lang: Option<&str>, content: &str) -> bool {
    let lang = lang.unwrap_or("").to_ascii_lowercase();
    let first = content.trim_start().chars().next();
    lang == "json" || (matches!(lang.as_str(), "" | "javascript" | "js") && matches!(first, Some('{' | '[')))
}

/// Blanks `...` elision lines and the trailing commas they leave before `]` or `}`.
fn blank_elisions(text: &str) -> String {
    let mut bytes: Vec<u8> = text.as_bytes().to_vec();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim().trim_end_matches(',');
        if trimmed == "..." || trimmed == "…" {
            let content = line.trim_end_matches(['\n', '\r']);
            blank(&mut bytes[start..start + content.len()]);
        }
        start += line.len();
    }
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
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
                blank(&mut bytes[i..end]);
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
    // Whole lines, whole comments and ASCII commas were replaced, so this stays UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

fn blank(bytes: &mut [u8]) {
    for b in bytes {
        *b = b' ';
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elisions_and_trailing_commas_are_allowed() {
        assert!(parse_example("[\n  {\"a\": 1},\n  ...\n]\n").is_ok());
        assert!(parse_example("{\"a\": [1, 2,],}").is_ok());
        assert_eq!(parse_example("{\"a\": \"x,]\"}").unwrap()["a"], "x,]");
        let commented = parse_example("{\n  \"a\": 5, // deprecated, use `b`\n  \"u\": \"http://x\"\n}").unwrap();
        assert_eq!(commented["u"], "http://x");
    }

    #[test]
    fn errors_point_at_the_offending_byte() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}";
        let err = parse_example(text).unwrap_err();
        assert_eq!(&text[err.offset..err.offset + 3], "\"b\"");
    }
}
