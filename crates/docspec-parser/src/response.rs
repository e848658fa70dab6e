//! What a method's successful response carries: JSON, or a file or raw text.

use docspec_model::{Example, ExampleRole, Page, RequestBlock, ResponseContent, SuccessSentence};

/// Words that, in a method's title, description or success sentence, say the response
/// is a file or raw text rather than JSON ("Download a package", "Raw blob content",
/// "Get file archive", "Returns the raw snippet as plain text").
const RAW_WORDS: &[&str] = &["raw", "download", "downloads", "downloading", "archive"];
const RAW_PHRASES: &[&str] = &["plain text", "log file", "binary file"];

/// The last path segments of endpoints that serve files or raw text.
const RAW_SEGMENTS: &[&str] = &["raw", "download", "archive", "trace"];

/// Decides from what the page shows, strongest sign first: a response example (JSON or
/// not), a cURL example that saves the response to a file, the endpoint's last path
/// segment, then the method's own words. Without any sign, JSON (the API's default).
pub fn content(
    title: &str,
    description: Option<&str>,
    request_blocks: &[RequestBlock],
    success: &[SuccessSentence],
    examples: &[Example],
    page: &Page,
) -> ResponseContent {
    let blocks = |role: ExampleRole| {
        examples
            .iter()
            .filter(move |e| e.role == role)
            .filter_map(|e| page.code_blocks.get(e.code_block))
    };
    let mut responses = blocks(ExampleRole::Response).peekable();
    if responses.peek().is_some() {
        let json = responses.any(|b| {
            let content = b.content.trim_start();
            b.lang() == Some("json") || content.starts_with('{') || content.starts_with('[')
        });
        return if json {
            ResponseContent::Json
        } else {
            ResponseContent::Raw
        };
    }
    if success.iter().any(|s| s.mentions_response_attributes) {
        return ResponseContent::Json;
    }
    let saves = blocks(ExampleRole::Curl).any(|b| {
        docspec_curl::parse_commands(&b.content)
            .iter()
            .any(|c| c.saves_response(&b.content))
    });
    let raw_path = request_blocks.iter().flat_map(|b| b.lines.iter()).any(|l| {
        let path = l.path.value.trim_end_matches('/');
        let last = path.rsplit('/').next().unwrap_or("");
        RAW_SEGMENTS.contains(&last) || last.ends_with("[.format]")
    });
    let prose = [title, description.unwrap_or("")];
    let raw_words = prose.iter().any(|text| says_raw(text));
    if saves || raw_path || raw_words {
        ResponseContent::Raw
    } else {
        ResponseContent::Json
    }
}

fn says_raw(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| RAW_WORDS.contains(&w))
        || RAW_PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::says_raw;

    #[test]
    fn raw_words_are_whole_words() {
        assert!(says_raw("Download a release asset"));
        assert!(says_raw("Returns the raw file contents as plain text."));
        assert!(says_raw("Get file archive"));
        assert!(!says_raw("Withdraw a drawing"));
        assert!(!says_raw("List archived projects"));
    }
}
