//! One page as an editor lints it on each change: parse, every rule, suppressions,
//! repeated in one process, with the CPU time each lint takes (after start-up).
//!
//! Usage: single_page PAGE [TIMES]

use docspec_lint::LintSettings;
use docspec_model::SourceFile;

/// This thread's CPU time (user + system) in milliseconds, from `/proc` (Linux).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: single_page PAGE [TIMES]");
        std::process::exit(2);
    };
    let times: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(100);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("single_page: cannot read {path}");
        std::process::exit(2);
    };
    let source = SourceFile::new(path.clone(), text);
    let settings = LintSettings::default();
    let mut findings = 0;
    // Warm-up: the first lint fills caches a long-running server keeps.
    findings += docspec_lint::lint_page(&source, &docspec_parser::parse(&source), &settings).len();
    let start = cpu_ms();
    let wall = std::time::Instant::now();
    for _ in 0..times {
        let page = docspec_parser::parse(&source);
        findings += docspec_lint::lint_page(&source, &page, &settings).len();
    }
    let wall_ms = wall.elapsed().as_secs_f64() * 1000.0 / times as f64;
    let cpu = match (start, cpu_ms()) {
        (Some(a), Some(b)) => format!("{:.2} ms CPU", (b - a) / times as f64),
        _ => "CPU time unknown".to_string(),
    };
    println!(
        "single page {path} ({} bytes): {cpu} and {wall_ms:.2} ms wall per lint, {} findings, over {times} lints",
        source.text().len(),
        findings / (times + 1)
    );
}
