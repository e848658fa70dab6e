use super::{method_commands, src};
use crate::rules::helpers::shortened;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Checks the values a method's cURL example sends (query parameters, `--data` and
/// `--form` fields, the top-level values of a JSON body) against the Type column of the
/// method's request attribute table. A `boolean` attribute takes `true` or `false` (not
/// `null`, `1` or `yes`), and an `integer` attribute takes a whole number. Placeholders
/// (`<user_id>`, `$USER_ID`) stand for a value of the right type, a JSON `null` may
/// clear an integer, and attributes of other types, or of more than one, are not
/// checked.
///
/// ## Why is this bad?
/// Readers copy the example. The REST API guide asks for `true` or `false` in boolean
/// arguments ("not `null`"), and a value of another type is either refused with
/// `400 Bad Request` or read in a way the example does not show. An example that
/// contradicts its own table also leaves the reader unsure which of the two is right.
///
/// ## Example
/// ````markdown
/// ## Update a widget
///
/// ```plaintext
/// PUT /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description                   |
/// |-----------|---------|----------|-------------------------------|
/// | `id`      | integer | Yes      | ID of the widget.             |
/// | `hidden`  | boolean | No       | Whether the widget is hidden. |
/// | `size`    | integer | No       | Size of the widget.           |
///
/// ```shell
/// curl --request PUT \
///   --header "PRIVATE-TOKEN: <your_access_token>" \
///   --data "hidden=yes&size=large" \
///   --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## Update a widget
///
/// ```plaintext
/// PUT /widgets/:id
/// ```
///
/// | Attribute | Type    | Required | Description                   |
/// |-----------|---------|----------|-------------------------------|
/// | `id`      | integer | Yes      | ID of the widget.             |
/// | `hidden`  | boolean | No       | Whether the widget is hidden. |
/// | `size`    | integer | No       | Size of the widget.           |
///
/// ```shell
/// curl --request PUT \
///   --header "PRIVATE-TOKEN: <your_access_token>" \
///   --data "hidden=true&size=3" \
///   --url "https://gitlab.example.com/api/v4/widgets/1"
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "CU018", name = "curl-value-type-mismatch", category = Curl, severity = Warning, fix = None, since = "0.2.0")]
pub struct CurlValueTypeMismatch;

/// The types this rule checks, as the Type column writes them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Boolean,
    Integer,
}

impl Check for CurlValueTypeMismatch {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (method, block, command) in method_commands(ctx) {
            let type_of = |key: &str| {
                let rows = method.request_tables.iter().flat_map(|t| t.rows.iter());
                let mut types = rows.filter(|row| row.name.as_ref().is_some_and(|n| n.name == key));
                let row = types.next()?;
                // Two rows of one name (one per mode) may differ: leave them alone.
                if types.next().is_some() {
                    return None;
                }
                match row.type_.as_ref()?.value.trim() {
                    "boolean" => Some(Checked::Boolean),
                    "integer" => Some(Checked::Integer),
                    _ => None,
                }
            };
            for sent in command.sent_parameters() {
                let (Some(value), Some(range)) = (sent.value, sent.value_range) else {
                    continue;
                };
                let Some(wanted) = type_of(sent.name) else { continue };
                if fits(value, sent.json, wanted) {
                    continue;
                }
                let (type_name, help) = match wanted {
                    Checked::Boolean => (
                        "boolean",
                        "send `true` or `false`: the REST API guide asks for them in boolean arguments",
                    ),
                    Checked::Integer => (
                        "integer",
                        "send a whole number, or correct the Type column if the attribute takes another type",
                    ),
                };
                out.push(
                    ctx.report(
                        &Self::META,
                        src(block, range),
                        format!(
                            "the example sends `{}` for `{}`, which the attribute table types {type_name}",
                            shortened(value.trim(), 40),
                            sent.name
                        ),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

/// Whether a value as written fits the type: placeholders and shell expansions fit
/// anything, JSON strings are read as their text (the API reads `"true"` and `"5"`).
fn fits(value: &str, json: bool, wanted: Checked) -> bool {
    let value = value.trim();
    if json && value == "null" {
        // `null` clears an integer; a boolean takes `true` or `false`.
        return wanted == Checked::Integer;
    }
    let text = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(inner) if json => inner,
        _ => value,
    };
    if is_placeholder(text) {
        return true;
    }
    match wanted {
        Checked::Boolean => text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false"),
        Checked::Integer => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
    }
}

/// `<user_id>`, `$USER_ID`, `${ID}`, `{id}`, `:id`, `...`: the reader puts a value there.
fn is_placeholder(text: &str) -> bool {
    text.is_empty() || text.contains(['<', '$', '{', '…']) || text.starts_with(':') || text.contains("...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fit_their_types() {
        use Checked::{Boolean, Integer};
        let cases = [
            ("true", false, Boolean, true),
            ("FALSE", false, Boolean, true),
            ("true", true, Boolean, true),
            ("\"false\"", true, Boolean, true),
            ("<hidden>", false, Boolean, true),
            ("$HIDDEN", false, Boolean, true),
            ("null", true, Boolean, false),
            ("null", false, Boolean, false),
            ("1", false, Boolean, false),
            ("yes", false, Boolean, false),
            ("\"yes\"", true, Boolean, false),
            ("0", true, Boolean, false),
            ("3", false, Integer, true),
            ("-1", false, Integer, true),
            ("\"5\"", true, Integer, true),
            ("null", true, Integer, true),
            ("<size>", true, Integer, true),
            (":id", false, Integer, true),
            ("large", false, Integer, false),
            ("1.5", true, Integer, false),
            ("true", true, Integer, false),
            ("\"big\"", true, Integer, false),
            ("null", false, Integer, false),
        ];
        for (value, json, wanted, expected) in cases {
            assert_eq!(fits(value, json, wanted), expected, "{value} (json: {json})");
        }
    }
}
