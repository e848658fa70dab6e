//! The baseline file: findings recorded once, keyed by their fingerprint, one JSON object
//! per line, sorted, so that it diffs well under review.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"path": "doc/api/issues.md", "code": "AT004", "message": "...", "fingerprint": "3f2a..."}
//!   ]
//! }
//! ```
//!
//! `path` is relative to the baseline's folder, so the same file works from any working
//! directory; the fingerprint is the GitLab report's, computed on that path. `message` is
//! for readers, with a line number it cites written `#` (as it is hashed).

use crate::CliError;
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub code: String,
    pub message: String,
    pub fingerprint: String,
}

#[derive(Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Reads a baseline; a missing or malformed file is an error naming it.
pub fn read(path: &Path) -> Result<Vec<Entry>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        CliError::Usage(format!(
            "{}:{}:{}: not a docspec baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    if file.version != VERSION {
        return Err(CliError::Usage(format!(
            "{}: baseline version {} is not supported (expected {VERSION}); write it again with `--write-baseline`",
            path.display(),
            file.version
        )));
    }
    Ok(file.findings)
}

/// The file's text: entries sorted, one per line.
pub fn render(mut entries: Vec<Entry>) -> Result<String, CliError> {
    entries.sort();
    entries.dedup();
    let mut text = format!("{{\n  \"version\": {VERSION},\n  \"findings\": [");
    for (i, entry) in entries.iter().enumerate() {
        let line = serde_json::to_string(entry).map_err(std::io::Error::from)?;
        text.push_str(if i == 0 { "\n    " } else { ",\n    " });
        text.push_str(&line);
    }
    text.push_str(if entries.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendering_sorts_and_reads_back() {
        let e = |path: &str, fp: &str| Entry {
            path: path.into(),
            code: "AT004".into(),
            message: "Required is `yes`".into(),
            fingerprint: fp.into(),
        };
        let text = render(vec![e("b.md", "2"), e("a.md", "1")]).expect("renders");
        assert!(text.find("a.md").expect("a") < text.find("b.md").expect("b"));
        assert_eq!(text.lines().filter(|l| l.contains("fingerprint")).count(), 2, "{text}");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, &text).expect("write");
        assert_eq!(read(&path).expect("reads"), vec![e("a.md", "1"), e("b.md", "2")]);
        std::fs::write(&path, render(Vec::new()).expect("renders")).expect("write");
        assert!(read(&path).expect("reads").is_empty());
    }
}
