//! A YAML or JSON document as a tree of nodes that remember where they start.
//!
//! saphyr parses both (JSON is YAML 1.2 flow style) and gives each node a marker; the
//! tree keeps line, column and byte offset, and map keys as strings (`200:` is the key
//! `"200"`), so the rest of the crate never sees saphyr's types.

use crate::SpecError;
use indexmap::IndexMap;
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

/// Where a node starts: one-based line and column (in characters), and the byte offset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    Seq(Vec<Node>),
    /// Keys in document order, each with the position of the key itself.
    Map(IndexMap<String, (Pos, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: Pos,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(m) => m.get(key).map(|(_, n)| n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&IndexMap<String, (Pos, Node)>> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar as text (`1`, `true`, `name`); `None` for collections and null.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// The node as JSON (examples, defaults).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::String(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(m) => J::Object(m.iter().map(|(k, (_, v))| (k.clone(), v.to_json())).collect()),
        }
    }
}

/// A JSON value as a tree without positions (schemas built in memory).
pub fn from_json(value: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    let value = match value {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::Seq(items.iter().map(from_json).collect()),
        J::Object(map) => Value::Map(
            map.iter()
                .map(|(k, v)| (k.clone(), (Pos::default(), from_json(v))))
                .collect(),
        ),
    };
    Node {
        value,
        at: Pos::default(),
    }
}

/// Byte offsets of line starts, to turn saphyr's character columns into byte offsets.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    /// saphyr's marker (one-based line, zero-based character column) as a position.
    fn pos(&self, line: usize, col: usize) -> Pos {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let rest = &self.text[start..];
        let within = rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i);
        Pos {
            line: line.max(1),
            column: col + 1,
            offset: start + within,
        }
    }
}

/// Parses YAML or JSON text into a tree; the error carries the position saphyr reports.
pub fn parse(path: &str, text: &str) -> Result<Node, SpecError> {
    let docs = MarkedYaml::load_from_str(text).map_err(|e| SpecError {
        path: path.to_string(),
        line: e.marker().line().max(1),
        column: e.marker().col() + 1,
        message: format!("not valid YAML or JSON: {}", e.info()),
    })?;
    let lines = Lines::new(text);
    match docs.len() {
        0 => Err(SpecError {
            path: path.to_string(),
            line: 1,
            column: 1,
            message: "the file is empty".to_string(),
        }),
        1 => Ok(convert(&docs[0], &lines)),
        _ => Err(SpecError {
            path: path.to_string(),
            line: docs[1].span.start.line().max(1),
            column: 1,
            message: "the file holds more than one YAML document; a spec is one".to_string(),
        }),
    }
}

fn convert(node: &MarkedYaml<'_>, lines: &Lines<'_>) -> Node {
    let at = lines.pos(node.span.start.line(), node.span.start.col());
    let value = match &node.data {
        YamlData::Value(s) => scalar(s),
        YamlData::Sequence(items) => Value::Seq(items.iter().map(|i| convert(i, lines)).collect()),
        YamlData::Mapping(map) => {
            let mut out = IndexMap::with_capacity(map.len());
            for (k, v) in map {
                let key_at = lines.pos(k.span.start.line(), k.span.start.col());
                let key = match &k.data {
                    YamlData::Value(s) => key_text(s),
                    YamlData::Representation(r, _, _) => r.to_string(),
                    _ => String::new(),
                };
                out.insert(key, (key_at, convert(v, lines)));
            }
            Value::Map(out)
        }
        YamlData::Tagged(_, inner) => return convert(inner, lines),
        YamlData::Representation(r, _, _) => Value::String(r.to_string()),
        YamlData::Alias(_) | YamlData::BadValue => Value::Null,
    };
    Node { value, at }
}

fn scalar(s: &Scalar<'_>) -> Value {
    match s {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(*b),
        Scalar::Integer(i) => Value::Int(*i),
        Scalar::FloatingPoint(f) => Value::Float(f.into_inner()),
        Scalar::String(s) => Value::String(s.to_string()),
    }
}

fn key_text(s: &Scalar<'_>) -> String {
    match s {
        Scalar::Null => "null".to_string(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::Integer(i) => i.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::String(s) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_keys_and_scalars() {
        let text = "a: 1\nb:\n  200:\n    c: \"é x\"\n    d: yes\n";
        let root = parse("t.yaml", text).unwrap();
        let b = root.get("b").unwrap();
        let ok = b.get("200").unwrap();
        let c = ok.get("c").unwrap();
        assert_eq!(c.as_str(), Some("é x"));
        assert_eq!((c.at.line, c.at.column), (4, 8));
        assert_eq!(&text[c.at.offset..c.at.offset + 1], "\"");
        // YAML 1.2: `yes` is a string.
        assert_eq!(ok.get("d").unwrap().as_str(), Some("yes"));
        let (key_at, _) = &root.as_map().unwrap()["b"];
        assert_eq!(key_at.line, 2);
    }

    #[test]
    fn json_parses_with_positions() {
        let text = "{\n  \"x\": [1, 2.5, true, null],\n  \"é\": {\"y\": \"z\"}\n}";
        let root = parse("t.json", text).unwrap();
        let y = root.get("é").unwrap().get("y").unwrap();
        assert_eq!(y.at.line, 3);
        assert_eq!(&text[y.at.offset..y.at.offset + 3], "\"z\"");
        assert_eq!(
            root.get("x").unwrap().to_json(),
            serde_json::json!([1, 2.5, true, null])
        );
    }

    #[test]
    fn syntax_errors_name_the_position() {
        let err = parse("bad.yaml", "a: [1\nb: 2\n").unwrap_err();
        assert_eq!(err.path, "bad.yaml");
        assert_eq!(err.line, 2);
        assert!(err.message.starts_with("not valid YAML or JSON"), "{}", err.message);
    }
}
