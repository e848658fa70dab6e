//! Pages on disk, and fixing a page until its fixes settle: what the `docspec` command
//! and the language server both need, so neither copies the other.

mod error;
pub mod files;
mod fix;

pub use error::FileError;
pub use files::{
    discover, has_markdown, load, set_new_file_mode, write_atomic, AtomicFile, Found, Loaded, MAX_FILE_SIZE,
};
pub use fix::{fix_text, MAX_PASSES};
