//! Prints the operations docspec reads from a spec: `cargo run -p docspec-spec --example spec_operations FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: spec_operations FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    match docspec_spec::load(&path, &text) {
        Ok(spec) => {
            println!(
                "{} {} base {:?}, {} operations",
                spec.path,
                spec.version.label(),
                spec.base_path,
                spec.operations.len()
            );
            for op in &spec.operations {
                let params: Vec<String> = op
                    .parameters
                    .iter()
                    .map(|p| format!("{}:{}", p.name, p.location.as_str()))
                    .collect();
                let statuses: Vec<&str> = op.responses.iter().map(|r| r.status.as_str()).collect();
                println!(
                    "{} [{}] {} -> {}",
                    op.label(),
                    op.tags.join(","),
                    params.join(" "),
                    statuses.join(",")
                );
            }
            for issue in &spec.issues {
                println!(
                    "issue {}:{} {} {}",
                    issue.at.line, issue.at.column, issue.at.pointer, issue.message
                );
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
