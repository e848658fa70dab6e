//! Defaults and allowed values stated plainly in an attribute description.

use crate::example_check::{is_date, is_date_time};
use openapiv3::{ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};
use serde_json::Value;

/// Phrases that introduce a default; the value follows.
const DEFAULT_MARKERS: &[&str] = &[
    "default value is",
    "default value",
    "default is set to",
    "default is",
    "defaults to",
    "default",
];

/// Phrases that introduce the allowed values; a colon may follow.
const ENUM_MARKERS: &[&str] = &[
    "one of",
    "possible values are",
    "possible values",
    "valid values are",
    "valid values",
    "allowed values are",
    "allowed values",
    "accepted values are",
    "accepted values",
    "supported values are",
    "supported values",
    "can be",
    "sorted in",
    "ordered by",
    "either",
];

/// Applies what the description says to a mapped schema: only scalars (and the items of
/// string arrays) get values, and only from a sentence about this attribute. A sentence
/// whose code spans name other attributes of the table (`` At least one of `a` or `b`
/// must be given ``, `` If `x` is true, defaults to `y` ``) says nothing about this
/// one's values.
pub fn apply(schema: &mut Schema, description: &str, attribute: &str, siblings: &[String]) {
    let about_others = |sentence: &str| {
        code_spans(sentence)
            .iter()
            .any(|c| *c != attribute && siblings.iter().any(|s| s == c))
    };
    // `Possible values: `id` and `name`.` lists values even when one is named like a
    // sibling attribute; `One of `a` or `b` must be given` may be about the attributes.
    let lists_values = |sentence: &str| {
        let lower = sentence.to_ascii_lowercase();
        [
            "possible values",
            "valid values",
            "allowed values",
            "accepted values",
            "supported values",
        ]
        .iter()
        .any(|m| lower.contains(m))
    };
    // The reader first: it passes over at once a sentence that cannot hold a list.
    let values = sentences(description)
        .into_iter()
        .find_map(|s| enum_values(s).filter(|_| !about_others(s) || lists_values(s)))
        .or_else(|| line_list_values(description))
        .map(|mut values| {
            // `Deprecated values: ...` are still values the API may send.
            for value in deprecated_values(description) {
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            values
        });
    let listed: Vec<String> = values.clone().unwrap_or_default();
    if let Some(values) = values {
        // `` `null` for no limit `` is the JSON null: a nullable enum lists it as null.
        let enumeration: Vec<Option<String>> = values.into_iter().map(|v| (v != "null").then_some(v)).collect();
        let nullable = enumeration.contains(&None);
        match &mut schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                s.enumeration = enumeration;
                schema.schema_data.nullable |= nullable;
            }
            SchemaKind::Type(Type::Array(a)) => {
                if let Some(ReferenceOr::Item(item)) = &mut a.items {
                    if let SchemaKind::Type(Type::String(s)) = &mut item.schema_kind {
                        s.enumeration = enumeration;
                        item.schema_data.nullable |= nullable;
                    }
                }
            }
            _ => {}
        }
    }
    // A listed value named like a sibling (`Default is `id`.`) is a value, not the sibling;
    // `If `x` is true, defaults to ...` still names another attribute.
    let names_others = |sentence: &str| {
        code_spans(sentence)
            .iter()
            .any(|c| *c != attribute && !listed.iter().any(|v| v == c) && siblings.iter().any(|s| s == c))
    };
    let Some(raw) = sentences(description)
        .into_iter()
        .find_map(|s| default_value(s).filter(|_| !names_others(s)))
    else {
        return;
    };
    let value = match &schema.schema_kind {
        SchemaKind::Type(Type::Boolean(_)) => raw.parse::<bool>().ok().map(Value::Bool),
        SchemaKind::Type(Type::Integer(_)) => raw.parse::<i64>().ok().map(Value::from),
        SchemaKind::Type(Type::Number(_)) => raw
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        SchemaKind::Type(Type::String(s)) => {
            let listed = s.enumeration.is_empty() || s.enumeration.iter().any(|e| e.as_deref() == Some(&raw));
            let formatted = match &s.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::Date) => is_date(&raw),
                VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => is_date_time(&raw),
                _ => true,
            };
            (listed && formatted).then_some(Value::String(raw))
        }
        _ => None,
    };
    if value.is_some() {
        schema.schema_data.default = value;
    }
}

