//! The whole GitLab corpus (CC BY-SA test data beside the workspace, never copied into
//! it): every request line under the base path becomes an operation or a reported
//! duplicate. Skipped when the corpus is absent.

mod common;

use common::{markdown_files, Loaded};
use docspec_model::TargetForm;
use docspec_openapi::{to_yaml, DUPLICATE_OPERATION};
use std::collections::BTreeSet;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/gitlab");

/// The verb and path of a request line, worked out apart from the emitter: base path
/// dropped, trailing slash and optional suffix dropped, `:name` as `{}`. `None` for lines
/// the emitter must skip.
fn pair(verb: &str, path: &str, form: TargetForm) -> Option<(String, String)> {
    let relative = match path.strip_prefix("/api/v4") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ if form == TargetForm::Url || path.starts_with("/api/") => return None,
        _ => path,
    };
    // An optional suffix on the last segment (`archive[.format]`) is left out.
    let relative = match relative.rsplit_once('[') {
        Some((before, suffix)) if suffix.ends_with(']') && !suffix.contains('/') && !before.is_empty() => before,
        _ => relative,
    };
    // URL-encoded sample values and non-template characters are findings, not operations.
    if relative.contains('%') || relative.contains(['[', ']', '<', '>', '*', '$']) {
        return None;
    }
    let segments: Vec<String> = relative
        .trim_end_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with(':') && s.len() > 1 {
                "{}".to_string()
            } else {
                s.to_string()
            }
        })
        .collect();
    let joined = segments.join("/");
    Some((
        verb.to_ascii_lowercase(),
        if joined.is_empty() { "/".into() } else { joined },
    ))
}

/// The paths a page's text gives a `<placeholder>`, read from the raw Markdown: fenced
/// blocks holding only a rooted path, under a heading named like it (`## Route prefix`).
fn prefixes_in_text(text: &str, placeholder: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut level = None;
    let mut fence: Option<Vec<String>> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(body) = fence.as_mut() {
            if trimmed.starts_with("```") {
                if let [only] = body.as_slice() {
                    if only.starts_with('/') && !only.contains(' ') {
                        out.push(only.trim_end_matches('/').to_string());
                    }
                }
                fence = None;
            } else {
                body.push(trimmed.to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") {
            if level.is_some() {
                fence = Some(Vec::new());
            }
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if hashes > 0 && line[hashes..].starts_with(' ') {
            let name = line[hashes..].trim().to_ascii_lowercase().replace(' ', "-");
            match level {
                Some(open) if hashes <= open => level = None,
                _ => {}
            }
            if name == placeholder {
                level = Some(hashes);
            }
        }
    }
    out
}

/// The corpus pages, or `None` (said on stdout) when the corpus is absent.
fn corpus() -> Option<Loaded> {
    let root = Path::new(CORPUS);
    if !root.join("doc/api").is_dir() {
        println!("skipped: no corpus at {CORPUS}");
        return None;
    }
    Some(Loaded::read(root, &markdown_files(&root.join("doc/api"))))
}

#[test]
fn every_request_line_becomes_an_operation_or_a_duplicate() {
    let Some(loaded) = corpus() else { return };

    let mut distinct: BTreeSet<(String, String)> = BTreeSet::new();
    let mut per_method = 0;
    for (page, source) in loaded.pages.iter().zip(&loaded.sources) {
        for method in page.methods() {
            let pairs: BTreeSet<(String, String)> = method
                .request_lines()
                .filter(|l| matches!(l.form, TargetForm::Rooted | TargetForm::Unrooted | TargetForm::Url))
                .flat_map(|l| {
                    // `GET <route-prefix>/x`: once per prefix the page gives.
                    let placeholder = l
                        .path
                        .value
                        .trim_start_matches('/')
                        .strip_prefix('<')
                        .and_then(|p| p.split_once('>'));
                    match placeholder {
                        Some((name, rest)) => prefixes_in_text(source.text(), name)
                            .into_iter()
                            .filter_map(|prefix| pair(&l.verb.value, &format!("{prefix}{rest}"), TargetForm::Rooted))
                            .collect::<Vec<_>>(),
                        None => pair(&l.verb.value, &l.path.value, l.form).into_iter().collect(),
                    }
                })
                .collect();
            per_method += pairs.len();
            distinct.extend(pairs);
        }
    }

    let (spec, findings) = loaded.emit();
    let operations = spec.operations().count();
    let duplicates = findings
        .iter()
        .filter(|f| f.diagnostic.code == DUPLICATE_OPERATION.code)
        .count();
    println!(
        "corpus: {} pages, {operations} operations, {duplicates} duplicates, {} findings",
        loaded.pages.len(),
        findings.len()
    );
    assert_eq!(operations, distinct.len(), "one operation per distinct verb and path");
    assert_eq!(
        operations + duplicates,
        per_method,
        "every other line is a reported duplicate"
    );
    assert!(to_yaml(&spec).len() > 1000);
}

/// The corpus's operations, kept as JSON and written path by path, read as the same
/// document in `openapiv3`'s types.
#[test]
fn the_written_document_is_the_typed_one() {
    let Some(loaded) = corpus() else {
        return;
    };
    for (written, typed) in loaded.written_and_typed() {
        assert!(written == typed, "the written spec differs from the typed one");
    }
}

/// The corpus saved with CRLF line endings gives the same spec as with LF.
#[test]
fn crlf_pages_give_the_same_spec() {
    let Some(lf) = corpus() else { return };
    let crlf = lf.with_crlf();
    let (lf_spec, lf_findings) = lf.emit();
    let (crlf_spec, crlf_findings) = crlf.emit();
    assert_eq!(to_yaml(&crlf_spec), to_yaml(&lf_spec));
    let messages = |f: &[docspec_openapi::Finding]| f.iter().map(|f| f.diagnostic.message.clone()).collect::<Vec<_>>();
    assert_eq!(messages(&crlf_findings), messages(&lf_findings));
}

/// Operations kept in a temporary file (every one, or those past 64 KiB) are written as
/// those kept in memory are, byte for byte, and as `emit_document` writes them.
#[test]
fn spilled_operations_write_the_same_document() {
    let Some(loaded) = corpus() else { return };
    let (held, none) = loaded.written_spilling(usize::MAX);
    assert_eq!(none, 0);
    assert!(held[0].len() > 100_000, "the corpus gives a spec of some size");
    let (all, spilled) = loaded.written_spilling(0);
    assert!(spilled > 300, "every operation spilled, not {spilled}");
    assert!(held == all, "every operation spilled");
    let (some, part) = loaded.written_spilling(64 << 10);
    assert!(part > 0 && part < spilled, "operations past 64 KiB spilled, not {part}");
    assert!(held == some, "operations past 64 KiB spilled");
    let [(yaml, _), (json, _)] = loaded.written_and_typed();
    assert!(
        held == [yaml, json],
        "the streaming passes write what emit_document writes"
    );
}
