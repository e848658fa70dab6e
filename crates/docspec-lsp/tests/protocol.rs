//! The server end to end over pipes: lifecycle, diagnostics, code actions, hover, the
//! outline, the workspace, and what a broken client may send.
#![allow(clippy::unwrap_used)] // test helpers fail loudly by design

mod common;

use common::{apply, codes, fixture, uri, Client};
use serde_json::{json, Value};

fn temp_page(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn lifecycle_errors_and_a_clean_exit() {
    let mut client = Client::start();
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "not initialized: {early}");
    let dir = tempfile::tempdir().unwrap();
    let init = client.initialize(dir.path());
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(init["result"]["serverInfo"]["name"], "docspec");
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600);
    let unknown = client.request("textDocument/frobnicate", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad_params = client.request("textDocument/hover", json!({"nope": 1}));
    assert_eq!(bad_params["error"]["code"], -32602, "{bad_params}");
    client.notify("workspace/unknownNotification", json!({"x": 1}));
    client.notify("$/cancelRequest", json!({"id": 1}));
    assert!(client.stop(), "shutdown then exit is a clean stop");
}

#[test]
fn malformed_messages_get_errors_and_the_server_goes_on() {
    let mut client = Client::start();
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse = client.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse["id"], Value::Null);
    let body = br#"{"jsonrpc":"2.0","id":7,"method":1}"#;
    client.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    client.send_raw(body);
    let invalid = client.wait_for(|m| m["error"]["code"] == -32600);
    assert_eq!(invalid["id"], 7);
    client.send_raw(b"X-Nothing: here\r\n\r\n");
    client.wait_for(|m| {
        m["error"]["code"] == -32700 && m["error"]["message"].as_str().unwrap().contains("Content-Length")
    });
    client.send_raw(b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc");
    client.wait_for(|m| m["error"]["code"] == -32700);
    let dir = tempfile::tempdir().unwrap();
    let init = client.initialize(dir.path());
    assert!(init["result"]["capabilities"].is_object(), "still serving: {init}");
    assert!(client.stop());
}

#[test]
fn the_end_of_input_without_shutdown_is_not_a_clean_stop() {
    let mut client = Client::start();
    let dir = tempfile::tempdir().unwrap();
    client.initialize(dir.path());
    client.notify("exit", Value::Null);
    assert!(!client.server.take().unwrap().join().unwrap().unwrap());
}

#[test]
fn diagnostics_carry_code_link_severity_and_related_request_lines() {
    let text = std::fs::read_to_string(fixture("rules/CU010.md")).unwrap();
    let (dir, path) = temp_page("CU010.md", &text);
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let mismatch = diagnostics
        .iter()
        .find(|d| d["code"] == "CU010")
        .expect("a CU010 finding");
    assert_eq!(mismatch["source"], "docspec");
    assert_eq!(mismatch["severity"], 1, "error");
    assert!(mismatch["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("docs/rules.md#cu010"));
    let related = mismatch["relatedInformation"].as_array().expect("related locations");
    assert_eq!(related[0]["message"], "request line");
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    let request_line = text
        .lines()
        .position(|l| l.starts_with("GET /projects/:id/widgets/:widget_id"))
        .unwrap();
    assert_eq!(related[0]["location"]["range"]["start"]["line"], request_line);
    assert!(client.stop());
}

#[test]
fn changes_are_debounced_and_linted_at_the_last_version() {
    let text = std::fs::read_to_string(fixture("report/widgets.md")).unwrap();
    let (dir, path) = temp_page("widgets.md", &text);
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, &text);
    assert!(codes(&client.diagnostics(&uri, Some(1))).contains(&"AT004".to_string()));
    // Five quick edits: `yes` becomes `Yes` at the end.
    let line = text.lines().position(|l| l.contains("| yes ")).unwrap();
    let column = text.lines().nth(line).unwrap().find("yes").unwrap();
    for (version, word) in [(2, "y"), (3, "ye"), (4, "Y"), (5, "yES"), (6, "Yes")] {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": {"line": line, "character": column},
                                                 "end": {"line": line, "character": column + 3}},
                                       "text": word}]}),
        );
        // Keep the text three letters wide for the next range.
        if word.len() != 3 {
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"range": {"start": {"line": line, "character": column + word.len()},
                                                     "end": {"line": line, "character": column + word.len()}},
                                           "text": &"xxx"[word.len()..]}]}),
            );
        }
    }
    let last = client.diagnostics(&uri, Some(6));
    assert!(!codes(&last).contains(&"AT004".to_string()), "{last:#?}");
    let earlier = client
        .inbox
        .iter()
        .filter(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["version"].as_i64().is_some_and(|v| (2..6).contains(&v))
        })
        .count();
    assert!(
        earlier < 4,
        "intermediate versions were mostly skipped ({earlier} published)"
    );
    assert!(client.stop());
}

