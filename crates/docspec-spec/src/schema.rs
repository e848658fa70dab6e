//! Schemas (OpenAPI 3.0/3.1, Swagger 2.0) to [`Shape`]s, following `$ref`s with a stack so
//! that a recursive schema stops at its second visit, and caching each referenced schema.

use crate::cursor::{resolve, At, Issues};
use crate::tree::{Node, Value};
use crate::{Field, Kind, Shape};
use std::collections::HashMap;
use std::sync::Arc;

/// How deep nested properties are read; docs tables rarely go past three levels.
const MAX_DEPTH: usize = 8;

pub struct Schemas<'a> {
    root: &'a Node,
    /// Referenced schemas already read, by pointer; every use shares the one read.
    cache: HashMap<String, Arc<Shape>>,
    /// References being read, to stop at cycles.
    stack: Vec<String>,
}

impl<'a> Schemas<'a> {
    pub fn new(root: &'a Node) -> Self {
        Self {
            root,
            cache: HashMap::new(),
            stack: Vec::new(),
        }
    }

    pub fn shape(&mut self, at: &At<'a>, issues: &mut Issues) -> Shape {
        Arc::unwrap_or_clone(self.shape_at(at, issues, 0))
    }

    fn shape_at(&mut self, at: &At<'a>, issues: &mut Issues, depth: usize) -> Arc<Shape> {
        if depth > MAX_DEPTH {
            return Arc::new(Shape::of(Kind::Any));
        }
        if at.node.get("$ref").is_none() {
            return Arc::new(self.read(at, issues, depth));
        }
        let Some(target) = resolve(self.root, at.clone(), issues) else {
            return Arc::new(Shape::of(Kind::Any));
        };
        if let Some(done) = self.cache.get(&target.pointer) {
            return Arc::clone(done);
        }
        if self.stack.contains(&target.pointer) {
            issues.push(
                at.location(),
                format!(
                    "the schema at `{}` contains itself; its properties are read one level deep",
                    target.pointer
                ),
            );
            return Arc::new(Shape::of(Kind::Object));
        }
        self.stack.push(target.pointer.clone());
        let shape = Arc::new(self.read(&target, issues, depth));
        self.stack.pop();
        self.cache.insert(target.pointer.clone(), Arc::clone(&shape));
        shape
    }

    fn read(&mut self, at: &At<'a>, issues: &mut Issues, depth: usize) -> Shape {
        if at.node.as_map().is_none() {
            if !matches!(at.node.value, Value::Bool(true)) {
                issues.push(
                    at.location(),
                    "a schema here is not a mapping; it is not compared".to_string(),
                );
            }
            return Shape::of(Kind::Any);
        }
        let mut shape = Shape::of(Kind::Any);
        // allOf: the parts together (properties of all, the first concrete type).
        if let Some(parts) = at.get("allOf") {
            for part in parts.items() {
                let s = Arc::unwrap_or_clone(self.shape_at(&part, issues, depth));
                merge(&mut shape, s);
            }
        }
        for key in ["oneOf", "anyOf"] {
            let Some(options) = at.get(key) else { continue };
            let mut alternatives: Vec<Shape> = Vec::new();
            let mut nullable = false;
            for option in options.items() {
                let s = Arc::unwrap_or_clone(self.shape_at(&option, issues, depth));
                if s.kind == Kind::Any && s.format.as_deref() == Some("null") {
                    nullable = true;
                } else {
                    alternatives.push(s);
                }
            }
            let mut combined = match alternatives.len() {
                0 => Shape::of(Kind::Any),
                1 => alternatives.remove(0),
                _ => Shape {
                    alternatives,
                    ..Shape::of(Kind::OneOf)
                },
            };
            combined.nullable |= nullable;
            merge(&mut shape, combined);
        }
        let own = self.own(at, issues, depth);
        merge(&mut shape, own);
        shape
    }

