//! A JSON value as the spec's writers read it: objects as lists of entries in their order,
//! strings borrowed from the text they were read from where they have no escapes. A kept
//! operation is read back into one only to be written: `serde_json::Value` would copy
//! every string and hash every key into an index the writers never look up.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Entries in their order. Read from JSON that `serde_json` wrote from a map or a
    /// struct, so no key comes twice.
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// The value, its strings borrowed.
    pub fn of(value: &'a Value) -> Node<'a> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::of).collect()),
            Value::Object(map) => Node::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::of(v)))
                    .collect(),
            ),
        }
    }

    /// The value, owning its strings.
    pub fn owned(value: Value) -> Node<'static> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(b),
            Value::Number(n) => Node::Number(n),
            Value::String(s) => Node::String(Cow::Owned(s)),
            Value::Array(items) => Node::Array(items.into_iter().map(Node::owned).collect()),
            Value::Object(map) => Node::Object(map.into_iter().map(|(k, v)| (Cow::Owned(k), Node::owned(v))).collect()),
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node<'a>> {
        match self {
            Node::Object(entries) => get_mut(entries, key),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Vec<(Cow<'a, str>, Node<'a>)>> {
        match self {
            Node::Object(entries) => Some(entries),
            _ => None,
        }
    }
}

/// The value of `key` among an object's entries.
pub fn get_mut<'m, 'a>(entries: &'m mut [(Cow<'a, str>, Node<'a>)], key: &str) -> Option<&'m mut Node<'a>> {
    entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Sets `key` where it is, or adds it last (as `IndexMap::insert` does).
pub fn insert<'a>(entries: &mut Vec<(Cow<'a, str>, Node<'a>)>, key: &'a str, value: Node<'a>) {
    match entries.iter_mut().find(|(k, _)| k == key) {
        Some((_, old)) => *old = value,
        None => entries.push((Cow::Borrowed(key), value)),
    }
}

/// Takes `key` out, the others keeping their order (as `IndexMap::shift_remove` does).
pub fn remove(entries: &mut Vec<(Cow<'_, str>, Node<'_>)>, key: &str) {
    entries.retain(|(k, _)| k != key);
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Number(n) => n.serialize(serializer),
            Node::String(s) => serializer.serialize_str(s),
            Node::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    /// As `serde_json::Value` reads it: a number that is not finite is null.
    fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
        Ok(Number::from_f64(n).map_or(Node::Null, Node::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        // serde_json gives no size hint: start where most of a spec's lists end.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some((Key(key), value)) = map.next_entry()? {
            entries.push((key, value));
        }
        Ok(Node::Object(entries))
    }
}

/// A key, borrowed where the text has it without escapes (serde's own `Cow<str>` always
/// copies).
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }

            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Read from JSON text, a node is the value `serde_json` reads, in the same order, and
    /// writes back the same text.
    #[test]
    fn reads_and_writes_as_serde_json_value_does() {
        let value = json!({
            "b": [1, -2, 3.5, 1e300, 12345678901234567890u64, true, null, "plain", "esc\"aped\n\u{e9}"],
            "a": {"nested": {"z": 1, "y": []}, "empty": {}},
            "k\"ey": "value",
            "": 0
        });
        let text = serde_json::to_vec(&value).unwrap();
        let node: Node<'_> = serde_json::from_slice(&text).unwrap();
        assert_eq!(node, Node::of(&value));
        assert_eq!(serde_json::to_vec(&node).unwrap(), text);
        assert_eq!(
            serde_json::to_string_pretty(&node).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(Node::owned(value.clone()), Node::of(&value));
        let Node::Object(entries) = &node else { panic!() };
        assert!(
            matches!(entries[0].0, Cow::Borrowed("b")),
            "keys without escapes are borrowed"
        );
    }

    #[test]
    fn insert_and_remove_keep_the_order() {
        let value = json!({"a": 1, "b": 2, "c": 3});
        let mut node = Node::of(&value);
        let entries = node.as_object_mut().unwrap();
        insert(entries, "b", Node::Null);
        insert(entries, "d", Node::Bool(true));
        remove(entries, "a");
        assert_eq!(serde_json::to_string(&node).unwrap(), r#"{"b":null,"c":3,"d":true}"#);
    }
}
