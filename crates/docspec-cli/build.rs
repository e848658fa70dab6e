//! `DOCSPEC_BUILD_ID`: a hash of the workspace's sources, its lock file and the compiler,
//! which the lint cache keys its records with. A binary built from other sources never
//! reads the records of this one, even with the same version, size and modification time.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    // In the workspace, every crate's sources; published alone, this crate's.
    let workspace = manifest.join("../..");
    let crates = workspace.join("crates");
    let roots: Vec<PathBuf> = if crates.is_dir() {
        vec![crates, workspace.join("Cargo.lock"), workspace.join("Cargo.toml")]
    } else {
        vec![manifest.clone()]
    };
    let mut files = Vec::new();
    for root in &roots {
        println!("cargo:rerun-if-changed={}", root.display());
        collect(root, &mut files);
    }
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in &files {
        file.strip_prefix(&workspace).unwrap_or(file).hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    for var in ["RUSTC", "TARGET", "PROFILE", "OPT_LEVEL", "CARGO_ENCODED_RUSTFLAGS"] {
        std::env::var(var).unwrap_or_default().hash(&mut hasher);
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if let Ok(out) = std::process::Command::new(rustc).arg("-vV").output() {
        out.stdout.hash(&mut hasher);
    }
    println!("cargo:rustc-env=DOCSPEC_BUILD_ID={:016x}", hasher.finish());
}

/// Every file under `path` (or `path` itself), skipping build output and snapshots.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "snapshots" {
            continue;
        }
        collect(&entry.path(), files);
    }
}
