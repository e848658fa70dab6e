//! Splitting docs URLs into scheme, host, path and query without a URL crate.
//!
//! Docs URLs are not always valid URLs (`<your_access_token>`, `$TOKEN`, `${CI_API_V4_URL}/...`,
//! `:id`), so this splits on the delimiters only and never fails.

use std::ops::Range;

/// A URL split into its pieces. All ranges are byte ranges into `raw`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The URL as given.
    pub raw: String,
    /// `https`, without `://`.
    pub scheme: Option<String>,
    /// `user:password` before an `@` in the authority.
    pub userinfo: Option<String>,
    /// The host with its port (`gitlab.example.com:8080`), or a variable such as
    /// `${CI_API_V4_URL}` or `$GITLAB_URL` when the URL has no scheme.
    pub host: Option<String>,
    pub host_range: Option<Range<usize>>,
    /// The path as written (not decoded), starting with `/` unless empty.
    pub path: String,
    pub path_range: Range<usize>,
    /// The query pairs in order.
    pub query: Vec<QueryParam>,
    /// The text after `?` (without the fragment).
    pub query_range: Option<Range<usize>>,
    /// The text after `#`.
    pub fragment: Option<String>,
}

/// One `key=value` pair of a query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryParam {
    /// The key, percent-decoded (`+` is a space), like `labels[]`.
    pub key: String,
    /// The value, percent-decoded; `None` when there is no `=`.
    pub value: Option<String>,
    pub key_range: Range<usize>,
    pub value_range: Option<Range<usize>>,
}

impl QueryParam {
    /// The key up to its first `[`: `labels` for `labels[]`.
    pub fn base_key(&self) -> &str {
        base_name(&self.key)
    }
}

/// One `/`-separated piece of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathSegment {
    /// As written, like `my%2Fproject` or `:id`.
    pub raw: String,
    /// Percent-decoded, like `my/project`.
    pub decoded: String,
    /// Byte range in the URL.
    pub range: Range<usize>,
}

impl ParsedUrl {
    /// Splits `raw`; this never fails.
    pub fn parse(raw: &str) -> ParsedUrl {
        let end = raw.find('#').unwrap_or(raw.len());
        let main_end = raw.get(..end).and_then(|s| s.find('?')).unwrap_or(end);
        let main = raw.get(..main_end).unwrap_or("");

        let (scheme, authority_start) = match scheme_len(main) {
            Some(len) => (main.get(..len).map(str::to_string), len + 3),
            None => (None, 0),
        };
        let after_scheme = main.get(authority_start..).unwrap_or("");
        let authority_len = if scheme.is_none() && (after_scheme.is_empty() || after_scheme.starts_with('/')) {
            0
        } else {
            authority_end(after_scheme)
        };
        let authority = after_scheme.get(..authority_len).unwrap_or("");
        let (userinfo, host_offset) = match authority.rfind('@') {
            Some(at) if !authority.starts_with("${") => (authority.get(..at).map(str::to_string), at + 1),
            _ => (None, 0),
        };
        let host_range = authority_start + host_offset..authority_start + authority_len;
        let has_host = authority_len > 0;
        let path_range = authority_start + authority_len..main_end;

        let query_range = (main_end < end).then(|| main_end + 1..end);
        let query = query_range
            .clone()
            .map(|range| parse_query(raw, range))
            .unwrap_or_default();
        ParsedUrl {
            raw: raw.to_string(),
            scheme,
            userinfo,
            host: has_host.then(|| raw.get(host_range.clone()).unwrap_or("").to_string()),
            host_range: has_host.then_some(host_range),
            path: raw.get(path_range.clone()).unwrap_or("").to_string(),
            path_range,
            query,
            query_range,
            fragment: raw.get(end + 1..).map(str::to_string),
        }
    }

    /// The path split on `/`, without the empty piece before the leading slash.
    ///
    /// Empty pieces from `//` or a trailing `/` are kept, so rules can flag them.
    pub fn path_segments(&self) -> Vec<PathSegment> {
        let mut out = Vec::new();
        let mut start = self.path_range.start;
        for (i, piece) in self.path.split('/').enumerate() {
            let range = start..start + piece.len();
            start = range.end + 1;
            if i == 0 && piece.is_empty() {
                continue;
            }
            out.push(PathSegment {
                raw: piece.to_string(),
                decoded: percent_decode(piece),
                range,
            });
        }
        out
    }

    /// The first query pair whose decoded key is `key`.
    pub fn query_param(&self, key: &str) -> Option<&QueryParam> {
        self.query.iter().find(|param| param.key == key)
    }

    /// Whether the host is a shell variable (`$HOST`, `${CI_API_V4_URL}`) or a placeholder
    /// (`<gitlab_url>`).
    pub fn host_is_placeholder(&self) -> bool {
        self.host
            .as_deref()
            .is_some_and(|h| h.starts_with('$') || h.starts_with('<'))
    }
}

