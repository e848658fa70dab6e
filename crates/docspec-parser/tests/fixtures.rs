//! The parser on pages written for it: every vintage's history, availability and alert
//! forms, read into the model (a compact dump, snapshot-tested).
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

use docspec_model::{Page, SourceFile};
use std::fmt::Write;

fn dump(source: &SourceFile, page: &Page) -> String {
    let at = |r: docspec_model::TextRange| {
        let lc = source.line_col(r.start());
        format!("{}:{}", lc.line, lc.column)
    };
    let mut out = String::new();
    let title = page.title.as_ref().unwrap();
    writeln!(
        out,
        "title {:?} ({:?}) at {}",
        title.text,
        title.source,
        at(title.range)
    )
    .unwrap();
    for a in &page.availability {
        let lines: Vec<String> = a
            .lines
            .iter()
            .map(|l| format!("{}={}", l.key.value, l.value.value))
            .collect();
        writeln!(out, "page availability {:?} {}", a.form, lines.join("; ")).unwrap();
    }
    for h in &page.history {
        writeln!(out, "page history {:?} {} entries", h.form, h.entries.len()).unwrap();
    }
    for alert in &page.alerts {
        writeln!(
            out,
            "alert {} {:?} at {} text-on-label-line={}: {:?}",
            alert.kind,
            alert.form,
            at(alert.range),
            alert.text_on_label_line,
            alert.text
        )
        .unwrap();
    }
    for r in &page.resources {
        writeln!(out, "resource {:?}", r.title).unwrap();
        for m in &r.methods {
            writeln!(
                out,
                "  method {:?} at {} anchor {}",
                m.title.value,
                at(m.title.range),
                m.anchor
            )
            .unwrap();
            for l in m.request_lines() {
                let params: Vec<&str> = l.params.iter().map(|p| p.value.as_str()).collect();
                writeln!(
                    out,
                    "    request {} {} form={:?} path={} params={params:?} query={:?}",
                    l.verb.value,
                    at(l.range),
                    l.form,
                    l.path.value,
                    l.query.as_ref().map(|q| q.value.as_str())
                )
                .unwrap();
            }
            for a in &m.availability {
                let lines: Vec<String> = a
                    .lines
                    .iter()
                    .map(|l| format!("{}={}", l.key.value, l.value.value))
                    .collect();
                writeln!(out, "    availability {:?} {}", a.form, lines.join("; ")).unwrap();
            }
            for h in &m.history {
                for e in &h.entries {
                    writeln!(
                        out,
                        "    history {:?} verb={:?} subject={:?} version={:?} flag={:?} default={:?} link={}",
                        h.form,
                        e.verb.as_ref().map(|v| v.value.as_str()),
                        e.subject.as_ref().map(|v| v.value.as_str()),
                        e.version.as_ref().map(|v| v.value.as_str()),
                        e.flag.as_ref().map(|v| v.value.as_str()),
                        e.flag_default,
                        e.link.is_some()
                    )
                    .unwrap();
                }
            }
            for e in &m.examples {
                writeln!(
                    out,
                    "    example {:?} at {}",
                    e.role,
                    at(page.code_blocks[e.code_block].range)
                )
                .unwrap();
            }
            writeln!(out, "    alerts {:?}", m.alerts).unwrap();
        }
    }
    for issue in &page.issues {
        writeln!(out, "issue {:?} at {}: {}", issue.kind, at(issue.range), issue.message).unwrap();
    }
    out
}

#[test]
fn every_vintage_is_read() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../doc-fixtures/parser/vintages.md");
    let source = SourceFile::new("vintages.md", std::fs::read_to_string(path).unwrap());
    let page = docspec_parser::parse(&source);
    insta::assert_snapshot!("vintages", dump(&source, &page));
}

#[test]
fn never_fails_on_odd_input() {
    let inputs = [
        "",
        "---",
        "---\ntitle: [x\n",
        "```plaintext\nGET\n```",
        "| a |\n|---|\n| b | c | d |",
        "{{< history >}}",
        "{{< /alert >}}",
        "> - \n",
        "# \n## \n### x **(FREE)**",
        "```\n```\n```",
        "<!-- docspec-disable",
        "\u{feff}# T",
        "GET /x",
        "> [!warning]\n",
        "```plaintext\nGET /a/:\n```",
    ];
    for text in inputs {
        let page = docspec_parser::parse(&SourceFile::new("x.md", text));
        let _ = serde_json::to_string(&page).unwrap();
    }
}

