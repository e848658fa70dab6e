//! What `docspec openapi` could not carry into the spec. The emitter reports these
//! with the codes declared here; the CLI hands them to `finish_external`.

pub mod concrete_request_line;
pub mod duplicate_operation_dropped;
pub mod duplicate_path_parameter;
pub mod duplicate_tag;
pub mod example_schema_mismatch;
pub mod identical_path_template;
pub mod outside_base_path;
pub mod unmapped_type;
pub mod unparseable_json_example;
pub mod unparseable_request_line;
pub mod unsupported_example;
