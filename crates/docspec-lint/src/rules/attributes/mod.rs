pub mod request_table_header;