#[test]
fn sections_without_methods_keep_their_availability_and_history() {
    let page = docspec_parser::parse_str(
        "# T\n\n## Overview\n\nDETAILS:\n**Tier:** Premium\n\n> - Introduced in GitLab 16.0.\n\nText.\n\n\
         ## Get a thing\n\n```plaintext\nGET /things\n```\n",
    );
    assert_eq!(page.topics.len(), 1);
    let notes = &page.topics[0];
    assert_eq!(page.headings[notes.heading].text, "Overview");
    assert_eq!(notes.availability.len(), 1);
    assert_eq!(notes.history.len(), 1);
    assert!(page.resources.iter().all(|r| r.availability.is_empty()));
}

#[test]
fn a_quote_that_writes_its_version_with_a_tier_is_history() {
    // 2019 to 2021 pages: `> [Introduced](...) in [GitLab Premium](...) 12.10.`, no list.
    let page = docspec_parser::parse_str(
        "# T\n\n## Collect evidence\n\n> [Introduced](https://gitlab.com/issues/1) in \
         [GitLab Premium](https://about.gitlab.com/pricing/) 12.10.\n\nCollect the evidence.\n\n\
         ```plaintext\nPOST /evidence\n```\n",
    );
    let method = &page.resources[0].methods[0];
    assert_eq!(method.history.len(), 1);
    assert_eq!(method.history[0].form, docspec_model::HistoryForm::Blockquote);
    assert_eq!(
        method.description.as_ref().map(|d| d.value.as_str()),
        Some("Collect the evidence.")
    );
}

#[test]
fn a_status_icon_before_the_required_value_is_decoration() {
    let text = "# T\n\n## Update a topic\n\n```plaintext\nPUT /topics/:id\n```\n\n\
                | Attribute | Type | Required | Description |\n| --- | --- | --- | --- |\n\
                | `id` | integer | **{check-circle}** Yes | ID. |\n\
                | `name` | string | {{< icon name=\"dotted-circle\" >}} No | Name. |\n\
                | `icon` | string | **{check-circle}** | Only an icon. |\n\
                | `entity` | string | **{check-circle}** Y&amp;s | An entity after the icon. |\n";
    let page = docspec_parser::parse_str(text);
    let rows = &page.resources[0].methods[0].request_tables[0].rows;
    let required: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            let q = r.required.as_ref().unwrap();
            (q.value.as_str(), &text[q.range.as_range()])
        })
        .collect();
    assert_eq!(
        required,
        [
            ("Yes", "Yes"),
            ("No", "No"),
            ("{check-circle}", "**{check-circle}**"),
            // Offsets into text an entity shortened are not offsets into the page.
            ("{check-circle} Y&s", "**{check-circle}** Y&amp;s")
        ]
    );
}

#[test]
fn a_nested_method_for_a_path_of_its_parent_is_a_variant_of_it() {
    let page = docspec_parser::parse_str(
        "# T\n\n## Get a file\n\n```plaintext\nGET /files/:file_path\n```\n\n\
         | Attribute | Type | Required | Description |\n|---|---|---|---|\n| `file_path` | string | Yes | Path. |\n\n\
         ### Headers only\n\n```plaintext\nHEAD /files/:path\n```\n\n\
         ### Blame\n\n```plaintext\nGET /files/:file_path/blame\n```\n\n\
         ## Delete a file\n\n```plaintext\nDELETE /files/:file_path\n```\n",
    );
    let methods: Vec<_> = page.methods().collect();
    let heading = |m: &docspec_model::Method| m.heading.map(|h| page.headings[h].text.as_str());
    let variants: Vec<Option<&str>> = methods
        .iter()
        .map(|m| m.variant_of.map(|h| page.headings[h].text.as_str()))
        .collect();
    assert_eq!(
        methods.iter().map(|m| heading(m)).collect::<Vec<_>>(),
        [
            Some("Get a file"),
            Some("Headers only"),
            Some("Blame"),
            Some("Delete a file")
        ]
    );
    // Only the nested method of the same path; a sibling section of that path is not.
    assert_eq!(variants, [None, Some("Get a file"), None, None]);
    assert_eq!(page.request_tables_of(methods[1]).count(), 1);
    assert_eq!(page.request_tables_of(methods[2]).count(), 0);
}

