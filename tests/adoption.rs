//! `--write-baseline`, `--baseline` and `--changed-since` on a git repository the test
//! builds in a temporary folder: after an edit that adds one defect and fixes another,
//! both report exactly the new one.
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const PAGE: &str = "../doc-fixtures/report/widgets.md";
const OTHER: &str = "../doc-fixtures/structure/defects.md";
/// Its AT011 messages cite a line by number.
const CITING: &str = "../doc-fixtures/rules/AT011.md";

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=docspec",
            "-c",
            "user.email=docspec@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn has_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A repository with two pages committed.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::copy(PAGE, docs.join("widgets.md")).unwrap();
    std::fs::copy(OTHER, docs.join("defects.md")).unwrap();
    std::fs::copy(CITING, docs.join("conditional.md")).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "pages"]);
    dir
}

/// Fixes the `yes` of the `name` row (an old AT004 gone) and adds a row below it whose
/// Required cell is `true` (a new AT004); the lines below move down one.
fn edit(docs: &Path) {
    let path = docs.join("widgets.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let name_row = text.lines().find(|l| l.starts_with("| `name`")).unwrap();
    let edited = text.replace(
        name_row,
        &format!(
            "{}\n| `size`    | integer | true    | Size of the widget. |",
            name_row.replace("| yes ", "| Yes ")
        ),
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    // A comment above moves the lines the AT011 messages cite.
    let path = docs.join("conditional.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("---\n\n## ", "---\n\n<!-- Reviewed. -->\n\n## ", 1);
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
}

fn findings(stdout: &str) -> Vec<(String, String, u64)> {
    let value: Value = serde_json::from_str(stdout).unwrap();
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn baseline_and_changed_since_report_exactly_the_new_finding() {
    if !has_git() {
        eprintln!("git is not installed; skipping the baseline test");
        return;
    }
    let repo = repository();
    let docs = repo.path().join("docs");
    let baseline = repo.path().join("docspec-baseline.json");
    let (d, b) = (docs.to_str().unwrap(), baseline.to_str().unwrap());

    let before = docspec(&["lint", d, "--format", "json"]);
    let recorded = findings(&before.stdout).len();
    assert!(recorded > 10, "{}", before.stdout);
    let write = docspec(&["lint", d, "--write-baseline", b]);
    assert_eq!(write.code, 0, "recording never fails the run: {}", write.stderr);
    assert!(write.stdout.is_empty(), "no report: {}", write.stdout);
    assert!(
        write
            .stderr
            .contains(&format!("Wrote {recorded} findings to the baseline")),
        "{}",
        write.stderr
    );
    // Sorted, one finding per line, paths relative to the baseline's folder.
    let text = std::fs::read_to_string(&baseline).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("\"fingerprint\"")).collect();
    assert_eq!(lines.len(), recorded);
    assert!(lines.iter().all(|l| l.contains("\"path\":\"docs/")), "{text}");
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    let clean = docspec(&["lint", d, "--baseline", b]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert!(
        clean.stdout.contains("All checks passed (3 files)."),
        "{}",
        clean.stdout
    );

    edit(&docs);
    let expected = vec![(
        "AT004".to_string(),
        "Required is `true`, expected `Yes`".to_string(),
        14,
    )];
    let new = docspec(&["lint", d, "--baseline", b, "--format", "json"]);
    assert_eq!(
        findings(&new.stdout),
        expected,
        "only the new defect, though lines moved"
    );
    assert!(
        new.stderr
            .contains(&format!("{} findings in the baseline", recorded - 1)),
        "{}",
        new.stderr
    );
    assert!(
        new.stderr.contains("1 finding of the baseline no longer occur"),
        "{}",
        new.stderr
    );

    let changed = docspec(&["lint", d, "--changed-since", "HEAD", "--format", "json"]);
    assert_eq!(changed.code, 0, "{}", changed.stderr);
    assert_eq!(findings(&changed.stdout), expected, "only findings on changed lines");

    // Against a branch that moved on since: only what this branch changed. `other`
    // rewrites a line with a finding in defects.md; here that line is as it was.
    git(repo.path(), &["stash", "-q"]);
    git(repo.path(), &["checkout", "-q", "-b", "other"]);
    let defects = docs.join("defects.md");
    let text = std::fs::read_to_string(&defects).unwrap();
    std::fs::write(
        &defects,
        text.replace("get /widgets/:id/lowercase", "GET /widgets/:id/lowercase"),
    )
    .unwrap();
    git(repo.path(), &["commit", "-q", "-am", "other"]);
    git(repo.path(), &["checkout", "-q", "-"]);
    git(repo.path(), &["stash", "pop", "-q"]);
    let branch = docspec(&["lint", d, "--changed-since", "other", "--format", "json"]);
    assert_eq!(
        findings(&branch.stdout),
        expected,
        "what `other` did is not this branch's: {}",
        branch.stderr
    );

    // A file git does not track yet counts whole.
    std::fs::copy(PAGE, docs.join("new.md")).unwrap();
    let untracked = docspec(&["lint", d, "--changed-since", "HEAD", "--format", "json"]);
    let in_new = findings(&untracked.stdout).len() - expected.len();
    assert!(in_new >= 5, "{}", untracked.stdout);
    std::fs::remove_file(docs.join("new.md")).unwrap();

    // Ratchet: with `--baseline`, `--write-baseline` keeps what still occurs, adds nothing.
    let old_lines: Vec<String> = std::fs::read_to_string(&baseline)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let ratchet = docspec(&["lint", d, "--baseline", b, "--write-baseline", b, "--format", "json"]);
    let removed: Vec<&String> = {
        let new_text = std::fs::read_to_string(&baseline).unwrap();
        let new_lines: Vec<&str> = new_text.lines().collect();
        assert!(
            new_lines.iter().all(|l| old_lines.iter().any(|o| o == l)),
            "lines only go: {new_text}"
        );
        old_lines.iter().filter(|o| !new_lines.contains(&o.as_str())).collect()
    };
    assert_eq!(removed.len(), 1, "the fixed finding's line, nothing else: {removed:?}");
    assert_eq!(findings(&ratchet.stdout), expected, "the new finding is still reported");
    assert!(
        ratchet.stderr.contains(&format!("Wrote {} findings", recorded - 1)),
        "{}",
        ratchet.stderr
    );
    assert!(ratchet.stderr.contains("(1 fixed since dropped)"), "{}", ratchet.stderr);
    // Written alone, it records everything there is now.
    let rewrite = docspec(&["lint", d, "--write-baseline", b]);
    assert!(
        rewrite.stderr.contains(&format!("Wrote {recorded} findings")),
        "{}",
        rewrite.stderr
    );
}

#[test]
fn bad_inputs_of_the_adoption_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("baseline.json");
    std::fs::write(&bad, "{\"version\": 1, \"findings\": [{\"path\": 3}]}").unwrap();
    let run = docspec(&["lint", PAGE, "--baseline", bad.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("baseline.json:1:"),
        "file and position: {}",
        run.stderr
    );
    let missing = docspec(&[
        "lint",
        PAGE,
        "--baseline",
        dir.path().join("none.json").to_str().unwrap(),
    ]);
    assert_eq!(missing.code, 2);
    if has_git() {
        let repo = repository();
        let docs = repo.path().join("docs");
        let run = docspec(&["lint", docs.to_str().unwrap(), "--changed-since", "no-such-ref"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("unknown git revision `no-such-ref`"),
            "{}",
            run.stderr
        );
        let outside = docspec(&[
            "lint",
            dir.path().to_str().unwrap(),
            "--allow-empty",
            "--changed-since",
            "HEAD",
        ]);
        assert_eq!(outside.code, 2);
        assert!(outside.stderr.contains("needs a git repository"), "{}", outside.stderr);
    }
}
