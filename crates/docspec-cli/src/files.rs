//! Which files a run reads, and atomic writes: shared with the language server through
//! `docspec-workspace`. No silent green: a run that would check nothing is an error.

pub use docspec_workspace::{discover, load, write_atomic, Found, Loaded};

use crate::CliError;
use std::path::PathBuf;

const ALLOW_EMPTY: &str = "check the path, or pass `--allow-empty` to accept a run without pages";

/// Each path must be a file or hold Markdown, unless `allow_empty`: a CI job pointed at the
/// wrong folder fails instead of passing forever.
pub fn require_markdown(paths: &[PathBuf], allow_empty: bool) -> Result<(), CliError> {
    if allow_empty {
        return Ok(());
    }
    for path in paths {
        if !path.exists() {
            return Err(CliError::NotFound(path.clone()));
        }
        if !docspec_workspace::has_markdown(path) {
            return Err(CliError::Usage(format!(
                "{}: no Markdown (`.md`) files here; {ALLOW_EMPTY}",
                path.display()
            )));
        }
    }
    Ok(())
}

/// After `exclude:` is applied, something must be left, unless `allow_empty`.
pub fn require_pages(count: usize, allow_empty: bool) -> Result<(), CliError> {
    if count == 0 && !allow_empty {
        return Err(CliError::Usage(format!(
            "no pages to check: the configuration's `exclude:` skips every Markdown file; {ALLOW_EMPTY}"
        )));
    }
    Ok(())
}
