pub mod invalid_json_example;
pub mod json_key_undocumented;
pub mod json_type_mismatch;
pub mod response_array_notation;
pub mod response_attribute_missing_from_example;
pub mod response_table_header;
pub mod response_table_order;
mod shape;
pub mod subattribute_notation;
