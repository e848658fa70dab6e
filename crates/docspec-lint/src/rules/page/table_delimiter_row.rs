use super::raw::{delimiter_row, split_row};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Checks that every cell of a table's delimiter row (the `|---|---|` line under the
/// header) has at least three hyphens. Colons for alignment are fine.
///
/// ## Why is this bad?
/// Markdown accepts a single `-`, but short delimiter cells make the source table hard
/// to read and are easy to mistype. GitLab's `TableDelimiterRows` Vale rule fails them.
///
/// ## Example
/// ````markdown
/// | Attribute | Type    |
/// |-|:-|
/// | `id`      | integer |
/// ````
///
/// Use instead:
/// ````markdown
/// | Attribute | Type    |
/// |-----------|:--------|
/// | `id`      | integer |
/// ````
///
/// ## Fix safety
/// Widening a cell to `---`, keeping its colons and the spaces around it, is safe: the
/// table renders the same.
#[derive(RuleMeta)]
#[rule(code = "PG007", name = "table-delimiter-row", category = Page, severity = Error, fix = Always, since = "0.1.0", vale = "gitlab_base.TableDelimiterRows")]
pub struct TableDelimiterRow;

impl Check for TableDelimiterRow {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for table in &ctx.page.tables {
            let (offset, row) = delimiter_row(ctx.source, table.delimiter_range);
            for (start, end) in split_row(row, false).cells {
                let cell = &row[start..end];
                let spec = cell.trim();
                let hyphens = spec.chars().filter(|&c| c == '-').count();
                if spec.is_empty() || hyphens >= 3 || !spec.chars().all(|c| c == '-' || c == ':') {
                    continue;
                }
                let at = offset + start + (cell.len() - cell.trim_start().len());
                let range = TextRange::new(at, at + spec.len());
                let left = if spec.starts_with(':') { ":" } else { "" };
                let right = if spec.len() > 1 && spec.ends_with(':') { ":" } else { "" };
                let widened = format!("{left}---{right}");
                out.push(
                    ctx.report(
                        &Self::META,
                        range,
                        format!("delimiter cell `{spec}` has fewer than three hyphens"),
                    )
                    .with_help(format!("write `{widened}`"))
                    .with_fix(Fix::safe(
                        format!("Write `{widened}`"),
                        vec![Edit::replacement(range, widened)],
                    )),
                );
            }
        }
    }
}
