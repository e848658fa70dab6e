//! Attribute tables: which cell is the name, the type, the required flag, the description.

use docspec_model::{AttributeName, AttributeRow, AttributeTable, Cell, Columns, Inline, Spanned, Table};

pub fn attribute_table(
    index: usize,
    table: &Table,
    columns: Columns,
    lead_in: Option<Spanned<String>>,
) -> AttributeTable {
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c));
            AttributeRow {
                row: i,
                range: row.range,
                name: cell(columns.attribute).and_then(attribute_name),
                type_: cell(columns.type_).map(spanned_text),
                required: cell(columns.required).map(spanned_text),
                description: cell(columns.description).map(spanned_text),
            }
        })
        .collect();
    // `` `deployments[]` attribute ``: the code span in the first header cell names the parent.
    let prefix = table.header.first().and_then(|cell| {
        cell.inlines.iter().find_map(|i| match i {
            Inline::Code { code, .. } => Some(code.trim().trim_end_matches('.').to_string()),
            _ => None,
        })
    });
    AttributeTable {
        table: index,
        range: table.range,
        header_range: table.header_range,
        columns,
        lead_in,
        prefix,
        rows,
    }
}

fn spanned_text(cell: &Cell) -> Spanned<String> {
    Spanned::new(cell.text.clone(), cell.range)
}

/// `` `name` `` or a bare `name`; `None` for an empty cell.
fn attribute_name(cell: &Cell) -> Option<AttributeName> {
    let meaningful: Vec<&Inline> = cell
        .inlines
        .iter()
        .filter(|i| !matches!(i, Inline::Text { text, .. } if text.trim().is_empty()))
        .collect();
    match meaningful.as_slice() {
        [Inline::Code { code, range }] => Some(AttributeName {
            name: code.trim().to_string(),
            range: *range,
            backticked: true,
        }),
        [] => None,
        // `a`/`b`/`c`, `a` or `b`: one row for several names, each in backticks.
        spans
            if spans.len() > 1
                && spans.iter().enumerate().all(|(i, inline)| match inline {
                    Inline::Code { .. } => i % 2 == 0,
                    Inline::Text { text, .. } => {
                        i % 2 == 1 && matches!(text.trim(), "/" | "," | "or" | ", or" | "and" | ", and")
                    }
                    _ => false,
                }) =>
        {
            let name = spans
                .iter()
                .filter_map(|i| match i {
                    Inline::Code { code, .. } => Some(code.trim()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("/");
            Some(AttributeName {
                name,
                range: cell.range,
                backticked: true,
            })
        }
        _ => {
            let text = cell.text.trim();
            (!text.is_empty()).then(|| AttributeName {
                name: text.trim_matches('`').to_string(),
                range: cell.range,
                backticked: false,
            })
        }
    }
}
