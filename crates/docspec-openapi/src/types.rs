//! The Type column of an attribute table to a schema.

use openapiv3::{
    ArrayType, IntegerType, NumberType, ObjectType, ReferenceOr, Schema, SchemaData, SchemaKind, StringFormat,
    StringType, Type, VariantOrUnknownOrEmpty,
};

/// A mapped type word.
#[derive(Clone, Debug)]
pub struct Mapped {
    pub schema: Schema,
    /// `false` when the word was not understood (the schema is then open).
    pub known: bool,
    /// `file`: the request body must be `multipart/form-data`.
    pub is_file: bool,
}

pub fn schema(kind: SchemaKind) -> Schema {
    Schema {
        schema_data: SchemaData::default(),
        schema_kind: kind,
    }
}

pub fn string() -> Schema {
    schema(SchemaKind::Type(Type::String(StringType::default())))
}

pub fn string_format(format: StringFormat) -> Schema {
    schema(SchemaKind::Type(Type::String(StringType {
        format: VariantOrUnknownOrEmpty::Item(format),
        ..StringType::default()
    })))
}

pub fn integer() -> Schema {
    schema(SchemaKind::Type(Type::Integer(IntegerType::default())))
}

pub fn number() -> Schema {
    schema(SchemaKind::Type(Type::Number(NumberType::default())))
}

pub fn boolean() -> Schema {
    schema(SchemaKind::Type(Type::Boolean(openapiv3::BooleanType::default())))
}

pub fn object() -> Schema {
    schema(SchemaKind::Type(Type::Object(ObjectType::default())))
}

/// An open schema: any value.
pub fn any() -> Schema {
    schema(SchemaKind::Any(openapiv3::AnySchema::default()))
}

pub fn array(items: Schema) -> Schema {
    schema(SchemaKind::Type(Type::Array(ArrayType {
        items: Some(ReferenceOr::Item(Box::new(items))),
        min_items: None,
        max_items: None,
        unique_items: false,
    })))
}

/// Alternatives a value may match several of (`4` is an integer and a string).
pub fn any_of(options: Vec<Schema>) -> Schema {
    schema(SchemaKind::AnyOf {
        any_of: options.into_iter().map(ReferenceOr::Item).collect(),
    })
}

pub fn one_of(options: Vec<Schema>) -> Schema {
    schema(SchemaKind::OneOf {
        one_of: options.into_iter().map(ReferenceOr::Item).collect(),
    })
}

pub fn is_array(schema: &Schema) -> bool {
    matches!(schema.schema_kind, SchemaKind::Type(Type::Array(_)))
}

/// Maps a Type cell. An empty or missing cell is an open schema, not an unknown word.
pub fn map(raw: Option<&str>) -> Mapped {
    let word = normalize(raw.unwrap_or(""));
    if word.is_empty() {
        return known(any());
    }
    if word == "file" {
        return Mapped {
            schema: string_format(StringFormat::Binary),
            known: true,
            is_file: true,
        };
    }
    if let Some(s) = single(&word) {
        return known(s);
    }
    if let Some(s) = alternatives(&word) {
        return known(s);
    }
    let mut open = any();
    let original = raw.unwrap_or("").trim().to_string();
    open.schema_data
        .extensions
        .insert("x-docspec-type".to_string(), serde_json::Value::String(original));
    Mapped {
        schema: open,
        known: word == "mixed",
        is_file: false,
    }
}

fn known(schema: Schema) -> Mapped {
    Mapped {
        schema,
        known: true,
        is_file: false,
    }
}