/// Hugo reads shortcode tags before Markdown: a tag line with no blank line between it and
/// the text (or the list) it opens or closes is still a tag, not a line of that text.
#[test]
fn shortcode_tags_glued_to_text_or_lists_are_tags() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../doc-fixtures/parser/shortcode_lines.md"
    );
    let page = docspec_parser::parse_str(&std::fs::read_to_string(path).unwrap());
    assert!(page.issues.is_empty(), "{:?}", page.issues);
    let alerts: Vec<(&str, &str)> = page.alerts.iter().map(|a| (a.kind.as_str(), a.text.as_str())).collect();
    assert_eq!(
        alerts,
        [
            ("note", "Archived gadgets are returned too."),
            ("warning", "The colour of a gadget made before GitLab 17.3 is null.")
        ]
    );
    let method = page.methods().next().unwrap();
    assert_eq!(method.history.len(), 1);
    let versions: Vec<Option<&str>> = method.history[0]
        .entries
        .iter()
        .map(|e| e.version.as_ref().map(|v| v.value.as_str()))
        .collect();
    assert_eq!(versions, [Some("17.1"), Some("17.3")]);
    // The last entry ends at its own text, not at the closing tag after it.
    let last = method.history[0].entries[1].range;
    assert!(!page_text(path)[last.as_range()].contains("{{<"));
    assert_eq!(page.shortcodes.iter().filter(|s| s.closing).count(), 4);
    // The lead-in of the response table is the success sentence, not the alert's text.
    let lead_in = method.response_tables[0].lead_in.as_ref().map(|l| l.value.as_str());
    assert!(lead_in.is_some_and(|l| l.starts_with("If successful")), "{lead_in:?}");
    // A paragraph that only mentions a tag inside its text is left whole.
    let mentioned = docspec_parser::parse_str("# T\n\nWrite {{< alert >}} and\nthen {{< /alert >}} to close it.\n");
    assert_eq!(mentioned.paragraphs.len(), 1);
    assert!(mentioned.shortcodes.is_empty());
    // An inline shortcode on a line of its own stays in its paragraph.
    let inline = docspec_parser::parse_str("# T\n\nStatus:\n{{< icon name=\"check\" >}}\nReady.\n");
    assert_eq!(inline.paragraphs.len(), 1);
    assert!(inline.shortcodes.is_empty());
}

/// "If successful, returns:" introduces a list of statuses; the sentence states the first
/// success status of the list.
#[test]
fn a_success_sentence_that_introduces_a_list_states_its_first_success_status() {
    let page = docspec_parser::parse_str(
        "# T\n\n## Check a gadget\n\n```plaintext\nPOST /gadgets/check\n```\n\n\
         If successful, returns:\n\n\
         - [`403`](rest/troubleshooting.md#status-codes) if the gadget is off.\n\
         - [`200 OK`](rest/troubleshooting.md#status-codes) if the gadget is on.\n",
    );
    let method = page.methods().next().unwrap();
    let sentence = &method.success[0];
    assert_eq!(sentence.form, docspec_model::SuccessForm::Template);
    assert_eq!(sentence.code, Some(200));
    assert_eq!(sentence.reason.as_deref(), Some("OK"));
    assert_eq!(
        sentence.link.as_ref().map(|l| l.value.as_str()),
        Some("rest/troubleshooting.md#status-codes")
    );
    // Without the colon, the list is not the sentence's.
    let apart = docspec_parser::parse_str(
        "# T\n\n## Check a gadget\n\n```plaintext\nPOST /gadgets/check\n```\n\n\
         If successful, returns nothing.\n\n- [`200 OK`](x.md) if on.\n",
    );
    assert_eq!(apart.methods().next().unwrap().success[0].code, None);
}

#[test]
fn a_table_that_maps_or_lists_values_is_not_an_attribute_table() {
    let page = docspec_parser::parse_str(
        "# T\n\n## Update a gadget\n\nThe gadget's fields come from the IdP:\n\n\
         | IdP attribute | GitLab field |\n|---|---|\n| `externalId` | `extern_uid` |\n\n\
         ```plaintext\nPUT /gadgets/:id\n```\n\n\
         | Attribute | Type | Required | Description |\n|---|---|---|---|\n| `id` | integer | Yes | The ID. |\n\n\
         Other fields take these values:\n\n\
         | Attribute | Value |\n|---|---|\n| `state` | `opened` |\n\n\
         | Attribute | Description |\n|---|---|\n| `name` | The name. |\n",
    );
    let method = page.methods().next().unwrap();
    let request: Vec<_> = method.request_tables.iter().map(|t| t.table).collect();
    let response: Vec<_> = method.response_tables.iter().map(|t| t.table).collect();
    assert_eq!((request, response), (vec![1], vec![3]));
}

fn page_text(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// A page parsed from events its caller keeps (as `build` does, to render the prose from
/// them) is the page the parser reads on its own.
#[test]
fn kept_events_give_the_same_model() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../doc-fixtures");
    let pages: Vec<std::path::PathBuf> = walkdir::WalkDir::new(fixtures)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    assert!(pages.len() > 10, "fixtures not found under {fixtures}");
    for path in pages {
        let text = std::fs::read_to_string(&path).unwrap();
        let streamed = serde_json::to_string(&docspec_parser::parse_str(&text)).unwrap();
        let events = docspec_parser::events(&text);
        let kept = serde_json::to_string(&docspec_parser::parse_events(&text, &events)).unwrap();
        assert!(
            streamed == kept,
            "{} parses differently from kept events",
            path.display()
        );
    }
}

