pub mod empty_page;
pub mod parse_error;
pub mod unreadable_file;
pub mod unused_suppression;
