//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) once failed on, minimized and kept
//! under `doc-fixtures/fuzz/<target>/`, run through the very checks of the targets
//! (`fuzz/src/lib.rs`, included here) on stable, in `cargo test --workspace`.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::path::Path;

/// Runs `check` on every input kept for `target`; returns how many there were.
fn replay(target: &str, check: fn(&str)) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../doc-fixtures/fuzz")
        .join(target);
    if !dir.is_dir() {
        return 0;
    }
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    inputs.sort();
    inputs.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    for path in &inputs {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!("{}", path.display());
        check(&text);
    }
    inputs.len()
}

#[test]
fn pipeline_inputs() {
    replay("pipeline", harness::pipeline);
}

#[test]
fn report_inputs() {
    replay("report", harness::report);
}

#[test]
fn curl_inputs() {
    replay("curl", harness::curl);
}

#[test]
fn json_inputs() {
    replay("json", harness::json);
}

/// The harness itself on a page written to the template: no finding of its own.
#[test]
fn pipeline_harness_accepts_the_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../doc-fixtures/example");
    for entry in markdown_files(&dir) {
        let text = std::fs::read_to_string(&entry).unwrap_or_else(|e| panic!("{}: {e}", entry.display()));
        harness::pipeline(&text);
        harness::report(&text);
        harness::curl(&text);
        harness::json(&text);
    }
}

/// The `.md` files under `dir`, sorted (walkdir, as the parser's tests walk folders).
fn markdown_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{e}")).into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect()
}
