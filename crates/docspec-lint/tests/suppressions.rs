//! Suppression comments of both tools: docspec's own and markdownlint's, which count for
//! the rules that check what a markdownlint rule checks.

mod common;

use common::{lint_text, only};

/// The lines PG009 reports on a page that has `table` (a row with one cell too many)
/// between `before` and `after`.
fn pg009_lines(before: &str, after: &str) -> Vec<usize> {
    let table = "| A | B |\n|---|---|\n| `x|y` | z |\n";
    let text = format!("# Widgets\n\n{before}\n\n{table}\n{after}\n\n{table}");
    let (source, diagnostics) = lint_text("doc/api/widgets.md", &text, &only(&["PG009", "DS002"]));
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.code, "PG009", "{d:?}");
            source.line_col(d.range().start()).line
        })
        .collect()
}

#[test]
fn markdownlint_comments_suppress_the_twin_rule_by_code_or_alias() {
    // The first table is on line 7, the second on line 13.
    assert_eq!(pg009_lines("", ""), [7, 13]);
    for code in ["MD056", "md056", "table-column-count", "MD013, MD056", ""] {
        let disable = format!("<!-- markdownlint-disable {code} -->");
        assert_eq!(pg009_lines(&disable, ""), [0usize; 0], "{disable}");
        let enable = format!("<!-- markdownlint-enable {code} -->");
        assert_eq!(pg009_lines(&disable, &enable), [13], "{disable} … {enable}");
    }
    assert_eq!(pg009_lines("<!-- markdownlint-disable-next-line MD056 -->", ""), [13]);
}

#[test]
fn markdownlint_comments_for_other_rules_change_nothing() {
    // MD013 (line length) has no twin: no suppression, and none reported as unused.
    assert_eq!(pg009_lines("<!-- markdownlint-disable MD013 -->", ""), [7, 13]);
    assert_eq!(
        pg009_lines("<!-- markdownlint-disable-next-line MD013 -->", ""),
        [7, 13]
    );
}

#[test]
fn each_tool_enables_only_its_own_ranges() {
    let docspec = "<!-- docspec-disable PG009 -->";
    assert_eq!(pg009_lines(docspec, "<!-- markdownlint-enable -->"), [0usize; 0]);
    let markdownlint = "<!-- markdownlint-disable MD056 -->";
    assert_eq!(pg009_lines(markdownlint, "<!-- docspec-enable -->"), [0usize; 0]);
    assert_eq!(pg009_lines(docspec, "<!-- docspec-enable -->"), [13]);
}