    /// The schema's own keywords, without the combinators.
    fn own(&mut self, at: &At<'a>, issues: &mut Issues, depth: usize) -> Shape {
        let node = at.node;
        let mut kinds: Vec<Kind> = Vec::new();
        let mut nullable = node.get("nullable").and_then(Node::as_bool).unwrap_or(false)
            || node.get("x-nullable").and_then(Node::as_bool).unwrap_or(false);
        let format = node.get("format").and_then(Node::as_str).map(str::to_string);
        let mut names: Vec<String> = Vec::new();
        match node.get("type").map(|t| &t.value) {
            Some(Value::String(t)) => names.push(t.clone()),
            Some(Value::Seq(list)) => names.extend(list.iter().filter_map(|n| n.as_str().map(str::to_string))),
            _ => {}
        }
        for name in &names {
            match kind_of(name, format.as_deref()) {
                Some(k) => kinds.push(k),
                None if name == "null" => nullable = true,
                None => issues.push(
                    at.location(),
                    format!("unknown schema type `{name}`; it is not compared"),
                ),
            }
        }
        if kinds.is_empty() {
            if node.get("properties").is_some() {
                kinds.push(Kind::Object);
            } else if node.get("items").is_some() {
                kinds.push(Kind::Array);
            }
        }
        let mut shape = match kinds.len() {
            0 => Shape::of(Kind::Any),
            1 => Shape::of(kinds[0]),
            _ => Shape {
                alternatives: kinds.iter().map(|k| Shape::of(*k)).collect(),
                ..Shape::of(Kind::OneOf)
            },
        };
        if names.len() == 1 && names[0] == "null" {
            // `{type: null}` inside a oneOf marks the others nullable.
            shape.format = Some("null".to_string());
        } else {
            shape.format = format;
        }
        shape.nullable = nullable;
        if let Some(values) = node.get("enum").and_then(Node::as_seq) {
            shape.enumeration = values.iter().filter_map(Node::scalar_text).collect();
        }
        if let Some(v) = node.get("const").and_then(Node::scalar_text) {
            shape.enumeration = vec![v];
        }
        shape.default = node.get("default").and_then(|d| match &d.value {
            Value::Null => None,
            Value::Seq(_) | Value::Map(_) => Some(d.to_json().to_string()),
            _ => d.scalar_text(),
        });
        shape.example = node.get("example").map(Node::to_json).or_else(|| {
            node.get("examples")
                .and_then(Node::as_seq)
                .and_then(|e| e.first())
                .map(Node::to_json)
        });
        if let Some(items) = at.get("items") {
            shape.items = Some(self.shape_at(&items, issues, depth + 1));
        }
        if let Some(properties) = at.get("properties") {
            let required: Vec<&str> = node
                .get("required")
                .and_then(Node::as_seq)
                .map(|r| r.iter().filter_map(Node::as_str).collect())
                .unwrap_or_default();
            for (name, key_at, prop) in properties.entries() {
                let target = if prop.node.get("$ref").is_some() {
                    resolve(self.root, prop.clone(), issues).unwrap_or_else(|| prop.clone())
                } else {
                    prop.clone()
                };
                let description = text(target.node, "description").or_else(|| text(prop.node, "description"));
                let deprecated = prop.flag("deprecated") || target.flag("deprecated");
                let child = self.shape_at(&prop, issues, depth + 1);
                shape.properties.push(Field {
                    name: name.to_string(),
                    shape: child,
                    required: required.contains(&name),
                    deprecated,
                    description,
                    at: prop.location_at(key_at),
                });
            }
        }
        shape
    }
}