/// Length of `https` in `https://...`, when the URL starts with a scheme.
fn scheme_len(s: &str) -> Option<usize> {
    let len = s.find("://")?;
    let scheme = s.get(..len)?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(len)
}

/// Where the authority ends: at the first `/` outside `${...}`.
fn authority_end(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => return i,
            _ => {}
        }
    }
    s.len()
}

fn parse_query(raw: &str, range: Range<usize>) -> Vec<QueryParam> {
    let mut out = Vec::new();
    let mut start = range.start;
    for pair in raw.get(range).unwrap_or("").split('&') {
        let pair_start = start;
        start += pair.len() + 1;
        if pair.is_empty() {
            continue;
        }
        let (key, value) = match pair.split_once('=') {
            Some((key, value)) => (key, Some(value)),
            None => (pair, None),
        };
        let value_start = pair_start + key.len() + 1;
        out.push(QueryParam {
            key: form_decode(key),
            value: value.map(form_decode),
            key_range: pair_start..pair_start + key.len(),
            value_range: value.map(|v| value_start..value_start + v.len()),
        });
    }
    out
}

/// Decodes `%xx` escapes; invalid escapes stay as written, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    decode(s, false)
}

/// Decodes `application/x-www-form-urlencoded` text: `%xx` escapes and `+` for space.
pub fn form_decode(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(decoded)) if hex.is_some_and(|h| h.bytes().all(|c| c.is_ascii_hexdigit())) => {
                out.push(decoded);
                i += 3;
            }
            (b'+', _) if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A form key up to its first `[`: `assets` for `assets[links][][name]`.
pub fn base_name(key: &str) -> &str {
    key.split('[').next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_url_with_query() {
        let raw =
            "https://gitlab.example.com:8443/api/v4/projects/5/issues?state=opened&labels[]=a+b&private_token=x#top";
        let url = ParsedUrl::parse(raw);
        assert_eq!(url.scheme.as_deref(), Some("https"));
        assert_eq!(url.host.as_deref(), Some("gitlab.example.com:8443"));
        assert_eq!(url.path, "/api/v4/projects/5/issues");
        assert_eq!(&raw[url.path_range.clone()], url.path);
        let keys: Vec<_> = url.query.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(keys, ["state", "labels[]", "private_token"]);
        assert_eq!(url.query[1].value.as_deref(), Some("a b"));
        assert_eq!(url.query[1].base_key(), "labels");
        assert_eq!(&raw[url.query[1].key_range.clone()], "labels[]");
        assert_eq!(url.query[2].value_range.clone().map(|r| &raw[r]), Some("x"));
        assert_eq!(url.fragment.as_deref(), Some("top"));
    }

    #[test]
    fn variables_and_placeholders() {
        let url = ParsedUrl::parse("${CI_API_V4_URL}/projects/:id/packages");
        assert_eq!(url.scheme, None);
        assert_eq!(url.host.as_deref(), Some("${CI_API_V4_URL}"));
        assert!(url.host_is_placeholder());
        let segs: Vec<_> = url.path_segments().into_iter().map(|s| s.raw).collect();
        assert_eq!(segs, ["projects", ":id", "packages"]);

        let url = ParsedUrl::parse("https://$GITLAB_HOST/api/v4/user?private_token=<your_access_token>");
        assert_eq!(url.host.as_deref(), Some("$GITLAB_HOST"));
        assert_eq!(url.query[0].value.as_deref(), Some("<your_access_token>"));

        let url = ParsedUrl::parse("/api/v4/projects");
        assert_eq!(url.host, None);
        assert_eq!(url.path, "/api/v4/projects");
    }

    #[test]
    fn encoded_segments() {
        let url = ParsedUrl::parse("https://h/api/v4/projects/group%2Fproject/repository/files/a%2Eb%zz");
        let segs = url.path_segments();
        assert_eq!(segs[3].raw, "group%2Fproject");
        assert_eq!(segs[3].decoded, "group/project");
        assert_eq!(segs[6].decoded, "a.b%zz");
        assert_eq!(&url.raw[segs[3].range.clone()], "group%2Fproject");
    }

    #[test]
    fn odd_inputs() {
        for raw in ["", "?", "#", "https://", "://x", "a?b=&&=c", "%", "%4", "é%C3%A9"] {
            let url = ParsedUrl::parse(raw);
            let _ = url.path_segments();
        }
        assert_eq!(percent_decode("%C3%A9+"), "é+");
        assert_eq!(form_decode("a+b%20c"), "a b c");
        let url = ParsedUrl::parse("https://user:pw@host/x");
        assert_eq!(url.userinfo.as_deref(), Some("user:pw"));
        assert_eq!(url.host.as_deref(), Some("host"));
    }
}
