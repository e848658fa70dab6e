//! Checks a JSON example against a generated schema, as the validators do.
//!
//! A `null` where the table gives a type makes that schema nullable: the example shows the
//! API returns null there. Any other disagreement is a mismatch, and the caller leaves
//! the example out rather than publish an example its own schema rejects.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// JSON pointer of the value.
    pub pointer: String,
    pub message: String,
}

/// Checks `value`; on success `schema` is updated with the nulls the example shows.
pub fn reconcile(schema: &mut Schema, value: &Value) -> Result<(), Mismatch> {
    check(schema, value)?;
    mark_nulls(schema, value);
    Ok(())
}

/// Whether [`reconcile`] would accept `value`, without changing the schema.
pub fn accepts(schema: &Schema, value: &Value) -> bool {
    check(schema, value).is_ok()
}

fn mismatch(message: String) -> Result<(), Mismatch> {
    Err(Mismatch {
        pointer: String::new(),
        message,
    })
}

impl Mismatch {
    /// The pointer is built on the way out of a mismatch (`map_err`), so a value that
    /// fits costs no text.
    fn under(mut self, segment: &str) -> Self {
        self.pointer = format!("/{segment}{}", self.pointer);
        self
    }
}

/// A null always fits: [`mark_nulls`] makes its schema nullable once the whole value fits.
fn check(schema: &Schema, value: &Value) -> Result<(), Mismatch> {
    check_at(schema, value).map_err(|mut m| {
        if m.pointer.is_empty() {
            m.pointer.push('/');
        }
        m
    })
}

fn check_at(schema: &Schema, value: &Value) -> Result<(), Mismatch> {
    if value.is_null() {
        return Ok(());
    }
    let exactly_one = matches!(schema.schema_kind, SchemaKind::OneOf { .. });
    match &schema.schema_kind {
        SchemaKind::Type(Type::Boolean(_)) if value.is_boolean() => Ok(()),
        SchemaKind::Type(Type::Integer(_)) if is_integer(value) => Ok(()),
        SchemaKind::Type(Type::Number(_)) if value.is_number() => Ok(()),
        SchemaKind::Type(Type::String(s)) => {
            let Some(text) = value.as_str() else {
                return mismatch(format!("{} where the table says string", kind_of(value)));
            };
            if !s.enumeration.is_empty() && !s.enumeration.iter().any(|e| e.as_deref() == Some(text)) {
                return mismatch(format!("`{text}` is not one of the values the table lists"));
            }
            match &s.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::Date) if !is_date(text) => {
                    mismatch(format!("`{text}` is not a date (YYYY-MM-DD)"))
                }
                VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) if !is_date_time(text) => {
                    mismatch(format!("`{text}` is not an RFC 3339 date-time"))
                }
                _ => Ok(()),
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            let Some(items) = value.as_array() else {
                return mismatch(format!("{} where the table says array", kind_of(value)));
            };
            let Some(ReferenceOr::Item(item_schema)) = &a.items else {
                return Ok(());
            };
            for (i, item) in items.iter().enumerate() {
                check_at(item_schema, item).map_err(|m| m.under(&i.to_string()))?;
            }
            Ok(())
        }
        SchemaKind::Type(Type::Object(o)) => {
            let Some(map) = value.as_object() else {
                return mismatch(format!("{} where the table says object", kind_of(value)));
            };
            if let Some(missing) = o.required.iter().find(|r| !map.contains_key(r.as_str())) {
                return mismatch(format!("the required `{missing}` is missing"));
            }
            for (key, item) in map {
                if let Some(ReferenceOr::Item(prop)) = o.properties.get(key) {
                    check_at(prop, item).map_err(|m| m.under(&escape(key)))?;
                }
            }
            Ok(())
        }
        SchemaKind::OneOf { one_of: options } | SchemaKind::AnyOf { any_of: options } => {
            let matching = options
                .iter()
                .filter(|o| match o {
                    ReferenceOr::Item(s) => check_at(s, value).is_ok(),
                    ReferenceOr::Reference { .. } => true,
                })
                .count();
            if matching == 1 || (!exactly_one && matching > 1) {
                Ok(())
            } else {
                mismatch(format!("{} matches none of the documented types", kind_of(value)))
            }
        }
        SchemaKind::Any(_) => Ok(()),
        kind => {
            let expected = match kind {
                SchemaKind::Type(Type::Boolean(_)) => "boolean",
                SchemaKind::Type(Type::Integer(_)) => "integer",
                SchemaKind::Type(Type::Number(_)) => "number",
                _ => "another type",
            };
            mismatch(format!("{} where the table says {expected}", kind_of(value)))
        }
    }
}

