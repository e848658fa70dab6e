//! Deterministic text: the document's own field order, a trailing newline.

use openapiv3::OpenAPI;

/// YAML through [`crate::yaml`], which quotes what YAML 1.1 readers would misread.
pub fn to_yaml(spec: &OpenAPI) -> String {
    // Serializing plain data with string keys cannot fail; an empty document would show it did.
    let value = serde_json::to_value(spec).unwrap_or_default();
    crate::yaml::write(&value)
}

pub fn to_json(spec: &OpenAPI) -> String {
    let mut text = serde_json::to_string_pretty(spec).unwrap_or_default();
    text.push('\n');
    text
}
