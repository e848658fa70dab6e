//! The benchmark floor: find the same files as `docspec lint`, read each and run
//! pulldown-cmark over it (same options), spread over the cores as docspec spreads its
//! pages, doing nothing else with the events.
//!
//! Usage: floor PATH...

use rayon::prelude::*;

fn main() {
    let mut files = Vec::new();
    for root in std::env::args().skip(1) {
        for entry in walkdir::WalkDir::new(root).sort_by_file_name().into_iter().flatten() {
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
                files.push(entry.into_path());
            }
        }
    }
    files.sort();
    let events: usize = files
        .par_iter()
        .map(|file| {
            let Ok(text) = std::fs::read_to_string(file) else {
                return 0;
            };
            pulldown_cmark::Parser::new_ext(&text, docspec_parser::markdown_options())
                .into_offset_iter()
                .count()
        })
        .sum();
    println!("{} files, {events} events", files.len());
}
