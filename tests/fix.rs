//! `--fix`, `--unsafe-fixes` and `--diff` on copies of fixture pages.
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;

const PAGE: &str = "../doc-fixtures/report/widgets.md";

fn copy(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("widgets.md");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn fix_applies_safe_fixes_and_a_second_run_changes_nothing() {
    let (_dir, path) = copy(&std::fs::read_to_string(PAGE).unwrap());
    let p = path.to_str().unwrap();
    let run = docspec(&["lint", p, "--no-config", "--fix", "--format", "concise"]);
    assert!(run.stderr.contains("Fixed "), "{}", run.stderr);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(fixed.contains("curl --request POST"), "{fixed}");
    assert!(fixed.contains("| Yes      |"), "{fixed}");
    assert!(fixed.contains("[`201 Created`]"), "{fixed}");
    assert!(fixed.contains("Supported attributes:\n\n| Attribute"), "{fixed}");
    let again = docspec(&["lint", p, "--no-config", "--fix", "--format", "concise"]);
    assert!(
        again.stderr.contains("Fixed 0 findings in 0 files."),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        fixed,
        "a second run changes nothing"
    );
}

#[test]
fn diff_previews_without_writing() {
    let original = std::fs::read_to_string(PAGE).unwrap();
    let (_dir, path) = copy(&original);
    let run = docspec(&["lint", path.to_str().unwrap(), "--no-config", "--diff"]);
    assert_eq!(run.code, 1, "changes would be made");
    assert!(run.stdout.contains("-curl -X POST"), "{}", run.stdout);
    assert!(run.stdout.contains("+curl --request POST"), "{}", run.stdout);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn fixes_keep_crlf_line_endings_and_the_bom() {
    let original = std::fs::read_to_string(PAGE).unwrap().replace('\n', "\r\n");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(original.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("widgets.md");
    std::fs::write(&path, &bytes).unwrap();
    docspec(&["lint", path.to_str().unwrap(), "--no-config", "--fix"]);
    let fixed = std::fs::read(&path).unwrap();
    assert!(fixed.starts_with("\u{feff}".as_bytes()), "the BOM is kept");
    let text = String::from_utf8(fixed[3..].to_vec()).unwrap();
    assert!(text.contains("curl --request POST"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every new line is CRLF:\n{text:?}"
    );
}

#[test]
fn only_the_named_lines_change() {
    let original = std::fs::read_to_string(PAGE).unwrap();
    let (_dir, path) = copy(&original);
    docspec(&[
        "lint",
        path.to_str().unwrap(),
        "--no-config",
        "--fix",
        "--select",
        "CU001,AT004",
    ]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(usize, &str)> = original
        .lines()
        .zip(fixed.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, _))| (i + 1, a))
        .collect();
    assert_eq!(original.lines().count(), fixed.lines().count());
    let lines: Vec<usize> = changed.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [13, 19], "{changed:?}");
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let text = "---\ntitle: T\n---\n\n## Get a widget\n\n```plaintext\nGET /widgets\n```\n\nIf successful, returns `200 OK`.\n";
    let (_dir, path) = copy(text);
    let p = path.to_str().unwrap();
    docspec(&["lint", p, "--no-config", "--select", "SC003", "--fix"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "SC003's fix is unsafe");
    docspec(&["lint", p, "--no-config", "--select", "SC003", "--fix", "--unsafe-fixes"]);
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("[`200 OK`](rest/troubleshooting.md#status-codes)"));
}

#[cfg(unix)]
#[test]
fn fixed_and_new_files_keep_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = copy(&std::fs::read_to_string(PAGE).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    docspec(&["lint", path.to_str().unwrap(), "--no-config", "--fix"]);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640,
        "kept"
    );
    let report = dir.path().join("report.json");
    docspec(&[
        "lint",
        path.to_str().unwrap(),
        "--no-config",
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::metadata(&report).unwrap().permissions().mode() & 0o777,
        0o644,
        "new file"
    );
}
