//! pulldown-cmark events to a small spanned block tree.
//!
//! Code blocks and tables are stored once in the page (`Page::code_blocks`,
//! `Page::tables`) and referred to by index, so later passes can point at them.

use docspec_model::{Cell, CodeBlock, Inline, OffsetMap, Spanned, Table, TableRow, TextRange};
use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::iter::Peekable;
use std::ops::Range;

/// The one set of Markdown options used to read pages (and to render their prose).
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_GFM
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

#[derive(Debug, Clone)]
pub enum Block {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
        range: TextRange,
    },
    Paragraph {
        inlines: Vec<Inline>,
        range: TextRange,
    },
    /// Index into the collected code blocks.
    Code {
        index: usize,
        range: TextRange,
    },
    /// Index into the collected tables.
    Table {
        index: usize,
    },
    Quote {
        kind: Option<String>,
        children: Vec<Block>,
        range: TextRange,
    },
    List {
        items: Vec<ListItem>,
        range: TextRange,
    },
    Html {
        text: String,
        range: TextRange,
    },
    Metadata {
        content: Spanned<String>,
        range: TextRange,
    },
    Rule,
    Other,
}

#[derive(Debug, Clone)]
pub struct ListItem {
    pub children: Vec<Block>,
    pub range: TextRange,
}

/// Everything read from one pass over the events.
pub struct Tree {
    pub blocks: Vec<Block>,
    pub code_blocks: Vec<CodeBlock>,
    pub tables: Vec<Table>,
    /// Inline HTML fragments (comments live here and in `Block::Html`).
    pub inline_html: Vec<Spanned<String>>,
}

/// One pulldown-cmark event of a page with its source range. A page's events are the
/// one Markdown pass its model and its rendered prose share.
pub type PageEvent<'a> = (Event<'a>, Range<usize>);

pub fn events(text: &str) -> Vec<PageEvent<'_>> {
    // GitLab's pages average one event per 15.6 bytes: sized for that, most pages grow
    // their list at most once instead of a dozen times.
    let mut events = Vec::with_capacity(text.len() / 16 + 16);
    events.extend(Parser::new_ext(text, markdown_options()).into_offset_iter());
    events
}

/// Where the builder reads events from: the parser itself, or kept [`PageEvents`].
trait EventSource<'a>: Iterator<Item = (Event<'a>, Range<usize>)> {}
impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> EventSource<'a> for I {}

type Events<I> = Peekable<I>;

pub fn build(text: &str) -> Tree {
    build_from(text, Parser::new_ext(text, markdown_options()).into_offset_iter())
}

/// The tree from events the caller keeps for other uses.
pub fn build_kept<'a>(text: &'a str, events: &[PageEvent<'a>]) -> Tree {
    build_from(text, events.iter().cloned())
}

fn build_from<'a>(text: &'a str, events: impl EventSource<'a>) -> Tree {
    let mut builder = Builder {
        text,
        code_blocks: Vec::new(),
        tables: Vec::new(),
        inline_html: Vec::new(),
        depth: 0,
        stack: Vec::new(),
    };
    let mut events = events.peekable();
    let blocks = builder.blocks(&mut events, None);
    Tree {
        blocks,
        code_blocks: builder.code_blocks,
        tables: builder.tables,
        inline_html: builder.inline_html,
    }
}

struct Builder<'t> {
    text: &'t str,
    code_blocks: Vec<CodeBlock>,
    tables: Vec<Table>,
    inline_html: Vec<Spanned<String>>,
    /// Container nesting (lists, quotes) of the block being read.
    depth: usize,
    /// The inlines being read, a stack shared by every level (a link's children sit above
    /// its paragraph's): each level takes its own off the top at its end, in a vector of
    /// its exact size, so no level's vector grows piece by piece.
    stack: Vec<Inline>,
}

fn tr(r: Range<usize>) -> TextRange {
    TextRange::from(r)
}

