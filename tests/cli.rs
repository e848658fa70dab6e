//! The `docspec` command on the repository's own fixture pages.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::docspec;
use serde_json::Value;

const CLEAN: &str = "../doc-fixtures/example";
const DEFECTS: &str = "../doc-fixtures/structure/defects.md";

#[test]
fn clean_template_page_passes() {
    let run = docspec(&["lint", CLEAN, "--color", "never"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("All checks passed (3 files)."), "{}", run.stdout);
}

#[test]
fn missing_path_is_a_usage_error() {
    let run = docspec(&["lint", "../doc-fixtures/no-such-folder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no-such-folder: no such file or directory"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn unknown_rule_on_the_command_line_is_a_usage_error() {
    let run = docspec(&["lint", CLEAN, "--select", "ST04"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown rule `ST04`"), "{}", run.stderr);
}

#[test]
fn each_structure_defect_is_found_at_its_method() {
    // The rules of issue 2's structure checks; other rules have their own fixtures.
    let run = docspec(&[
        "lint",
        DEFECTS,
        "--format",
        "json",
        "--select",
        "structure,request,AT001,RS001,RS002",
    ]);
    assert_eq!(run.code, 1);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(String, u64)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
        .collect();
    let text = std::fs::read_to_string(DEFECTS).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l == needle).unwrap() as u64 + 1;
    // The first `needle` after the heading `heading`.
    let line_after = |heading: &str, needle: &str| {
        let from = line_of(heading) as usize;
        text.lines().skip(from).position(|l| l == needle).unwrap() as u64 + 1 + from as u64
    };
    let expected = [
        ("ST001", line_of("## Method without a request block")),
        ("ST002", line_of("GET /widgets/:id")),
        ("ST003", line_of("## Method without a success sentence")),
        ("ST004", line_of("## Method without a cURL example")),
        ("ST005", line_of("## Method without a response example")),
        ("ST006", line_of("## Method without a response table")),
        ("RQ001", line_of("get /widgets/:id/lowercase")),
        ("RQ002", line_of("GET widgets/:id/unrooted")),
        (
            "AT001",
            line_of("| Parameter | Type    | required | Description       |"),
        ),
        (
            "RS001",
            line_after(
                "## Method with a Required column in its response table",
                "response attributes:",
            ) + 2,
        ),
        ("RS002", line_of("  \"name\": \"Widget\"")),
    ];
    for (code, line) in expected {
        assert!(
            found.contains(&(code.to_string(), line)),
            "{code} not found at line {line}: {found:?}"
        );
    }
    // Nothing else: each method has exactly the defect it is named after.
    assert_eq!(found.len(), expected.len(), "{found:?}");
}

#[test]
fn json_output_has_the_documented_fields() {
    let run = docspec(&["lint", DEFECTS, "--format", "json"]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    for f in findings.as_array().unwrap() {
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
            "help",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
}

#[test]
fn human_output_snapshot() {
    let run = docspec(&[
        "lint",
        "../doc-fixtures/rules/RS002.md",
        "--color",
        "never",
        "--select",
        "RS002",
    ]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("human_rs002", run.stdout);
}

#[test]
fn json_output_snapshot() {
    let run = docspec(&[
        "lint",
        "../doc-fixtures/rules/RQ002.md",
        "--format",
        "json",
        "--select",
        "RQ002",
    ]);
    insta::assert_snapshot!("json_rq002", run.stdout);
}

#[test]
fn output_is_deterministic() {
    let a = docspec(&["lint", "../doc-fixtures", "--format", "json"]);
    let b = docspec(&["lint", "../doc-fixtures", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn bad_files_give_findings_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.md"), b"# Caf\xe9\n").unwrap();
    // Saved as "Unicode" by Windows editors: UTF-16 with its byte-order mark.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "---\r\ntitle: Widgets\r\n---\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.path().join("utf16.md"), utf16).unwrap();
    // Windows-1252 quotes far into an otherwise ASCII page.
    let mut cp1252 = b"---\ntitle: Widgets\n---\n\n".repeat(40);
    cp1252.extend_from_slice(b"The \x93widget\x94 API.\n");
    std::fs::write(dir.path().join("cp1252.md"), cp1252).unwrap();
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    let huge = vec![b'a'; 17 * 1024 * 1024];
    std::fs::write(dir.path().join("huge.md"), huge).unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join(".hidden/skipped.md"), b"\xff").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"\xff").unwrap();
    let run = docspec(&["lint", dir.path().to_str().unwrap(), "--format", "json", "--no-config"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    let by_file: Vec<(String, String)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, f["code"].as_str().unwrap().to_string())
        })
        .collect();
    assert!(by_file.contains(&("latin1.md".into(), "DS003".into())), "{by_file:?}");
    assert!(by_file.contains(&("utf16.md".into(), "DS003".into())), "{by_file:?}");
    assert!(by_file.contains(&("cp1252.md".into(), "DS003".into())), "{by_file:?}");
    assert!(by_file.contains(&("huge.md".into(), "DS003".into())), "{by_file:?}");
    assert!(by_file.contains(&("empty.md".into(), "DS004".into())), "{by_file:?}");
    assert!(
        !by_file.iter().any(|(f, _)| f == "skipped.md" || f == "notes.txt"),
        "{by_file:?}"
    );
}

#[test]
fn inspect_dumps_the_model_with_spans() {
    let run = docspec(&["inspect", "../doc-fixtures/example/widgets.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let model: Value = serde_json::from_str(&run.stdout).unwrap();
    let method = &model["page"]["resources"][0]["methods"][0];
    assert_eq!(method["title"]["value"], "List project widgets");
    let line = &method["request_blocks"][0]["lines"][0];
    assert_eq!(line["verb"]["value"], "GET");
    assert_eq!(line["path"]["value"], "/projects/:id/widgets");
    let text = std::fs::read_to_string("../doc-fixtures/example/widgets.md").unwrap();
    let span = line["path"]["range"].as_array().unwrap();
    let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], "/projects/:id/widgets");
}

#[test]
fn rules_and_explain_come_from_one_source() {
    let table = docspec(&["rules"]);
    assert_eq!(table.code, 0);
    let json = docspec(&["rules", "--format", "json"]);
    let rules: Value = serde_json::from_str(&json.stdout).unwrap();
    for rule in rules.as_array().unwrap() {
        let code = rule["code"].as_str().unwrap();
        assert!(table.stdout.contains(code), "{code} missing from the table");
        let explained = docspec(&["explain", rule["name"].as_str().unwrap()]);
        assert_eq!(explained.code, 0);
        assert!(explained.stdout.contains("## What it does"));
        assert!(explained.stdout.contains(code));
    }
    let unknown = docspec(&["explain", "missing-curl-exampel"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `missing-curl-example`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn statistics_and_max_warnings() {
    let run = docspec(&[
        "lint",
        "../doc-fixtures/rules/ST006.md",
        "--select",
        "ST006",
        "--statistics",
        "--format",
        "concise",
    ]);
    assert_eq!(run.code, 0, "warnings alone pass");
    assert!(
        run.stdout.contains("     1  ST006      missing-response-table"),
        "{}",
        run.stdout
    );
    let strict = docspec(&[
        "lint",
        "../doc-fixtures/rules/ST006.md",
        "--select",
        "ST006",
        "--max-warnings",
        "0",
    ]);
    assert_eq!(strict.code, 1);
}

#[test]
fn openapi_is_deterministic_and_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("spec.yaml");
    let json = dir.path().join("spec.json");
    let a = docspec(&["openapi", CLEAN, "-o", yaml.to_str().unwrap()]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    let b = docspec(&["openapi", CLEAN, "-o", json.to_str().unwrap()]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let yaml_text = std::fs::read_to_string(&yaml).unwrap();
    assert!(yaml_text.starts_with("openapi: '3.0.3'"), "{yaml_text}");
    let json_value: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(json_value["openapi"], "3.0.3");
    let stdout = docspec(&["openapi", CLEAN]);
    assert_eq!(stdout.stdout, yaml_text, "stdout and -o give the same bytes");
}

/// `OA` findings are rules: listed, explained, selected, graded by the configuration and
/// suppressed inline, like lint findings.
#[test]
fn openapi_findings_are_rules() {
    assert!(docspec(&["rules"]).stdout.contains("OA005  unparseable-json-example"));
    assert_eq!(docspec(&["explain", "OA005"]).code, 0);
    let dir = tempfile::tempdir().unwrap();
    let page = "# Widgets\n\n## Get a widget\n\n```plaintext\nGET /widgets/<id>\n```\n\n## Delete a widget\n\n<!-- docspec-disable-next-line OA002 -->\n```plaintext\nDELETE /widgets/<id>\n```\n";
    std::fs::write(dir.path().join("widgets.md"), page).unwrap();
    let path = dir.path().to_str().unwrap();
    let run = docspec(&["openapi", "--no-config", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr.matches("warning[OA002]").count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("widgets.md:6:1: warning[OA002]"), "{}", run.stderr);
    let ignored = docspec(&["openapi", "--no-config", "--ignore", "unparseable-request-line", path]);
    assert_eq!(ignored.stderr, "", "{}", ignored.stderr);
    assert_eq!(
        docspec(&["openapi", "--no-config", "--select", "OA005", path]).stderr,
        ""
    );
    assert_eq!(docspec(&["openapi", "--no-config", "--select", "OA999", path]).code, 2);
    std::fs::write(dir.path().join(".docspec.yml"), "rules:\n  OA002: error\n").unwrap();
    let graded = docspec(&["openapi", path]);
    assert_eq!(graded.code, 1, "an error-level finding fails the run");
    assert!(graded.stderr.contains("error[OA002]"), "{}", graded.stderr);
    assert!(graded.stdout.starts_with("openapi:"), "the spec is still written");
    // A suppression of an `OA` rule is not lint's to call unused.
    let lint = docspec(&["lint", "--format", "concise", "--select", "DS002", path]);
    assert!(!lint.stdout.contains("DS002"), "{}", lint.stdout);
}

/// A page whose operations are all documented elsewhere gets only the merge's findings;
/// its suppressions apply (and an unused `OA` one is reported) as on any page, although
/// the spec reads it again without parsing it.
#[test]
fn merge_findings_are_suppressed_on_pages_that_build_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "# A\n\n## Get a widget\n\n```plaintext\nGET /widgets/:id\n```\n",
    )
    .unwrap();
    let copy =
        "# B\n\n## Get a widget\n\n<!-- docspec-disable-next-line OA001 -->\n```plaintext\nGET /widgets/:id\n```\n\n\
                ## Get it again\n\n```plaintext\nGET /widgets/:id\n```\n\n\
                <!-- docspec-disable-next-line OA005 -->\nNothing to suppress here.\n";
    std::fs::write(dir.path().join("b.md"), copy).unwrap();
    let path = dir.path().to_str().unwrap();
    let run = docspec(&["openapi", "--no-config", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(lines[0].contains("b.md:13:1: warning[OA001]"), "{}", run.stderr);
    assert!(lines[0].contains("a.md:6"), "{}", run.stderr);
    assert!(lines[1].contains("b.md:16:1: warning[DS002]"), "{}", run.stderr);
}

/// The `openapi:` settings of `.docspec.yml` reach the spec.
#[test]
fn openapi_configuration_shapes_the_spec() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string("../doc-fixtures/openapi/fidelity_widgets.md").unwrap();
    std::fs::write(dir.path().join("widgets.md"), page).unwrap();
    let path = dir.path().to_str().unwrap();
    let config = "openapi:\n  title: Widget API\n  schema_names: { Widget: Gadget, renameAWidget: Renamed }\n  error_responses: [401]\n  paginate_lists: false\n";
    std::fs::write(dir.path().join(".docspec.yml"), config).unwrap();
    let run = docspec(&["openapi", "--format", "json", path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let spec: Value = serde_json::from_str(&run.stdout).unwrap();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    assert!(
        schemas.contains_key("Gadget") && schemas.contains_key("Renamed"),
        "{:?}",
        schemas.keys()
    );
    let rename = &spec["paths"]["/projects/{id}/widgets/{widget_id}"]["put"]["responses"];
    let codes: Vec<&String> = rename.as_object().unwrap().keys().collect();
    assert_eq!(codes, ["200", "401", "409"], "only 401 by default, and the stated 409");
    // Another API than GitLab's: no docs URL, so links are kept as text.
    let id = &spec["paths"]["/projects/{id}/widgets"]["get"]["parameters"][0]["description"];
    assert_eq!(id, "ID or URL-encoded path of the project.");
    // The list says it is paginated, so it still is.
    assert!(run.stdout.contains("#/components/parameters/Page"));
}

#[test]
fn build_writes_lint_report_spec_and_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let run = docspec(&["build", "../doc-fixtures/structure", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "build succeeds though lint finds errors: {}", run.stderr);
    assert!(
        run.stderr.contains("lint: Found ") && !run.stderr.contains("error[ST001]"),
        "a lint summary on stderr, not the whole report: {}",
        run.stderr
    );
    assert!(out.join("openapi.yaml").is_file());
    assert!(out.join("index.html").is_file());
    let page = std::fs::read_to_string(out.join("defects.html")).unwrap();
    assert!(page.contains("openapi.yaml"), "the site links the spec");
    let strict = docspec(&[
        "build",
        "../doc-fixtures/structure",
        "-o",
        out.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(strict.code, 1);
}

#[test]
fn render_reports_a_bad_template_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pages.hbs"), "{{nope}}").unwrap();
    let out = dir.path().join("site");
    let run = docspec(&[
        "render",
        CLEAN,
        "-o",
        out.to_str().unwrap(),
        "--templates",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("pages.hbs"), "{}", run.stderr);
}
