//! The list of files a render wrote, kept in the output folder, so that the next
//! render removes what it wrote before and is not written again, and nothing else:
//! a file the user put there is never listed, so never removed.

use crate::RenderError;
use std::fs;
use std::path::{Path, PathBuf};

pub const FILE: &str = ".docspec-manifest";
const HEADER: &str = "# docspec: files written by the last render; the next one removes those it does not write";

#[derive(Debug, Default)]
pub struct Manifest {
    files: Vec<String>,
}

impl Manifest {
    /// The manifest in `dir`, or an empty one when there is none (or not one of ours).
    pub fn read(dir: &Path) -> Result<Manifest, RenderError> {
        let path = dir.join(FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Manifest::default()),
            Err(e) => return Err(RenderError::io("read", path, e)),
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Ok(Manifest::default());
        }
        let files = lines.filter(|l| is_safe(l)).map(str::to_string).collect();
        Ok(Manifest { files })
    }

    pub fn write(dir: &Path, files: &[String]) -> Result<(), RenderError> {
        let mut sorted: Vec<&str> = files.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut text = String::from(HEADER);
        for f in sorted {
            text.push('\n');
            text.push_str(f);
        }
        text.push('\n');
        let path = dir.join(FILE);
        crate::output::write_if_changed(&path, text.as_bytes()).map_err(|e| RenderError::io("write", path, e))
    }

    /// Removes the listed files not in `written`, and the folders that leaves empty.
    pub fn remove_stale(&self, dir: &Path, written: &[String]) -> Result<Vec<PathBuf>, RenderError> {
        let keep: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
        let mut removed = Vec::new();
        for file in self.files.iter().filter(|f| !keep.contains(f.as_str())) {
            let path = dir.join(file);
            match fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_file() => {}
                _ => continue,
            }
            fs::remove_file(&path).map_err(|e| RenderError::io("remove", &path, e))?;
            let mut parent = path.parent();
            while let Some(folder) = parent.filter(|p| *p != dir && p.starts_with(dir)) {
                if fs::remove_dir(folder).is_err() {
                    break; // not empty: something else lives there
                }
                parent = folder.parent();
            }
            removed.push(path);
        }
        Ok(removed)
    }
}

/// A relative path inside the folder: no `..`, not absolute.
fn is_safe(line: &str) -> bool {
    !line.is_empty()
        && !line.starts_with('/')
        && !line.contains('\\')
        && !line.contains(':')
        && line.split('/').all(|p| !p.is_empty() && p != "." && p != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_its_own_stale_files() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path();
        fs::create_dir_all(d.join("old")).unwrap_or_default();
        for f in ["old/gone.html", "kept.html", "mine.txt"] {
            fs::write(d.join(f), "x").unwrap_or_default();
        }
        Manifest::write(
            d,
            &["old/gone.html".into(), "kept.html".into(), "../escape.html".into()],
        )
        .unwrap_or_default();
        let m = Manifest::read(d).unwrap_or_default();
        assert_eq!(m.files, ["kept.html", "old/gone.html"], "unsafe lines are dropped");
        let removed = m.remove_stale(d, &["kept.html".into()]).unwrap_or_default();
        assert_eq!(removed, [d.join("old/gone.html")]);
        assert!(!d.join("old").exists(), "the emptied folder goes too");
        assert!(d.join("kept.html").exists() && d.join("mine.txt").exists());
    }

    #[test]
    fn a_foreign_file_of_that_name_is_ignored() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        fs::write(dir.path().join(FILE), "index.html\n").unwrap_or_default();
        fs::write(dir.path().join("index.html"), "mine").unwrap_or_default();
        let m = Manifest::read(dir.path()).unwrap_or_default();
        assert!(m.remove_stale(dir.path(), &[]).unwrap_or_default().is_empty());
        assert!(dir.path().join("index.html").exists());
    }
}
