//! The outline: resources, and in each its methods named by verb and path.

use crate::lines::{Encoding, LineIndex};
use docspec_model::{Method, Page, TextRange};
use lsp_types::{DocumentSymbol, SymbolKind};

pub fn outline(page: &Page, index: &LineIndex<'_>, encoding: Encoding) -> Vec<DocumentSymbol> {
    let heading = |i: Option<usize>| i.and_then(|i| page.headings.get(i)).map(|h| h.range);
    let mut out = Vec::new();
    for resource in &page.resources {
        let methods: Vec<DocumentSymbol> = resource
            .methods
            .iter()
            .map(|m| method(m, heading(m.heading), index, encoding))
            .collect();
        match heading(resource.heading) {
            // The page itself is the resource: its methods are the outline.
            None => out.extend(methods),
            Some(at) => out.push(symbol(
                resource.title.trim().to_string(),
                None,
                SymbolKind::NAMESPACE,
                resource.range.cover(at),
                at,
                (!methods.is_empty()).then_some(methods),
                index,
                encoding,
            )),
        }
    }
    out
}

fn method(m: &Method, heading: Option<TextRange>, index: &LineIndex<'_>, encoding: Encoding) -> DocumentSymbol {
    let lines: Vec<String> = m
        .request_lines()
        .map(|l| format!("{} {}", l.verb.value, l.path.value))
        .collect();
    let title = m.title.value.trim().to_string();
    let (name, detail) = match lines.split_first() {
        Some((first, [])) => (first.clone(), Some(title)),
        Some((first, rest)) => (format!("{first} (+{})", rest.len()), Some(title)),
        None => (title, None),
    };
    let selection = heading.unwrap_or(m.range);
    symbol(
        name,
        detail,
        SymbolKind::METHOD,
        m.range.cover(selection),
        selection,
        None,
        index,
        encoding,
    )
}

#[allow(clippy::too_many_arguments)]
#[allow(deprecated)] // `deprecated` is a required field of the struct
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: TextRange,
    selection: TextRange,
    children: Option<Vec<DocumentSymbol>>,
    index: &LineIndex<'_>,
    encoding: Encoding,
) -> DocumentSymbol {
    DocumentSymbol {
        // Clients reject empty names.
        name: if name.is_empty() {
            "(untitled)".to_string()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: index.range(range, encoding),
        selection_range: index.range(selection, encoding),
        children,
    }
}
