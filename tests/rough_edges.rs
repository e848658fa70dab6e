//! The rough edges a new user met (issue 15), each as it was and as it is now. "Before"
//! says what the command did; the assertions hold what it does instead.
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;

const PAGE: &str = "../doc-fixtures/report/widgets.md";
const FOLDER: &str = "../doc-fixtures/report";

/// Before: the report never said what `--fix` fixes. After: `[*]` on fixable findings in
/// the human and concise reports and a fixable count with the command in the summary.
#[test]
fn fixable_findings_are_marked_and_counted() {
    let concise = docspec(&["lint", PAGE, "--no-config", "--format", "concise"]);
    assert!(
        concise.stdout.contains("error[CU001] [*] short option `-X`"),
        "{}",
        concise.stdout
    );
    assert!(
        concise.stdout.contains("warning[AT006] unknown type"),
        "not fixable, no mark"
    );
    assert!(
        concise.stdout.contains("\n[*] 4 fixable with `docspec lint --fix`."),
        "{}",
        concise.stdout
    );
    let human = docspec(&["lint", PAGE, "--no-config", "--color", "never"]);
    assert!(
        human.stdout.contains("CU001(curl-short-option) [*]"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("[*] 4 fixable with `docspec lint --fix`."),
        "{}",
        human.stdout
    );
    let statistics = docspec(&["lint", PAGE, "--no-config", "--format", "concise", "--statistics"]);
    assert!(
        statistics.stdout.contains("CU001  [*] curl-short-option"),
        "{}",
        statistics.stdout
    );
}

/// Before: `allowd:` and `max-line-length: "abc"` were accepted and silently meant the
/// defaults. After: both are configuration errors naming the file, line and key.
#[test]
fn unknown_rule_options_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".docspec.yml");
    std::fs::copy(PAGE, dir.path().join("widgets.md")).unwrap();
    let folder = dir.path().to_str().unwrap();
    std::fs::write(
        &config,
        "rules:\n  curl-unknown-attribute:\n    options:\n      allowd: [scope]\n",
    )
    .unwrap();
    let run = docspec(&["lint", folder]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains(".docspec.yml:4:7: option `allowd`: unknown field `allowd`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `allowed`?"), "{}", run.stderr);
    std::fs::write(
        &config,
        "rules:\n  curl-long-line:\n    options:\n      max-line-length: \"abc\"\n",
    )
    .unwrap();
    let run = docspec(&["lint", folder]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("option `max-line-length`: invalid type: string \"abc\", expected usize"),
        "{}",
        run.stderr
    );
    std::fs::write(
        &config,
        "rules:\n  curl-long-line:\n    options:\n      max-line-length: 120\n",
    )
    .unwrap();
    assert_ne!(docspec(&["lint", folder]).code, 2, "valid options still load");
}

/// Before: `--select "AT003, AT006"` failed on the space (unknown rule ` AT006`). After:
/// selectors are trimmed, as in the suppression comments.
#[test]
fn selectors_with_spaces_after_commas() {
    let spaced = docspec(&[
        "lint",
        FOLDER,
        "--no-config",
        "--select",
        "AT004, CU001",
        "--format",
        "concise",
    ]);
    let tight = docspec(&[
        "lint",
        FOLDER,
        "--no-config",
        "--select",
        "AT004,CU001",
        "--format",
        "concise",
    ]);
    assert_eq!(spaced.code, 1, "{}", spaced.stderr);
    assert_eq!(spaced.stdout, tight.stdout);
    assert!(spaced.stdout.contains("[AT004]") && spaced.stdout.contains("[CU001]"));
    let ignored = docspec(&[
        "lint",
        FOLDER,
        "--no-config",
        "--ignore",
        " CU001 ,AT004",
        "--format",
        "concise",
    ]);
    assert!(
        !ignored.stdout.contains("[CU001]") && !ignored.stdout.contains("[AT004]"),
        "{}",
        ignored.stdout
    );
    let stray = docspec(&["lint", FOLDER, "--select", "AT004,,CU001"]);
    assert_eq!(stray.code, 2);
    assert!(stray.stderr.contains("empty rule selector"), "{}", stray.stderr);
    let typo = docspec(&["lint", FOLDER, "--select", "AT004, CU01"]);
    assert!(typo.stderr.contains("unknown rule `CU01`"), "{}", typo.stderr);
}

