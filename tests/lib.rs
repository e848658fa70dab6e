//! Shared helpers for the end-to-end suites: run the CLI in-process and capture it.

use clap::Parser;
use std::path::{Path, PathBuf};

/// What one `docspec` run printed and how it ended.
pub struct Run {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `docspec ARGS...` in this process (the working directory is this package).
/// `lint` runs without the cache unless the arguments name one (`--cache-dir`), so that a
/// test does not take a path that earlier runs' records decide.
pub fn docspec(args: &[&str]) -> Run {
    let mut full = vec!["docspec"];
    full.extend_from_slice(args);
    let names_cache = args.iter().any(|a| *a == "--cache-dir" || *a == "--no-cache");
    if args.first() == Some(&"lint") && !names_cache {
        full.push("--no-cache");
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = match docspec_cli::Args::try_parse_from(&full) {
        Ok(parsed) => docspec_cli::run(parsed, &mut out, &mut err).code(),
        Err(e) => {
            err.extend_from_slice(e.to_string().as_bytes());
            2
        }
    };
    Run {
        code,
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
    }
}

/// The workspace root, from this package's folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The GitLab corpus beside the repository, if present.
pub fn corpus() -> Option<PathBuf> {
    let path = root().join("../shared/corpus/gitlab");
    path.is_dir().then_some(path)
}
