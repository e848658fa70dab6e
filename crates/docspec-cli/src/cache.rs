//! `lint`'s cache on disk, as ruff and rumdl keep theirs: each page's own findings,
//! summary and suppressions, used only when the binary, the page's settings, its path and
//! its text are all the ones they were made from. Any doubt (a missing, foreign or damaged
//! record) means the page is linted, so the cache can make a run faster but never change
//! its report. Cross-page findings are always computed afresh from the summaries.
//!
//! The records are one pack file per version, `<dir>/<version>/lint.pack`: the records,
//! then their index, then a trailer. A run reads the records it needs at their offsets and
//! writes a new pack (a temporary file renamed into place) only when it linted a page
//! afresh. One file, not one per page: creating thousands of small files cost a cold run
//! more than linting them on this project's test machine.

use docspec_diagnostics::Applicability;
use docspec_lint::cache::{self, PageRecord};
use docspec_lint::LintSettings;
use docspec_model::SourceFile;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// Where the cache goes when neither `--cache-dir` nor `DOCSPEC_CACHE_DIR` says.
pub const DEFAULT_DIR: &str = ".docspec_cache";

/// The pack's last bytes: the index's offset and length, then this.
const MAGIC: &[u8; 8] = b"DSCPACK1";
const TRAILER: usize = 8 + 8 + MAGIC.len();

/// The key a page's record is kept under: what the page's own findings depend on.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct PageKey(u128);

/// A record linted in this run, to be written to the next pack.
pub struct NewRecord {
    path: String,
    key: PageKey,
    bytes: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct IndexEntry {
    path: String,
    key: PageKey,
    offset: u64,
    len: u64,
    /// The record's checksum: a record damaged on disk is linted again, not believed.
    check: u64,
}

pub struct LintCache {
    /// The cache folder, and this version's folder inside it.
    root: PathBuf,
    dir: PathBuf,
    /// The running binary: its version, sources, size and modification time.
    binary: u128,
    /// The pack the last run left, and where each page's record is in it.
    old: Option<(File, HashMap<String, IndexEntry>)>,
    /// The pack being written, from the first page linted afresh on (behind a lock only
    /// so that the pages' workers can share the cache while the in-order pass writes).
    new: Mutex<Writer>,
}

/// The next pack: not needed yet, being written, or not writable (then no page retries).
enum Writer {
    NotStarted,
    Writing(PackWriter),
    Failed,
}

struct PackWriter {
    file: BufWriter<tempfile::NamedTempFile>,
    offset: u64,
    index: Vec<IndexEntry>,
}

impl LintCache {
    /// The cache in `dir` (or the environment's, or the default), or `None` when caching
    /// is off (`--no-cache`, `DOCSPEC_NO_CACHE`) or the binary cannot be identified.
    pub fn open(dir: Option<&Path>, disabled: bool) -> Option<LintCache> {
        let env_off = std::env::var("DOCSPEC_NO_CACHE").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"));
        if disabled || env_off || !cfg!(unix) {
            return None;
        }
        let root = match dir {
            Some(dir) => dir.to_path_buf(),
            None => std::env::var_os("DOCSPEC_CACHE_DIR")
                .filter(|v| !v.is_empty())
                .map_or_else(|| PathBuf::from(DEFAULT_DIR), PathBuf::from),
        };
        let dir = root.join(env!("CARGO_PKG_VERSION"));
        let old = read_pack(&dir.join("lint.pack"));
        Some(LintCache {
            root,
            dir,
            binary: binary_identity()?,
            old,
            new: Mutex::new(Writer::NotStarted),
        })
    }

    /// The key of a page: the binary, its settings, its path and its text.
    pub fn key(&self, settings: &LintSettings, path: &str, text: &str) -> PageKey {
        let mut hasher = Xxh3::new();
        hasher.update(&self.binary.to_le_bytes());
        settings.hash_into(&mut hasher);
        hasher.update(&(path.len() as u64).to_le_bytes());
        hasher.update(path.as_bytes());
        hasher.update(text.as_bytes());
        PageKey(hasher.digest128())
    }

