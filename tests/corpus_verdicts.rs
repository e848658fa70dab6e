//! Every GitLab corpus line that issue 10 names gives the right verdict: the false findings
//! it lists stay gone, the misses it lists are reported. Skipped without the corpus.

#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_tests::{corpus, docspec};
use serde_json::Value;

/// All findings on the corpus as `(page under doc/api/, line, code, help)`.
fn findings() -> Option<Vec<(String, u64, String, String)>> {
    let Some(root) = corpus() else {
        eprintln!("skipped: ../shared/corpus/gitlab is not present");
        return None;
    };
    // `--no-cache`: the shared corpus is read-only test data; no cache is written into it.
    let run = docspec(&[
        "lint",
        root.to_str().unwrap(),
        "--no-config",
        "--no-cache",
        "--format",
        "json",
    ]);
    assert!(run.code <= 1, "exit {}: {}", run.code, run.stderr);
    let all: Value = serde_json::from_str(&run.stdout).unwrap();
    Some(
        all.as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let path = f["path"].as_str().unwrap();
                let page = path.split("doc/api/").last().unwrap().to_string();
                let help = f["help"].as_str().unwrap_or("").to_string();
                (
                    page,
                    f["line"].as_u64().unwrap(),
                    f["code"].as_str().unwrap().to_string(),
                    help,
                )
            })
            .collect(),
    )
}

fn has(all: &[(String, u64, String, String)], page: &str, lines: std::ops::RangeInclusive<u64>, code: &str) -> bool {
    all.iter()
        .any(|(p, l, c, _)| p == page && lines.contains(l) && c == code)
}

#[test]
fn the_false_findings_issue_10_lists_stay_gone() {
    let Some(all) = findings() else { return };
    let gone: &[(&str, u64, &str)] = &[
        // The container registry's and JWT issuer's own endpoints.
        ("container_registry.md", 424, "RQ002"),
        ("container_registry.md", 442, "RQ002"),
        ("container_registry.md", 457, "RQ002"),
        ("container_registry.md", 432, "CU007"),
        ("container_registry.md", 465, "CU007"),
        ("container_registry.md", 433, "CU004"),
        ("container_registry.md", 451, "CU004"),
        ("container_registry.md", 466, "CU004"),
        ("container_registry.md", 469, "CU004"),
        ("container_registry.md", 437, "ST003"),
        // Downloads and raw content: no JSON example to show.
        ("secure_files.md", 156, "ST005"),
        ("jobs.md", 712, "ST005"),
        ("repositories.md", 116, "ST005"),
        ("repositories.md", 132, "ST005"),
        ("repository_files.md", 219, "ST005"),
        ("releases/_index.md", 404, "ST005"),
        // A task section that uses the notes endpoint and agrees with its definition.
        ("notes.md", 149, "XP001"),
        // `assets:links` documents the nested `assets` the example sends.
        ("releases/_index.md", 485, "CU011"),
        // A trigger token of the style guide's own fake shape.
        ("pipeline_triggers.md", 181, "CU006"),
    ];
    for (page, line, code) in gone {
        assert!(!has(&all, page, *line..=*line, code), "{page}:{line} still gets {code}");
    }
}

/// The false and debatable findings of audit C (`doc/api` pages), at their lines.
#[test]
fn the_false_findings_audit_c_lists_stay_gone() {
    let Some(all) = findings() else { return };
    let gone: &[(&str, std::ops::RangeInclusive<u64>, &str)] = &[
        // A top-level array documented as `commits` and `commits[].…`.
        ("merge_requests.md", 1069..=1082, "RS005"),
        ("merge_requests.md", 1040..=1040, "RS006"),
        // "This API is for internal use only.": the public index leaves it out.
        ("chat.md", 1..=1, "XP002"),
        // `HEAD` of the file path, under its `GET`, whose table documents the attributes.
        ("repository_files.md", 76..=76, "ST002"),
        // A final `...` that elides the rest of the object, closing braces included.
        ("usage_data.md", 150..=150, "RS002"),
        // "Example response, with line breaks added for readability:".
        ("repositories.md", 487..=487, "RS002"),
    ];
    for (page, lines, code) in gone {
        assert!(
            !has(&all, page, lines.clone(), code),
            "{page}:{lines:?} still gets {code}"
        );
    }
}