impl<'t> Builder<'t> {
    /// Reads blocks until the end tag `until` (or the end of input).
    fn blocks(&mut self, ev: &mut Events<impl EventSource<'t>>, until: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some((event, range)) = ev.next() {
            match event {
                Event::End(end) if Some(end) == until => break,
                Event::Start(tag) if is_inline_tag(&tag) => {
                    let base = self.stack.len();
                    self.push_inline(Event::Start(tag), range.clone(), ev, base);
                    self.more_inlines(ev, base);
                    let inlines = self.take_inlines(base);
                    let range = docspec_model::inlines_range(&inlines).unwrap_or_else(|| tr(range));
                    out.push(Block::Paragraph { inlines, range });
                }
                Event::Start(tag) => {
                    if let Some(block) = self.block(tag, range, ev) {
                        out.push(block);
                    }
                }
                Event::Html(html) => out.push(Block::Html {
                    text: html.into_string(),
                    range: tr(range),
                }),
                Event::Rule => out.push(Block::Rule),
                // Loose inline content directly in a container (tight list items).
                Event::Text(_) | Event::Code(_) | Event::InlineHtml(_) | Event::SoftBreak | Event::HardBreak => {
                    let base = self.stack.len();
                    self.push_inline(event, range.clone(), ev, base);
                    self.more_inlines(ev, base);
                    let inlines = self.take_inlines(base);
                    let range = docspec_model::inlines_range(&inlines).unwrap_or_else(|| tr(range));
                    out.push(Block::Paragraph { inlines, range });
                }
                _ => {}
            }
        }
        out
    }

    /// Continues a run of loose inlines until a block starts or a container ends.
    fn more_inlines(&mut self, ev: &mut Events<impl EventSource<'t>>, base: usize) {
        loop {
            let is_inline = match ev.peek() {
                Some((Event::Text(_) | Event::Code(_) | Event::InlineHtml(_), _)) => true,
                Some((Event::SoftBreak | Event::HardBreak, _)) => true,
                Some((Event::Start(tag), _)) => is_inline_tag(tag),
                _ => false,
            };
            if !is_inline {
                return;
            }
            if let Some((event, range)) = ev.next() {
                self.push_inline(event, range, ev, base);
            }
        }
    }

    fn block(&mut self, tag: Tag<'t>, range: Range<usize>, ev: &mut Events<impl EventSource<'t>>) -> Option<Block> {
        let r = tr(range.clone());
        Some(match tag {
            Tag::Heading { level, .. } => Block::Heading {
                level: heading_level(level),
                inlines: self.inlines(ev),
                range: r,
            },
            Tag::Paragraph => Block::Paragraph {
                inlines: self.inlines(ev),
                range: trim_newline(self.text, r),
            },
            Tag::CodeBlock(kind) => {
                let index = self.code_block(kind, r, ev);
                Block::Code { index, range: r }
            }
            Tag::Table(_) => {
                let index = self.table(r, ev);
                Block::Table { index }
            }
            Tag::BlockQuote(kind) => {
                self.depth += 1;
                let mut children = self.blocks(ev, Some(TagEnd::BlockQuote(kind)));
                self.depth -= 1;
                let kind = kind.map(quote_kind).or_else(|| other_alert_kind(&mut children));
                Block::Quote {
                    kind,
                    children,
                    range: r,
                }
            }
            Tag::List(start) => {
                self.depth += 1;
                let items = self.list_items(ev, start.is_some());
                self.depth -= 1;
                Block::List { items, range: r }
            }
            Tag::HtmlBlock => {
                let mut text = String::new();
                for (event, _) in ev.by_ref() {
                    match event {
                        Event::Html(h) | Event::Text(h) => text.push_str(&h),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                Block::Html { text, range: r }
            }
            Tag::MetadataBlock(kind) => {
                let mut content = String::new();
                let mut content_range: Option<TextRange> = None;
                for (event, er) in ev.by_ref() {
                    match event {
                        Event::Text(t) => {
                            content.push_str(&t);
                            let er = tr(er);
                            content_range = Some(content_range.map_or(er, |c| c.cover(er)));
                        }
                        Event::End(TagEnd::MetadataBlock(k)) if k == kind => break,
                        _ => {}
                    }
                }
                let content_range = content_range.unwrap_or(TextRange::empty(r.start()));
                // pulldown-cmark gives `\r\n` lines as `\n`; the reader counts offsets in
                // the source, so it reads the source's own text.
                if let Some(raw) = self.text.get(content_range.as_range()) {
                    content = raw.to_string();
                }
                Block::Metadata {
                    content: Spanned::new(content, content_range),
                    range: r,
                }
            }
            other => {
                // Footnotes, definition lists and the like: skip to their end.
                let end = other.to_end();
                skip_to(ev, end);
                Block::Other
            }
        })
    }

    fn list_items(&mut self, ev: &mut Events<impl EventSource<'t>>, ordered: bool) -> Vec<ListItem> {
        let mut items = Vec::new();
        while let Some((event, range)) = ev.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let children = self.blocks(ev, Some(TagEnd::Item));
                    items.push(ListItem {
                        children,
                        range: tr(range),
                    });
                }
                Event::End(TagEnd::List(o)) if o == ordered => break,
                _ => {}
            }
        }
        items
    }

    fn code_block(
        &mut self,
        kind: CodeBlockKind<'t>,
        range: TextRange,
        ev: &mut Events<impl EventSource<'t>>,
    ) -> usize {
        let (fenced, lang) = match &kind {
            CodeBlockKind::Fenced(info) => {
                let word = info.split_whitespace().next().unwrap_or("");
                let lang = if word.is_empty() {
                    None
                } else {
                    // The info string sits after the opening fence on the first line.
                    let first_line = &self.text[range.as_range()];
                    let at = first_line.find(word).unwrap_or(0);
                    Some(Spanned::new(
                        word.to_string(),
                        TextRange::new(range.start() + at, range.start() + at + word.len()),
                    ))
                };
                (true, lang)
            }
            CodeBlockKind::Indented => (false, None),
        };
        let mut content = String::new();
        let mut map = OffsetMap::default();
        for (event, er) in ev.by_ref() {
            match event {
                Event::Text(t) => {
                    // Text equals its source slice except for odd cases; map its start then.
                    // pulldown-cmark gives a line's `\r\n` as the `\n` that starts the next
                    // text, with the `\r` left out.
                    let crlf = t.starts_with('\n')
                        && er.start > 0
                        && self.text.as_bytes()[er.start - 1] == b'\r'
                        && !content.ends_with('\r');
                    if self.text.get(er.clone()) == Some(&*t) {
                        if crlf {
                            map.push_crlf(content.len(), er.start - 1);
                            map.push(content.len() + 1, er.start + 1, t.len() - 1);
                        } else {
                            map.push(content.len(), er.start, t.len());
                        }
                    } else {
                        map.push(content.len(), er.start, 0);
                    }
                    content.push_str(&t);
                }
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        if content.is_empty() {
            map.push(0, content_start(self.text, range), 0);
        }
        self.code_blocks.push(CodeBlock {
            range,
            fenced,
            lang,
            content,
            map,
            lead_in: None,
            nested: self.depth > 0,
        });
        self.code_blocks.len() - 1
    }

    fn table(&mut self, range: TextRange, ev: &mut Events<impl EventSource<'t>>) -> usize {
        let mut header = Vec::new();
        let mut header_range = TextRange::empty(range.start());
        let mut rows = Vec::new();
        while let Some((event, er)) = ev.next() {
            match event {
                Event::Start(Tag::TableHead) => {
                    header_range = tr(er);
                    header = self.cells(ev, TagEnd::TableHead);
                }
                Event::Start(Tag::TableRow) => {
                    let cells = self.cells(ev, TagEnd::TableRow);
                    rows.push(TableRow {
                        range: trim_newline(self.text, tr(er)),
                        cells,
                    });
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        let header_range = trim_newline(self.text, header_range);
        let delimiter_start = header_range.end() + self.text[header_range.end()..].find('\n').map_or(0, |i| i + 1);
        let delimiter_end = self.text[delimiter_start..]
            .find('\n')
            .map_or(self.text.len(), |i| delimiter_start + i);
        let delimiter_range = trim_newline(self.text, TextRange::new(delimiter_start, delimiter_end));
        self.tables.push(Table {
            range,
            header,
            header_range,
            delimiter_range,
            rows,
        });
        self.tables.len() - 1
    }

    fn cells(&mut self, ev: &mut Events<impl EventSource<'t>>, until: TagEnd) -> Vec<Cell> {
        let mut cells = Vec::new();
        while let Some((event, range)) = ev.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    let inlines = self.inlines(ev);
                    let text = trimmed(docspec_model::plain_text(&inlines));
                    let range = trim_range(self.text, tr(range));
                    cells.push(Cell { range, text, inlines });
                }
                Event::End(end) if end == until => break,
                _ => {}
            }
        }
        cells
    }

    /// Reads inline events until the end of the current container.
    fn inlines(&mut self, ev: &mut Events<impl EventSource<'t>>) -> Vec<Inline> {
        let base = self.stack.len();
        while let Some((event, range)) = ev.next() {
            if let Event::End(_) = event {
                break;
            }
            self.push_inline(event, range, ev, base);
        }
        self.take_inlines(base)
    }

    /// The inlines read since the stack stood at `base`.
    fn take_inlines(&mut self, base: usize) -> Vec<Inline> {
        self.stack.drain(base..).collect()
    }

    /// Text joins the text right before it on its level (at most one byte, an escaping
    /// backslash, between them): pulldown-cmark splits text at brackets, entities and
    /// escapes.
    fn push_text(&mut self, text: CowStr<'t>, range: TextRange, base: usize) {
        if self.stack.len() > base {
            if let Some(Inline::Text {
                text: last,
                range: last_range,
            }) = self.stack.last_mut()
            {
                if last_range.end() <= range.start() && range.start() - last_range.end() <= 1 {
                    last.push_str(&text);
                    *last_range = last_range.cover(range);
                    return;
                }
            }
        }
        self.stack.push(Inline::Text {
            text: text.into_string(),
            range,
        });
    }

    fn push_inline(
        &mut self,
        event: Event<'t>,
        range: Range<usize>,
        ev: &mut Events<impl EventSource<'t>>,
        base: usize,
    ) {
        let r = tr(range);
        let inline = match event {
            Event::Text(t) => return self.push_text(t, r, base),
            Event::Code(c) => Inline::Code {
                code: c.into_string(),
                range: r,
            },
            Event::SoftBreak | Event::HardBreak => Inline::Break { range: r },
            Event::InlineHtml(h) | Event::Html(h) => {
                let html = h.into_string();
                self.inline_html.push(Spanned::new(html.clone(), r));
                Inline::Html { html, range: r }
            }
            Event::Start(tag) => match tag {
                Tag::Link { dest_url, .. } => Inline::Link {
                    dest: dest_url.into_string(),
                    children: self.inlines(ev),
                    range: r,
                },
                Tag::Image { dest_url, .. } => {
                    let _ = self.inlines(ev);
                    Inline::Image {
                        dest: dest_url.into_string(),
                        range: r,
                    }
                }
                Tag::Emphasis => Inline::Emphasis {
                    children: self.inlines(ev),
                    range: r,
                },
                Tag::Strong => Inline::Strong {
                    children: self.inlines(ev),
                    range: r,
                },
                Tag::Strikethrough => Inline::Strikethrough {
                    children: self.inlines(ev),
                    range: r,
                },
                other => {
                    // Block content inside an inline context (should not happen): skip it.
                    skip_to(ev, other.to_end());
                    return;
                }
            },
            Event::TaskListMarker(_) | Event::Rule | Event::End(_) => return,
            Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => return,
        };
        self.stack.push(inline);
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strong | Tag::Strikethrough
    )
}

fn skip_to<'a>(ev: &mut Events<impl EventSource<'a>>, end: TagEnd) {
    let mut depth = 0usize;
    for (event, _) in ev.by_ref() {
        match event {
            Event::Start(tag) if tag.to_end() == end => depth += 1,
            Event::End(e) if e == end => {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn quote_kind(kind: BlockQuoteKind) -> String {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
    .to_string()
}

/// GitLab's alert kinds that pulldown-cmark does not know (`> [!flag]`,
/// `> [!disclaimer]`): a first line `[!word]` alone gives the kind, and is taken out of
/// the quote's text.
fn other_alert_kind(children: &mut Vec<Block>) -> Option<String> {
    let Some(Block::Paragraph { inlines, .. }) = children.first_mut() else {
        return None;
    };
    let Some(Inline::Text { text, .. }) = inlines.first() else {
        return None;
    };
    let word = text.trim().strip_prefix("[!")?.strip_suffix(']')?;
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if !matches!(inlines.get(1), None | Some(Inline::Break { .. })) {
        return None;
    }
    let kind = word.to_ascii_lowercase();
    let label_line = inlines.len().min(2);
    inlines.drain(..label_line);
    if inlines.is_empty() {
        children.remove(0);
    }
    Some(kind)
}

/// Where an empty fenced block's content would start: after the opening line.
fn content_start(text: &str, range: TextRange) -> usize {
    text[range.as_range()]
        .find('\n')
        .map_or(range.start(), |i| range.start() + i + 1)
}

pub fn trim_range(text: &str, range: TextRange) -> TextRange {
    let (start, end) = docspec_model::trim_bounds(&text[range.as_range()]);
    TextRange::new(range.start() + start, range.start() + end)
}

fn trim_newline(text: &str, range: TextRange) -> TextRange {
    let slice = &text[range.as_range()];
    let trimmed = slice.trim_end_matches(['\n', '\r']);
    TextRange::new(range.start(), range.start() + trimmed.len())
}

/// Trims a string in place, without a second allocation.
fn trimmed(mut text: String) -> String {
    let (start, end) = docspec_model::trim_bounds(&text);
    text.truncate(end);
    text.drain(..start);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Vec<Inline> {
        match build(text).blocks.into_iter().next() {
            Some(Block::Paragraph { inlines, .. }) => inlines,
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn text_split_by_the_parser_is_one_piece_on_its_level() {
        // pulldown-cmark splits at `[`, `]` and entities; a link's text stays its own.
        let text = "a [b] c &amp; d [link `x` e&lt;f](u) g\n";
        let inlines = paragraph(text);
        let kinds: Vec<&str> = inlines
            .iter()
            .map(|i| match i {
                Inline::Text { .. } => "text",
                Inline::Link { .. } => "link",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["text", "link", "text"]);
        let Inline::Text { text: first, range } = &inlines[0] else {
            unreachable!()
        };
        assert_eq!(first, "a [b] c & d ");
        assert_eq!(&text[range.start()..range.end()], "a [b] c &amp; d ");
        let children = inlines[1].children();
        assert_eq!(children.len(), 3);
        assert!(matches!(&children[2], Inline::Text { text, .. } if text == " e<f"));
        assert_eq!(docspec_model::plain_text(&inlines), "a [b] c & d link x e<f g");
    }

    #[test]
    fn loose_inlines_of_a_tight_list_item_are_one_paragraph() {
        let tree = build("- a [b] `c`\n- d\n");
        let Some(Block::List { items, .. }) = tree.blocks.first() else {
            panic!("not a list: {:?}", tree.blocks);
        };
        let Some(Block::Paragraph { inlines, .. }) = items[0].children.first() else {
            panic!("no paragraph: {:?}", items[0].children);
        };
        assert_eq!(inlines.len(), 2);
        assert!(matches!(&inlines[0], Inline::Text { text, .. } if text == "a [b] "));
    }
}
