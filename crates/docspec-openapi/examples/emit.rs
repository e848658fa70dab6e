//! Prints the OpenAPI YAML of the given pages and folders (folders are searched for `.md`
//! files, sorted); findings go to stderr. `scripts/validate-openapi.sh` uses it.
//!
//! Usage: `cargo run -q -p docspec-openapi --example emit -- [--json] PATH...`

use docspec_model::SourceFile;
use docspec_openapi::{emit, to_json, to_yaml, OpenApiSettings, PageInput};
use std::path::{Path, PathBuf};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return;
            }
        };
        entries.sort();
        for entry in entries {
            collect(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "md") {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
        } else {
            collect(Path::new(&arg), &mut files);
        }
    }
    if files.is_empty() {
        eprintln!("usage: emit [--json] PATH...");
        std::process::exit(2);
    }
    let sources: Vec<SourceFile> = files
        .iter()
        .filter_map(|f| match std::fs::read_to_string(f) {
            Ok(text) => Some(SourceFile::new(f.display().to_string().trim_start_matches("./"), text)),
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                None
            }
        })
        .collect();
    let pages: Vec<_> = sources.iter().map(docspec_parser::parse).collect();
    let inputs: Vec<PageInput<'_>> = sources
        .iter()
        .zip(&pages)
        .map(|(source, page)| PageInput {
            path: source.path(),
            source,
            page,
        })
        .collect();
    let (spec, findings) = emit(&inputs, &OpenApiSettings::default());
    for f in &findings {
        let d = &f.diagnostic;
        eprintln!(
            "{}:{}:{}: {}[{}/{}]: {}",
            f.path, f.line, f.column, d.severity, d.code, d.name, d.message
        );
    }
    print!("{}", if json { to_json(&spec) } else { to_yaml(&spec) });
}
