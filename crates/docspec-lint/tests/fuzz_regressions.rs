//! Rule bugs the `pipeline` fuzz target found (`fuzz/`, `docs/fuzzing.md`), each pinned on
//! the smallest page that shows it. The inputs as the fuzzer found them are replayed by
//! `tests/fuzz.rs` from `doc-fixtures/fuzz/pipeline/`.

mod common;

use common::{lint_text, only};

fn codes(text: &str, rule: &str) -> Vec<(usize, &'static str)> {
    let (source, diagnostics) = lint_text("doc/api/widgets.md", text, &only(&[rule]));
    diagnostics
        .iter()
        .map(|d| (source.line_col(d.range().start()).line, d.code))
        .collect()
}

/// A quote never closed runs the URL's word to the end of the block: its spaces are
/// between words, not in a URL. Writing them as `%20` broke the command further, and
/// with other fixes re-adding spaces the fix loop never settled.
#[test]
fn cu017_leaves_a_url_with_an_unterminated_quote_alone() {
    let broken = "# Widgets\n\n```shell\ncurl --url \"https://gitlab.example.com/api/v4/widgets --header x\n```\n";
    assert_eq!(codes(broken, "CU017"), []);
    let spaced = "# Widgets\n\n```shell\ncurl --url \"https://gitlab.example.com/api/v4/widgets?search=a b\"\n```\n";
    assert_eq!(codes(spaced, "CU017"), [(4, "CU017")]);
}

/// A user name in the URL that starts with the host's letters (`gitlab-ci-token` on the
/// host `gitla`): the host fix replaced the URL's first letters, which were the user
/// name's, and the host stayed wrong, one pass after another. Only a URL written from
/// its origin on gets the fix.
#[test]
fn cu004_fixes_the_host_only_where_the_url_starts_with_it() {
    let text =
        "# Widgets\n\n```shell\ncurl --url \"https://gitlab-ci-token:${CI_JOB_TOKEN}@gitla/api/v4/widgets\"\n```\n";
    let (_, diagnostics) = lint_text("doc/api/widgets.md", text, &only(&["CU004"]));
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].fix.is_none(), "{:?}", diagnostics[0].fix);
    let plain = "# Widgets\n\n```shell\ncurl --url \"https://gitla/api/v4/widgets\"\n```\n";
    let (_, diagnostics) = lint_text("doc/api/widgets.md", plain, &only(&["CU004"]));
    assert!(diagnostics[0].fix.is_some());
}

/// A `\` on the last line of a block inside a list item: the line after the block is
/// outside it. Indenting that line pulled it into the block, one line per fix pass, so
/// the fix loop never settled on a long tail of prose.
#[test]
fn cu013_does_not_indent_the_line_after_the_block() {
    let text = "# Widgets\n\n1. Get one:\n\n   ```shell\n   curl --url \"https://gitlab.example.com/api/v4/widgets\" \\\n   ```\n\nProse after the list.\n";
    assert_eq!(codes(text, "CU013"), []);
    let inside = "# Widgets\n\n```shell\ncurl \\\n--url \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    assert_eq!(codes(inside, "CU013"), [(5, "CU013")]);
}

/// A `\` continuation inside a double-quoted URL: the spaces around it are part of the
/// quoted value. CU013 respaced them and CU017 wrote them as `%20`, forever.
#[test]
fn cu013_leaves_a_continuation_inside_a_quoted_word_alone() {
    let text = "# Widgets\n\n```shell\ncurl --url \"https://gitlab.example.com/api/v4/widgets?a=b   \\\nc\"\n```\n";
    assert_eq!(codes(text, "CU013"), []);
}