/// Before: `inspect <folder>` said "no such file or directory" for a folder that exists.
/// After: a folder gives an array of its pages' models; one page still gives one object.
#[test]
fn inspect_reads_folders() {
    let folder = docspec(&["inspect", "../doc-fixtures/project"]);
    assert_eq!(folder.code, 0, "{}", folder.stderr);
    let pages: Value = serde_json::from_str(&folder.stdout).unwrap();
    let paths: Vec<&str> = pages
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(paths.len() >= 5 && paths.windows(2).all(|w| w[0] < w[1]), "{paths:?}");
    let one = docspec(&["inspect", PAGE]);
    let page: Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(page["path"], PAGE);
    assert_eq!(docspec(&["inspect", "../doc-fixtures/none"]).code, 2);
}

/// Before: `explain curl` was an unknown rule though `--select curl` accepts categories.
/// After: a category or a code prefix lists its rules.
#[test]
fn explain_lists_a_category() {
    let run = docspec(&["explain", "curl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("# Category `curl`"), "{}", run.stdout);
    assert!(run.stdout.contains("CU001  curl-short-option"), "{}", run.stdout);
    assert!(!run.stdout.contains("AT001"), "only the category");
    let prefix = docspec(&["explain", "AT"]);
    assert!(prefix.stdout.contains("AT004  required-value"), "{}", prefix.stdout);
    let unknown = docspec(&["explain", "curls"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `curl`?"), "{}", unknown.stderr);
}

/// Before: `build` printed every finding to stderr and had no `--format`, `--quiet`,
/// `--select`, `--ignore`. After: a summary by default, the whole report on stdout in the
/// format asked for, nothing with `--quiet`, and rule selection.
#[test]
fn build_reports_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let o = out.to_str().unwrap();
    let quiet_by_default = docspec(&["build", FOLDER, "-o", o]);
    assert_eq!(quiet_by_default.code, 0);
    assert!(
        quiet_by_default.stderr.lines().count() <= 4,
        "{}",
        quiet_by_default.stderr
    );
    assert!(
        quiet_by_default
            .stderr
            .contains("lint: Found 1 error, 4 warnings and 1 info in 1 file."),
        "{}",
        quiet_by_default.stderr
    );
    assert!(
        quiet_by_default.stderr.contains("1 page, 1 method"),
        "plurals: {}",
        quiet_by_default.stderr
    );
    let json = docspec(&["build", FOLDER, "-o", o, "--format", "json", "--select", "CU001"]);
    let findings: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(findings.as_array().unwrap().len(), 1, "{}", json.stdout);
    assert_eq!(findings[0]["code"], "CU001");
    let ignored = docspec(&["build", FOLDER, "-o", o, "--format", "concise", "--ignore", "CU001"]);
    assert!(
        !ignored.stdout.contains("[CU001]") && ignored.stdout.contains("[AT004]"),
        "{}",
        ignored.stdout
    );
    let quiet = docspec(&["build", FOLDER, "-o", o, "--quiet"]);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "");
    assert!(out.join("openapi.yaml").is_file() && out.join("index.html").is_file());
}

/// Before: a folder without `.md` printed "All checks passed (0 files)" and exited 0. After:
/// exit 2 naming the path, unless `--allow-empty`; the same when `exclude:` skips all.
#[test]
fn no_silent_green() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not Markdown").unwrap();
    let empty = dir.path().to_str().unwrap();
    let run = docspec(&["lint", empty]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no Markdown (`.md`) files here"), "{}", run.stderr);
    let allowed = docspec(&["lint", empty, "--allow-empty"]);
    assert_eq!(allowed.code, 0);
    assert!(allowed.stdout.contains("All checks passed (0 files)."));
    for command in ["openapi", "render", "build"] {
        let mut args = vec![command, empty];
        if command != "openapi" {
            args.extend(["-o", empty]);
        }
        assert_eq!(docspec(&args).code, 2, "{command}");
    }
    std::fs::copy(PAGE, dir.path().join("widgets.md")).unwrap();
    std::fs::write(dir.path().join(".docspec.yml"), "exclude: ['*.md']\n").unwrap();
    let excluded = docspec(&["lint", empty]);
    assert_eq!(excluded.code, 2);
    assert!(
        excluded.stderr.contains("`exclude:` skips every Markdown file"),
        "{}",
        excluded.stderr
    );
}

/// Before: the top-level help did not say what the tool does, `--format` and `--color`
/// were undescribed, `render --help` hid that `-o` is required. After: all described.
#[test]
fn help_says_what_things_do() {
    let top = docspec(&["--help"]);
    assert!(
        top.stderr.contains("Lint REST API reference pages written in Markdown"),
        "{}",
        top.stderr
    );
    assert!(top.stderr.contains("Exit codes: 0 clean"), "{}", top.stderr);
    let lint = docspec(&["lint", "--help"]);
    assert!(lint.stderr.contains("How to write the report"), "{}", lint.stderr);
    assert!(lint.stderr.contains("When to color the report"), "{}", lint.stderr);
    assert!(
        lint.stderr
            .contains("Color when writing to a terminal and `NO_COLOR` is not set"),
        "{}",
        lint.stderr
    );
    let render = docspec(&["render", "--help"]);
    assert!(
        render.stderr.contains("Usage: docspec render --output <DIR>"),
        "{}",
        render.stderr
    );
    assert!(
        render.stderr.contains("The folder to write the site into (required"),
        "{}",
        render.stderr
    );
}

/// Before: "in 1 files", "1 pages", "Found 0 errors, ...". After: singular and plural, and
/// no zero counts.
#[test]
fn counts_read_as_english() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("widgets.md");
    std::fs::copy(PAGE, &path).unwrap();
    let p = path.to_str().unwrap();
    let fixed = docspec(&["lint", p, "--no-config", "--fix", "--select", "CU001"]);
    assert!(fixed.stderr.contains("Fixed 1 finding in 1 file."), "{}", fixed.stderr);
    let warnings = docspec(&["lint", p, "--no-config", "--select", "AT004", "--format", "concise"]);
    assert!(
        warnings.stdout.contains("Found 1 warning in 1 file."),
        "{}",
        warnings.stdout
    );
    let rendered = docspec(&["render", p, "-o", dir.path().join("site").to_str().unwrap()]);
    assert!(
        rendered.stderr.contains("rendered 1 page (1 method)"),
        "{}",
        rendered.stderr
    );
}

/// Before: "Required is `yes`" did not say what is expected. After: it does.
#[test]
fn required_value_message_says_what_is_expected() {
    let run = docspec(&["lint", PAGE, "--no-config", "--select", "AT004", "--format", "concise"]);
    assert!(
        run.stdout.contains("Required is `yes`, expected `Yes`"),
        "{}",
        run.stdout
    );
}

/// Before: `--diff` headers read `a//home/...` for absolute paths. After: the path as it is.
#[test]
fn diff_headers_of_absolute_paths() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("widgets.md");
    std::fs::copy(PAGE, &path).unwrap();
    let p = path.to_str().unwrap();
    let run = docspec(&["lint", p, "--no-config", "--diff"]);
    assert!(!run.stdout.contains("a//"), "{}", run.stdout);
    assert!(run.stdout.starts_with(&format!("--- {p}\n+++ {p}\n")), "{}", run.stdout);
    let relative = docspec(&["lint", PAGE, "--no-config", "--diff"]);
    assert!(
        relative.stdout.starts_with(&format!("--- a/{PAGE}\n+++ b/{PAGE}\n")),
        "{}",
        relative.stdout
    );
}

/// Before: `--format concise` ignored `--color always`. After: it colors.
#[test]
fn concise_honours_color() {
    let always = docspec(&["lint", PAGE, "--no-config", "--format", "concise", "--color", "always"]);
    assert!(always.stdout.contains("\u{1b}["), "{}", always.stdout);
    let never = docspec(&["lint", PAGE, "--no-config", "--format", "concise", "--color", "never"]);
    assert!(!never.stdout.contains('\u{1b}'), "{}", never.stdout);
}
