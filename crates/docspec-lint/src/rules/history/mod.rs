pub mod deprecated_attribute_history;
pub mod deprecation_wording;
pub mod feature_flag_name;
pub mod flag_note_text;
pub(crate) mod flags;
pub mod history_entry_incomplete;
pub mod history_entry_link;
pub mod history_format;
pub mod history_order;
pub mod missing_flag_note;
pub mod outdated_history;
/// History and deprecation reading, shared with `docspec drift`.
pub mod shared;
pub mod stale_flag_note;