#[test]
fn the_misses_issue_10_lists_are_reported() {
    let Some(all) = findings() else { return };
    let found: &[(&str, std::ops::RangeInclusive<u64>, &str)] = &[
        // Write methods that return JSON without a response table.
        ("deploy_tokens.md", 138..=138, "ST006"),
        ("deploy_tokens.md", 286..=286, "ST006"),
        ("pipelines.md", 363..=363, "ST006"),
        ("pipelines.md", 414..=414, "ST006"),
        ("pipelines.md", 466..=466, "ST006"),
        ("pipelines.md", 542..=542, "ST006"),
        ("releases/_index.md", 457..=457, "ST006"),
        ("releases/_index.md", 634..=634, "ST006"),
        ("releases/_index.md", 743..=743, "ST006"),
        ("project_badges.md", 105..=105, "ST006"),
        ("project_badges.md", 140..=140, "ST006"),
        ("issues.md", 1174..=1174, "ST006"),
        // "At least one of the following parameters is required" over rows marked `No`.
        ("issues.md", 1200..=1220, "AT011"),
        // A tier named mid-sentence.
        ("releases/_index.md", 473..=473, "AV001"),
        ("releases/_index.md", 650..=650, "AV001"),
        // `[]` notation on a single-object response.
        ("releases/_index.md", 268..=277, "RS008"),
        // A cURL command broken across lines without ` \`.
        ("rest/troubleshooting.md", 162..=165, "CU019"),
        // A real URL in an example.
        ("releases/_index.md", 485..=485, "CU015"),
        // History of sections that are neither page, resource nor method.
        ("personal_access_tokens.md", 334..=334, "HI002"),
        ("usage_data.md", 156..=157, "HI002"),
        // Contradicting definitions are still duplicates.
        ("appearance.md", 128..=128, "XP001"),
    ];
    for (page, lines, code) in found {
        assert!(
            has(&all, page, lines.clone(), code),
            "{page}:{lines:?} does not get {code}"
        );
    }
}

/// False findings of the final stratified audit (see the closing note): each stays gone.
#[test]
fn the_false_findings_of_the_final_audit_stay_gone() {
    let Some(all) = findings() else { return };
    let gone: &[(&str, u64, &str)] = &[
        // `name` or `context`: two names of one attribute, each in backticks.
        ("commits.md", 792, "AT002"),
        // `--data "$PAYLOAD"`: a body built in a shell variable.
        ("commits.md", 167, "CU011"),
        // Placeholders of the token kind that works there.
        ("group_access_tokens.md", 228, "CU005"),
        ("project_access_tokens.md", 225, "CU005"),
        ("bulk_imports.md", 56, "CU005"),
        ("import.md", 170, "CU005"),
        // A raw HTTP message is an example, not a request block.
        ("features.md", 172, "RQ002"),
        ("features.md", 173, "RQ001"),
        ("features.md", 174, "RQ001"),
        // Required path parameters in the order of the request line.
        ("notes.md", 526, "AT003"),
        ("packages/npm.md", 38, "AT003"),
        ("emoji_reactions.md", 112, "AT003"),
    ];
    for (page, line, code) in gone {
        assert!(!has(&all, page, *line..=*line, code), "{code} still at {page}:{line}");
    }
    // What those pages do break is still reported, with help that fits.
    let help = |page: &str, line: u64, code: &str| {
        all.iter()
            .find(|(p, l, c, _)| p == page && *l == line && c == code)
            .map(|(.., h)| h.clone())
            .unwrap_or_default()
    };
    assert!(help("environments.md", 251, "AT008").contains("`:environment_id`"));
    assert!(help("search.md", 1168, "CU002").contains("&search=keyword"));
    assert!(help("releases/_index.md", 473, "AV001").contains("Premium and Ultimate customers"));
    assert!(has(&all, "notes.md", 528..=528, "AT003"), "order_by before sort");
    assert!(
        has(&all, "packages/npm.md", 69..=69, "CU019"),
        "every missing ` \\` at once"
    );
}

#[test]
fn success_sentence_help_fits_the_method() {
    let Some(all) = findings() else { return };
    let helps: Vec<&str> = all
        .iter()
        .filter(|(_, _, c, _)| c == "ST003")
        .map(|(_, _, _, h)| h.as_str())
        .collect();
    assert!(helps.iter().any(|h| h.contains("`204 No Content`")));
    assert!(helps.iter().any(|h| h.contains("`201 Created`")));
    // A DELETE "executed asynchronously" answers `202 Accepted`, not `204 No Content`.
    let deferred = all
        .iter()
        .find(|(p, l, c, _)| p == "container_registry.md" && *l == 205 && c == "ST003")
        .map(|(_, _, _, h)| h.as_str());
    assert!(deferred.is_some_and(|h| h.contains("`202 Accepted`")), "{deferred:?}");
    // No help promises response attributes with a status that has no body.
    assert!(!helps
        .iter()
        .any(|h| h.contains("204 No Content") && h.contains("response attributes")));
}

#[test]
fn explanatory_sections_of_the_overview_page_are_not_methods() {
    let Some(root) = corpus() else {
        eprintln!("skipped: ../shared/corpus/gitlab is not present");
        return;
    };
    let text = std::fs::read_to_string(root.join("doc/api/rest/_index.md")).unwrap();
    let page = docspec_parser::parse_str(&text);
    assert_eq!(page.methods().count(), 0);
    assert_eq!(page.request_examples.len(), 3);
}

