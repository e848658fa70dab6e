pub mod deprecated_attribute_history;
pub mod deprecation_wording;
pub mod feature_flag_name;
pub mod history_entry_incomplete;
pub mod history_format;
pub mod history_order;
/// History and deprecation reading, shared with `docspec drift`.
pub mod shared;