/// Makes nullable each schema a fitting value is null in, along the paths [`check_at`]
/// walks (not into the options of a `oneOf`, which it only tries).
fn mark_nulls(schema: &mut Schema, value: &Value) {
    if value.is_null() {
        allow_null(schema);
        return;
    }
    match (&mut schema.schema_kind, value) {
        (SchemaKind::Type(Type::Array(a)), Value::Array(items)) => {
            if let Some(ReferenceOr::Item(item_schema)) = &mut a.items {
                for item in items {
                    mark_nulls(item_schema, item);
                }
            }
        }
        (SchemaKind::Type(Type::Object(o)), Value::Object(map)) => {
            for (key, item) in map {
                if let Some(ReferenceOr::Item(prop)) = o.properties.get_mut(key) {
                    mark_nulls(prop, item);
                }
            }
        }
        _ => {}
    }
}

/// Lets a schema accept null. In a `oneOf`, only the first option takes it, so null
/// still matches exactly one.
fn allow_null(schema: &mut Schema) {
    match &mut schema.schema_kind {
        SchemaKind::Type(_) => schema.schema_data.nullable = true,
        SchemaKind::OneOf { one_of: options } | SchemaKind::AnyOf { any_of: options } => {
            if let Some(ReferenceOr::Item(first)) = options.first_mut() {
                if matches!(first.schema_kind, SchemaKind::Type(_)) {
                    first.schema_data.nullable = true;
                }
            }
        }
        _ => {}
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn is_integer(value: &Value) -> bool {
    value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD` with a real month and day.
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// RFC 3339 `date-time` with a time zone, as ajv-formats checks it.
pub fn is_date_time(text: &str) -> bool {
    let Some(sep) = text.find(['T', 't', ' ']) else {
        return false;
    };
    is_date(&text[..sep]) && is_time(&text[sep + 1..])
}

fn is_time(text: &str) -> bool {
    let (clock, zone) = match text.find(['Z', 'z', '+', '-']) {
        Some(i) => (&text[..i], &text[i..]),
        None => return false,
    };
    let zone_ok = match zone {
        "Z" | "z" => true,
        _ => {
            let z = zone[1..].replace(':', "");
            digits(&z, 4).is_some_and(|v| v / 100 <= 23 && v % 100 <= 59) || digits(&z, 2).is_some_and(|v| v <= 23)
        }
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((hms, frac)) => (hms, Some(frac)),
        None => (clock, None),
    };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<&str> = hms.split(':').collect();
    let hms_ok = match parts.as_slice() {
        [h, m, s] => {
            digits(h, 2).is_some_and(|h| h <= 23)
                && digits(m, 2).is_some_and(|m| m <= 59)
                && digits(s, 2).is_some_and(|s| s <= 60)
        }
        _ => false,
    };
    zone_ok && frac_ok && hms_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types;
    use serde_json::json;

    #[test]
    fn nulls_make_properties_nullable() {
        let mut root = crate::tree::Node::default();
        root.insert(&crate::tree::split("a").1, types::string(), false);
        let mut schema = root.object();
        reconcile(&mut schema, &json!({"a": null, "b": 1})).unwrap();
        let yaml = serde_yaml::to_string(&schema).unwrap();
        assert!(yaml.contains("nullable: true"), "{yaml}");
    }

    #[test]
    fn type_mismatches_are_reported_and_change_nothing() {
        let mut schema = types::array(types::integer());
        let before = schema.clone();
        let err = reconcile(&mut schema, &json!([1, "x"])).unwrap_err();
        assert_eq!(err.pointer, "/1");
        assert_eq!(schema, before);
    }

    #[test]
    fn one_of_takes_null_once() {
        let mut schema = types::any_of(vec![types::integer(), types::string()]);
        reconcile(&mut schema, &json!(null)).unwrap();
        assert!(reconcile(&mut schema, &json!(5)).is_ok());
        assert!(reconcile(&mut schema, &json!(true)).is_err());
    }

    #[test]
    fn dates_and_times() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(is_date_time("2012-06-28T03:44:20-07:00"));
        assert!(is_date_time("2016-01-04T15:31:51.081Z"));
        assert!(!is_date_time("2016-01-04T15:31:51"));
        assert!(!is_date_time("2019-03-15 08:00:00 UTC"));
    }
}
