//! A response schema from a JSON example, for methods without a response table.
//!
//! Only what the example shows: its keys and the JSON kind of each value (a whole number
//! written without a fraction is an integer). Nothing is required, no format, enum or
//! default is read into strings, and a `null` (or values of different kinds in one place)
//! leaves that place open, because the example does not say what else it can hold.

use crate::types;
use indexmap::IndexMap;
use openapiv3::{ObjectType, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

pub fn schema(example: &Value) -> Schema {
    match example {
        // Null, and nothing else is known: an open schema that says null is allowed.
        Value::Null => {
            let mut open = types::any();
            open.schema_data.nullable = true;
            open
        }
        Value::Bool(_) => types::boolean(),
        Value::Number(n) if n.is_i64() || n.is_u64() => types::integer(),
        Value::Number(_) => types::number(),
        Value::String(_) => types::string(),
        Value::Array(items) => types::array(items_schema(items)),
        Value::Object(map) => {
            let properties = map
                .iter()
                .map(|(k, v)| (k.clone(), ReferenceOr::Item(Box::new(schema(v)))))
                .collect();
            object(properties)
        }
    }
}

fn object(properties: IndexMap<String, ReferenceOr<Box<Schema>>>) -> Schema {
    types::schema(SchemaKind::Type(Type::Object(ObjectType {
        properties,
        ..ObjectType::default()
    })))
}

/// One schema for every item: objects merge their keys, other kinds must agree.
fn items_schema(items: &[Value]) -> Schema {
    let mut merged: Option<Schema> = None;
    for item in items {
        let next = schema(item);
        merged = Some(match merged {
            None => next,
            Some(current) => merge(current, next),
        });
    }
    merged.unwrap_or_else(types::any)
}

/// Two inferred schemas of one place. Whole numbers and fractions make a number.
fn merge(a: Schema, b: Schema) -> Schema {
    let null = |s: &Schema| matches!(s.schema_kind, SchemaKind::Any(_)) && s.schema_data.nullable;
    if null(&a) || null(&b) {
        let (null_one, other) = if null(&a) { (a, b) } else { (b, a) };
        let mut out = other;
        out.schema_data.nullable = true;
        return if matches!(out.schema_kind, SchemaKind::Any(_)) {
            null_one
        } else {
            out
        };
    }
    match (a.schema_kind, b.schema_kind) {
        (SchemaKind::Type(Type::Object(mut x)), SchemaKind::Type(Type::Object(y))) => {
            for (key, value) in y.properties {
                match x.properties.get_mut(&key) {
                    Some(slot) => {
                        let old = std::mem::replace(slot, ReferenceOr::Item(Box::new(types::any())));
                        *slot = match (old, value) {
                            (ReferenceOr::Item(o), ReferenceOr::Item(n)) => ReferenceOr::Item(Box::new(merge(*o, *n))),
                            (_, n) => n,
                        };
                    }
                    None => {
                        x.properties.insert(key, value);
                    }
                }
            }
            object(x.properties)
        }
        (SchemaKind::Type(Type::Array(x)), SchemaKind::Type(Type::Array(y))) => match (x.items, y.items) {
            (Some(ReferenceOr::Item(i)), Some(ReferenceOr::Item(j))) => types::array(merge(*i, *j)),
            _ => types::array(types::any()),
        },
        (SchemaKind::Type(Type::Integer(_)), SchemaKind::Type(Type::Number(_)))
        | (SchemaKind::Type(Type::Number(_)), SchemaKind::Type(Type::Integer(_))) => types::number(),
        (x, y) if x == y => types::schema(x),
        // A null, or different kinds: the place stays open.
        _ => types::any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml(v: Value) -> String {
        serde_yaml::to_string(&schema(&v)).unwrap()
    }

    #[test]
    fn kinds_of_values() {
        assert_eq!(yaml(json!(1)), "type: integer\n");
        assert_eq!(yaml(json!(1.5)), "type: number\n");
        assert_eq!(yaml(json!("2024-01-01")), "type: string\n");
        assert_eq!(yaml(json!(null)), "nullable: true\n");
        assert_eq!(
            yaml(json!({"id": 1, "tags": ["a"]})),
            "type: object\nproperties:\n  id:\n    type: integer\n  tags:\n    type: array\n    items:\n      type: string\n"
        );
    }

    #[test]
    fn array_items_merge() {
        let merged = yaml(json!([{"a": 1, "b": null}, {"a": 2.5, "c": true}, {"b": "x"}]));
        assert_eq!(
            merged,
            "type: array\nitems:\n  type: object\n  properties:\n    a:\n      type: number\n    b:\n      nullable: true\n      type: string\n    c:\n      type: boolean\n"
        );
        assert_eq!(yaml(json!([1, "x"])), "type: array\nitems: {}\n");
        assert_eq!(yaml(json!([])), "type: array\nitems: {}\n");
    }
}
