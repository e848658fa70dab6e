//! The benchmark floor: read the same files as `docspec lint` and run pulldown-cmark
//! over them (same options, same parallelism), doing nothing else with the events.
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
    let texts: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    let events: usize = texts
        .par_iter()
        .map(|text| {
            pulldown_cmark::Parser::new_ext(text, docspec_parser::markdown_options())
                .into_offset_iter()
                .count()
        })
        .sum();
    println!("{} files, {events} events", texts.len());
}
