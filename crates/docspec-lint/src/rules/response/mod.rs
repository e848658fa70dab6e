pub mod invalid_json_example;
pub mod response_table_header;
