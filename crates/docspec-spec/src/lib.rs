//! API specs read into a small model of operations: OpenAPI 3.0 and 3.1, and Swagger 2.0
//! as grape-swagger generates it (`basePath`, `in: formData` and `in: body` parameters,
//! `definitions`), in YAML or JSON.
//!
//! [`load`] fails only when the file is not YAML or JSON, or not an OpenAPI or Swagger
//! document; everything else it cannot follow (`$ref`s into other files, cycles, values of
//! the wrong shape) is kept in [`Spec::issues`] with its location, and reading goes on.
//! Every part of the model keeps a [`Location`]: JSON pointer, line and column.

mod cursor;
mod model;
mod read;
mod schema;
mod tree;

pub use cursor::escape as escape_pointer;
pub use model::*;
pub use read::{flatten, METHODS};

use std::fmt;

/// The file is not a spec docspec can read: the run stops (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

impl std::error::Error for SpecError {}

/// A JSON Schema held in memory (as `docspec openapi` builds one) read as a [`Shape`];
/// its locations are empty.
pub fn shape_from_json(schema: &serde_json::Value) -> Shape {
    let root = tree::from_json(schema);
    let mut issues = cursor::Issues::default();
    schema::Schemas::new(&root).shape(&cursor::At::root(&root), &mut issues)
}

/// Reads a spec from its text; `path` is the display path used in messages.
pub fn load(path: &str, text: &str) -> Result<Spec, SpecError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = tree::parse(path, text)?;
    let error = |line: usize, column: usize, message: String| SpecError {
        path: path.to_string(),
        line,
        column,
        message,
    };
    if root.as_map().is_none() {
        return Err(error(
            root.at.line,
            root.at.column,
            "not an OpenAPI or Swagger document: the top level is not a mapping".to_string(),
        ));
    }
    let version = match (root.get("openapi"), root.get("swagger")) {
        (Some(v), _) => {
            let text = v.scalar_text().unwrap_or_default();
            if text.starts_with("3.0") {
                Version::OpenApi30
            } else if text.starts_with("3.1") {
                Version::OpenApi31
            } else {
                return Err(error(
                    v.at.line,
                    v.at.column,
                    format!("OpenAPI version `{text}` is not one docspec reads (3.0 or 3.1)"),
                ));
            }
        }
        (None, Some(v)) => {
            let text = v.scalar_text().unwrap_or_default();
            if text == "2.0" || text == "2" {
                Version::Swagger2
            } else {
                return Err(error(
                    v.at.line,
                    v.at.column,
                    format!("Swagger version `{text}` is not one docspec reads (2.0)"),
                ));
            }
        }
        (None, None) => {
            return Err(error(
                1,
                1,
                "not an OpenAPI or Swagger document: no `openapi` or `swagger` key at the top level".to_string(),
            ))
        }
    };
    let mut reader = read::Reader::new(&root, version);
    let operations = reader.operations();
    let mut tags: Vec<String> = root
        .get("tags")
        .and_then(tree::Node::as_seq)
        .map(|t| {
            t.iter()
                .filter_map(|n| n.get("name").and_then(tree::Node::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    for op in &operations {
        for tag in &op.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
    }
    Ok(Spec {
        path: path.to_string(),
        version,
        title: root
            .get("info")
            .and_then(|i| i.get("title"))
            .and_then(tree::Node::as_str)
            .map(str::to_string),
        base_path: base_path(&root, version),
        tags,
        operations,
        paths_at: match root.as_map().and_then(|m| m.get("paths")) {
            Some((key_at, _)) => Location {
                pointer: "/paths".to_string(),
                line: key_at.line,
                column: key_at.column,
                offset: key_at.offset,
            },
            None => Location {
                pointer: String::new(),
                line: 1,
                column: 1,
                offset: 0,
            },
        },
        issues: reader.issues.list,
    })
}

/// `basePath`, or the path part of the first server URL with its variables' defaults.
fn base_path(root: &tree::Node, version: Version) -> String {
    let raw = if version == Version::Swagger2 {
        root.get("basePath")
            .and_then(tree::Node::as_str)
            .unwrap_or("")
            .to_string()
    } else {
        let Some(server) = root.get("servers").and_then(tree::Node::as_seq).and_then(|s| s.first()) else {
            return String::new();
        };
        let mut url = server.get("url").and_then(tree::Node::as_str).unwrap_or("").to_string();
        if let Some(vars) = server.get("variables").and_then(tree::Node::as_map) {
            for (name, (_, var)) in vars {
                let default = var.get("default").and_then(tree::Node::scalar_text).unwrap_or_default();
                url = url.replace(&format!("{{{name}}}"), &default);
            }
        }
        match url.find("://") {
            Some(i) => {
                let rest = &url[i + 3..];
                rest.find('/').map_or(String::new(), |j| rest[j..].to_string())
            }
            None => url,
        }
    };
    let trimmed = raw.trim_end_matches('/');
    if trimmed.is_empty() || trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

#[cfg(test)]
mod tests;