#[test]
fn requests_to_a_real_resource_under_troubleshooting_are_no_methods() {
    let troubleshooting = "# T\n\n## Get a thing\n\n```plaintext\nGET /projects/:id/things/:thing_id\n```\n\n\
         ## Troubleshooting\n\n### Error 404 with a project path\n\nThis request fails:\n\n\
         ```plaintext\nGET /api/v4/projects/gitlab-org/gitlab/things/1\n```\n\n\
         Encode the path:\n\n```plaintext\nGET /api/v4/projects/gitlab-org%2Fgitlab/things/1\n```\n";
    let page = docspec_parser::parse_str(troubleshooting);
    let titles: Vec<&str> = page.methods().map(|m| m.title.value.as_str()).collect();
    assert_eq!(titles, ["Get a thing"]);
    // The same section elsewhere is a method (its values are reported, not ignored), and
    // an endpoint under troubleshooting is still one.
    let elsewhere = troubleshooting.replace("## Troubleshooting", "## Things by path");
    assert_eq!(docspec_parser::parse_str(&elsewhere).methods().count(), 2);
    let endpoint = troubleshooting.replace(
        "GET /api/v4/projects/gitlab-org%2Fgitlab/things/1",
        "GET /projects/:id/things",
    );
    assert_eq!(docspec_parser::parse_str(&endpoint).methods().count(), 2);
}

#[test]
fn a_json_block_introduced_by_a_request_status_is_a_response() {
    let page = |lead: &str| {
        format!(
            "# W\n\n## Add a widget\n\n```plaintext\nPOST /widgets\n```\n\n\
             {lead}\n\n```json\n{{\"message\": \"bad\"}}\n```\n"
        )
    };
    let role = |lead: &str| {
        let parsed = docspec_parser::parse_str(&page(lead));
        let method = parsed.methods().next().unwrap();
        method.examples.iter().map(|e| e.role).collect::<Vec<_>>()
    };
    use docspec_model::ExampleRole::{RequestBody, Response};
    // `Bad Request` and `Too Many Requests` name statuses, not the request.
    assert_eq!(
        role("If an error occurs a `400 Bad Request` is returned with a message:"),
        [Response]
    );
    assert_eq!(role("Over the limit, it returns `429 Too Many Requests`:"), [Response]);
    assert_eq!(role("Example request body:"), [RequestBody]);
    assert_eq!(
        role("A bad request body, which returns `400 Bad Request`:"),
        [RequestBody]
    );
}

#[test]
fn a_lead_in_that_names_a_parent_prefixes_the_response_table_after_it() {
    let text = "# W\n\n## Get a widget\n\n```plaintext\nGET /widgets/:id\n```\n\n\
                If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes) and the following response attributes:\n\n\
                | Attribute | Type | Description |\n|---|---|---|\n| `parts` | object array | Parts. |\n\n\
                Response attributes for `parts[]`:\n\n\
                | Attribute | Type | Description |\n|---|---|---|\n| `name` | string | Name. |\n\n\
                Supported attributes for `parts[]`, as prose that introduces no table.\n\n\
                | Attribute | Type | Description |\n|---|---|---|\n| `size` | integer | Size. |\n";
    let page = docspec_parser::parse_str(text);
    let method = page.methods().next().unwrap();
    let prefixes: Vec<Option<&str>> = method.response_tables.iter().map(|t| t.prefix.as_deref()).collect();
    // The last lead-in does not end with `:`, so it introduces nothing.
    assert_eq!(prefixes, [None, Some("parts[]"), None]);
}

#[test]
fn a_paragraph_that_tells_an_example_does_not_make_the_request_block_one() {
    let page = |lead: &str, line: &str| {
        format!("# W\n\n## List widget specs\n\n{lead}\n\n```plaintext\n{line}\n```\n\n```shell\ncurl --url \"https://gitlab.example.com/api/v4/projects/1/widget_specs\"\n```\n")
    };
    let blocks = |text: &str| {
        docspec_parser::parse_str(text)
            .methods()
            .map(|m| m.request_blocks.len())
            .sum::<usize>()
    };
    let told = "For instance, with two specs, only the one for the environment you pass is returned.";
    assert_eq!(blocks(&page(told, "GET /projects/:id/widget_specs")), 1);
    // A lead-in that introduces the block, or a concrete request, is an illustration.
    assert_eq!(
        blocks(&page(
            "For example, to list the specs of project 1:",
            "GET /projects/:id/widget_specs"
        )),
        0
    );
    assert_eq!(blocks(&page(told, "GET /projects/1/widget_specs")), 0);
}