#[test]
fn code_actions_fix_fix_all_and_suppress() {
    let text = std::fs::read_to_string(fixture("report/widgets.md")).unwrap();
    let (dir, path) = temp_page("widgets.md", &text);
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, &text);
    let diagnostics = client.diagnostics(&uri, Some(1));
    let required = diagnostics.iter().find(|d| d["code"] == "AT004").unwrap().clone();
    let response = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": required["range"], "context": {"diagnostics": [required]}}),
    );
    let actions = response["result"].as_array().unwrap().clone();
    let fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Write `Yes`"))
        .expect("the rule's fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true, "safe fixes are preferred");
    let fixed = apply(&text, fix["edit"]["changes"][&uri].as_array().unwrap());
    assert!(fixed.contains("| Yes      |"), "{fixed}");
    let suppress = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Suppress AT004"))
        .expect("suppression");
    let suppressed = apply(&text, suppress["edit"]["changes"][&uri].as_array().unwrap());
    assert!(
        suppressed.contains("<!-- docspec-disable-next-line AT004 -->\n| Attribute |"),
        "before the table: {suppressed}"
    );
    let fix_all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.docspec")
        .expect("fix all");
    let all_fixed = apply(&text, fix_all["edit"]["changes"][&uri].as_array().unwrap());
    assert!(all_fixed.contains("curl --request POST"), "{all_fixed}");

    // Applied by the editor, they leave no such finding (and no unused suppression).
    for (version, new_text, gone) in [(2, &suppressed, "AT004"), (3, &all_fixed, "CU001")] {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": new_text}]}),
        );
        let after = codes(&client.diagnostics(&uri, Some(version)));
        assert!(!after.contains(&gone.to_string()), "{gone} left: {after:?}");
        assert!(!after.contains(&"DS002".to_string()), "{after:?}");
    }
    let only = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert_eq!(only["result"], json!([]), "nothing left to fix: {only}");
    assert!(client.stop());
}

#[test]
fn hover_explains_rule_codes_and_shows_attribute_rows() {
    let text = "---\ntitle: Widgets\n---\n\n<!-- docspec-disable-next-line curl-short-option -->\n## Create a widget\n\n```plaintext\nPOST /widgets\n```\n\nSupported attributes:\n\n| Attribute | Type   | Required | Description |\n|-----------|--------|----------|-------------|\n| `name`    | string | Yes      | Name of the widget. |\n\nIf successful, returns [`201 Created`](rest/troubleshooting.md#status-codes) and the following response attributes:\n\n| Attribute     | Type    | Description |\n|---------------|---------|-------------|\n| `id`          | integer | ID of the widget. |\n| `owner.login` | string  | Login of its owner. |\n\n```shell\ncurl --request POST --url \"https://gitlab.example.com/api/v4/widgets?name=blue\"\n```\n\nExample response:\n\n```json\n{\n  \"id\": 1,\n  \"owner\": { \"login\": \"ada\" }\n}\n```\n";
    let (dir, path) = temp_page("widgets.md", text);
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, text);
    let at = |needle: &str, plus: usize| {
        let offset = text.find(needle).unwrap() + plus;
        let line = text[..offset].matches('\n').count();
        let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
        json!({"line": line, "character": column})
    };
    let rule = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("curl-short-option", 3)}),
    );
    let shown = rule["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("**CU001** `curl-short-option`"), "{shown}");
    assert!(shown.contains("## What it does"), "{shown}");
    let attribute = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("name=blue", 1)}),
    );
    let shown = attribute["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("| `name`    | string | Yes      | Name of the widget. |"),
        "{shown}"
    );
    assert!(
        shown.contains("| Attribute | Type   | Required | Description |"),
        "{shown}"
    );
    let json_key = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("\"login\": \"ada", 2)}),
    );
    let shown = json_key["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("response attribute"), "{shown}");
    assert!(
        shown.contains("| `owner.login` | string  | Login of its owner. |"),
        "{shown}"
    );
    let json_value = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("\"ada\"", 2)}),
    );
    assert_eq!(json_value["result"], Value::Null, "a value is not an attribute");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at("Widgets", 1)}),
    );
    assert_eq!(nothing["result"], Value::Null);
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(symbols["result"][0]["name"], "POST /widgets");
    assert_eq!(symbols["result"][0]["detail"], "Create a widget");
    assert_eq!(symbols["result"][0]["kind"], 6, "method");
    assert!(client.stop());
}

