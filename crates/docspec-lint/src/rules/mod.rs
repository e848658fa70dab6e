//! Every rule, one file each, grouped by category. Register a rule with one line below.

pub mod attributes;
pub mod availability;
pub mod curl;
pub mod docspec;
mod helpers;
pub mod request;
pub mod response;
pub mod status;
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
    attributes::attribute_name_backticks::AttributeNameBackticks,
    attributes::attribute_order::AttributeOrder,
    attributes::required_value::RequiredValue,
    attributes::conditional_attribute_explained::ConditionalAttributeExplained,
    attributes::unknown_type::UnknownType,
    attributes::duplicate_attribute::DuplicateAttribute,
    attributes::path_parameter_undocumented::PathParameterUndocumented,
    attributes::empty_description::EmptyDescription,
    attributes::request_table_lead_in::RequestTableLeadIn,
    response::response_table_header::ResponseTableHeader,
    response::invalid_json_example::InvalidJsonExample,
    response::response_table_order::ResponseTableOrder,
    response::subattribute_notation::SubattributeNotation,
    response::json_key_undocumented::JsonKeyUndocumented,
    response::response_attribute_missing_from_example::ResponseAttributeMissingFromExample,
    response::json_type_mismatch::JsonTypeMismatch,
    status::unknown_status_code::UnknownStatusCode,
    status::status_reason::StatusReason,
    status::status_link::StatusLink,
    status::status_verb::StatusVerb,
    availability::inline_availability::InlineAvailability,
    availability::availability_details::AvailabilityDetails,
    availability::legacy_tier_badge::LegacyTierBadge,
    curl::curl_short_option::CurlShortOption,
    curl::curl_url_quoting::CurlUrlQuoting,
    curl::curl_url_option::CurlUrlOption,
    curl::curl_example_host::CurlExampleHost,
    curl::curl_token_placeholder::CurlTokenPlaceholder,
    curl::curl_real_token::CurlRealToken,
    curl::curl_credentials::CurlCredentials,
    curl::curl_request_first::CurlRequestFirst,
    curl::curl_method_mismatch::CurlMethodMismatch,
    curl::curl_path_mismatch::CurlPathMismatch,
    curl::curl_unknown_attribute::CurlUnknownAttribute,
    curl::curl_invalid_json_data::CurlInvalidJsonData,
    curl::curl_line_continuation::CurlLineContinuation,
    curl::curl_long_line::CurlLongLine,
}
