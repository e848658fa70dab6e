//! Suppression comments of three tools: docspec's own, markdownlint's, which count for
//! the rules that check what a markdownlint rule checks, and Vale's, which count for the
//! rules that check what one of GitLab's Vale rules checks.

mod common;

use common::{lint_text, only};

/// The lines `code` reports on a page that has `table` between `before` and `after`, and
/// again after them.
fn lines_of(code: &'static str, table: &str, before: &str, after: &str) -> Vec<usize> {
    let text = format!("# Widgets\n\n{before}\n\n{table}\n{after}\n\n{table}");
    let (source, diagnostics) = lint_text("doc/api/widgets.md", &text, &only(&[code, "DS002"]));
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.code, code, "{d:?}");
            source.line_col(d.range().start()).line
        })
        .collect()
}

/// PG009 on a table with a row of one cell too many.
fn pg009_lines(before: &str, after: &str) -> Vec<usize> {
    lines_of("PG009", "| A | B |\n|---|---|\n| `x|y` | z |\n", before, after)
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

/// PG007 on a table whose delimiter row has a cell of two hyphens (`|--|`).
fn pg007_lines(before: &str, after: &str) -> Vec<usize> {
    lines_of("PG007", "| A | B |\n|--|---|\n| x | y |\n", before, after)
}

#[test]
fn vale_comments_suppress_the_twin_rule_by_rule_style_or_all() {
    // The first delimiter row is on line 6, the second on line 12.
    assert_eq!(pg007_lines("", ""), [6, 12]);
    for (off, on) in [
        (
            "vale gitlab_base.TableDelimiterRows = NO",
            "vale gitlab_base.TableDelimiterRows = YES",
        ),
        (
            "vale gitlab_base.TableDelimiterRows[\"--\"] = NO",
            "vale gitlab_base.TableDelimiterRows = YES",
        ),
        ("vale gitlab_base = NO", "vale gitlab_base = YES"),
        ("vale off", "vale on"),
    ] {
        let off = format!("<!-- {off} -->");
        assert_eq!(pg007_lines(&off, ""), [0usize; 0], "{off}");
        let on = format!("<!-- {on} -->");
        assert_eq!(pg007_lines(&off, &on), [12], "{off} … {on}");
    }
}

#[test]
fn vale_comments_for_other_rules_change_nothing() {
    // Spelling has no twin, and gitlab_docs is another style: no suppression, and none
    // reported as unused; turning Spelling back on does not end the twin's range.
    for other in [
        "vale gitlab_base.Spelling = NO",
        "vale gitlab_docs = NO",
        "vale style = gitlab_base",
    ] {
        assert_eq!(pg007_lines(&format!("<!-- {other} -->"), ""), [6, 12], "{other}");
    }
    let off = "<!-- vale gitlab_base.TableDelimiterRows = NO -->";
    assert_eq!(
        pg007_lines(off, "<!-- vale gitlab_base.Spelling = YES -->"),
        [0usize; 0]
    );
    assert_eq!(pg007_lines(off, "<!-- markdownlint-enable -->"), [0usize; 0]);
    assert_eq!(pg007_lines(off, "<!-- docspec-enable -->"), [0usize; 0]);
}

#[test]
fn each_tool_enables_only_its_own_ranges() {
    let docspec = "<!-- docspec-disable PG009 -->";
    assert_eq!(pg009_lines(docspec, "<!-- markdownlint-enable -->"), [0usize; 0]);
    let markdownlint = "<!-- markdownlint-disable MD056 -->";
    assert_eq!(pg009_lines(markdownlint, "<!-- docspec-enable -->"), [0usize; 0]);
    assert_eq!(pg009_lines(docspec, "<!-- docspec-enable -->"), [13]);
}