/// The history findings audit B found false (`/work/notes/audit-B.md`), and the true ones
/// beside them that must stay.
#[test]
fn history_findings_of_audit_b() {
    let Some(all) = findings() else { return };
    let gone: &[(&str, u64, &str)] = &[
        // "Deprecated values: `timeout`, ..." deprecates values of `state`, not `state`.
        ("merge_requests.md", 3718, "HI004"),
        ("merge_requests.md", 3718, "HI005"),
        // The page history deprecates `merge_status` and others; the table writes `[].merge_status`.
        ("merge_requests.md", 285, "HI004"),
        ("merge_requests.md", 302, "HI004"),
        ("merge_requests.md", 306, "HI004"),
        ("merge_requests.md", 310, "HI004"),
        // "`sha` and `ref` [renamed](...) to `content_ref` and `dry_run_ref` in GitLab 16.10."
        ("lint.md", 87, "HI004"),
        ("lint.md", 88, "HI004"),
        // "[Feature flag removed](...) in GitLab 14.8." under the entry naming the one flag.
        ("deployments.md", 515, "HI003"),
    ];
    for (page, line, code) in gone {
        assert!(!has(&all, page, *line..=*line, code), "{page}:{line} still gets {code}");
    }
    // Findings gone by what their help asks, where the line keeps others.
    let gone_help: &[(&str, u64, &str, &str)] = &[
        // "[Deprecated](...) in GitLab 14.7, and scheduled for removal in [API version 5](...)."
        ("merge_requests.md", 306, "HI005", "planned for removal"),
        ("merge_requests.md", 310, "HI005", "planned for removal"),
        ("merge_requests.md", 709, "HI005", "planned for removal"),
        ("merge_requests.md", 714, "HI005", "planned for removal"),
        // The guide says to add the deprecation to the description, not where.
        ("merge_requests.md", 706, "HI005", "move the deprecation"),
        ("merge_requests.md", 709, "HI005", "move the deprecation"),
    ];
    for (page, line, code, help) in gone_help {
        assert!(
            !all.iter()
                .any(|(p, l, c, h)| p == page && l == line && c == code && h.contains(help)),
            "{page}:{line} still gets {code} asking for {help}"
        );
    }
    let kept: &[(&str, u64, &str)] = &[
        // Deprecated attributes that no history entry names.
        ("project_snippets.md", 98, "HI004"),
        ("project_snippets.md", 100, "HI004"),
        ("snippets.md", 311, "HI004"),
        // A flag with no default.
        ("product_analytics.md", 23, "HI003"),
    ];
    for (page, line, code) in kept {
        assert!(
            has(&all, page, *line..=*line, code),
            "{page}:{line} does not get {code}"
        );
    }
    // A default after a comma (`..., disabled by default.`) states it: the guide's forms
    // "might not fit every scenario. You can adjust to suit your needs."
    for line in [93, 157] {
        assert!(
            !has(&all, "usage_data.md", line..=line, "HI003"),
            "usage_data.md:{line} gets HI003"
        );
    }
    let kept_help: &[(&str, u64, &str, &str)] = &[
        // `[Deprecated](...) in GitLab 15.6. Use `detailed_merge_status` instead.`: no planned removal.
        ("merge_requests.md", 302, "HI005", "planned for removal"),
        ("merge_requests.md", 706, "HI005", "planned for removal"),
    ];
    for (page, line, code, help) in kept_help {
        assert!(
            all.iter()
                .any(|(p, l, c, h)| p == page && l == line && c == code && h.contains(help)),
            "{page}:{line} does not get {code} asking for {help}"
        );
    }
}

/// The review of the corpus's errors (round 3, `docs/audit.md`): a method that states its
/// success status in other words (a note, a status table, a list item, "Responds with")
/// is not silent about it. Each gets SC006's warning instead of ST003's error.
#[test]
fn a_status_stated_in_other_words_is_a_form_warning_not_a_missing_sentence() {
    let Some(all) = findings() else { return };
    let stated: &[(&str, u64, u64)] = &[
        // (page, method heading line, line of the statement)
        ("version.md", 5, 17),
        ("todos.md", 293, 295),
        ("pipelines.md", 466, 472),
        ("import.md", 102, 143),
        ("license.md", 109, 123),
        ("bulk_imports.md", 410, 441),
        ("snippets.md", 381, 407),
        ("merge_requests.md", 2836, 2861),
    ];
    for (page, heading, statement) in stated {
        assert!(
            !has(&all, page, *heading..=*heading, "ST003"),
            "{page}:{heading} still gets ST003"
        );
        assert!(
            has(&all, page, *statement..=*statement, "SC006"),
            "{page}:{statement} does not get SC006"
        );
    }
    // Methods that state no status at all keep the error.
    for (page, heading) in [("chat.md", 11), ("commits.md", 25), ("group_badges.md", 35)] {
        assert!(
            has(&all, page, heading..=heading, "ST003"),
            "{page}:{heading} lost ST003"
        );
    }
}
