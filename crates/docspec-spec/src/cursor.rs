//! Walking the tree with JSON pointers, and following `$ref`s without getting lost:
//! external, dangling and cyclic references become issues, never a panic or a loop.

use crate::tree::{Node, Pos};
use crate::{Issue, Location};
use std::collections::HashSet;

/// A node and the JSON pointer that reaches it.
#[derive(Clone, Debug)]
pub struct At<'a> {
    pub node: &'a Node,
    pub pointer: String,
}

impl<'a> At<'a> {
    pub fn root(node: &'a Node) -> Self {
        At {
            node,
            pointer: String::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<At<'a>> {
        let node = self.node.get(key)?;
        Some(At {
            node,
            pointer: format!("{}/{}", self.pointer, escape(key)),
        })
    }

    pub fn index(&self, i: usize) -> Option<At<'a>> {
        let node = self.node.as_seq()?.get(i)?;
        Some(At {
            node,
            pointer: format!("{}/{i}", self.pointer),
        })
    }

    /// Map entries as cursors, with the position of each key.
    pub fn entries(&self) -> Vec<(&'a str, Pos, At<'a>)> {
        let Some(map) = self.node.as_map() else {
            return Vec::new();
        };
        map.iter()
            .map(|(k, (key_at, node))| {
                (
                    k.as_str(),
                    *key_at,
                    At {
                        node,
                        pointer: format!("{}/{}", self.pointer, escape(k)),
                    },
                )
            })
            .collect()
    }

    pub fn items(&self) -> Vec<At<'a>> {
        let n = self.node.as_seq().map_or(0, <[Node]>::len);
        (0..n).filter_map(|i| self.index(i)).collect()
    }

    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.node.get(key)?.as_str()
    }

    pub fn flag(&self, key: &str) -> bool {
        self.node.get(key).and_then(Node::as_bool).unwrap_or(false)
    }

    /// The location of this node, placed at `pos` (the position of its key in the parent).
    pub fn location_at(&self, pos: Pos) -> Location {
        Location {
            pointer: self.pointer.clone(),
            line: pos.line,
            column: pos.column,
            offset: pos.offset,
        }
    }

    pub fn location(&self) -> Location {
        Location {
            pointer: self.pointer.clone(),
            line: self.node.at.line,
            column: self.node.at.column,
            offset: self.node.at.offset,
        }
    }
}

/// `~` and `/` escaped, as RFC 6901 asks.
pub fn escape(key: &str) -> String {
    if key.contains(['~', '/']) {
        key.replace('~', "~0").replace('/', "~1")
    } else {
        key.to_string()
    }
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The issues met while reading, each reported once.
#[derive(Default)]
pub struct Issues {
    pub list: Vec<Issue>,
    seen: HashSet<(String, String)>,
}

impl Issues {
    pub fn push(&mut self, at: Location, message: String) {
        if self.seen.insert((at.pointer.clone(), message.clone())) {
            self.list.push(Issue { message, at });
        }
    }
}

/// Follows `$ref` chains from `at`. Returns the target, or `None` after recording why
/// the reference cannot be followed.
pub fn resolve<'a>(root: &'a Node, at: At<'a>, issues: &mut Issues) -> Option<At<'a>> {
    let mut current = at;
    let mut visited: Vec<String> = Vec::new();
    while let Some(reference) = current.str("$ref") {
        let Some(target) = reference.strip_prefix('#') else {
            issues.push(
                current.location(),
                format!("`$ref: {reference}` points into another file; docspec reads one file (bundle the spec first)"),
            );
            return None;
        };
        if visited.iter().any(|v| v == target) {
            issues.push(
                current.location(),
                format!("`$ref: {reference}` is a cycle of references that never reaches a value"),
            );
            return None;
        }
        visited.push(target.to_string());
        match lookup(root, target) {
            Some(next) => current = next,
            None => {
                issues.push(
                    current.location(),
                    format!("`$ref: {reference}` points to nothing in this file"),
                );
                return None;
            }
        }
    }
    Some(current)
}

/// A JSON pointer (`/components/schemas/A`) in the document.
pub fn lookup<'a>(root: &'a Node, pointer: &str) -> Option<At<'a>> {
    let mut at = At::root(root);
    if pointer.is_empty() || pointer == "/" {
        return Some(at);
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let segment = unescape(&percent_decode(raw));
        at = match at.get(&segment) {
            Some(next) => next,
            None => at.index(segment.parse().ok()?)?,
        };
    }
    Some(at)
}

/// `%7B` in a reference's pointer, as URI fragments may write it.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(v) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse;

    #[test]
    fn references_are_followed_and_problems_recorded() {
        let text = "a: {$ref: '#/b'}\nb: {$ref: '#/c/x~1y'}\nc:\n  x/y: 1\nloop1: {$ref: '#/loop2'}\nloop2: {$ref: '#/loop1'}\next: {$ref: 'other.yaml#/x'}\nnone: {$ref: '#/missing'}\n";
        let root = parse("t.yaml", text).unwrap();
        let mut issues = Issues::default();
        let top = At::root(&root);
        let a = resolve(&root, top.get("a").unwrap(), &mut issues).unwrap();
        assert_eq!(a.pointer, "/c/x~1y");
        assert_eq!(a.node.at.line, 4);
        assert!(resolve(&root, top.get("loop1").unwrap(), &mut issues).is_none());
        assert!(resolve(&root, top.get("ext").unwrap(), &mut issues).is_none());
        assert!(resolve(&root, top.get("none").unwrap(), &mut issues).is_none());
        let messages: Vec<_> = issues.list.iter().map(|i| i.message.as_str()).collect();
        assert!(messages[0].contains("cycle"), "{messages:?}");
        assert!(messages[1].contains("another file"), "{messages:?}");
        assert!(messages[2].contains("points to nothing"), "{messages:?}");
    }

    #[test]
    fn percent_encoded_pointers() {
        assert_eq!(percent_decode("~1projects~1%7Bid%7D"), "~1projects~1{id}");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
