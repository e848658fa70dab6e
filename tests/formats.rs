//! The same findings in every report format (snapshots), and what each format promises.
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;

const PAGE: &str = "../doc-fixtures/report/widgets.md";
/// A few rules with and without fixes, at each severity.
const RULES: &str = "AT004,AT006,SC002,CU001,ST006,AT010";

fn report(format: &str) -> String {
    let run = docspec(&["lint", PAGE, "--no-config", "--select", RULES, "--format", format]);
    assert!(run.code <= 1, "{}", run.stderr);
    run.stdout
}

#[test]
fn json_format() {
    insta::assert_snapshot!("format_json", report("json"));
}

#[test]
fn concise_format() {
    insta::assert_snapshot!("format_concise", report("concise"));
}

#[test]
fn human_format() {
    let run = docspec(&["lint", PAGE, "--no-config", "--select", RULES, "--color", "never"]);
    insta::assert_snapshot!("format_human", run.stdout);
}

#[test]
fn sarif_format() {
    let text = report("sarif");
    let sarif: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the result's rule"
        );
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
    }
    insta::assert_snapshot!("format_sarif", text);
}

#[test]
fn gitlab_format() {
    let text = report("gitlab");
    let issues: Value = serde_json::from_str(&text).unwrap();
    let fingerprints: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let mut unique = fingerprints.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), fingerprints.len(), "fingerprints are unique");
    insta::assert_snapshot!("format_gitlab", text);
}

#[test]
fn gitlab_fingerprints_survive_added_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(PAGE).unwrap();
    let path = dir.path().join("widgets.md");
    std::fs::write(&path, &text).unwrap();
    let before = docspec(&[
        "lint",
        path.to_str().unwrap(),
        "--no-config",
        "--select",
        RULES,
        "--format",
        "gitlab",
    ]);
    std::fs::write(
        &path,
        text.replace(
            "## Create a widget",
            "Some new text.\n\nMore new text.\n\n## Create a widget",
        ),
    )
    .unwrap();
    let after = docspec(&[
        "lint",
        path.to_str().unwrap(),
        "--no-config",
        "--select",
        RULES,
        "--format",
        "gitlab",
    ]);
    let prints = |s: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(s).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(prints(&before.stdout), prints(&after.stdout));
}

#[test]
fn junit_format() {
    let text = report("junit");
    assert!(
        text.contains("unknown type `string &amp; &quot;list&quot;`"),
        "XML is escaped:\n{text}"
    );
    insta::assert_snapshot!("format_junit", text);
}

#[test]
fn github_format() {
    insta::assert_snapshot!("format_github", report("github"));
}

#[test]
fn output_file_gets_the_report_and_the_terminal_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.sarif");
    let run = docspec(&[
        "lint",
        PAGE,
        "--no-config",
        "--select",
        RULES,
        "--format",
        "sarif",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with("Found "), "{}", run.stdout);
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["version"], "2.1.0");
}

/// The documents written whole (SARIF, JUnit) or page by page (GitLab) hold the findings
/// of the JSON report, in its order, across more pages than one chunk of the run.
#[test]
fn documents_of_many_pages_hold_every_finding_in_order() {
    let lint = |format: &str| {
        let run = docspec(&["lint", "../doc-fixtures", "--no-config", "--format", format]);
        assert!(run.code <= 1, "{}", run.stderr);
        run.stdout
    };
    let json: Value = serde_json::from_str(&lint("json")).unwrap();
    let findings = json.as_array().unwrap();
    assert!(findings.len() > 500, "the fixtures give many findings");
    let pages: std::collections::BTreeSet<&str> = findings.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert!(pages.len() > 64, "more pages with findings than one chunk holds");

    let sarif: Value = serde_json::from_str(&lint("sarif")).unwrap();
    let run = &sarif["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut codes: Vec<&str> = findings.iter().map(|f| f["code"].as_str().unwrap()).collect();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["code"]);
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], finding["code"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], finding["line"]);
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(rules, codes, "the rules with findings, each once, in order");

    let gitlab: Value = serde_json::from_str(&lint("gitlab")).unwrap();
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), findings.len());
    for (issue, finding) in issues.iter().zip(findings) {
        assert_eq!(issue["check_name"], finding["code"]);
        assert_eq!(issue["location"]["path"], finding["path"]);
        assert_eq!(issue["location"]["lines"]["begin"], finding["line"]);
    }

    let junit = lint("junit");
    let attribute = |name: &str| -> usize {
        let head = junit.lines().nth(1).unwrap();
        let from = head.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        head[from..].split('"').next().unwrap().parse().unwrap()
    };
    assert_eq!(attribute("failures"), findings.len());
    assert_eq!(junit.matches("<failure ").count(), findings.len());
    assert_eq!(attribute("tests"), junit.matches("<testcase ").count());
    assert!(junit.trim_end().ends_with("</testsuites>"));
}
