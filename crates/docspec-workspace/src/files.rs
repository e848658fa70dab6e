//! Which files a run reads: `.md` files under the given paths, sorted, hidden folders
//! and `node_modules` skipped, each read as UTF-8 within a size limit.

use crate::FileError;
use std::path::{Path, PathBuf};

/// Files larger than this are reported, not parsed.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// A Markdown file to read, and its path relative to the argument it was found under
/// (the file name when the argument was the file itself), with `/` separators.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: PathBuf,
    pub relative: String,
}

/// Markdown files under `paths`, sorted and without duplicates.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Found>, FileError> {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(FileError::NotFound(path.clone()));
        }
        if path.is_file() {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            files.push(Found {
                path: path.clone(),
                relative: name,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name().to_string_lossy().as_ref()));
        for entry in walker {
            let entry = entry.map_err(|e| FileError::Io {
                path: e.path().map_or_else(|| path.clone(), Path::to_path_buf),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("walk failed")),
            })?;
            if entry.file_type().is_file() && is_markdown(entry.path()) {
                let relative = entry
                    .path()
                    .strip_prefix(path)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(Found {
                    path: entry.into_path(),
                    relative,
                });
            }
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.path == b.path);
    Ok(files)
}

/// Whether `discover` finds anything under `path`: a file named on its own always counts;
/// a folder counts once the walk meets its first `.md` file.
pub fn has_markdown(path: &Path) -> bool {
    if path.is_file() {
        return true;
    }
    walkdir::WalkDir::new(path)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name().to_string_lossy().as_ref()))
        .filter_map(Result::ok)
        .any(|e| e.file_type().is_file() && is_markdown(e.path()))
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md")
}

/// Writes `content` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees half a file and a failed write leaves the old one intact.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<(), FileError> {
    use std::io::Write;
    let mut file = AtomicFile::create(path)?;
    file.write_all(content).map_err(|e| file.error(e))?;
    file.commit()
}

/// A file written through a temporary file in the same folder: [`AtomicFile::commit`]
/// renames it into place; dropped without a commit, it leaves the old file as it was.
/// For reports written as they are made, too large to hold in memory first.
pub struct AtomicFile {
    path: PathBuf,
    tmp: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile, FileError> {
        let io = |source| FileError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp: std::io::BufWriter::new(tmp),
        })
    }

    /// An I/O error while writing, named by the file it was meant for.
    pub fn error(&self, source: std::io::Error) -> FileError {
        FileError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> Result<(), FileError> {
        let path = self.path;
        let io = |source| FileError::Io {
            path: path.clone(),
            source,
        };
        let tmp = self.tmp.into_inner().map_err(|e| io(e.into_error()))?;
        tmp.as_file().sync_all().map_err(io)?;
        match std::fs::metadata(&path) {
            // Keep the permissions of the file being replaced.
            Ok(meta) => std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io)?,
            // A new file gets the usual mode, not the temporary file's private 0600.
            Err(_) => set_new_file_mode(tmp.path()).map_err(io)?,
        }
        tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

impl std::io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
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

pub fn load(path: &Path) -> Result<Loaded, FileError> {
    let io = |source| FileError::Io {
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

#[cfg(unix)]
fn set_new_file_mode(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_new_file_mode(_path: &Path) -> std::io::Result<()> {
    Ok(())
}
