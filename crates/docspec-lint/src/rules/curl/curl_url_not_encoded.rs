use super::{rest_commands, src};
use crate::{Check, LintContext, RuleMeta};
use docspec_curl::{CommandError, CurlCommand, Token};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Reports characters in a cURL example's URL that must be percent-encoded: a space
/// (`?title=Hello World`; placeholders such as `<project ID>` are left alone), and the
/// `+` of a time-zone offset in an ISO 8601 date-time in the query
/// (`created_after=2017-10-17T23:11:13.000+05:30`).
///
/// ## Why is this bad?
/// cURL refuses a URL with a space in it, and the server reads a `+` in a query as a
/// space, so the date-time arrives broken. The style guide escapes spaces as `%20`, and
/// the REST API's documentation asks for `+` in dates to be written `%2B`.
///
/// ## Example
/// ````markdown
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets?search=blue widget&created_after=2024-01-01T00:00:00+05:30"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets?search=blue%20widget&created_after=2024-01-01T00:00:00%2B05:30"
/// ```
/// ````
///
/// ## Fix safety
/// Writing `%20` and `%2B` sends what the example means; the fix is safe.
#[derive(RuleMeta)]
#[rule(code = "CU017", name = "curl-url-not-encoded", category = Curl, severity = Warning, fix = Always, since = "0.2.0")]
pub struct CurlUrlNotEncoded;

impl Check for CurlUrlNotEncoded {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (block, command) in rest_commands(ctx) {
            for url in command.urls() {
                // A quote never closed runs its word to the end of the block: the spaces
                // in such a "URL" are the spaces between the words after it, and writing
                // them as `%20` only breaks the command further (and never settles).
                if in_unterminated_quote(command, url.token) {
                    continue;
                }
                let raw = url.parsed.raw.as_str();
                let mut placeholder = false;
                for (at, c) in raw.char_indices() {
                    match c {
                        '<' => placeholder = true,
                        '>' => placeholder = false,
                        ' ' if !placeholder => {
                            let range = src(block, url.source_range(at..at + 1));
                            out.push(
                                ctx.report(&Self::META, range, "the URL has a space in it")
                                    .with_help("write the space as `%20`")
                                    .with_fix(Fix::safe("Write `%20`", vec![Edit::replacement(range, "%20")])),
                            );
                        }
                        _ => {}
                    }
                }
                for param in &url.parsed.query {
                    let Some(value) = param.value_range.clone() else {
                        continue;
                    };
                    let Some(plus) = raw.get(value.clone()).and_then(offset_plus) else {
                        continue;
                    };
                    let at = value.start + plus;
                    let range = src(block, url.source_range(at..at + 1));
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            format!("the `+` of the date-time in `{}` reads as a space", param.key),
                        )
                        .with_help("write the `+` as `%2B`")
                        .with_fix(Fix::safe("Write `%2B`", vec![Edit::replacement(range, "%2B")])),
                    );
                }
            }
        }
    }
}

/// Whether the word holds a quote (or `$(`, `${`) that is never closed.
fn in_unterminated_quote(command: &CurlCommand, token: &Token) -> bool {
    command.errors.iter().any(|e| match e {
        CommandError::UnterminatedQuote { at } => token.range.contains(at),
        CommandError::MissingArgument { .. } => false,
    })
}

/// The position of the `+` of a time-zone offset in an ISO 8601 date-time
/// (`2017-10-17T23:11:13.000+05:30`).
fn offset_plus(value: &str) -> Option<usize> {
    let bytes = value.as_bytes();
    let date = bytes.len() > 10
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[10] == b'T';
    if !date {
        return None;
    }
    let plus = value.rfind('+')?;
    let offset = &bytes[plus + 1..];
    (offset.len() >= 2 && offset[..2].iter().all(u8::is_ascii_digit)).then_some(plus)
}

#[cfg(test)]
mod tests {
    use super::offset_plus;

    #[test]
    fn finds_the_offset_of_a_date_time() {
        assert_eq!(offset_plus("2017-10-17T23:11:13.000+05:30"), Some(23));
        assert_eq!(offset_plus("2017-10-17T23:11:13+0530"), Some(19));
        assert_eq!(offset_plus("2017-10-17T23:11:13Z"), None);
        assert_eq!(offset_plus("2017-10-17T23:11:13.000%2B05:30"), None);
        assert_eq!(offset_plus("blue+widget"), None);
        assert_eq!(offset_plus("2017-10-17"), None);
    }
}
