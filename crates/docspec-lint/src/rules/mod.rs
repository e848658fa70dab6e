//! Every rule, one file each, grouped by category. Register a rule with one line below.

pub mod attributes;
pub mod docspec;
mod helpers;
pub mod request;
pub mod response;
pub mod structure;

crate::register_rules! {
    docspec::parse_error::ParseError,
    docspec::unused_suppression::UnusedSuppression,
    docspec::unreadable_file::UnreadableFile,
    docspec::empty_page::EmptyPage,
    structure::missing_request_block::MissingRequestBlock,
    structure::missing_request_table::MissingRequestTable,
    structure::missing_success_sentence::MissingSuccessSentence,
    structure::missing_curl_example::MissingCurlExample,
    structure::missing_response_example::MissingResponseExample,
    structure::missing_response_table::MissingResponseTable,
    request::invalid_request_line::InvalidRequestLine,
    request::request_path_outside_base::RequestPathOutsideBase,
    attributes::request_table_header::RequestTableHeader,
    response::response_table_header::ResponseTableHeader,
    response::invalid_json_example::InvalidJsonExample,
}
