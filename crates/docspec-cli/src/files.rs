//! Which files a run reads: `.md` files under the given paths, sorted, hidden folders
//! and `node_modules` skipped, each read as UTF-8 within a size limit.

use crate::CliError;
use std::path::{Path, PathBuf};

/// Files larger than this are reported, not parsed.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Markdown files under `paths`, sorted and without duplicates.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(CliError::NotFound(path.clone()));
        }
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name().to_string_lossy().as_ref()));
        for entry in walker {
            let entry = entry.map_err(|e| CliError::Io {
                path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("walk failed")),
            })?;
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "md") {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn skipped(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules"
}

/// A file's text, or why it could not be read as a page.
pub enum Loaded {
    /// The text, without a leading byte-order mark (`bom` says whether there was one).
    Text {
        text: String,
        bom: bool,
    },
    Unreadable {
        message: String,
        help: String,
    },
}

pub fn load(path: &Path) -> Result<Loaded, CliError> {
    let io = |source| CliError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_SIZE {
        return Ok(Loaded::Unreadable {
            message: format!("file is {size} bytes, over the {MAX_FILE_SIZE}-byte limit"),
            help: "split the page, or exclude generated files in `.docspec.yml`".to_string(),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => Loaded::Text {
                text: rest.to_string(),
                bom: true,
            },
            None => Loaded::Text { text, bom: false },
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Ok(Loaded::Unreadable {
                message: format!("file is not valid UTF-8 (invalid byte at offset {at})"),
                help: "save the file as UTF-8".to_string(),
            })
        }
    }
}
