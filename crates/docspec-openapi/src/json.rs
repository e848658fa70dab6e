//! JSON examples, read through `docspec-json` (elisions, trailing commas, `//` notes).

pub use docspec_json::{parse_example_as, Reading};

/// Whether a block looks like JSON at all (by language or first character).
pub fn looks_like_json(lang: Option<&str>, content: &str) -> bool {
    let lang = lang.unwrap_or("").to_ascii_lowercase();
    let first = content.trim_start().chars().next();
    lang == "json" || (matches!(lang.as_str(), "" | "javascript" | "js") && matches!(first, Some('{' | '[')))
}

#[cfg(test)]
mod tests {
    use docspec_json::parse_example;

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