/// Spaces after a header line's last word: CU019 wrote ` \` before them, and a `\`
/// followed by a space escapes the space instead of continuing the line, so the rule
/// fired again on the next pass (and other cURL fixes turned the escaped spaces into
/// `--url "%20"`). Its fix now takes the spaces out, and only takes them out when the
/// line already ends with such a `\`.
#[test]
fn cu019_fix_removes_the_spaces_that_break_the_continuation() {
    let page = |line: &str| {
        format!("# Widgets\n\n```shell\ncurl --request GET \\\n  {line}\n  --url \"https://gitlab.example.com/api/v4/widgets\"\n```\n")
    };
    let fixed = page("--header \"PRIVATE-TOKEN: <your_access_token>\" \\");
    for broken in [
        "--header \"PRIVATE-TOKEN: <your_access_token>\"  ",
        "--header \"PRIVATE-TOKEN: <your_access_token>\" \\ ",
    ] {
        let text = page(broken);
        let (_, diagnostics) = lint_text("doc/api/widgets.md", &text, &only(&["CU019"]));
        let fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
        assert_eq!(fixes.len(), 1, "{broken:?}: {diagnostics:?}");
        let (after, applied) = docspec_diagnostics::apply_fixes(&text, &fixes);
        assert_eq!(applied, 1);
        assert_eq!(after, fixed, "{broken:?}");
        assert_eq!(codes(&after, "CU019"), [], "{broken:?} settles");
    }
}

/// A request table row cut short (`| `title` | string` and a line break) has no Required
/// cell: AT011 wrote `Conditionally` at the row's end, which is the next line, once per
/// fix pass. It now leaves such a row to the table rules.
#[test]
fn at011_does_not_write_into_a_missing_cell() {
    let page = |row: &str| {
        format!(
            "# Widgets\n\n## Update a widget\n\n```plaintext\nPUT /widgets/:id\n```\n\n\
             At least one of `name` or `title` must be given.\n\nSupported attributes:\n\n\
             | Attribute | Type | Required | Description |\n|-----------|------|----------|-------------|\n\
             | `id` | integer | Yes | ID of the widget. |\n| `name` | string | No | New name. |\n{row}\nNext line.\n"
        )
    };
    // `name` (line 16) is reported either way; the cut-short `title` row is not.
    assert_eq!(codes(&page("| `title` | string"), "AT011"), [(16, "AT011")]);
    let written = codes(&page("| `title` | string | No | New title. |"), "AT011");
    assert_eq!(written, [(16, "AT011"), (17, "AT011")]);
}

/// A `PRIVATE-TOKEN` header whose quote closes lines later: its value is whatever lies
/// between the quotes. CU005 replaced all of it with the placeholder, the quotes paired
/// up anew, and each fix pass ate more of the page. Such a value (CU019 reports it) is
/// left alone now.
#[test]
fn cu005_leaves_a_header_value_broken_across_lines_alone() {
    let text = "# Widgets\n\n```shell\ncurl --request POST --header \"PRIVATE-TOKEN: token\n  --url https://gitlab.example.com/api/v4/widgets\"\n```\n";
    assert_eq!(codes(text, "CU005"), []);
    let one_line = "# Widgets\n\n```shell\ncurl --header \"PRIVATE-TOKEN: token\" --url \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    assert_eq!(codes(one_line, "CU005"), [(4, "CU005")]);
}

/// `-url URL` (found by an audit, not the fuzzer): curl-short-option makes it `--url`,
/// and curl-url-option also wrote `--url ` before the URL, so together they gave
/// `--url --url "https://..."`, and later passes made it worse. The URL after a `-url`
/// is now left to curl-short-option.
#[test]
fn a_one_dash_url_option_gets_one_fix() {
    let text = "# Widgets\n\n```shell\ncurl --header \"PRIVATE-TOKEN: <your_access_token>\" \\\n  -url \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    let (_, diagnostics) = lint_text("doc/api/widgets.md", text, &only(&["CU001", "CU003"]));
    let fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
    let (after, applied) = docspec_diagnostics::apply_fixes(text, &fixes);
    assert_eq!(applied, 1, "{diagnostics:?}");
    assert!(
        after.contains("\n  --url \"https://gitlab.example.com/api/v4/widgets\"\n"),
        "{after}"
    );
    assert_eq!(codes(&after, "CU001"), []);
    assert_eq!(codes(&after, "CU003"), []);
    // A URL with no option before it is still reported.
    let bare = "# Widgets\n\n```shell\ncurl \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    assert_eq!(codes(bare, "CU003"), [(4, "CU003")]);
}

