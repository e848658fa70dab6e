pub mod status_link;
pub mod status_reason;
pub mod status_verb;
pub mod unknown_status_code;