    /// The record of the page at `file`, if the last pack holds one under this key.
    pub fn get(&self, file: &Path, key: PageKey) -> Option<PageRecord> {
        let (pack, index) = self.old.as_ref()?;
        let entry = index.get(&index_path(file)?).filter(|e| e.key == key)?;
        let mut bytes = vec![0; usize::try_from(entry.len).ok()?];
        read_at(pack, &mut bytes, entry.offset).ok()?;
        if xxh3_64(&bytes) != entry.check {
            return None;
        }
        cache::decode(&bytes)
    }

    /// Whether the page's fixes at `threshold` would change anything, by its record
    /// (its findings as the fix loop's first pass sees them: suppressions applied);
    /// `None` when no record holds for its text.
    pub fn has_fixes(
        &self,
        file: &Path,
        settings: &LintSettings,
        path: &str,
        text: &str,
        threshold: Applicability,
    ) -> Option<bool> {
        let record = self.get(file, self.key(settings, path, text))?;
        if !record.fits(text) {
            return None;
        }
        let source = SourceFile::new(path, text.to_string());
        let findings = docspec_lint::finish_suppressed(&source, record.suppressions, settings, record.diagnostics);
        Some(
            findings
                .iter()
                .any(|d| d.fix.as_ref().is_some_and(|f| f.applicability() >= threshold)),
        )
    }

    /// The record of the page at `file` as it will be written; `None` for a path that
    /// has no absolute form.
    pub fn record(file: &Path, key: PageKey, record: &PageRecord) -> Option<NewRecord> {
        Some(NewRecord {
            path: index_path(file)?,
            key,
            bytes: cache::encode(record),
        })
    }

    /// Adds a record linted in this run to the next pack. A cache that cannot be written
    /// is not an error: the report does not depend on it.
    pub fn put(&self, record: NewRecord) {
        let mut new = self.new.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(*new, Writer::NotStarted) {
            *new = self.start_pack().map_or(Writer::Failed, Writer::Writing);
        }
        let Writer::Writing(pack) = &mut *new else { return };
        if pack.file.write_all(&record.bytes).is_err() {
            *new = Writer::Failed;
            return;
        }
        pack.index.push(IndexEntry {
            path: record.path,
            key: record.key,
            offset: pack.offset,
            len: record.bytes.len() as u64,
            check: xxh3_64(&record.bytes),
        });
        pack.offset += record.bytes.len() as u64;
    }

    /// Writes the next pack, when this run linted any page afresh: its new records, and
    /// the last pack's records of the pages it did not replace (pages of other runs too,
    /// so linting one folder does not empty the cache of the others), except pages that
    /// are gone.
    pub fn finish(self) {
        let new = self.new.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Writer::Writing(mut pack) = new else { return };
        if let Some((file, index)) = &self.old {
            let replaced: std::collections::HashSet<&str> = pack.index.iter().map(|e| e.path.as_str()).collect();
            let mut kept: Vec<&IndexEntry> = index
                .values()
                .filter(|e| !replaced.contains(e.path.as_str()) && Path::new(&e.path).exists())
                .collect();
            kept.sort_by_key(|e| e.offset);
            let mut carried = Vec::new();
            for entry in kept {
                let Ok(len) = usize::try_from(entry.len) else { continue };
                let mut bytes = vec![0; len];
                if read_at(file, &mut bytes, entry.offset).is_err() || pack.file.write_all(&bytes).is_err() {
                    return;
                }
                carried.push(IndexEntry {
                    path: entry.path.clone(),
                    key: entry.key,
                    offset: pack.offset,
                    len: entry.len,
                    check: entry.check,
                });
                pack.offset += entry.len;
            }
            pack.index.extend(carried);
        }
        let _ = write_index(pack, &self.dir.join("lint.pack"));
    }

