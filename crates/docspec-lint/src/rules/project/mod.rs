pub mod duplicate_operation;
pub mod page_missing_from_index;
pub mod page_path_clash;
