//! `--changed-since REF`: the lines of each file that differ from a git revision, read
//! from `git diff` and `git ls-files --others` (untracked files count whole). The diff is
//! of the working tree (staged and unstaged edits count) against the point where HEAD
//! left REF (`git merge-base`), so a branch is not charged with what REF did since.

use crate::CliError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What changed in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A file git does not track yet: every line is new.
    Whole,
    /// Added or modified lines, one-based and inclusive.
    Lines(Vec<(usize, usize)>),
}

/// Changed lines per file, keyed by canonical path.
#[derive(Debug, Default)]
pub struct ChangedLines {
    files: HashMap<PathBuf, Change>,
}

impl ChangedLines {
    /// Whether any line of `first..=last` of `file` changed.
    pub fn touches(&self, file: &Path, first: usize, last: usize) -> bool {
        let key = file.canonicalize().unwrap_or_else(|_| file.to_path_buf());
        match self.files.get(&key) {
            None => false,
            Some(Change::Whole) => true,
            Some(Change::Lines(ranges)) => ranges.iter().any(|&(a, b)| a <= last && first <= b),
        }
    }

    /// Reads the changes since `reference` in the repository that holds `near`.
    pub fn since(reference: &str, near: &Path) -> Result<ChangedLines, CliError> {
        let dir = if near.is_dir() {
            near.to_path_buf()
        } else {
            near.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let top = git(&dir, &["rev-parse", "--show-toplevel"])
            .map_err(|e| CliError::Usage(format!("--changed-since needs a git repository: {e}")))?;
        let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
        let revision = format!("{reference}^{{commit}}");
        git(&top, &["rev-parse", "--verify", "--quiet", &revision])
            .map_err(|_| CliError::Usage(format!("--changed-since: unknown git revision `{reference}`")))?;
        let base = git(&top, &["merge-base", reference, "HEAD"])
            .map(|b| b.trim().to_string())
            .unwrap_or_else(|_| reference.to_string());
        let diff = git(
            &top,
            &[
                "-c",
                "core.quotepath=off",
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--find-renames",
                "--unified=0",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                &base,
                "--",
            ],
        )
        .map_err(|e| CliError::Usage(format!("--changed-since: {e}")))?;
        let mut files = HashMap::new();
        for (path, ranges) in parse_diff(&diff) {
            files.insert(canonical(&top, &path), Change::Lines(ranges));
        }
        let untracked = git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])
            .map_err(|e| CliError::Usage(format!("--changed-since: {e}")))?;
        for path in untracked.split('\0').filter(|p| !p.is_empty()) {
            files.insert(canonical(&top, path), Change::Whole);
        }
        Ok(ChangedLines { files })
    }
}

fn canonical(top: &Path, relative: &str) -> PathBuf {
    let path = top.join(relative);
    path.canonicalize().unwrap_or(path)
}

/// Runs git in `dir`; its standard output, or its error message.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(stderr.lines().next().unwrap_or("git failed").to_string());
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a path that is not UTF-8".to_string())
}

/// The new-side line ranges of each file of a `--unified=0` diff.
fn parse_diff(diff: &str) -> Vec<(String, Vec<(usize, usize)>)> {
    let mut out: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    // File headers sit between `diff --git` and the first hunk; elsewhere `+++ x` is an
    // added line that reads `++ x`.
    let mut in_header = false;
    for line in diff.lines() {
        if line.starts_with("diff --git ") {
            in_header = true;
        } else if let Some(target) = line.strip_prefix("+++ ").filter(|_| in_header) {
            let target = unquote(target);
            // A deleted file has no new side.
            if let Some(path) = target.strip_prefix("b/") {
                out.push((path.to_string(), Vec::new()));
            }
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            in_header = false;
            let Some((start, count)) = new_side(hunk) else { continue };
            if let (Some(last), true) = (out.last_mut(), count > 0) {
                last.1.push((start, start + count - 1));
            }
        }
    }
    out
}

/// `-a,b +c,d @@ ...` gives `(c, d)`; `d` defaults to 1.
fn new_side(hunk: &str) -> Option<(usize, usize)> {
    let plus = hunk.split(' ').find_map(|w| w.strip_prefix('+'))?;
    let mut parts = plus.split(',');
    let start = parts.next()?.parse().ok()?;
    let count = match parts.next() {
        Some(c) => c.parse().ok()?,
        None => 1,
    };
    Some((start, count))
}

/// Git's C-style quoting of unusual paths (`"b/caf\303\251.md"`).
fn unquote(text: &str) -> String {
    let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
        return text.to_string();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = chars.peek() {
                        value = value * 8 + u32::from(n - b'0');
                        chars.next();
                    }
                }
                bytes.push(u8::try_from(value).unwrap_or(b'?'));
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_ranges_and_quoted_paths_are_read() {
        let diff = "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+++ d\n@@ -20,2 +21,0 @@\n-e\n-f\n\
                    diff --git \"a/caf\\303\\251.md\" \"b/caf\\303\\251.md\"\n--- \"a/caf\\303\\251.md\"\n+++ \"b/caf\\303\\251.md\"\n@@ -1 +1 @@\n-x\n+y\n\
                    diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n";
        let parsed = parse_diff(diff);
        assert_eq!(
            parsed,
            vec![
                ("x.md".to_string(), vec![(3, 3), (11, 12)]),
                ("café.md".to_string(), vec![(1, 1)]),
            ]
        );
    }
}