pub fn text(node: &Node, key: &str) -> Option<String> {
    node.get(key)
        .and_then(Node::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn kind_of(name: &str, format: Option<&str>) -> Option<Kind> {
    Some(match name {
        "string" if format == Some("binary") => Kind::File,
        "string" => Kind::String,
        "integer" => Kind::Integer,
        "number" => Kind::Number,
        "boolean" => Kind::Boolean,
        "array" => Kind::Array,
        "object" => Kind::Object,
        "file" => Kind::File,
        _ => return None,
    })
}

/// Adds `other` to `shape`: the first concrete kind wins, properties and facts add up.
fn merge(shape: &mut Shape, other: Shape) {
    if shape.kind == Kind::Any {
        shape.kind = other.kind;
        shape.alternatives = other.alternatives;
        if shape.format.is_none() {
            shape.format = other.format;
        }
    } else if shape.format.is_none() && other.kind == shape.kind {
        shape.format = other.format;
    }
    if shape.items.is_none() {
        shape.items = other.items;
    }
    shape.nullable |= other.nullable;
    if shape.enumeration.is_empty() {
        shape.enumeration = other.enumeration;
    }
    if shape.default.is_none() {
        shape.default = other.default;
    }
    if shape.example.is_none() {
        shape.example = other.example;
    }
    for field in other.properties {
        match shape.properties.iter_mut().find(|f| f.name == field.name) {
            Some(existing) => existing.required |= field.required,
            None => shape.properties.push(field),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse;

    fn shape_of(text: &str, pointer: &str) -> (Shape, Vec<String>) {
        let root = parse("t.yaml", text).unwrap();
        let mut issues = Issues::default();
        let at = crate::cursor::lookup(&root, pointer).unwrap();
        let shape = Schemas::new(&root).shape(&at, &mut issues);
        (shape, issues.list.into_iter().map(|i| i.message).collect())
    }

    #[test]
    fn all_of_one_of_nullable_and_31_type_lists() {
        let text = "s:\n  allOf:\n    - {$ref: '#/base'}\n    - properties:\n        b: {type: [string, 'null']}\n      required: [b]\n  description: x\nbase:\n  type: object\n  properties:\n    a: {oneOf: [{type: integer}, {type: string}]}\n    c: {anyOf: [{type: string, format: date-time}, {type: 'null'}]}\n";
        let (shape, issues) = shape_of(text, "/s");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(shape.kind, Kind::Object);
        let names: Vec<_> = shape.properties.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "c", "b"]);
        assert_eq!(shape.properties[0].shape.kinds(), [Kind::Integer, Kind::String]);
        let b = &shape.properties[2];
        assert!(b.required && b.shape.nullable && b.shape.kind == Kind::String);
        let c = &shape.properties[1].shape;
        assert_eq!(
            (c.kind, c.format.as_deref(), c.nullable),
            (Kind::String, Some("date-time"), true)
        );
    }

    #[test]
    fn recursive_schemas_stop_and_are_reported_once() {
        let text = "node:\n  type: object\n  properties:\n    name: {type: string}\n    children:\n      type: array\n      items: {$ref: '#/node'}\nuse: {$ref: '#/node'}\n";
        let (shape, issues) = shape_of(text, "/use");
        assert_eq!(shape.kind, Kind::Object);
        let children = &shape.properties[1].shape;
        assert_eq!(children.kind, Kind::Array);
        assert_eq!(children.items.as_ref().unwrap().properties.len(), 0);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(issues[0].contains("contains itself"));
    }

    /// A schema referenced from many places is read once and held once: a large spec's
    /// operations share their components instead of each holding a copy.
    #[test]
    fn referenced_schemas_are_shared() {
        let text = "s:\n  type: object\n  properties:\n    author: {$ref: '#/user'}\n    assignee: {$ref: '#/user'}\n    list: {type: array, items: {$ref: '#/user'}}\nuser:\n  type: object\n  properties:\n    id: {type: integer}\n";
        let (shape, issues) = shape_of(text, "/s");
        assert!(issues.is_empty(), "{issues:?}");
        let (author, assignee) = (&shape.properties[0].shape, &shape.properties[1].shape);
        assert!(Arc::ptr_eq(author, assignee));
        let items = shape.properties[2].shape.items.as_ref().unwrap();
        assert!(Arc::ptr_eq(author, items));
        assert_eq!(author.properties[0].name, "id");
    }
}