/// Lower case, no backticks, single spaces.
fn normalize(raw: &str) -> String {
    raw.replace('`', "")
        .to_ascii_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One type, without `or`.
fn single(word: &str) -> Option<Schema> {
    let s = match word {
        "string" | "str" | "text" => string(),
        "integer" | "int" => integer(),
        "boolean" | "bool" => boolean(),
        "float" | "number" | "double" | "decimal" | "numeric" => number(),
        "date" => string_format(StringFormat::Date),
        "datetime"
        | "date time"
        | "date-time"
        | "timestamp"
        | "datetime (iso 8601)"
        | "iso 8601 datetime"
        | "datetime (iso8601)" => string_format(StringFormat::DateTime),
        "hash" | "object" | "json" | "json object" | "hashmap" | "map" => object(),
        "array" | "list" => array(any()),
        _ => return array_of(word),
    };
    Some(s)
}

/// `string array`, `array of integers`, `Array[String]`, `array of hashes`, ...
fn array_of(word: &str) -> Option<Schema> {
    let element = if let Some(e) = word.strip_suffix(" array") {
        e
    } else if let Some(e) = word.strip_prefix("array of ") {
        e
    } else if let Some(e) = word.strip_prefix("array[").and_then(|e| e.strip_suffix(']')) {
        e
    } else {
        word.strip_suffix("[]")?
    };
    let element = element.trim();
    let singular = element.strip_suffix('s').unwrap_or(element);
    let items = match singular {
        "string" | "integer" | "boolean" | "number" | "float" | "date" | "datetime" => single(singular)?,
        "hashe" | "hash" | "object" => object(),
        // `array of strategy JSON objects`
        _ if element.ends_with(" objects") || element.ends_with(" hashes") => object(),
        _ => return None,
    };
    Some(array(items))
}

/// `integer or string`, `integer/string`, `string or null`, `string or array of strings`.
fn alternatives(word: &str) -> Option<Schema> {
    let parts: Vec<&str> = if word.contains(" or ") {
        word.split(" or ").map(str::trim).collect()
    } else if word.contains('/') && !word.contains(' ') {
        word.split('/').map(str::trim).collect()
    } else {
        return None;
    };
    let nullable = parts.iter().any(|p| *p == "null" || *p == "nil");
    let mut options: Vec<Schema> = Vec::new();
    for part in parts.iter().filter(|p| **p != "null" && **p != "nil") {
        let s = single(part)?;
        if !options.contains(&s) {
            options.push(s);
        }
    }
    // Written order varies (`string or integer`); the schema does not.
    options.sort_by_key(rank);
    let mut s = match options.len() {
        0 => return None,
        1 => options.pop()?,
        _ => any_of(options),
    };
    s.schema_data.nullable = nullable;
    Some(s)
}

fn rank(schema: &Schema) -> u8 {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Integer(_)) => 0,
        SchemaKind::Type(Type::Number(_)) => 1,
        SchemaKind::Type(Type::Boolean(_)) => 2,
        SchemaKind::Type(Type::String(_)) => 3,
        SchemaKind::Type(Type::Array(_)) => 4,
        SchemaKind::Type(Type::Object(_)) => 5,
        _ => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(raw: &str) -> String {
        serde_yaml::to_string(&map(Some(raw)).schema).unwrap()
    }

    #[test]
    fn scalar_words() {
        assert_eq!(yaml("String"), "type: string\n");
        assert_eq!(yaml(" integer "), "type: integer\n");
        assert_eq!(yaml("float"), "type: number\n");
        assert_eq!(yaml("date"), "type: string\nformat: date\n");
        assert_eq!(yaml("datetime (ISO 8601)"), "type: string\nformat: date-time\n");
        assert_eq!(yaml("hash"), "type: object\n");
        assert!(map(Some("file")).is_file);
    }

    #[test]
    fn alternatives_and_nulls() {
        assert_eq!(yaml("integer or string"), yaml("integer/string"));
        assert_eq!(yaml("string or integer"), "anyOf:\n- type: integer\n- type: string\n");
        assert_eq!(yaml("string or null"), "nullable: true\ntype: string\n");
        assert_eq!(yaml("integer or null"), "nullable: true\ntype: integer\n");
    }

    #[test]
    fn arrays() {
        let strings = "type: array\nitems:\n  type: string\n";
        for w in ["string array", "array of strings", "array of string", "Array[String]"] {
            assert_eq!(yaml(w), strings, "{w}");
        }
        assert_eq!(yaml("integer array"), yaml("array of integers"));
        assert_eq!(yaml("array"), "type: array\nitems: {}\n");
        assert_eq!(yaml("array of hashes"), "type: array\nitems:\n  type: object\n");
        assert_eq!(yaml("array of strategy JSON objects"), yaml("array of objects"));
    }

    #[test]
    fn unknown_words_stay_open() {
        let m = map(Some("widget"));
        assert!(!m.known);
        assert_eq!(yaml("widget"), "x-docspec-type: widget\n");
        assert!(map(Some("mixed")).known);
        assert!(map(None).known);
    }
}
