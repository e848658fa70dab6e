//! `.docspec.yml` (severity, off, overrides, discovery) and inline suppressions, end to end.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;
use std::path::Path;

/// The page used below: one method whose only findings are ST006 (warning) and ST004 (error).
const PAGE: &str = r#"---
title: Config test
---

DETAILS:
**Tier:** Free, Premium, Ultimate
**Offering:** GitLab.com, GitLab Self-Managed, GitLab Dedicated

Use this API to list widgets.

## List widgets

Lists the widgets of the instance.

```plaintext
GET /widgets
```

If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).

Example response:

```json
[{ "id": 1 }]
```
"#;

fn codes(run_stdout: &str) -> Vec<String> {
    let findings: Value = serde_json::from_str(run_stdout).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn lint_json(path: &Path, extra: &[&str]) -> (u8, Vec<String>, String) {
    let mut args = vec!["lint", path.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let run = docspec(&args);
    let found = if run.code == 2 { Vec::new() } else { codes(&run.stdout) };
    (run.code, found, run.stderr)
}

fn project(config: Option<&str>, pages: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join(".docspec.yml"), config).unwrap();
    }
    for (name, text) in pages {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn defaults_without_config() {
    let dir = project(None, &[("a.md", PAGE)]);
    let (code, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(found, ["ST004", "ST006"]);
}

#[test]
fn a_rule_set_to_off_is_silent() {
    let dir = project(Some("rules:\n  missing-curl-example: off\n"), &[("a.md", PAGE)]);
    let (code, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(found, ["ST006"]);
    assert_eq!(code, 0, "only a warning is left");
}

#[test]
fn raising_a_warning_to_error_changes_the_exit_code() {
    let dir = project(
        Some("rules:\n  ST004: off\n  ST006:\n    severity: error\n"),
        &[("a.md", PAGE)],
    );
    let (code, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(found, ["ST006"]);
    assert_eq!(code, 1);
    let run = docspec(&["lint", dir.path().to_str().unwrap(), "--format", "json"]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(findings[0]["severity"], "error");
}

#[test]
fn an_override_applies_to_its_glob_only() {
    let config = "overrides:\n  - files: ['legacy/**']\n    ignore: [structure]\n";
    let dir = project(Some(config), &[("new.md", PAGE), ("legacy/old.md", PAGE)]);
    let run = docspec(&["lint", dir.path().to_str().unwrap(), "--format", "json"]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    // The two pages are copies, so the cross-page XP001 also reports the operation
    // documented twice; this test is about the structure rules only.
    let files: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("ST")))
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(files.iter().all(|f| f.ends_with("new.md")), "{files:?}");
    assert_eq!(files.len(), 2);
}

#[test]
fn select_ignore_and_categories() {
    let dir = project(Some("select: [structure]\nignore: [ST006]\n"), &[("a.md", PAGE)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(found, ["ST004"]);
    let (_, found, _) = lint_json(dir.path(), &["--select", "ST006"]);
    assert_eq!(found, ["ST006"], "the command line wins over the file");
}

#[test]
fn config_is_found_walking_up_and_can_be_replaced_or_ignored() {
    let dir = project(Some("ignore: [ST004]\n"), &[("deep/er/a.md", PAGE)]);
    let (_, found, _) = lint_json(&dir.path().join("deep/er/a.md"), &[]);
    assert_eq!(found, ["ST006"]);
    let (_, found, _) = lint_json(&dir.path().join("deep/er/a.md"), &["--no-config"]);
    assert_eq!(found, ["ST004", "ST006"]);
    let other = project(Some("ignore: [ST006]\n"), &[]);
    let config = other.path().join(".docspec.yml");
    let (_, found, _) = lint_json(
        &dir.path().join("deep/er/a.md"),
        &["--config", config.to_str().unwrap()],
    );
    assert_eq!(found, ["ST004"]);
}

#[test]
fn bad_config_is_an_error_with_line_and_suggestion() {
    let dir = project(
        Some("rules:\n  ST004: off\n  mising-response-table: warning\n"),
        &[("a.md", PAGE)],
    );
    let (code, _, stderr) = lint_json(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".docspec.yml:3:3: unknown rule `mising-response-table`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `missing-response-table`?"), "{stderr}");
    let dir = project(Some("selct: [ST004]\n"), &[("a.md", PAGE)]);
    let (code, _, stderr) = lint_json(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains(".docspec.yml:1:1"), "{stderr}");
    assert!(stderr.contains("did you mean `select`?"), "{stderr}");
}

fn with_comment(before_heading: &str, before_block: &str) -> String {
    PAGE.replace("## List widgets", &format!("{before_heading}## List widgets"))
        .replace("```json", &format!("{before_block}```json"))
}

#[test]
fn disable_next_line_suppresses_one_finding() {
    let page = with_comment("<!-- docspec-disable-next-line ST004 -->\n", "");
    let dir = project(None, &[("a.md", &page)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(found, ["ST006"]);
}

#[test]
fn disable_and_enable_bound_a_range() {
    let page = format!(
        "{}\n<!-- docspec-enable -->\n",
        with_comment("<!-- docspec-disable missing-curl-example, ST006 -->\n", "")
    );
    let dir = project(None, &[("a.md", &page)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert!(found.is_empty(), "{found:?}");
    // Findings after the enable are reported again.
    let page = PAGE.replace(
        "## List widgets",
        "<!-- docspec-disable ST004 -->\n<!-- docspec-enable ST004 -->\n\n## List widgets",
    );
    let dir = project(None, &[("a.md", &page)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(
        found,
        ["DS002", "ST004", "ST006"],
        "an empty range suppresses nothing and is reported"
    );
}

#[test]
fn disable_file_without_codes_suppresses_everything() {
    let page = format!("{PAGE}\n<!-- docspec-disable-file -->\n");
    let dir = project(None, &[("a.md", &page)]);
    let (code, found, _) = lint_json(dir.path(), &[]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
}

#[test]
fn disable_line_suppresses_its_own_line() {
    let page = PAGE.replace(
        "## List widgets",
        "## List widgets <!-- docspec-disable-line ST004 ST006 -->",
    );
    let dir = project(None, &[("a.md", &page)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_suppression_that_suppresses_nothing_is_reported() {
    let page = PAGE.replace(
        "## List widgets",
        "<!-- docspec-disable-next-line RQ001 -->\nText.\n\n## List widgets",
    );
    let dir = project(None, &[("a.md", &page)]);
    let (_, found, _) = lint_json(dir.path(), &[]);
    assert_eq!(found, ["DS002", "ST004", "ST006"]);
}

#[test]
fn exclude_skips_files_and_types_extend_the_vocabulary() {
    let page = r#"---
title: Types
---

## Get a widget

```plaintext
GET /widgets/:id
```

Supported attributes:

| Attribute | Type | Required | Description |
|-----------|------|----------|-------------|
| `id`      | uuid | Yes      | ID of the widget. |
"#;
    let dir = project(None, &[("a.md", page), ("generated/b.md", PAGE)]);
    let (_, found, _) = lint_json(dir.path(), &["--select", "AT006,ST004"]);
    assert_eq!(
        found,
        ["AT006", "ST004"],
        "without configuration: an unknown type, and a finding in b.md"
    );
    std::fs::write(
        dir.path().join(".docspec.yml"),
        "types: [uuid]\nexclude: ['generated/**']\n",
    )
    .unwrap();
    let run = docspec(&[
        "lint",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--select",
        "AT006,ST004",
    ]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(findings.as_array().unwrap().is_empty(), "{findings}");
}
