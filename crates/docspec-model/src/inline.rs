//! Inline content of paragraphs, headings and table cells.

use crate::TextRange;
use serde::Serialize;

/// One piece of inline Markdown, keeping its source range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
        range: TextRange,
    },
    Code {
        code: String,
        range: TextRange,
    },
    Link {
        dest: String,
        children: Vec<Inline>,
        range: TextRange,
    },
    Emphasis {
        children: Vec<Inline>,
        range: TextRange,
    },
    Strong {
        children: Vec<Inline>,
        range: TextRange,
    },
    Strikethrough {
        children: Vec<Inline>,
        range: TextRange,
    },
    Image {
        dest: String,
        range: TextRange,
    },
    Html {
        html: String,
        range: TextRange,
    },
    /// A soft or hard line break inside a paragraph.
    Break {
        range: TextRange,
    },
}

impl Inline {
    pub fn range(&self) -> TextRange {
        match self {
            Inline::Text { range, .. }
            | Inline::Code { range, .. }
            | Inline::Link { range, .. }
            | Inline::Emphasis { range, .. }
            | Inline::Strong { range, .. }
            | Inline::Strikethrough { range, .. }
            | Inline::Image { range, .. }
            | Inline::Html { range, .. }
            | Inline::Break { range } => *range,
        }
    }

    pub fn children(&self) -> &[Inline] {
        match self {
            Inline::Link { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Strong { children, .. }
            | Inline::Strikethrough { children, .. } => children,
            _ => &[],
        }
    }
}

/// `pencil`, `check-circle`: the name of an icon in GitLab's older `**{name}**` markup.
pub fn is_icon_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The text of inlines as a reader sees it: code spans keep their content, breaks become spaces.
pub fn plain_text(inlines: &[Inline]) -> String {
    // Most cells and paragraphs are one piece of text; others are sized first, so the
    // text is allocated once.
    if let [Inline::Text { text, .. }] = inlines {
        return text.clone();
    }
    let mut out = String::with_capacity(plain_len(inlines));
    push_plain(inlines, &mut out);
    out
}

fn plain_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text, .. } => text.len(),
            Inline::Code { code, .. } => code.len(),
            Inline::Break { .. } => 1,
            Inline::Html { .. } | Inline::Image { .. } => 0,
            other => plain_len(other.children()),
        })
        .sum()
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Code { code, .. } => out.push_str(code),
            Inline::Break { .. } => out.push(' '),
            Inline::Html { .. } | Inline::Image { .. } => {}
            other => push_plain(other.children(), out),
        }
    }
}

/// Calls `f` on every inline, depth first.
pub fn walk_inlines<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a Inline)) {
    for inline in inlines {
        f(inline);
        walk_inlines(inline.children(), f);
    }
}

/// The range covering all inlines, if any.
pub fn inlines_range(inlines: &[Inline]) -> Option<TextRange> {
    let first = inlines.first()?.range();
    Some(inlines.iter().fold(first, |acc, i| acc.cover(i.range())))
}
