//! The finished document: everything but the operations in `openapiv3`'s types, and the
//! operations as kept JSON, sorted by path. Writing it makes each path's item only when
//! its turn comes, so the paths are never all held in their large form.

use crate::kept::{self, Kept, Refs};
use crate::node::Node;
use openapiv3::{OpenAPI, PathItem, ReferenceOr};
use serde::ser::{Error as _, Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;
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

/// Each path and its item, in order, made one at a time and handed to `write`; `failed`
/// words a kept operation that could not be read back from the temporary file.
fn each_path_item<E>(
    operations: Vec<Ready>,
    failed: impl Fn(std::io::Error) -> E,
    mut write: impl FnMut(&str, &Node<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut operations = operations.into_iter().peekable();
    while let Some(first) = operations.next() {
        let mut group = vec![first];
        while let Some(next) = operations.next_if(|o| o.path == group[0].path) {
            group.push(next);
        }
        let json = group
            .iter()
            .map(|op| op.kept.json())
            .collect::<Result<Vec<_>, _>>()
            .map_err(&failed)?;
        let mut slots: [Option<Node<'_>>; 7] = Default::default();
        for (op, json) in group.iter().zip(&json) {
            // A verb `merge::slot` gives is one of these; anything else is where the
            // typed item put it, in `patch`.
            let slot = VERBS.iter().position(|v| *v == op.verb).unwrap_or(6);
            slots[slot] = Some(kept::finish(json, &op.operation_id, &op.refs));
        }
        let item = Node::Object(
            VERBS
                .iter()
                .zip(slots)
                .filter_map(|(verb, op)| Some((Cow::Borrowed(*verb), op?)))
                .collect(),
        );
        write(&group[0].path, &item)?;
    }
    Ok(())
}

impl Document {
    /// How many operations wait in the temporary file rather than in memory.
    pub fn spilled(&self) -> usize {
        self.operations.iter().filter(|op| op.kept.is_spilled()).count()
    }

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
        let has_paths = !self.operations.is_empty();
        crate::yaml::write_with(out, &head, "paths", has_paths, |write| {
            each_path_item(self.operations, |e| e, write)
        })
    }

    /// Pretty JSON, the text `serde_json` gives the whole document, written a path at a
    /// time.
    pub fn write_json(self, out: &mut dyn Write) -> std::io::Result<()> {
        let head = self.head_value();
        let streamed = Streamed {
            head: &head,
            paths: RefCell::new(Some(self.operations)),
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
        // The typed form has no error to give: an operation that cannot be read back from
        // the temporary file ends the paths there.
        let _ = each_path_item::<()>(
            self.operations,
            |_| (),
            |path, item| {
                let item: PathItem = serde_json::to_value(item)
                    .and_then(serde_json::from_value)
                    .unwrap_or_default();
                spec.paths.paths.insert(path.to_string(), ReferenceOr::Item(item));
                Ok(())
            },
        );
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
struct Streamed<'a> {
    head: &'a Map<String, Value>,
    paths: RefCell<Option<Vec<Ready>>>,
}

impl Serialize for Streamed<'_> {
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

struct Paths<'a> {
    rest: &'a Map<String, Value>,
    entries: &'a RefCell<Option<Vec<Ready>>>,
}

impl Serialize for Paths<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(operations) = self.entries.borrow_mut().take() {
            let failed = |e: std::io::Error| S::Error::custom(format!("reading a kept operation back: {e}"));
            each_path_item(operations, failed, |path, item| map.serialize_entry(path, item))?;
        }
        for (key, value) in self.rest {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}