/// `curl -- word`: after `--` every word is a URL, a `--url` inserted there too, so
/// curl-url-option added `--url` before each new "URL" on every pass and the fix loop
/// never settled. The URL after `--` is still reported, with no fix.
#[test]
fn cu003_has_no_fix_after_the_end_of_options() {
    let text = "# Widgets\n\n```shell\ncurl -- \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    let (_, diagnostics) = lint_text("doc/api/widgets.md", text, &only(&["CU003"]));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].fix.is_none(), "{diagnostics:?}");
    let before = "# Widgets\n\n```shell\ncurl \"https://gitlab.example.com/api/v4/widgets\" --\n```\n";
    let (_, diagnostics) = lint_text("doc/api/widgets.md", before, &only(&["CU003"]));
    assert!(diagnostics[0].fix.is_some(), "{diagnostics:?}");
}

/// A nested row required inside an optional parent (`files:kind`) listed among the
/// required rows, with a `Conditionally` path parameter: the fix sorted children by their
/// parent's key alone, so `files:kind` could land above `files`, which the check rejects.
/// The next pass moved `Conditionally` rows to another group, and the one after moved
/// them back, forever. The fix now puts a child under its parent, as the check wants.
#[test]
fn at003_fix_puts_a_nested_row_under_its_parent_and_settles() {
    let mut text = String::from(
        "# Widgets\n\n## Update a part\n\n```plaintext\nPUT /widgets/:id/parts/:part_id\n```\n\n\
         Supported attributes:\n\n\
         | Attribute | Type | Required | Description |\n|-----------|------|----------|-------------|\n\
         | `id` | integer | Yes, unless `name` is set | ID of the widget. |\n\
         | `files:kind` | string | Yes | Kind of the file. |\n\
         | `part_id` | integer | Yes | ID of the part. |\n\
         | `color` | string | No | Color of the part. |\n\
         | `files` | array | No | Files of the part. |\n\
         | `title` | string | No | Title of the part. |\n",
    );
    let settings = only(&["AT003"]);
    let mut passes = 0;
    loop {
        let (_, diagnostics) = lint_text("doc/api/widgets.md", &text, &settings);
        let fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
        if fixes.is_empty() {
            break;
        }
        passes += 1;
        assert!(passes <= 2, "AT003's fix does not settle:\n{text}");
        text = docspec_diagnostics::apply_fixes(&text, &fixes).0;
    }
    assert_eq!(passes, 1);
    let names: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .collect();
    assert_eq!(names, ["id", "part_id", "color", "files", "files:kind", "title"]);
    assert_eq!(codes(&text, "AT003"), []);
}

/// A child row above its parent, the table otherwise in order: the check rejected it and
/// the fix, sorting the child by its parent's key, found nothing to move, so the finding
/// went unreported. It is reported now, with the fix that moves the parent up.
#[test]
fn at003_reports_a_nested_row_above_its_parent() {
    let text = "# Widgets\n\n## Create a widget\n\n```plaintext\nPOST /widgets\n```\n\n\
                Supported attributes:\n\n\
                | Attribute | Type | Required | Description |\n|-----------|------|----------|-------------|\n\
                | `name` | string | Yes | Name of the widget. |\n\
                | `color` | string | No | Color of the widget. |\n\
                | `files:kind` | string | No | Kind of the file. |\n\
                | `files` | array | No | Files of the widget. |\n";
    assert_eq!(codes(text, "AT003"), [(16, "AT003")]);
}

/// A JSON body whose syntax error is at a character of more than one byte: the label
/// covered its first byte only, which no report can draw. It covers the character.
#[test]
fn cu012_labels_the_whole_character_the_body_fails_at() {
    let text = "# Widgets\n\n```shell\ncurl --request POST --header \"Content-Type: application/json\" \\\n  --data '{\u{791}ame\": \"x\"}' \\\n  --url \"https://gitlab.example.com/api/v4/widgets\"\n```\n";
    let (source, diagnostics) = lint_text("doc/api/widgets.md", text, &only(&["CU012"]));
    let [d] = diagnostics.as_slice() else {
        panic!("one CU012: {diagnostics:?}")
    };
    assert_eq!(source.slice(d.range()), "\u{791}");
}
