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
    /// This version's folder inside the cache folder.
    dir: PathBuf,
    /// The running binary: its version, size and modification time.
    binary: u128,
    /// The pack the last run left, and where each page's record is in it.
    old: Option<(File, HashMap<String, IndexEntry>)>,
    /// The pack being written, from the first page linted afresh on (behind a lock only
    /// so that the pages' workers can share the cache while the in-order pass writes).
    new: Mutex<Option<PackWriter>>,
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
        let env_off = std::env::var_os("DOCSPEC_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0");
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
            dir,
            binary: binary_identity()?,
            old,
            new: Mutex::new(None),
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

    /// The page's record, if the last pack holds one under this key.
    pub fn get(&self, path: &str, key: PageKey) -> Option<PageRecord> {
        let (file, index) = self.old.as_ref()?;
        let entry = index.get(path).filter(|e| e.key == key)?;
        let mut bytes = vec![0; usize::try_from(entry.len).ok()?];
        read_at(file, &mut bytes, entry.offset).ok()?;
        if xxh3_64(&bytes) != entry.check {
            return None;
        }
        cache::decode(&bytes)
    }

    /// Whether the page's fixes at `threshold` would change anything, by its record
    /// (its findings as the fix loop's first pass sees them: suppressions applied);
    /// `None` when no record holds for its text.
    pub fn has_fixes(&self, settings: &LintSettings, path: &str, text: &str, threshold: Applicability) -> Option<bool> {
        let record = self.get(path, self.key(settings, path, text))?;
        let source = SourceFile::new(path, text.to_string());
        let findings = docspec_lint::finish_suppressed(&source, record.suppressions, settings, record.diagnostics);
        Some(
            findings
                .iter()
                .any(|d| d.fix.as_ref().is_some_and(|f| f.applicability() >= threshold)),
        )
    }

    /// A page's record as it will be written.
    pub fn record(path: &str, key: PageKey, record: &PageRecord) -> NewRecord {
        NewRecord {
            path: path.to_string(),
            key,
            bytes: cache::encode(record),
        }
    }

    /// Adds a record linted in this run to the next pack. A cache that cannot be written
    /// is not an error: the report does not depend on it.
    pub fn put(&self, record: NewRecord) {
        let mut new = self.new.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if new.is_none() {
            *new = self.start_pack();
        }
        let Some(pack) = new.as_mut() else { return };
        if pack.file.write_all(&record.bytes).is_err() {
            *new = None;
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
        let Some(mut pack) = new else { return };
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
        std::fs::create_dir_all(&self.dir).ok()?;
        mark_root(self.dir.parent().unwrap_or(&self.dir));
        let tmp = tempfile::NamedTempFile::new_in(&self.dir).ok()?;
        Some(PackWriter {
            file: BufWriter::with_capacity(1 << 16, tmp),
            offset: 0,
            index: Vec::new(),
        })
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
    tmp.persist(path).ok()?;
    Some(())
}

/// The pack at `path` and its index, or `None` when there is none or it is not whole.
fn read_pack(path: &Path) -> Option<(File, HashMap<String, IndexEntry>)> {
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

/// Tells git and backup tools to leave the cache folder alone, once.
fn mark_root(root: &Path) {
    let ignore = root.join(".gitignore");
    if !ignore.exists() {
        let _ = std::fs::write(&ignore, b"# Made by docspec: the lint cache.\n*\n");
        let _ = std::fs::write(
            root.join("CACHEDIR.TAG"),
            b"Signature: 8a477f597d28d172789f06886806bc55\n# docspec's lint cache (https://bford.info/cachedir/)\n",
        );
    }
}

/// The running binary's version, size and modification time: a rebuilt binary starts
/// with an empty cache even when its version number has not changed.
fn binary_identity() -> Option<u128> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    Some(hasher.digest128())
}
