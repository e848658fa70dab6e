//! Kept operations' JSON beyond a budget, written to an unnamed temporary file until its
//! path is written. A docs tree ten times GitLab's keeps tens of megabytes of operations
//! before the first path can be written (the shared schemas are named over all of them);
//! in the file, the kernel's page cache holds them and can drop them to disk, where the
//! heap would have to keep them all.
//!
//! The first [`DEFAULT_BUDGET`] bytes stay in memory, so a tree of GitLab's size, a test
//! or an editor never touches the disk. The file goes in the folder the caller names (the
//! CLI names the output's, which is on a disk; `/tmp` is memory itself where it is a
//! tmpfs), else in the system's temporary folder. If no file can be made or written,
//! everything stays in memory as before: spilling saves memory, it never fails a run.

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Bytes of kept JSON held in memory before the rest goes to the file.
pub const DEFAULT_BUDGET: usize = 4 << 20;

/// Where a pass's kept operations go: shared by the workers that build them.
pub struct Spill {
    budget: usize,
    dir: Option<PathBuf>,
    state: Mutex<State>,
    file: OnceLock<Option<Arc<std::fs::File>>>,
}

#[derive(Default)]
struct State {
    held: usize,
    /// The file's length: where the next spilled operation goes.
    end: u64,
    /// A write failed: hold the rest rather than risk the file.
    failed: bool,
}

/// One operation's JSON, in memory or at a range of the file.
pub enum Stored {
    Held(Box<[u8]>),
    Spilled {
        file: Arc<std::fs::File>,
        at: u64,
        len: usize,
    },
}

impl Default for Spill {
    fn default() -> Self {
        Self {
            budget: DEFAULT_BUDGET,
            dir: None,
            state: Mutex::new(State::default()),
            file: OnceLock::new(),
        }
    }
}

impl Spill {
    /// At most `budget` bytes are held in memory.
    pub fn beyond(mut self, budget: usize) -> Self {
        self.budget = budget;
        self
    }

    /// The file goes in `dir` if one can be made there.
    pub fn in_dir(mut self, dir: PathBuf) -> Self {
        self.dir = Some(dir);
        self
    }

    /// Keeps `bytes`: in memory while the budget lasts, then in the file.
    pub fn store(&self, bytes: Vec<u8>) -> Stored {
        let Some(at) = self.reserve(bytes.len()) else {
            return Stored::Held(bytes.into_boxed_slice());
        };
        let Some(file) = self.file() else {
            self.give_up();
            return Stored::Held(bytes.into_boxed_slice());
        };
        // Each operation has its own range, so workers write without holding the lock.
        match write_all_at(&file, &bytes, at) {
            Ok(()) => Stored::Spilled {
                file,
                at,
                len: bytes.len(),
            },
            Err(_) => {
                self.give_up();
                Stored::Held(bytes.into_boxed_slice())
            }
        }
    }

    /// The file offset for `len` spilled bytes, or `None` to hold them in memory.
    fn reserve(&self, len: usize) -> Option<u64> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.failed || !cfg!(unix) || state.held.saturating_add(len) <= self.budget {
            state.held += len;
            return None;
        }
        let at = state.end;
        state.end += len as u64;
        Some(at)
    }

    fn give_up(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).failed = true;
    }

    fn file(&self) -> Option<Arc<std::fs::File>> {
        self.file
            .get_or_init(|| {
                let in_dir = self.dir.as_ref().and_then(|dir| tempfile::tempfile_in(dir).ok());
                in_dir.or_else(|| tempfile::tempfile().ok()).map(Arc::new)
            })
            .clone()
    }
}

impl Stored {
    /// The JSON, read back from the file if it was spilled.
    pub fn bytes(&self) -> io::Result<std::borrow::Cow<'_, [u8]>> {
        match self {
            Stored::Held(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Stored::Spilled { file, at, len } => {
                let mut bytes = vec![0; *len];
                read_exact_at(file, &mut bytes, *at)?;
                Ok(std::borrow::Cow::Owned(bytes))
            }
        }
    }
}

#[cfg(unix)]
fn write_all_at(file: &std::fs::File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_exact_at(file: &std::fs::File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

// Elsewhere nothing is spilled (`reserve` holds everything), so these are never called.
#[cfg(not(unix))]
fn write_all_at(_: &std::fs::File, _: &[u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(not(unix))]
fn read_exact_at(_: &std::fs::File, _: &mut [u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn bytes_past_the_budget_go_to_the_file_and_read_back_whole() {
        let spill = Spill::default().beyond(10);
        let texts: Vec<Vec<u8>> = (0..50u8).map(|i| vec![b'a' + i % 26; 1 + i as usize * 7]).collect();
        let stored: Vec<Stored> = texts.iter().map(|t| spill.store(t.clone())).collect();
        assert!(matches!(stored[0], Stored::Held(_)), "the first byte fits the budget");
        assert!(
            stored[2..].iter().all(|s| matches!(s, Stored::Spilled { .. })),
            "everything past the budget is in the file"
        );
        for (text, stored) in texts.iter().zip(&stored) {
            assert_eq!(&*stored.bytes().unwrap(), text.as_slice());
        }
    }

    #[test]
    fn the_file_goes_in_the_folder_named_or_else_the_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Spill::default().beyond(0).in_dir(dir.path().to_path_buf());
        let stored = spill.store(b"{}".to_vec());
        assert_eq!(&*stored.bytes().unwrap(), b"{}");
        // Unnamed: nothing is left in the folder, even while the file is open.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        #[cfg(target_os = "linux")]
        if let Stored::Spilled { file, .. } = &stored {
            use std::os::fd::AsRawFd;
            let made_at = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())).unwrap();
            let folder = dir.path().canonicalize().unwrap();
            assert!(
                made_at.starts_with(&folder),
                "{} is not in {}",
                made_at.display(),
                folder.display()
            );
        }
        let missing = Spill::default().beyond(0).in_dir(dir.path().join("missing"));
        let stored = missing.store(b"[]".to_vec());
        assert!(matches!(stored, Stored::Spilled { .. }), "made in the temporary folder");
        assert_eq!(&*stored.bytes().unwrap(), b"[]");
    }

    #[test]
    fn workers_storing_at_once_each_get_their_own_range() {
        let spill = Spill::default().beyond(0);
        let stored: Vec<(Vec<u8>, Stored)> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..4u8)
                .map(|w| {
                    let spill = &spill;
                    s.spawn(move || {
                        (0..200u16)
                            .map(|i| {
                                let text = format!("{w}:{i}:{}", "x".repeat(usize::from(i % 37))).into_bytes();
                                (text.clone(), spill.store(text))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
        });
        for (text, stored) in &stored {
            assert!(matches!(stored, Stored::Spilled { .. }));
            assert_eq!(&*stored.bytes().unwrap(), text.as_slice());
        }
    }
}
