use super::raw::{cell_count, split_row};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::TextRange;

/// ## What it does
/// Checks that every row of a table has as many cells as its header row. Cells are
/// counted as the docs site counts them: at every `|` that is not escaped, including
/// one inside a code span.
///
/// ## Why is this bad?
/// Markdown renderers pad a short row with empty cells and silently drop the cells of a
/// long one, so a missing `|` shifts a description into the wrong column and an extra
/// one loses text. An unescaped `|` inside a code span (a regular expression, a shell
/// pipe) splits the cell too. GitLab's markdownlint configuration enforces the count
/// (MD056).
///
/// ## Example
/// ````markdown
/// | Attribute | Type    | Description       |
/// |-----------|---------|-------------------|
/// | `id`      | integer |
/// | `name`    | string  | Name of the widget. | Required. |
/// ````
///
/// Use instead:
/// ````markdown
/// | Attribute | Type    | Description                   |
/// |-----------|---------|-------------------------------|
/// | `id`      | integer | ID of the widget.             |
/// | `name`    | string  | Name of the widget. Required. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG009", name = "table-column-count", category = Page, severity = Warning, fix = None, since = "0.1.0", markdownlint = "MD056 table-column-count")]
pub struct TableColumnCount;

impl Check for TableColumnCount {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in &ctx.page.tables {
            let columns = cell_count(ctx.text(table.header_range), false);
            for row in &table.rows {
                let text = ctx.text(row.range);
                if cell_count(text, false) == columns {
                    continue;
                }
                let cells = split_row(text, false).cells;
                let header = Label::with_message(table.header_range, format!("the header has {columns}"));
                let in_code = cell_count(text, true) < cells.len();
                if cells.len() > columns {
                    let (start, _) = cells[columns];
                    let (_, end) = cells[cells.len() - 1];
                    let extra = trim(text, start, end, row.range.start());
                    let help = if in_code {
                        "a `|` inside a code span splits the cell too: escape it as `\\|`"
                    } else {
                        "merge the extra cells into the row's last column, or escape a `|` meant as text as `\\|`"
                    };
                    out.push(
                        ctx.report(
                            &Self::META,
                            extra,
                            format!("row has {} cells, the header {columns}", cells.len()),
                        )
                        .with_label("the docs site drops these cells")
                        .with_secondary(header)
                        .with_help(help),
                    );
                } else {
                    let end = row.range.start() + text.trim_end().len();
                    out.push(
                        ctx.report(
                            &Self::META,
                            TextRange::new(end.saturating_sub(1), end),
                            format!("row has {} cells, the header {columns}", cells.len()),
                        )
                        .with_label("the row ends here")
                        .with_secondary(header)
                        .with_help("add the missing cells; write an empty cell as `| |`"),
                    );
                }
            }
        }
    }
}

/// A cell span without the spaces around it, as a source range.
fn trim(text: &str, start: usize, end: usize, offset: usize) -> TextRange {
    let span = &text[start..end];
    let s = start + (span.len() - span.trim_start().len());
    TextRange::new(offset + s, offset + start + span.trim_end().len().max(s - start))
}
