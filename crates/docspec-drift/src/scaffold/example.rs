//! Example values: path and query values for the cURL example, request bodies, and JSON
//! response examples from the schema's own examples or generated from its types.

use docspec_spec::{Kind, Property, Shape};
use serde_json::{json, Map, Value};

/// A value of `shape`: its example (when it has the right type), default, first allowed
/// value, or one made from its type.
pub fn value(shape: &Shape, name: &str) -> Value {
    if let Some(example) = &shape.example {
        if fits(shape, example) {
            return example.clone();
        }
    }
    if let Some(first) = shape.enumeration.first() {
        return typed(shape, first);
    }
    if let Some(default) = &shape.default {
        return typed(shape, default);
    }
    made(shape, name)
}

fn typed(shape: &Shape, text: &str) -> Value {
    match shape.kind {
        Kind::Integer => text.parse::<i64>().map_or_else(|_| json!(1), Value::from),
        Kind::Number => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(json!(1.5), Value::Number),
        Kind::Boolean => Value::Bool(text == "true"),
        _ => Value::String(text.to_string()),
    }
}

fn made(shape: &Shape, name: &str) -> Value {
    match shape.kind {
        Kind::String => match shape.format.as_deref() {
            Some("date-time") => json!("2024-01-01T09:00:00.000Z"),
            Some("date") => json!("2024-01-01"),
            Some("uri" | "url") => json!("https://gitlab.example.com"),
            Some("email") => json!("user@example.com"),
            _ => Value::String(format!("example_{}", leaf(name))),
        },
        Kind::Integer => json!(1),
        Kind::Number => json!(1.5),
        Kind::Boolean => json!(true),
        Kind::File => json!("@/path/to/file"),
        Kind::Array => match &shape.items {
            Some(items) if items.kind != Kind::Any => Value::Array(vec![value(items, name)]),
            _ => json!([]),
        },
        Kind::Object => object(shape),
        Kind::OneOf => shape.alternatives.first().map_or(Value::Null, |a| value(a, name)),
        Kind::Any => json!("example"),
    }
}

fn leaf(name: &str) -> &str {
    name.rsplit(['.', ']', '[']).find(|s| !s.is_empty()).unwrap_or(name)
}

/// An object with every property of the shape, in the spec's order.
pub fn object(shape: &Shape) -> Value {
    let mut map = Map::new();
    for field in &shape.properties {
        map.insert(field.name.clone(), value(&field.shape, &field.name));
    }
    Value::Object(map)
}

/// The shape a JSON example shows: value kinds, object keys, array items from the first.
pub fn shape_of(value: &Value) -> Shape {
    let mut shape = match value {
        Value::Null => Shape::of(Kind::Any),
        Value::Bool(_) => Shape::of(Kind::Boolean),
        Value::Number(n) if n.is_i64() || n.is_u64() => Shape::of(Kind::Integer),
        Value::Number(_) => Shape::of(Kind::Number),
        Value::String(_) => Shape::of(Kind::String),
        Value::Array(items) => Shape {
            items: Some(std::sync::Arc::new(
                items.first().map_or_else(|| Shape::of(Kind::Any), shape_of),
            )),
            ..Shape::of(Kind::Array)
        },
        Value::Object(map) => Shape {
            properties: map
                .iter()
                .map(|(k, v)| docspec_spec::Field {
                    name: k.clone(),
                    shape: shape_of(v).into(),
                    required: false,
                    deprecated: false,
                    description: None,
                    at: docspec_spec::Location::default(),
                })
                .collect(),
            ..Shape::of(Kind::Object)
        },
    };
    if !matches!(value, Value::Array(_) | Value::Object(_)) {
        shape.example = Some(value.clone());
    }
    shape
}

/// Whether an example has the shape's type (examples in specs are often stale).
fn fits(shape: &Shape, value: &Value) -> bool {
    match (shape.kind, value) {
        (Kind::Any | Kind::OneOf, _) => true,
        (Kind::String | Kind::File, Value::String(_)) => true,
        (Kind::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Kind::Number, Value::Number(_)) | (Kind::Boolean, Value::Bool(_)) => true,
        (Kind::Array, Value::Array(items)) => match &shape.items {
            Some(item) => items.iter().all(|v| fits(item, v)),
            None => true,
        },
        (Kind::Object, Value::Object(map)) => {
            shape.properties.is_empty()
                || (map.len() == shape.properties.len()
                    && shape
                        .properties
                        .iter()
                        .all(|f| map.get(&f.name).is_some_and(|v| fits(&f.shape, v))))
        }
        (_, Value::Null) => shape.nullable,
        _ => false,
    }
}

/// The response example: the spec's own when it has exactly the documented properties,
/// else one made from the schema.
pub fn response(body: &Shape, properties: &[Property], spec_example: Option<&Value>) -> Value {
    if let Some(example) = spec_example {
        if fits(body, example) && !properties.is_empty() {
            return example.clone();
        }
    }
    value(body, "value")
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_spec::Field;

    fn field(name: &str, shape: Shape) -> Field {
        Field {
            name: name.to_string(),
            shape: shape.into(),
            required: false,
            deprecated: false,
            description: None,
            at: docspec_spec::Location::default(),
        }
    }

    #[test]
    fn values_from_examples_or_types() {
        let mut id = Shape::of(Kind::Integer);
        id.example = Some(json!("not a number"));
        let mut name = Shape::of(Kind::String);
        name.example = Some(json!("Blue widget"));
        let created = Shape {
            format: Some("date-time".to_string()),
            ..Shape::of(Kind::String)
        };
        let body = Shape {
            properties: vec![field("id", id), field("name", name), field("created_at", created)],
            ..Shape::of(Kind::Object)
        };
        assert_eq!(
            object(&body),
            json!({"id": 1, "name": "Blue widget", "created_at": "2024-01-01T09:00:00.000Z"})
        );
    }
}
