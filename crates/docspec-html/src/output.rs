//! Writing the site's files. A file that already holds the bytes is left alone, so it
//! keeps its modification time (deploy tools and caches see only what changed), and a
//! changed file is written as a new file in place of the old one rather than truncated
//! and rewritten, which ext4 answers with a synchronous flush of every such file.

use std::fs;
use std::io;
use std::path::Path;

pub fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.is_file() {
            if meta.len() == bytes.len() as u64 && fs::read(path).is_ok_and(|old| old == bytes) {
                return Ok(());
            }
            fs::remove_file(path)?;
        }
    }
    fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn unchanged_files_are_not_written_and_changed_ones_are() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.html");
        write_if_changed(&path, b"<p>one</p>").unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();

        write_if_changed(&path, b"<p>one</p>").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            old,
            "an unchanged file is left alone"
        );

        write_if_changed(&path, b"<p>two</p>").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"<p>two</p>");
        assert_ne!(fs::metadata(&path).unwrap().modified().unwrap(), old);

        write_if_changed(&path, b"<p>three, longer</p>").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"<p>three, longer</p>");
    }
}
