//! `lint`'s cache: a run that reads records reports byte for byte what a run that lints
//! every page does, and a record is used only for the text and settings it was made from.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::{docspec, root, Run};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Copies the Markdown files of `from` (recursively) under `to`.
fn copy_pages(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if entry.path().extension().is_some_and(|e| e == "md") {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A folder of pages with findings of every kind: cross-page ones (`project`), inline
/// suppressions, fixes and secondary labels (`rules`).
fn pages() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    copy_pages(&root().join("doc-fixtures/project"), &docs.join("project"));
    copy_pages(&root().join("doc-fixtures/rules"), &docs.join("rules"));
    let cache = dir.path().join("cache");
    (dir, docs, cache)
}

fn lint(paths: &[&Path], cache: Option<&Path>, extra: &[&str]) -> Run {
    let mut args: Vec<String> = vec!["lint".into(), "--no-config".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    match cache {
        Some(dir) => args.extend(["--cache-dir".to_string(), dir.display().to_string()]),
        None => args.push("--no-cache".into()),
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    docspec(&args)
}

fn pack(cache: &Path) -> PathBuf {
    cache.join(env!("CARGO_PKG_VERSION")).join("lint.pack")
}

/// The pack file's inode: a new pack is a new file renamed into place.
fn pack_inode(cache: &Path) -> u64 {
    std::fs::metadata(pack(cache)).unwrap().ino()
}

fn assert_same(a: &Run, b: &Run, what: &str) {
    assert_eq!(a.code, b.code, "{what}: exit code");
    assert_eq!(a.stdout, b.stdout, "{what}: report");
    assert_eq!(a.stderr, b.stderr, "{what}: standard error");
}

#[test]
fn a_warm_run_reports_what_a_run_without_the_cache_does() {
    let (_dir, docs, cache) = pages();
    for format in ["json", "concise", "human", "sarif", "github"] {
        let extra = ["--format", format, "--color", "never", "--statistics"];
        let fresh = lint(&[&docs], None, &extra);
        assert!(
            fresh.stdout.contains("PG") || fresh.stdout.contains("ST"),
            "{format}: no findings to compare"
        );
        let cold = lint(&[&docs], Some(&cache), &extra);
        let warm = lint(&[&docs], Some(&cache), &extra);
        assert_same(&fresh, &cold, format);
        assert_same(&fresh, &warm, format);
    }
    assert!(pack(&cache).is_file());
    assert!(
        cache.join(".gitignore").is_file(),
        "the cache folder tells git to ignore it"
    );
}

#[test]
fn a_run_that_lints_nothing_afresh_leaves_the_pack_alone() {
    let (_dir, docs, cache) = pages();
    lint(&[&docs], Some(&cache), &[]);
    let first = pack_inode(&cache);
    lint(&[&docs], Some(&cache), &[]);
    assert_eq!(pack_inode(&cache), first, "an all-hit run rewrote the pack");
}

#[test]
fn an_edited_page_is_linted_again() {
    let (_dir, docs, cache) = pages();
    let before = lint(&[&docs], Some(&cache), &["--format", "json"]);
    let page = docs.join("project/widgets.md");
    let text = std::fs::read_to_string(&page).unwrap();
    // A second copy of the page's first method: new findings, same length class.
    let edited = format!("{text}\n## List widgets again\n\n```plaintext\nGET /widgets\n```\n");
    std::fs::write(&page, edited).unwrap();
    let fresh = lint(&[&docs], None, &["--format", "json"]);
    let cached = lint(&[&docs], Some(&cache), &["--format", "json"]);
    assert_ne!(
        before.stdout, fresh.stdout,
        "the edit changed no finding; the test shows nothing"
    );
    assert_same(&fresh, &cached, "after the edit");
}

#[test]
fn the_settings_are_part_of_a_records_key() {
    let (_dir, docs, cache) = pages();
    let all = lint(&[&docs], Some(&cache), &["--format", "json"]);
    let fresh = lint(&[&docs], None, &["--format", "json", "--select", "ST"]);
    let cached = lint(&[&docs], Some(&cache), &["--format", "json", "--select", "ST"]);
    assert_ne!(all.stdout, fresh.stdout);
    assert_same(&fresh, &cached, "--select ST after a run with every rule");
    let again = lint(&[&docs], Some(&cache), &["--format", "json"]);
    assert_same(&all, &again, "every rule again");
}

#[test]
fn a_damaged_pack_is_not_believed() {
    let (_dir, docs, cache) = pages();
    let fresh = lint(&[&docs], None, &["--format", "json"]);
    lint(&[&docs], Some(&cache), &["--format", "json"]);
    let mut bytes = std::fs::read(pack(&cache)).unwrap();
    // A damaged message (one letter's case flipped inside a record), then a cut-off pack.
    let at = bytes
        .windows(6)
        .position(|w| w == b"method")
        .expect("a message in the pack");
    bytes[at] ^= 0x20;
    std::fs::write(pack(&cache), &bytes).unwrap();
    assert_same(
        &fresh,
        &lint(&[&docs], Some(&cache), &["--format", "json"]),
        "a flipped byte",
    );
    std::fs::write(pack(&cache), &bytes[..bytes.len() / 2]).unwrap();
    assert_same(
        &fresh,
        &lint(&[&docs], Some(&cache), &["--format", "json"]),
        "a cut-off pack",
    );
    std::fs::write(pack(&cache), b"not a pack").unwrap();
    assert_same(
        &fresh,
        &lint(&[&docs], Some(&cache), &["--format", "json"]),
        "a foreign file",
    );
}

#[test]
fn no_cache_neither_reads_nor_writes_one() {
    let (_dir, docs, cache) = pages();
    let run = docspec(&[
        "lint",
        "--no-config",
        "--no-cache",
        docs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(run.stdout.starts_with('['), "{}", run.stderr);
    assert!(!cache.exists());
    let conflicting = docspec(&[
        "lint",
        "--no-cache",
        "--cache-dir",
        cache.to_str().unwrap(),
        docs.to_str().unwrap(),
    ]);
    assert_eq!(conflicting.code, 2, "--no-cache with --cache-dir is a usage error");
}

#[test]
fn linting_one_folder_keeps_the_records_of_the_others() {
    let (_dir, docs, cache) = pages();
    let project = docs.join("project");
    let rules = docs.join("rules");
    lint(&[&project, &rules], Some(&cache), &[]);
    // Only `project` is linted, with one of its pages changed: a new pack is written.
    let page = project.join("gadgets.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nOne more line.\n")).unwrap();
    lint(&[&project], Some(&cache), &[]);
    let after_project = pack_inode(&cache);
    // `rules` alone finds every record it needs in that pack, so none is written.
    let fresh = lint(&[&rules], None, &["--format", "json"]);
    let cached = lint(&[&rules], Some(&cache), &["--format", "json"]);
    assert_same(&fresh, &cached, "rules/ after a run of project/ alone");
    assert_eq!(pack_inode(&cache), after_project, "rules/ records were lost");
}

#[test]
fn on_the_corpus_a_warm_run_reports_what_a_run_without_the_cache_does() {
    let Some(corpus) = docspec_tests::corpus() else {
        eprintln!("skipped: ../shared/corpus is not beside the repository");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let pages = corpus.join("doc/api");
    let fresh = lint(&[&pages], None, &["--format", "json"]);
    assert!(fresh.stdout.len() > 100_000, "the corpus gave almost no findings");
    lint(&[&pages], Some(&cache), &["--format", "json"]);
    let warm = lint(&[&pages], Some(&cache), &["--format", "json"]);
    assert_same(&fresh, &warm, "the corpus");
}

/// Every Markdown file under `dir`, with its text, sorted by path.
fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (path, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fix_and_diff_skip_only_the_pages_whose_records_hold_no_fix() {
    let (_dir, docs, cache) = pages();
    let (_copy, plain, _) = pages();
    // A warm cache, with one page edited after it was filled (a fixable finding added),
    // so that a record's absence and a record without fixes both occur.
    lint(&[&docs], Some(&cache), &[]);
    for root in [&docs, &plain] {
        let page = root.join("project/widgets.md");
        let text = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, text.replacen("curl ", "curl  --request GET ", 1)).unwrap();
    }
    let diff_fresh = lint(&[&plain], None, &["--diff"]);
    let diff_cached = lint(&[&docs], Some(&cache), &["--diff"]);
    let strip = |run: &Run, root: &Path| run.stdout.replace(&root.display().to_string(), "ROOT");
    assert!(
        diff_fresh.stdout.contains("@@"),
        "nothing to fix: the test shows nothing"
    );
    assert_eq!(strip(&diff_fresh, &plain), strip(&diff_cached, &docs), "--diff");
    assert_eq!(diff_fresh.code, diff_cached.code);
    let fix_fresh = lint(&[&plain], None, &["--fix", "--format", "concise"]);
    let fix_cached = lint(&[&docs], Some(&cache), &["--fix", "--format", "concise"]);
    assert_eq!(strip(&fix_fresh, &plain), strip(&fix_cached, &docs), "--fix report");
    assert_eq!(texts(&plain), texts(&docs), "the fixed pages");
}

#[test]
fn the_cache_never_writes_through_a_name_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    copy_pages(&root().join("doc-fixtures/project"), &docs);
    // A cache folder that a clone brought along, its markers links to the user's files.
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "mine").unwrap();
    let cache = dir.path().join("cache");
    std::fs::create_dir(&cache).unwrap();
    std::os::unix::fs::symlink(&precious, cache.join("CACHEDIR.TAG")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("made.txt"), cache.join(".gitignore")).unwrap();
    lint(&[&docs], Some(&cache), &[]);
    assert!(pack(&cache).is_file(), "the run kept no cache");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "mine");
    assert!(
        !dir.path().join("made.txt").exists(),
        "a dangling link's target was created"
    );
    // A folder of the user's named as the cache gets no markers (a `*` .gitignore there
    // would hide the user's files from git).
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    lint(&[&docs], Some(&mine), &[]);
    assert!(pack(&mine).is_file());
    assert!(!mine.join(".gitignore").exists() && !mine.join("CACHEDIR.TAG").exists());
}

#[test]
fn a_pack_that_is_not_a_regular_file_is_not_read() {
    let (_dir, docs, cache) = pages();
    std::fs::create_dir_all(pack(&cache).parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo").arg(pack(&cache)).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Opening a pipe for reading would wait for a writer forever.
    let fresh = lint(&[&docs], None, &["--format", "json"]);
    assert_same(
        &fresh,
        &lint(&[&docs], Some(&cache), &["--format", "json"]),
        "a pipe as the pack",
    );
}

#[test]
fn each_folders_configuration_and_each_pages_encoding_keep_their_own_records() {
    let (_dir, docs, cache) = pages();
    // A configuration in one folder only, then changed between runs.
    let config = docs.join("rules/.docspec.yml");
    std::fs::write(&config, "rules:\n  ST003: off\n").unwrap();
    // A page with a byte order mark and CRLF line endings beside its plain twin.
    let page = std::fs::read_to_string(docs.join("project/widgets.md")).unwrap();
    std::fs::write(
        docs.join("project/widgets_crlf.md"),
        format!("\u{feff}{}", page.replace('\n', "\r\n")),
    )
    .unwrap();
    let run = |cache: Option<&Path>| {
        let mut args = vec![
            "lint".to_string(),
            docs.display().to_string(),
            "--format".into(),
            "json".into(),
        ];
        match cache {
            Some(dir) => args.extend(["--cache-dir".to_string(), dir.display().to_string()]),
            None => args.push("--no-cache".into()),
        }
        docspec(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let before = run(None);
    assert_same(&before, &run(Some(&cache)), "first cached run");
    assert_same(&before, &run(Some(&cache)), "warm run");
    std::fs::write(&config, "rules:\n  ST003: error\n  PG: off\n").unwrap();
    let after = run(None);
    assert_ne!(before.stdout, after.stdout, "the configuration change changed nothing");
    assert_same(&after, &run(Some(&cache)), "after the configuration changed");
    let fixed_fresh = lint(&[&docs.join("project")], None, &["--diff", "--unsafe-fixes"]);
    let fixed_cached = lint(&[&docs.join("project")], Some(&cache), &["--diff", "--unsafe-fixes"]);
    assert_same(&fixed_fresh, &fixed_cached, "--diff --unsafe-fixes with a CRLF page");
}
