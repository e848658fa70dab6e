use super::raw::split_row;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Checks that each table cell has a space between its content and the `|` on either
/// side: `| x |`, not `|x|`. The delimiter row is exempt, an escaped `\|` is content,
/// and a `|` inside a code span is not read as a cell border.
///
/// ## Why is this bad?
/// Tables whose pipes touch their content are hard to read and edit in source, and a
/// pipe meant as content (in a regular expression, for example) is easy to miss when
/// nothing sets the borders apart. The style guide asks for the space on both sides;
/// GitLab's `TablePipes` Vale rule checks the side after a pipe.
///
/// ## Example
/// ````markdown
/// | Attribute | Type    |
/// |-----------|---------|
/// |`id`| integer |
/// ````
///
/// Use instead:
/// ````markdown
/// | Attribute | Type    |
/// |-----------|---------|
/// | `id`      | integer |
/// ````
///
/// ## Fix safety
/// Inserting the missing spaces is safe: spaces around cell content do not render.
#[derive(RuleMeta)]
#[rule(code = "PG008", name = "table-cell-padding", category = Page, severity = Error, fix = Always, since = "0.1.0", vale = "gitlab_docs.TablePipes")]
pub struct TableCellPadding;

impl Check for TableCellPadding {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in &ctx.page.tables {
            let rows = std::iter::once(table.header_range).chain(table.rows.iter().map(|r| r.range));
            for row_range in rows {
                check_row(ctx, row_range, out);
            }
        }
    }
}

fn check_row(ctx: &LintContext<'_>, row_range: TextRange, out: &mut Vec<Diagnostic>) {
    let text = ctx.text(row_range);
    let row = split_row(text, true);
    let last = row.cells.len().saturating_sub(1);
    for (i, &(start, end)) in row.cells.iter().enumerate() {
        let cell = &text[start..end];
        let pipe_before = i > 0 || row.leading_pipe;
        let pipe_after = i < last || row.trailing_pipe;
        let missing_before = pipe_before && !cell.starts_with(char::is_whitespace);
        let missing_after = pipe_after && !cell.ends_with(char::is_whitespace);
        // Most cells are padded: only the others are trimmed.
        if !missing_before && !missing_after {
            continue;
        }
        let content = cell.trim();
        if content.is_empty() {
            continue;
        }
        let content_start = row_range.start() + start + (cell.len() - cell.trim_start().len());
        let range = TextRange::new(content_start, content_start + content.len());
        let side = match (missing_before, missing_after) {
            (true, true) => "on either side",
            (true, false) => "before it",
            _ => "after it",
        };
        let mut edits = Vec::new();
        if missing_before {
            edits.push(Edit::insertion(row_range.start() + start, " "));
        }
        if missing_after {
            edits.push(Edit::insertion(row_range.start() + end, " "));
        }
        out.push(
            ctx.report(
                &TableCellPadding::META,
                range,
                format!("table cell `{}` touches the `|` {side}", shorten(content)),
            )
            .with_help("put a space between each `|` and the cell content: `| x |`")
            .with_fix(Fix::safe("Add the missing spaces", edits)),
        );
    }
}

/// A cell's content, cut short for a message.
fn shorten(content: &str) -> String {
    const MAX: usize = 40;
    if content.chars().count() <= MAX {
        return content.to_string();
    }
    let cut: String = content.chars().take(MAX).collect();
    format!("{cut}...")
}