#[test]
fn cross_page_rules_see_the_workspace_and_open_buffers() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["api_resources.md", "gadgets.md", "widgets.md", "sprockets.md"] {
        std::fs::copy(fixture("project").join(name), dir.path().join(name)).unwrap();
    }
    let mut client = Client::start();
    client.initialize(dir.path());
    let widgets_text = std::fs::read_to_string(dir.path().join("widgets.md")).unwrap();
    let widgets = client.open(&dir.path().join("widgets.md"), &widgets_text);
    let found = client.diagnostics(&widgets, Some(1));
    let duplicates: Vec<&Value> = found.iter().filter(|d| d["code"] == "XP001").collect();
    assert_eq!(duplicates.len(), 1, "{found:#?}");
    let other = duplicates[0]["relatedInformation"][0]["location"]["uri"]
        .as_str()
        .unwrap();
    assert!(other.ends_with("/gadgets.md"), "{:#?}", duplicates[0]);
    // gadgets.md open with its methods moved: its buffer stands in for the file.
    let gadgets_text = std::fs::read_to_string(dir.path().join("gadgets.md")).unwrap();
    client.open(
        &dir.path().join("gadgets.md"),
        &gadgets_text.replace("/gadgets", "/gizmos"),
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": widgets, "version": 2}, "contentChanges": [{"text": widgets_text}]}),
    );
    let again = client.diagnostics(&widgets, Some(2));
    let against_gadgets = again
        .iter()
        .filter(|d| d["code"] == "XP001" && d["message"].as_str().unwrap().contains("gadgets.md"))
        .count();
    assert_eq!(against_gadgets, 0, "{again:#?}");
    assert!(client.stop());
}

#[test]
fn configuration_is_discovered_and_reloaded() {
    let text = std::fs::read_to_string(fixture("report/widgets.md")).unwrap();
    let (dir, path) = temp_page("widgets.md", &text);
    let config = dir.path().join(".docspec.yml");
    std::fs::write(&config, "ignore: [AT004]\n").unwrap();
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, &text);
    let first = codes(&client.diagnostics(&uri, Some(1)));
    assert!(
        !first.contains(&"AT004".to_string()) && first.contains(&"CU001".to_string()),
        "{first:?}"
    );
    std::fs::write(&config, "ignroe: [AT004]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": common::uri(&config), "type": 2}]}),
    );
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `ignore`?"),
        "{shown}"
    );
    let on_config = client.diagnostics(&common::uri(&config), None);
    assert_eq!(on_config[0]["range"]["start"]["line"], 0);
    assert!(
        client.diagnostics(&uri, Some(1)).is_empty(),
        "no findings under a broken configuration"
    );
    std::fs::write(&config, "ignore: [CU001]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": common::uri(&config), "type": 2}]}),
    );
    let now = codes(&client.diagnostics(&uri, Some(1)));
    assert!(
        now.contains(&"AT004".to_string()) && !now.contains(&"CU001".to_string()),
        "{now:?}"
    );
    assert!(
        client.diagnostics(&common::uri(&config), None).is_empty(),
        "the config error is cleared"
    );
    assert!(client.stop());
}

#[test]
fn deleted_files_broken_pages_and_wild_edits_never_stop_the_server() {
    let (dir, path) = temp_page("gone.md", "# Gone\n");
    let mut client = Client::start();
    client.initialize(dir.path());
    let uri = client.open(&path, "# Gone\n");
    client.diagnostics(&uri, Some(1));
    std::fs::remove_file(&path).unwrap();
    std::fs::remove_dir_all(dir.path()).unwrap();
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "## Get\n\n```plaintext\nGET /x\n"}]}));
    client.diagnostics(&uri, Some(2));
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    // Edits past the end, inverted ranges, a position inside a surrogate pair.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 99, "character": 5}, "end": {"line": 120, "character": 0}}, "text": "😀 tail"},
            {"range": {"start": {"line": 2, "character": 9}, "end": {"line": 0, "character": 1}}, "text": "x"},
            {"range": {"start": {"line": 4, "character": 1}, "end": {"line": 4, "character": 2}}, "text": "y"}]}),
    );
    client.diagnostics(&uri, Some(3));
    // Text that is hardly Markdown at all.
    let junk = "```\n| a |\n|\n<!-- docspec-disable-next-line -->\n{{< history >}}\n\u{0}\u{7f}\n```json\n{\"a\":\n> - `x`\n[`";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": junk}]}),
    );
    client.diagnostics(&uri, Some(4));
    for method in [
        "textDocument/hover",
        "textDocument/codeAction",
        "textDocument/documentSymbol",
    ] {
        let response = client.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 40},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 90, "character": 0}},
                   "context": {"diagnostics": []}}),
        );
        assert!(response.get("error").is_none(), "{method}: {response}");
    }
    // A document that was never opened gets empty answers.
    let other = uri.replace("gone.md", "never.md");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": other}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": other, "version": 1}, "contentChanges": [{"text": "x"}]}),
    );
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"].is_null()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]), "closing clears");
    assert!(client.stop());
}

#[test]
fn untitled_buffers_are_linted_with_the_defaults() {
    let mut client = Client::start();
    let dir = tempfile::tempdir().unwrap();
    client.initialize(dir.path());
    let text = std::fs::read_to_string(fixture("report/widgets.md")).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1, "text": text}}),
    );
    assert!(codes(&client.diagnostics("untitled:Untitled-1", Some(1))).contains(&"CU001".to_string()));
    let _ = uri;
    assert!(client.stop());
}
