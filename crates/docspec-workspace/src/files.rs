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
/// A target that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
/// written in place: renaming a file over it would replace the device itself.
pub struct AtomicFile {
    path: PathBuf,
    out: Target,
}

enum Target {
    Temporary(std::io::BufWriter<tempfile::NamedTempFile>),
    InPlace(std::io::BufWriter<std::fs::File>),
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile, FileError> {
        let io = |source| FileError::Io {
            path: path.to_path_buf(),
            source,
        };
        let special = path.starts_with("/dev") || path.starts_with("/proc");
        if special || std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new().write(true).open(path).map_err(io)?;
            return Ok(AtomicFile {
                path: path.to_path_buf(),
                out: Target::InPlace(std::io::BufWriter::new(file)),
            });
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            out: Target::Temporary(std::io::BufWriter::new(tmp)),
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
        let tmp = match self.out {
            Target::Temporary(tmp) => tmp.into_inner().map_err(|e| io(e.into_error()))?,
            Target::InPlace(mut file) => {
                use std::io::Write;
                return file.flush().map_err(io);
            }
        };
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
        match &mut self.out {
            Target::Temporary(tmp) => tmp.write(buf),
            Target::InPlace(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.out {
            Target::Temporary(tmp) => tmp.flush(),
            Target::InPlace(file) => file.flush(),
        }
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

/// Gives a file the mode a new file gets (0644 on Unix): temporary files are private.
#[cfg(unix)]
pub fn set_new_file_mode(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

/// Gives a file the mode a new file gets (0644 on Unix): temporary files are private.
#[cfg(not(unix))]
pub fn set_new_file_mode(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::write_atomic;
    use std::os::unix::fs::FileTypeExt;

    /// `-o /dev/null` or a named pipe is written into; a rename would have replaced it
    /// with a regular file (a pipe in a temporary folder here, not the machine's devices).
    #[test]
    fn a_named_pipe_is_written_in_place_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("report.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, b"report").unwrap();
        let meta = std::fs::metadata(&fifo).unwrap();
        assert!(meta.file_type().is_fifo(), "the pipe was replaced by a file");
        assert_eq!(reader.join().unwrap(), "report");
    }

    #[test]
    fn a_regular_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "a much longer old content").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
