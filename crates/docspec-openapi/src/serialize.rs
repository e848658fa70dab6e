//! Deterministic text: the document's own field order, a trailing newline.

use openapiv3::OpenAPI;
use serde_json::Value;

/// YAML through [`crate::yaml`], which quotes what YAML 1.1 readers would misread.
pub fn to_yaml(spec: &OpenAPI) -> String {
    into_yaml(spec.clone())
}

/// [`to_yaml`] for a spec that is not needed afterwards: each path is made into a value
/// when it is written and dropped then, so the spec is never held twice.
pub fn into_yaml(mut spec: OpenAPI) -> String {
    let paths = std::mem::take(&mut spec.paths.paths);
    // Serializing plain data with string keys cannot fail; an empty document would show it did.
    let rest = serde_json::to_value(&spec).unwrap_or_default();
    drop(spec);
    let Value::Object(document) = rest else {
        return crate::yaml::write(&rest);
    };
    let has_paths = !paths.is_empty();
    let mut text = Vec::new();
    // Writing into memory cannot fail, and the writer writes only UTF-8.
    let _ = crate::yaml::write_with(&mut text, &document, "paths", has_paths, |write| {
        for (path, item) in paths {
            let item = serde_json::to_value(item).unwrap_or_default();
            write(&path, &crate::node::Node::of(&item))?;
        }
        Ok(())
    });
    String::from_utf8(text).unwrap_or_default()
}

pub fn to_json(spec: &OpenAPI) -> String {
    let mut text = serde_json::to_string_pretty(spec).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapiv3::{Operation, PathItem, ReferenceOr};

    /// The whole document as one value, as the writer read it before paths were streamed.
    fn written_whole(spec: &OpenAPI) -> String {
        crate::yaml::write(&serde_json::to_value(spec).unwrap())
    }

    #[test]
    fn streamed_paths_read_as_the_whole_document() {
        let mut spec = OpenAPI {
            openapi: "3.0.3".into(),
            ..OpenAPI::default()
        };
        assert_eq!(into_yaml(spec.clone()), written_whole(&spec), "no paths");
        spec.paths
            .extensions
            .insert("x-note".into(), "kept after the paths".into());
        assert_eq!(into_yaml(spec.clone()), written_whole(&spec), "only extensions");
        for path in ["/b", "/a/{id}", "/yes"] {
            let get = Operation {
                summary: Some(format!("Get {path}")),
                ..Operation::default()
            };
            let item = PathItem {
                get: Some(get),
                ..PathItem::default()
            };
            spec.paths.paths.insert(path.into(), ReferenceOr::Item(item));
        }
        spec.paths
            .paths
            .insert("/ref".into(), ReferenceOr::ref_("#/components/pathItems/x"));
        assert_eq!(into_yaml(spec.clone()), written_whole(&spec), "paths and extensions");
        spec.paths.extensions.clear();
        assert_eq!(to_yaml(&spec), written_whole(&spec), "paths");
    }
}
