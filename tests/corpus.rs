//! docspec on GitLab's real pages (`../shared/corpus/gitlab`, skipped when absent).

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_model::SourceFile;
use docspec_tests::{corpus, docspec};
use serde_json::Value;
use std::path::PathBuf;

fn pages() -> Option<Vec<PathBuf>> {
    let Some(root) = corpus() else {
        eprintln!("skipped: ../shared/corpus/gitlab is not present");
        return None;
    };
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    Some(out)
}

/// Request lines counted without docspec: lines in ```plaintext fences that start with a verb.
fn independent_count(text: &str, strict: bool) -> usize {
    let verbs = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];
    let mut count = 0;
    let mut fence: Option<(String, bool)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let ticks: String = trimmed.chars().take_while(|c| *c == '`' || *c == '~').collect();
        if ticks.len() >= 3 {
            match &fence {
                Some((open, _))
                    if trimmed.trim() == open.as_str()
                        || trimmed.trim().starts_with(open.as_str())
                            && trimmed.trim().chars().all(|c| c == '`' || c == '~') =>
                {
                    fence = None;
                    continue;
                }
                None => {
                    let info = trimmed[ticks.len()..].trim();
                    fence = Some((ticks.clone(), info == "plaintext"));
                    continue;
                }
                _ => {}
            }
        }
        if let Some((_, true)) = fence {
            let mut words = line.split_whitespace();
            let verb = words.next().unwrap_or("");
            let target = words.next().unwrap_or("");
            let counted = if strict {
                verbs[..5].contains(&verb) && target.starts_with('/')
            } else {
                verbs.contains(&verb) && !target.is_empty()
            };
            if counted {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn every_page_parses_and_every_request_line_is_found() {
    let Some(pages) = pages() else { return };
    let (mut strict_total, mut loose_total) = (0, 0);
    for path in &pages {
        let text = std::fs::read_to_string(path).unwrap();
        let source = SourceFile::new(path.display().to_string(), text.clone());
        let page = std::panic::catch_unwind(|| docspec_parser::parse(&source))
            .unwrap_or_else(|_| panic!("parser panicked on {}", path.display()));
        // Methods' request lines and those shown as examples in prose or overviews.
        let lines: Vec<_> = page
            .methods()
            .flat_map(|m| m.request_blocks.iter())
            .chain(page.request_examples.iter())
            .filter(|b| page.code_blocks[b.code_block].lang() == Some("plaintext"))
            .flat_map(|b| b.lines.iter())
            .collect();
        let strict = lines
            .iter()
            .filter(|l| {
                ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&l.verb.value.as_str())
                    && l.target.value.starts_with('/')
            })
            .count();
        assert_eq!(
            strict,
            independent_count(&text, true),
            "strict request lines in {}",
            path.display()
        );
        assert_eq!(
            lines.len(),
            independent_count(&text, false),
            "request lines in {}",
            path.display()
        );
        strict_total += strict;
        loose_total += lines.len();
    }
    eprintln!(
        "{} pages, {strict_total} request lines ({loose_total} counting unrooted, URL and HEAD lines)",
        pages.len()
    );
    assert!(pages.len() >= 85);
    assert_eq!(strict_total, 660, "the corpus MANIFEST counts 660");
    assert_eq!(loose_total, 676, "the corpus MANIFEST counts 676 loose lines");
}

#[test]
fn lint_runs_over_the_whole_corpus() {
    let Some(root) = corpus() else {
        eprintln!("skipped: ../shared/corpus/gitlab is not present");
        return;
    };
    let run = docspec(&["lint", root.to_str().unwrap(), "--format", "json", "--no-config"]);
    assert!(run.code == 0 || run.code == 1, "exit {}: {}", run.code, run.stderr);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "code",
            "name",
            "severity",
            "message",
        ] {
            assert!(f.get(key).is_some(), "missing {key}");
        }
    }
}
