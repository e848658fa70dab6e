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
