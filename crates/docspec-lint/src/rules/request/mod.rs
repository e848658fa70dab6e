pub mod invalid_request_line;
pub mod request_path_outside_base;
pub mod request_path_placeholder;