/// The value after a default marker (a code span, or a bare number or boolean), or a code
/// span marked `` `x` (default) ``.
pub fn default_value(description: &str) -> Option<String> {
    if !says_default(description) {
        return None;
    }
    let lower = description.to_ascii_lowercase();
    for marker in DEFAULT_MARKERS {
        let Some(rest) = after_marker(description, &lower, marker) else {
            continue;
        };
        if let Some((code, _)) = code_span(rest) {
            return Some(code.to_string());
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let word = word.trim_end_matches('.');
        // `Defaults to 30 days ago` states no plain value.
        let next = rest[word.len()..].trim_start().chars().next();
        let ends = next.is_none_or(|c| !c.is_alphanumeric() && c != '`');
        if ends && (word.parse::<f64>().is_ok() || word == "true" || word == "false") {
            return Some(word.to_string());
        }
    }
    let at = lower.find("` (default)")?;
    let open = description[..at].rfind('`')?;
    let code = description[open + 1..at].trim();
    (!code.is_empty()).then(|| code.to_string())
}

/// The text after a marker that starts a word and ends one (a colon may follow it).
fn after_marker<'a>(description: &'a str, lower: &str, marker: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = docspec_model::find_str(&lower[from..], marker) {
        let at = from + i;
        let end = at + marker.len();
        from = end;
        let before = lower[..at].chars().next_back();
        let after = lower[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = description[end..].trim_start();
        return Some(rest.strip_prefix(':').unwrap_or(rest).trim_start());
    }
    None
}

/// Every default marker, and the `(default)` after a value, has the word.
fn says_default(text: &str) -> bool {
    docspec_model::contains_ignore_ascii_case(text, "default")
}

/// Two code spans at least: four backticks.
fn may_list(text: &str) -> bool {
    text.bytes().filter(|b| *b == b'`').count() >= 4
}

/// The sentences of a description; a period inside a code span does not end one.
fn sentences(description: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    let bytes = description.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'`' => in_code = !in_code,
            b'.' | b'!' | b'?' if !in_code && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                out.push(description[start..=i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if !description[start..].trim().is_empty() {
        out.push(description[start..].trim());
    }
    out
}

/// The contents of the code spans of a text.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).map(str::trim).collect()
}

/// `One of `a`, `b` or `c`.`: at least two code spans joined by commas, `or` or `and`.
/// `At least one of` lists the values an array's items take. A list that goes on in
/// words (`` `main`, `v1.0`, or any other ref name ``) is open, not an enum; so is a
/// sort order joined by `and` (`` ordered by `created_at` and `name` ``): it combines.
pub fn enum_values(description: &str) -> Option<Vec<String>> {
    if !may_list(description) {
        return None;
    }
    let lower = description.to_ascii_lowercase();
    for marker in ENUM_MARKERS {
        let Some(mut rest) = after_marker(description, &lower, marker) else {
            continue;
        };
        let mut values: Vec<String> = Vec::new();
        let mut open = false;
        let mut joined_by_and = false;
        while let Some((code, after)) = code_span(rest) {
            if !values.iter().any(|v| v == code) {
                values.push(code.to_string());
            }
            let (next, conjunction) = skip_separator(after);
            joined_by_and |= conjunction == Some("and");
            open = conjunction.is_some() && code_span(next).is_none();
            rest = next;
        }
        let combines = joined_by_and && matches!(*marker, "sorted in" | "ordered by");
        // A value explained in parentheses (`` `0` (no due date) ``) is not a plain list.
        let explained = rest.trim_start().starts_with('(');
        if values.len() >= 2 && !explained && !open && !combines {
            return Some(values);
        }
    }
    None
}

/// The code spans after `Deprecated values:` (one or more).
fn deprecated_values(description: &str) -> Vec<String> {
    let lower = description.to_ascii_lowercase();
    let Some(mut rest) = after_marker(description, &lower, "deprecated values") else {
        return Vec::new();
    };
    let mut values = Vec::new();
    while let Some((code, after)) = code_span(rest) {
        values.push(code.to_string());
        rest = skip_separator(after).0;
    }
    values
}

/// `Possible values:<br>- `a`: ...<br>- `b`: ...`: a marker, then lines (a table cell
/// breaks them with `<br>`) that each start with a code span, two at least.
fn line_list_values(description: &str) -> Option<Vec<String>> {
    if !description.contains("<br") {
        return None;
    }
    let description = description.replace("<br/>", "<br>").replace("<br />", "<br>");
    let lower = description.to_ascii_lowercase();
    // The marker that comes first in the text, not in the list of markers.
    let rest = ENUM_MARKERS
        .iter()
        .filter_map(|marker| after_marker(&description, &lower, marker))
        .max_by_key(|rest| rest.len())?;
    let mut values: Vec<String> = Vec::new();
    for line in rest.split("<br>").skip(1) {
        let item = line.trim_start();
        let item = item
            .strip_prefix("- ")
            .or_else(|| item.strip_prefix("* "))
            .unwrap_or(item);
        let Some((code, _)) = code_span(item) else { break };
        if !values.iter().any(|v| v == code) {
            values.push(code.to_string());
        }
    }
    (values.len() >= 2).then_some(values)
}

/// A code span at the start of `text` (after spaces), and the text after it.
fn code_span(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let inner = text.strip_prefix('`')?;
    let end = inner.find('`')?;
    let code = &inner[..end];
    (!code.trim().is_empty()).then(|| (code.trim(), &inner[end + 1..]))
}

/// Skips `, `, ` or `, `, or `, ` and ` (and a `(default)` mark) between list items, and
/// says which conjunction it skipped.
fn skip_separator(text: &str) -> (&str, Option<&'static str>) {
    let mut rest = text.trim_start();
    if let Some(r) = rest.strip_prefix("(default)") {
        rest = r.trim_start();
    }
    if let Some(r) = rest.strip_prefix(',') {
        rest = r.trim_start();
    }
    for (word, conjunction) in [("or ", "or"), ("and ", "and")] {
        if let Some(r) = rest.strip_prefix(word) {
            return (r.trim_start(), Some(conjunction));
        }
    }
    (rest, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilters_pass_every_marker() {
        assert!(DEFAULT_MARKERS.iter().chain(&["` (default)"]).all(|m| says_default(m)));
        assert!(says_default("DEFAULTS TO") && !says_default("defaul t"));
    }

    use crate::types;

    #[test]
    fn defaults() {
        assert_eq!(default_value("Sets it. Default is `false`."), Some("false".into()));
        assert_eq!(default_value("Page size. Defaults to 20."), Some("20".into()));
        assert_eq!(default_value("Sort (default: `desc`)"), Some("desc".into()));
        assert_eq!(default_value("The default is the project's setting."), None);
        assert_eq!(default_value("Return all by default."), None);
        assert_eq!(default_value("Defaults to 30 days ago."), None);
        assert_eq!(
            default_value("Either `released_at` (default) or `created_at`."),
            Some("released_at".into())
        );
        assert_eq!(default_value("Uses the defaults of the project."), None);
    }

    #[test]
    fn null_in_a_value_list_is_the_json_null() {
        let mut schema = types::string();
        apply(
            &mut schema,
            "One of `1_day`, `7_days`, or `null` for no limit.",
            "expires",
            &[],
        );
        let SchemaKind::Type(Type::String(s)) = &schema.schema_kind else {
            panic!("a string schema");
        };
        assert_eq!(s.enumeration, vec![Some("1_day".into()), Some("7_days".into()), None]);
        assert!(schema.schema_data.nullable);
    }

    #[test]
    fn enums_listed_line_by_line() {
        assert_eq!(
            line_list_values("Mode. Possible values:<br>- `fast`: Full speed.<br>- `quiet`: Half speed."),
            Some(vec!["fast".into(), "quiet".into()])
        );
        assert_eq!(
            line_list_values("Valid values:<br>`a` (first)<br>`b`<br>See also the guide."),
            Some(vec!["a".into(), "b".into()])
        );
        // One line is no list; a line break without a marker lists nothing.
        assert_eq!(line_list_values("Possible values:<br>- `fast`: Full speed."), None);
        assert_eq!(line_list_values("Mode.<br>- `fast`<br>- `quiet`"), None);
    }

    #[test]
    fn deprecated_values_stay_in_the_enum() {
        let mut schema = types::string();
        apply(
            &mut schema,
            "State. Can be `done`, `failed`. Deprecated values: `timeout`, `stale`.",
            "state",
            &[],
        );
        let SchemaKind::Type(Type::String(s)) = &schema.schema_kind else {
            panic!("a string schema");
        };
        let values: Vec<&str> = s.enumeration.iter().flatten().map(String::as_str).collect();
        assert_eq!(values, ["done", "failed", "timeout", "stale"]);
    }

    #[test]
    fn open_lists_and_combined_orders_are_no_enums() {
        assert_eq!(enum_values("Can be `main`, `v1.0`, or any other ref name."), None);
        assert_eq!(
            enum_values("Sorted, ordered by `created_at` and `name`, newest first."),
            None
        );
        assert_eq!(
            enum_values("Either `a` or `b`, depending on the mode."),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            line_list_values("Possible values:<br/>- `fast`: one of the quick modes.<br/>- `quiet`: slow."),
            Some(vec!["fast".into(), "quiet".into()])
        );
    }

    #[test]
    fn enums_in_other_words() {
        let two = Some(vec!["asc".to_string(), "desc".to_string()]);
        assert_eq!(enum_values("Return tags sorted in `asc` or `desc` order."), two);
        assert_eq!(enum_values("Can be `asc` or `desc`."), two);
        assert_eq!(enum_values("Accepted values: `asc`, `desc`."), two);
        assert_eq!(
            enum_values("Return issues ordered by `created_at` or `updated_at` fields."),
            Some(vec!["created_at".into(), "updated_at".into()])
        );
        // One value is no list.
        assert_eq!(enum_values("Can be `null` when unset."), None);
    }

    #[test]
    fn enums() {
        assert_eq!(
            enum_values("Order. One of `asc`, `desc` or `none`. Default is `desc`."),
            Some(vec!["asc".into(), "desc".into(), "none".into()])
        );
        assert_eq!(
            enum_values("Possible values: `a`, `b`"),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            enum_values("Valid values are `a` or `b`."),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(enum_values("One of the labels `x`."), None);
        assert_eq!(
            enum_values("Valid values are: `User`, `Group`, or `Project`."),
            Some(vec!["User".into(), "Group".into(), "Project".into()])
        );
        assert_eq!(
            enum_values("Either `released_at` (default) or `created_at`."),
            Some(vec!["released_at".into(), "created_at".into()])
        );
        assert_eq!(enum_values("One of `x`."), None);
        assert_eq!(
            enum_values("Accepts: `0` (none), `any`, `today`. One of `0` (none), `any`."),
            None
        );
    }

    #[test]
    fn typed_defaults() {
        let mut b = types::boolean();
        apply(&mut b, "Default is `false`.", "b", &[]);
        assert_eq!(b.schema_data.default, Some(Value::Bool(false)));
        let mut i = types::integer();
        apply(&mut i, "Defaults to `20`.", "i", &[]);
        assert_eq!(i.schema_data.default, Some(Value::from(20)));
        let mut bad = types::integer();
        apply(&mut bad, "Defaults to `twenty`.", "bad", &[]);
        assert_eq!(bad.schema_data.default, None);
        let mut s = types::string();
        apply(&mut s, "One of `asc` or `desc`. Default is `desc`.", "s", &[]);
        assert_eq!(s.schema_data.default, Some(Value::String("desc".into())));
        let mut when = types::map(Some("datetime")).schema;
        apply(&mut when, "Defaults to `30` days ago.", "when", &[]);
        assert_eq!(when.schema_data.default, None);
        let mut outside = types::string();
        apply(&mut outside, "One of `asc` or `desc`. Default is `up`.", "outside", &[]);
        assert_eq!(outside.schema_data.default, None);
    }

    /// Sentences about other attributes of the table give this one no values.
    #[test]
    fn sentences_about_other_attributes() {
        let siblings = ["a".to_string(), "b".to_string(), "ref".to_string(), "x".to_string()];
        let mut a = types::string();
        apply(
            &mut a,
            "Name of it. At least one of `a` or `b` must be included.",
            "a",
            &siblings,
        );
        assert!(matches!(&a.schema_kind, SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty()));
        let mut r = types::string();
        apply(
            &mut r,
            "If `x` is true, defaults to `main`. One of `main` or `dev`.",
            "ref",
            &siblings,
        );
        assert_eq!(r.schema_data.default, None);
        assert!(matches!(&r.schema_kind, SchemaKind::Type(Type::String(s)) if s.enumeration.len() == 2));
        let mut v = types::string();
        apply(
            &mut v,
            "If `ref` is excluded, it defaults to `env_var`.",
            "ref",
            &siblings,
        );
        assert_eq!(v.schema_data.default, Some(Value::String("env_var".into())));
        let mut scopes = types::map(Some("array of strings")).schema;
        apply(
            &mut scopes,
            "Must be at least one of `read_repository` or `read_registry`.",
            "scopes",
            &siblings,
        );
        let yaml = serde_yaml::to_string(&scopes).unwrap();
        assert!(yaml.contains("- read_repository"), "{yaml}");
    }

    /// `Possible values: `id` and `name`. Default is `id`.` on `order_by`, in a table that
    /// also has an `id` row: the values and the default are this attribute's.
    #[test]
    fn listed_values_named_like_siblings_are_values() {
        let siblings = ["id".to_string(), "order_by".to_string(), "sort".to_string()];
        let mut order_by = types::string();
        apply(
            &mut order_by,
            "Order by the given field. Possible values: `id` and `name`. Default is `id`.",
            "order_by",
            &siblings,
        );
        assert_eq!(order_by.schema_data.default, Some(Value::String("id".into())));
        assert!(matches!(&order_by.schema_kind, SchemaKind::Type(Type::String(s)) if s.enumeration.len() == 2));
    }
}