    fn start_pack(&self) -> Option<PackWriter> {
        // The markers go only into a cache folder docspec makes: `--cache-dir` may name
        // a folder of the user's, which a `*` .gitignore would hide from git.
        if std::fs::create_dir(&self.root).is_ok() {
            mark_root(&self.root);
        }
        std::fs::create_dir_all(&self.dir).ok()?;
        remove_leftovers(&self.dir);
        let tmp = tempfile::Builder::new()
            .prefix(".lint.pack")
            .tempfile_in(&self.dir)
            .ok()?;
        Some(PackWriter {
            file: BufWriter::with_capacity(1 << 16, tmp),
            offset: 0,
            index: Vec::new(),
        })
    }
}

/// The index's name for the page at `file`: its absolute path, so that runs from other
/// folders sharing one cache (`DOCSPEC_CACHE_DIR`) do not take each other's pages for
/// their own or for deleted ones.
fn index_path(file: &Path) -> Option<String> {
    std::path::absolute(file)
        .ok()
        .and_then(|p| p.to_str().map(str::to_string))
}

/// Temporary packs a killed run left behind (an hour old: a run in progress is younger).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let hour = std::time::Duration::from_secs(3600);
    for entry in entries.flatten() {
        let stale = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if stale && entry.file_name().to_string_lossy().starts_with(".lint.pack") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Ends the pack with its index and trailer and renames it into place, unsynced: a pack
/// lost in a crash is only pages linted again.
fn write_index(mut pack: PackWriter, path: &Path) -> Option<()> {
    let index = postcard::to_stdvec(&pack.index).ok()?;
    pack.file.write_all(&index).ok()?;
    pack.file.write_all(&pack.offset.to_le_bytes()).ok()?;
    pack.file.write_all(&(index.len() as u64).to_le_bytes()).ok()?;
    pack.file.write_all(MAGIC).ok()?;
    let tmp = pack.file.into_inner().ok()?;
    // Readable by all, as a new file would be: a cache restored in CI under another
    // user must still be usable (the temporary file is private).
    docspec_workspace::set_new_file_mode(tmp.path()).ok()?;
    tmp.persist(path).ok()?;
    Some(())
}

/// The pack at `path` and its index, or `None` when there is none or it is not whole.
fn read_pack(path: &Path) -> Option<(File, HashMap<String, IndexEntry>)> {
    // Not a named pipe or a device, which would block or never end.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let trailer_at = size.checked_sub(TRAILER as u64)?;
    let mut trailer = [0u8; TRAILER];
    read_at(&file, &mut trailer, trailer_at).ok()?;
    if &trailer[16..] != MAGIC {
        return None;
    }
    let index_at = u64::from_le_bytes(trailer[..8].try_into().ok()?);
    let index_len = u64::from_le_bytes(trailer[8..16].try_into().ok()?);
    if index_at.checked_add(index_len)? != trailer_at {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(index_len).ok()?];
    read_at(&file, &mut bytes, index_at).ok()?;
    let entries: Vec<IndexEntry> = postcard::from_bytes(&bytes).ok()?;
    if entries
        .iter()
        .any(|e| e.offset.checked_add(e.len).is_none_or(|end| end > index_at))
    {
        return None;
    }
    Some((file, entries.into_iter().map(|e| (e.path.clone(), e)).collect()))
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::Error::other("the lint cache needs positioned reads"))
}

/// Tells git and backup tools to leave the cache folder alone. `create_new` refuses an
/// existing name, a symbolic link included: nothing of the user's is overwritten.
fn mark_root(root: &Path) {
    let create = |name: &str, text: &[u8]| {
        let made = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(root.join(name));
        if let Ok(mut file) = made {
            let _ = file.write_all(text);
        }
    };
    create(".gitignore", b"# Made by docspec: the lint cache.\n*\n");
    create(
        "CACHEDIR.TAG",
        b"Signature: 8a477f597d28d172789f06886806bc55\n# docspec's lint cache (https://bford.info/cachedir/)\n",
    );
}

/// The running binary: its version, the hash of the sources it was built from (see
/// `build.rs`), and its size and modification time. A rebuilt binary starts with an
/// empty cache even when its version number has not changed.
fn binary_identity() -> Option<u128> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(env!("DOCSPEC_BUILD_ID").as_bytes());
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    Some(hasher.digest128())
}
