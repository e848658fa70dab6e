//! Every rule, one file each, grouped by category. Register a rule with one line below.

pub mod attributes;
pub mod docspec;
mod helpers;
pub mod page;
pub mod request;
pub mod response;
pub mod structure;

crate::register_rules! {
    docspec::parse_error::ParseError,
    docspec::unused_suppression::UnusedSuppression,
    docspec::unreadable_file::UnreadableFile,
    docspec::empty_page::EmptyPage,
    page::missing_front_matter_title::MissingFrontMatterTitle,
    page::code_block_language::CodeBlockLanguage,
    page::indented_code_block::IndentedCodeBlock,
    page::non_standard_space::NonStandardSpace,
    page::heading_increment::HeadingIncrement,
    page::heading_style::HeadingStyle,
    page::table_delimiter_row::TableDelimiterRow,
    page::table_cell_padding::TableCellPadding,
    page::table_column_count::TableColumnCount,
    page::shortcode_spacing::ShortcodeSpacing,
    page::alert_format::AlertFormat,
    page::internal_link_extension::InternalLinkExtension,
    page::absolute_docs_link::AbsoluteDocsLink,
    page::page_file_name::PageFileName,
    page::heading_link::HeadingLink,
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
