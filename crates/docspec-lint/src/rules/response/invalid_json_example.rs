use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Parses every ```` ```json ```` block of a method (response examples and request
/// bodies) and reports the first syntax error at its exact line and column. A line
/// holding only `...` marks elided items and is allowed, as is the trailing comma it
/// leaves; a `...` line that ends the example elides the rest of it, closing brackets
/// included. Any other comma before `]` or `}` is reported, since JSON has none. When
/// the lead-in says line breaks were added for readability, a line break inside a
/// string is the writer's wrapping and is not reported. A `// note` is reported as
/// such: JSON has no comments; the help moves it into the description of the row that
/// documents its key, or into the text before the example.
///
/// ## Why is this bad?
/// Readers copy examples into tools and tests; a missing comma or quote makes the
/// example useless and hides what the real response looks like. The style guide asks
/// for a response body example "in JSON format": a `// note` is not JSON either, and a
/// reader who copies the example gets a parse error, so it is an error too.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ```json
/// {
///   "id": 1
///   "name": "Widget"
/// }
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets/:id
/// ```
///
/// ```json
/// {
///   "id": 1,
///   "name": "Widget"
/// }
/// ```
/// ````
///
/// ## Fix safety
/// Deleting a trailing comma that no elision explains gives the same data in valid
/// JSON; the fix is safe. Other syntax errors have no fix.
#[derive(RuleMeta)]
#[rule(code = "RS002", name = "invalid-json-example", category = Response, severity = Error, fix = Sometimes, since = "0.1.0")]
pub struct InvalidJsonExample;

impl Check for InvalidJsonExample {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for method in ctx.page.methods() {
            for example in &method.examples {
                let Some(block) = ctx.page.code_block(example.code_block) else {
                    continue;
                };
                if block.lang() != Some("json") {
                    continue;
                }
                if let Some(Ok(_)) = ctx.json(example.code_block) {
                    if let Some(at) = crate::json::stray_trailing_comma(&block.content) {
                        let range = block.source_range(at, at + 1);
                        out.push(
                            ctx.report(&Self::META, range, "JSON example has a trailing comma, and JSON allows none")
                                .with_label("here")
                                .with_help("remove the comma, or write a line with only `...` after it to show that items were left out")
                                .with_fix(Fix::safe("Remove the comma", vec![Edit::deletion(range)])),
                        );
                    }
                    continue;
                }
                if let Some(Err(err)) = ctx.json(example.code_block) {
                    // A `// note` is the one error readers add on purpose: say so, when it
                    // is the only error or the one the parse stops at.
                    let reading = crate::json::Reading::for_lead_in(block.lead_in.as_deref());
                    let note = crate::json::find_comment(&block.content).filter(|&at| {
                        at == err.offset || crate::json::parse_example_as(&block.content, reading).is_ok()
                    });
                    if let Some(at) = note {
                        let end = block.content[at..].find('\n').map_or(block.content.len(), |e| at + e);
                        out.push(
                            ctx.report(
                                &Self::META,
                                block.source_range(at, end),
                                "JSON example has a `//` note, and JSON has no comments",
                            )
                            .with_help(note_help(method, &block.content, at)),
                        );
                        continue;
                    }
                    let at = docspec_model::TextRange::char_at(&block.content, err.offset);
                    let range = block.source_range(at.start(), at.end());
                    // A string broken across lines: the writer wrapped it, or it holds a
                    // real line break.
                    let wrapped = err.message.starts_with("control character")
                        && block
                            .content
                            .as_bytes()
                            .get(err.offset..)
                            .unwrap_or_default()
                            .iter()
                            .take(2)
                            .any(|b| matches!(b, b'\n' | b'\r'));
                    // `Example responses:` then two documents in one block.
                    let rest = block.content.get(err.offset..).unwrap_or_default();
                    let several = err.message.starts_with("trailing characters")
                        && serde_json::Deserializer::from_str(rest)
                            .into_iter::<serde_json::Value>()
                            .all(|v| v.is_ok());
                    if several {
                        out.push(
                            ctx.report(&Self::META, range, "JSON example holds more than one JSON document")
                                .with_label("the next document starts here")
                                .with_help("give each response its own ```json block, with a lead-in that says when it is returned"),
                        );
                        continue;
                    }
                    // `"key": [...]` on its own: an excerpt of an object, without the object.
                    let members = block.content.trim_start().starts_with('"')
                        && crate::json::parse_example(&format!("{{{}}}", block.content)).is_ok();
                    let help = if wrapped {
                        "write the line break inside the string as `\\n`; if the example was wrapped for reading, say so in its lead-in (\"Example response, with line breaks added for readability:\")"
                    } else if members {
                        "an excerpt of an object keeps its braces: wrap the keys in `{` and `}`, with a line with only `...` for the keys left out"
                    } else {
                        "fix the JSON; write a line with only `...` to show that items were left out"
                    };
                    out.push(
                        ctx.report(
                            &Self::META,
                            range,
                            format!("JSON example does not parse: {}", err.message),
                        )
                        .with_label("here")
                        .with_help(help),
                    );
                }
            }
        }
    }
}

/// Where a `//` note belongs: in the description of the row that documents its key (the
/// style guide puts an attribute's deprecation there), else in the text before the
/// example.
fn note_help(method: &docspec_model::Method, content: &str, at: usize) -> String {
    let line_start = content[..at].rfind('\n').map_or(0, |i| i + 1);
    let row = key_before(&content[line_start..at]).and_then(|key| {
        method
            .response_tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .filter_map(|r| r.name.as_ref())
            .map(|n| n.name.trim())
            .find(|name| name.rsplit(['.', ']']).next() == Some(key))
    });
    match row {
        Some(row) => {
            format!("move the note into the description of the `{row}` row of the response table, and remove it from the example")
        }
        None => "move the note into the text before the example, and remove it from the example".to_string(),
    }
}

/// The last `"key":` of a line of JSON.
fn key_before(line: &str) -> Option<&str> {
    let colon = line.rfind(':')?;
    let quoted = line[..colon].trim_end().strip_suffix('"')?;
    let open = quoted.rfind('"')?;
    Some(&quoted[open + 1..])
}

#[cfg(test)]
mod tests {
    use super::key_before;

    #[test]
    fn the_key_a_note_follows() {
        assert_eq!(key_before(r#"  "epic_iid" : 5, "#), Some("epic_iid"));
        assert_eq!(key_before(r#"  "merged_by": { "#), Some("merged_by"));
        assert_eq!(key_before("  ], "), None);
    }
}
