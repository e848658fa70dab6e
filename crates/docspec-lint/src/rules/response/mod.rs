pub mod invalid_json_example;
pub mod response_table_header;
pub mod response_table_order;
pub mod subattribute_notation;
