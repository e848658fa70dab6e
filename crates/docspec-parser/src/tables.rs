//! Attribute tables: which cell is the name, the type, the required flag, the description.

use crate::availability::is_badge;
use docspec_model::{
    plain_text, AttributeName, AttributeRow, AttributeTable, Cell, Columns, Inline, Spanned, Table, TextRange,
};

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
            let name_cell = cell(columns.attribute);
            let description = cell(columns.description);
            let badges = [name_cell, description]
                .into_iter()
                .flatten()
                .flat_map(|cell| cell.inlines.iter().filter_map(badge))
                .collect();
            AttributeRow {
                row: i,
                range: row.range,
                name: name_cell.and_then(attribute_name),
                type_: cell(columns.type_).map(spanned_text),
                required: cell(columns.required).map(required_text),
                description: description.map(spanned_text),
                badges,
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

/// The Required cell's value, after the status icon GitLab's tables draw before it:
/// `**{check-circle}** Yes` (pages of 2021 to 2023) or `{{< icon name="check-circle" >}} Yes`.
/// The icon is decoration (legacy-icon-syntax reports the older markup); the value is
/// what says whether the attribute is required.
fn required_text(cell: &Cell) -> Spanned<String> {
    // A text inline as long as its source is its source byte for byte (escapes and
    // entities only shorten), so offsets into it are offsets into the page.
    let exact = |text: &str, range: &TextRange| text.len() == range.len();
    // The text after the icon, and where it starts in the page.
    let rest = match cell.inlines.as_slice() {
        [Inline::Strong { children, .. }, Inline::Text { text, range }]
            if is_braced_icon(&plain_text(children)) && exact(text, range) =>
        {
            Some((text.as_str(), range.start()))
        }
        [Inline::Text { text, range }] if text.starts_with("{{< icon ") && exact(text, range) => text
            .find(">}}")
            .map(|at| at + ">}}".len())
            .map(|end| (&text[end..], range.start() + end)),
        _ => None,
    };
    let Some((rest, at)) = rest else {
        return spanned_text(cell);
    };
    let value = rest.trim();
    if value.is_empty() {
        return spanned_text(cell);
    }
    let start = at + (rest.len() - rest.trim_start().len());
    Spanned::new(value.to_string(), TextRange::new(start, start + value.len()))
}

/// `{check-circle}`, the text inside the older icon markup's `**`.
fn is_braced_icon(text: &str) -> bool {
    text.strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .is_some_and(docspec_model::is_icon_name)
}

/// An older tier badge, `**(PREMIUM)**`, as a cell's own inline.
fn badge(inline: &Inline) -> Option<Spanned<String>> {
    match inline {
        Inline::Strong { children, range } => {
            let text = plain_text(children);
            is_badge(&text).then(|| Spanned::new(text.trim().to_string(), *range))
        }
        _ => None,
    }
}

/// `` `name` `` or a bare `name`; `None` for an empty cell. A tier badge or a note in
/// parentheses after the name is not part of it.
fn attribute_name(cell: &Cell) -> Option<AttributeName> {
    let meaningful: Vec<&Inline> = cell
        .inlines
        .iter()
        .filter(|i| !matches!(i, Inline::Text { text, .. } if text.trim().is_empty()))
        .filter(|i| badge(i).is_none())
        .collect();
    match meaningful.as_slice() {
        [Inline::Code { code, range }] => Some(AttributeName {
            name: code.trim().to_string(),
            range: *range,
            backticked: true,
        }),
        // `` `lfs_enabled` (optional) ``: a note in parentheses after the name is not part of it.
        [Inline::Code { code, range }, Inline::Text { text, .. }]
            if text.trim().starts_with('(') && text.trim().ends_with(')') =>
        {
            Some(AttributeName {
                name: code.trim().to_string(),
                range: *range,
                backticked: true,
            })
        }
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
            let without_badges;
            let text = if cell.inlines.iter().any(|i| badge(i).is_some()) {
                let kept: Vec<Inline> = meaningful.iter().map(|i| (*i).clone()).collect();
                without_badges = plain_text(&kept);
                without_badges.trim()
            } else {
                cell.text.trim()
            };
            (!text.is_empty()).then(|| AttributeName {
                name: text.trim_matches('`').to_string(),
                range: cell.range,
                backticked: false,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_str;

    fn rows(cells: &str) -> Vec<docspec_model::AttributeRow> {
        let page = parse_str(&format!(
            "# T\n\n## Edit a widget\n\n```plaintext\nPUT /widgets/:id\n```\n\n\
             | Attribute | Type | Required | Description |\n|---|---|---|---|\n{cells}"
        ));
        let method = page.methods().next().unwrap();
        method.request_tables[0].rows.clone()
    }

    #[test]
    fn a_tier_badge_is_not_part_of_the_name() {
        let rows = rows(
            "| `mirror` **(STARTER)** | boolean | No | Mirror. |\n\
             | mirror_user **(PREMIUM)** | integer | No | User. |\n\
             | `label` | string | No | **(PREMIUM ONLY)** Label. |\n\
             | `legacy` **(deprecated)** | string | No | Old. |\n",
        );
        let names: Vec<_> = rows.iter().map(|r| r.name.as_ref().unwrap().name.as_str()).collect();
        assert_eq!(names, ["mirror", "mirror_user", "label", "legacy (deprecated)"]);
        let badges: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.badges.iter().map(|b| b.value.as_str()).collect())
            .collect();
        assert_eq!(
            badges,
            [vec!["(STARTER)"], vec!["(PREMIUM)"], vec!["(PREMIUM ONLY)"], vec![]]
        );
        assert!(rows[0].name.as_ref().unwrap().backticked);
    }

    #[test]
    fn a_note_in_parentheses_is_not_part_of_the_name() {
        let rows = rows("| `lfs_enabled` (optional) | boolean | no | LFS. |\n| `a` or (b) | string | no | A. |\n");
        let names: Vec<_> = rows.iter().map(|r| r.name.as_ref().unwrap()).collect();
        assert_eq!(names[0].name, "lfs_enabled");
        assert!(names[0].backticked);
        assert_eq!(names[1].name, "a or (b)");
    }
}
