//! `cargo xtask generate-all [--check]`: writes the generated files, or checks they are current.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn generated(root: &Path) -> Vec<(PathBuf, String)> {
    vec![
        (root.join("docs/rules.md"), docspec_lint::docs::rules_markdown()),
        (root.join("schemas/config.schema.json"), docspec_config::json_schema()),
    ]
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    if args.first().map(String::as_str) != Some("generate-all") {
        eprintln!("usage: cargo xtask generate-all [--check]");
        return ExitCode::from(2);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut stale = false;
    for (path, content) in generated(&root) {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == content {
            continue;
        }
        if check {
            eprintln!("stale: {}", path.display());
            stale = true;
        } else if let Err(e) = std::fs::write(&path, content) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            println!("wrote {}", path.display());
        }
    }
    if stale {
        eprintln!("run `cargo xtask generate-all`");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
