//! Flat attribute names (`a.b`, `a[].b`, `a[b]`, `a:b`, `[].b`) into nested schemas.

use crate::types;
use indexmap::IndexMap;
use openapiv3::{ObjectType, ReferenceOr, Schema, SchemaKind, Type};

/// One segment of a dotted name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub name: String,
    /// Written `name[]`: the value is an array and children describe its items.
    pub array: bool,
}

/// Splits a name; the flag says it starts with `[]` (items of a top-level array).
pub fn split(name: &str) -> (bool, Vec<Segment>) {
    let mut segments: Vec<Segment> = Vec::new();
    let mut root_array = false;
    let mut current = String::new();
    let mut chars = name.trim().chars().peekable();
    let flush = |current: &mut String, segments: &mut Vec<Segment>| {
        if !current.is_empty() {
            segments.push(Segment {
                name: std::mem::take(current),
                array: false,
            });
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '.' | ':' => flush(&mut current, &mut segments),
            '[' if chars.peek() == Some(&']') => {
                chars.next();
                flush(&mut current, &mut segments);
                match segments.last_mut() {
                    Some(last) => last.array = true,
                    None => root_array = true,
                }
            }
            '[' => {
                flush(&mut current, &mut segments);
                for inner in chars.by_ref() {
                    if inner == ']' {
                        break;
                    }
                    current.push(inner);
                }
                flush(&mut current, &mut segments);
            }
            c => current.push(c),
        }
    }
    flush(&mut current, &mut segments);
    (root_array, segments)
}

/// A property and what is nested under it.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub own: Option<Schema>,
    pub required: bool,
    pub array: bool,
    pub children: IndexMap<String, Node>,
}

impl Node {
    /// Adds a row; the first row naming a property wins, later ones only add children.
    pub fn insert(&mut self, segments: &[Segment], schema: Schema, required: bool) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        let child = self.children.entry(first.name.clone()).or_default();
        child.array |= first.array;
        if rest.is_empty() {
            if child.own.is_none() {
                child.own = Some(schema);
                child.required = required;
            }
        } else {
            child.insert(rest, schema, required);
        }
    }

    /// The schema of this node: its own type, with children as properties (of its items for arrays).
    pub fn render(&self) -> Schema {
        let own = self.own.clone().unwrap_or_else(types::any);
        if self.children.is_empty() {
            if self.array && !types::is_array(&own) {
                // `labels[]` typed `string`: an array of strings, described as a whole.
                let mut inner = own;
                let description = inner.schema_data.description.take();
                let nullable = std::mem::take(&mut inner.schema_data.nullable);
                let mut outer = types::array(inner);
                outer.schema_data.description = description;
                outer.schema_data.nullable = nullable;
                return outer;
            }
            return own;
        }
        let object = self.object();
        let mut out = if self.array || types::is_array(&own) {
            types::array(object)
        } else {
            object
        };
        out.schema_data.description = own.schema_data.description;
        out.schema_data.nullable = own.schema_data.nullable;
        out.schema_data.deprecated = own.schema_data.deprecated;
        out
    }

    /// The children as an object schema.
    pub fn object(&self) -> Schema {
        let properties = self
            .children
            .iter()
            .map(|(name, node)| (name.clone(), ReferenceOr::Item(Box::new(node.render()))))
            .collect();
        let required = self
            .children
            .iter()
            .filter(|(_, n)| n.required)
            .map(|(name, _)| name.clone())
            .collect();
        types::schema(SchemaKind::Type(Type::Object(ObjectType {
            properties,
            required,
            ..ObjectType::default()
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str) -> (bool, Vec<(String, bool)>) {
        let (root, segs) = split(name);
        (root, segs.into_iter().map(|s| (s.name, s.array)).collect())
    }

    #[test]
    fn splits_every_notation() {
        assert_eq!(names("a.b"), (false, vec![("a".into(), false), ("b".into(), false)]));
        assert_eq!(names("a[].b"), (false, vec![("a".into(), true), ("b".into(), false)]));
        assert_eq!(names("position[base_sha]"), names("position.base_sha"));
        assert_eq!(names("assets:links:name"), names("assets.links.name"));
        assert_eq!(
            names("[]._links.self"),
            (true, vec![("_links".into(), false), ("self".into(), false)])
        );
        assert_eq!(names("iids[]"), (false, vec![("iids".into(), true)]));
    }

    #[test]
    fn nests_objects_and_array_items() {
        let mut root = Node::default();
        for (name, schema) in [
            ("commit", types::object()),
            ("commit.id", types::string()),
            ("tags[].name", types::string()),
            ("labels[]", types::string()),
        ] {
            root.insert(&split(name).1, schema, name == "commit");
        }
        let yaml = serde_yaml::to_string(&root.object()).unwrap();
        assert_eq!(
            yaml,
            "type: object\nproperties:\n  commit:\n    type: object\n    properties:\n      id:\n        type: string\n  tags:\n    type: array\n    items:\n      type: object\n      properties:\n        name:\n          type: string\n  labels:\n    type: array\n    items:\n      type: string\nrequired:\n- commit\n"
        );
    }
}
