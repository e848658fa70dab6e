//! Every rule, one file each, grouped by category. Register a rule with one line below.

pub mod attributes;
pub mod availability;
pub mod docspec;
mod helpers;
pub mod history;
pub mod project;
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
    availability::inline_availability::InlineAvailability,
    availability::availability_details::AvailabilityDetails,
    availability::legacy_tier_badge::LegacyTierBadge,
    history::history_format::HistoryFormat,
    history::history_entry_incomplete::HistoryEntryIncomplete,
    history::feature_flag_name::FeatureFlagName,
    history::deprecated_attribute_history::DeprecatedAttributeHistory,
    history::deprecation_wording::DeprecationWording,
    history::history_order::HistoryOrder,
    project::duplicate_operation::DuplicateOperation,
    project::page_missing_from_index::PageMissingFromIndex,
}
