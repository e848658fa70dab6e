//! The finished document: everything but the operations in `openapiv3`'s types, and the
//! operations as kept JSON, sorted by path. Writing it makes each path's item only when
//! its turn comes, so the paths are never all held in their large form.

use crate::kept::{self, Kept, Refs};
use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::io::Write;

pub struct Document {
    /// The document without its paths.
    pub(crate) head: OpenAPI,
    /// Sorted by path (a stable sort: document order within a path).
    pub(crate) operations: Vec<Ready>,
}

/// An operation with its id and its shared schemas' names decided.
pub(crate) struct Ready {
    pub(crate) verb: &'static str,
    pub(crate) path: String,
    pub(crate) operation_id: String,
    pub(crate) kept: Kept,
    pub(crate) refs: Refs,
}

/// A path item's operations in the order `PathItem` writes them.
const VERBS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

/// Each path and its item as JSON, in order, made one at a time.
fn path_items(operations: Vec<Ready>) -> impl Iterator<Item = (String, Value)> {
    let mut operations = operations.into_iter().peekable();
    std::iter::from_fn(move || {
        let first = operations.next()?;
        let mut slots: [Option<Value>; 7] = Default::default();
        let mut put = |op: Ready| {
            // A verb `merge::slot` gives is one of these; anything else is where the
            // typed item put it, in `patch`.
            let slot = VERBS.iter().position(|v| *v == op.verb).unwrap_or(6);
            slots[slot] = Some(kept::finish(&op.kept, &op.operation_id, &op.refs));
        };
        let path = first.path.clone();
        put(first);
        while let Some(next) = operations.next_if(|o| o.path == path) {
            put(next);
        }
        let item: Map<String, Value> = VERBS
            .iter()
            .zip(slots)
            .filter_map(|(verb, op)| Some((verb.to_string(), op?)))
            .collect();
        Some((path, Value::Object(item)))
    })
}

impl Document {
    /// The document without its paths, as JSON (`paths` is there, empty).
    fn head_value(&self) -> Map<String, Value> {
        // Plain data with string keys always serializes.
        match serde_json::to_value(&self.head) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }

    /// YAML, written a path at a time.
    pub fn write_yaml(self, out: &mut dyn Write) -> std::io::Result<()> {
        let head = self.head_value();
        crate::yaml::write_with(out, &head, "paths", path_items(self.operations))
    }

    /// Pretty JSON, the text `serde_json` gives the whole document, written a path at a
    /// time.
    pub fn write_json(self, out: &mut dyn Write) -> std::io::Result<()> {
        let head = self.head_value();
        let streamed = Streamed {
            head: &head,
            paths: RefCell::new(Some(path_items(self.operations))),
        };
        serde_json::to_writer_pretty(&mut *out, &streamed)?;
        out.write_all(b"\n")
    }

    pub fn to_yaml(self) -> String {
        text_of(|out| self.write_yaml(out))
    }

    pub fn to_json(self) -> String {
        text_of(|out| self.write_json(out))
    }

    /// The whole document in `openapiv3`'s types (every path read back from its JSON).
    pub fn into_openapi(self) -> OpenAPI {
        let mut spec = self.head;
        for (path, item) in path_items(self.operations) {
            let item: PathItem = serde_json::from_value(item).unwrap_or_default();
            spec.paths.paths.insert(path, ReferenceOr::Item(item));
        }
        spec
    }
}

fn text_of(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> String {
    let mut text = Vec::new();
    // Writing into memory cannot fail, and both writers write only UTF-8.
    let _ = write(&mut text);
    String::from_utf8(text).unwrap_or_default()
}

/// The document's head with the paths put in `paths`, before its own entries.
struct Streamed<'a, I> {
    head: &'a Map<String, Value>,
    paths: RefCell<Option<I>>,
}

impl<I: Iterator<Item = (String, Value)>> Serialize for Streamed<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.head.len()))?;
        for (key, value) in self.head {
            match (key.as_str(), value) {
                ("paths", Value::Object(rest)) => {
                    let paths = Paths {
                        rest,
                        entries: &self.paths,
                    };
                    map.serialize_entry(key, &paths)?;
                }
                _ => map.serialize_entry(key, value)?,
            }
        }
        map.end()
    }
}

struct Paths<'a, I> {
    rest: &'a Map<String, Value>,
    entries: &'a RefCell<Option<I>>,
}

impl<I: Iterator<Item = (String, Value)>> Serialize for Paths<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (path, item) in self.entries.borrow_mut().take().into_iter().flatten() {
            map.serialize_entry(&path, &item)?;
        }
        for (key, value) in self.rest {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
