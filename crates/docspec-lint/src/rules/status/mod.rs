pub mod status_link;
pub mod status_reason;
pub mod status_verb;
pub mod success_sentence_form;
pub mod success_sentence_wording;
pub mod unknown_status_code;
