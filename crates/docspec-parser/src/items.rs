//! Groups top-level blocks into Hugo shortcode regions: `{{< name >}}` ... `{{< /name >}}`.

use crate::blocks::{Block, ListItem};
use docspec_model::{inlines_range, plain_text, Inline, ParseIssue, ParseIssueKind, Shortcode, TextRange};

#[derive(Debug, Clone)]
pub enum Item {
    Block(Block),
    Shortcode(Region),
}

#[derive(Debug, Clone)]
pub struct Region {
    pub name: String,
    /// The attributes after the name, as written: `type="note"`.
    pub attrs: String,
    pub range: TextRange,
    pub children: Vec<Item>,
}

impl Region {
    /// The value of a `key="value"` attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        let at = self.attrs.find(&format!("{key}="))?;
        let rest = &self.attrs[at + key.len() + 1..];
        let rest = rest.strip_prefix('"').unwrap_or(rest);
        Some(rest.split(['"', ' ']).next().unwrap_or(""))
    }
}

/// A paragraph that is exactly one shortcode tag.
pub fn shortcode_tag(block: &Block) -> Option<Shortcode> {
    let Block::Paragraph { inlines, range } = block else {
        return None;
    };
    let text = plain_text(inlines);
    let text = text.trim();
    let inner = text.strip_prefix("{{<")?.strip_suffix(">}}")?;
    if inner.contains("{{<") {
        return None;
    }
    let well_spaced = inner.starts_with(' ') && inner.ends_with(' ');
    let inner = inner.trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let name = inner.split_whitespace().next().unwrap_or("").to_string();
    Some(Shortcode {
        range: *range,
        name,
        closing,
        well_spaced,
    })
}

/// Hugo reads shortcode tags before Markdown does, so a tag on a line of its own opens or
/// closes a region even with no blank line around it, where Markdown reads the line as
/// part of a paragraph (`Text.` then `{{< /alert >}}`), or of a list's last item. Such
/// lines become paragraphs of their own, as Hugo sees them.
pub fn split_tag_lines(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Paragraph { inlines, range } if may_hold_tag(&inlines) => split_paragraph(inlines, range, &mut out),
            Block::List { mut items, range } => {
                let tag = items.last_mut().and_then(take_last_tag_line);
                match tag {
                    Some(tag) => {
                        let end = items.last().map_or(range.end(), |item| item.range.end());
                        out.push(Block::List {
                            items,
                            range: TextRange::new(range.start(), end),
                        });
                        out.push(tag);
                    }
                    None => out.push(Block::List { items, range }),
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A cheap first look: some text of the paragraph holds `{{<`.
fn may_hold_tag(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .any(|i| matches!(i, Inline::Text { text, .. } if text.contains("{{<")))
}

/// A line that is exactly one tag of a region shortcode (as [`shortcode_tag`] reads a
/// paragraph). Inline ones (`{{< icon name="check" >}}`) stay in their paragraph.
fn is_tag_line(line: &[Inline]) -> bool {
    let text = plain_text(line);
    let Some(inner) = text.trim().strip_prefix("{{<").and_then(|t| t.strip_suffix(">}}")) else {
        return false;
    };
    let name = inner
        .trim_start()
        .trim_start_matches('/')
        .split_whitespace()
        .next()
        .unwrap_or("");
    !inner.contains("{{<") && !name.is_empty() && !SELF_CLOSING.contains(&name)
}

/// The index ranges of a paragraph's lines (its breaks left out).
fn line_spans(inlines: &[Inline]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, inline) in inlines.iter().enumerate() {
        if matches!(inline, Inline::Break { .. }) {
            spans.push((start, i));
            start = i + 1;
        }
    }
    spans.push((start, inlines.len()));
    spans.retain(|(s, e)| s < e);
    spans
}

fn split_paragraph(inlines: Vec<Inline>, range: TextRange, out: &mut Vec<Block>) {
    let spans = line_spans(&inlines);
    let tags: Vec<bool> = spans.iter().map(|&(s, e)| is_tag_line(&inlines[s..e])).collect();
    if spans.len() < 2 || !tags.contains(&true) {
        out.push(Block::Paragraph { inlines, range });
        return;
    }
    let mut i = 0;
    while i < spans.len() {
        // A tag line alone, or the run of text lines up to the next tag line.
        let mut j = i + 1;
        if !tags[i] {
            while j < spans.len() && !tags[j] {
                j += 1;
            }
        }
        let part = inlines[spans[i].0..spans[j - 1].1].to_vec();
        let Some(covered) = inlines_range(&part) else {
            i = j;
            continue;
        };
        let start = if i == 0 { range.start() } else { covered.start() };
        let end = if j == spans.len() { range.end() } else { covered.end() };
        out.push(Block::Paragraph {
            inlines: part,
            range: TextRange::new(start, end.max(start)),
        });
        i = j;
    }
}

/// The last line of a list's last item when it is a tag (a lazy continuation line), as a
/// paragraph of its own; the item and its paragraph end before it.
fn take_last_tag_line(item: &mut ListItem) -> Option<Block> {
    let Some(Block::Paragraph { inlines, range }) = item.children.last_mut() else {
        return None;
    };
    if !may_hold_tag(inlines) {
        return None;
    }
    let spans = line_spans(inlines);
    let &[.., (before_start, before_end), (tag_start, tag_end)] = spans.as_slice() else {
        return None;
    };
    if !is_tag_line(&inlines[tag_start..tag_end]) || is_tag_line(&inlines[before_start..before_end]) {
        return None;
    }
    let tag_range = inlines_range(&inlines[tag_start..tag_end])?;
    let tag: Vec<Inline> = inlines
        .drain(before_end..)
        .skip(tag_start - before_end)
        .take(tag_end - tag_start)
        .collect();
    let end = inlines_range(inlines).map_or(range.start(), |r| r.end());
    *range = TextRange::new(range.start(), end);
    item.range = TextRange::new(item.range.start(), end.max(item.range.start()));
    Some(Block::Paragraph {
        inlines: tag,
        range: tag_range,
    })
}

/// Groups blocks into shortcode regions; stray or unclosed tags become issues.
pub fn group(blocks: Vec<Block>, shortcodes: &mut Vec<Shortcode>, issues: &mut Vec<ParseIssue>) -> Vec<Item> {
    let mut stack: Vec<(Region, Vec<Item>)> = Vec::new();
    let mut top: Vec<Item> = Vec::new();
    for block in blocks {
        let Some(tag) = shortcode_tag(&block) else {
            current(&mut stack, &mut top).push(Item::Block(block));
            continue;
        };
        shortcodes.push(tag.clone());
        if tag.closing {
            match stack.iter().rposition(|(r, _)| r.name == tag.name) {
                Some(pos) => {
                    // Anything opened after the matching tag was left open.
                    while stack.len() > pos + 1 {
                        if let Some((region, children)) = stack.pop() {
                            issues.push(unclosed(&region));
                            current(&mut stack, &mut top).extend(flatten(region, children));
                        }
                    }
                    if let Some((mut region, children)) = stack.pop() {
                        region.range = region.range.cover(tag.range);
                        region.children = children;
                        current(&mut stack, &mut top).push(Item::Shortcode(region));
                    }
                }
                None => issues.push(ParseIssue {
                    kind: ParseIssueKind::ShortcodeUnopened,
                    range: tag.range,
                    message: format!("closing `{{{{< /{} >}}}}` has no opening tag", tag.name),
                }),
            }
        } else {
            let text = plain_text(match &block {
                Block::Paragraph { inlines, .. } => inlines,
                _ => &[],
            });
            let attrs = text
                .trim()
                .trim_start_matches("{{<")
                .trim_end_matches(">}}")
                .trim()
                .trim_start_matches(tag.name.as_str())
                .trim()
                .to_string();
            if SELF_CLOSING.contains(&tag.name.as_str()) {
                current(&mut stack, &mut top).push(Item::Shortcode(Region {
                    name: tag.name,
                    attrs,
                    range: tag.range,
                    children: Vec::new(),
                }));
            } else {
                let region = Region {
                    name: tag.name,
                    attrs,
                    range: tag.range,
                    children: Vec::new(),
                };
                stack.push((region, Vec::new()));
            }
        }
    }
    while let Some((region, children)) = stack.pop() {
        issues.push(unclosed(&region));
        current(&mut stack, &mut top).extend(flatten(region, children));
    }
    top
}

/// Shortcodes that take no closing tag.
const SELF_CLOSING: &[&str] = &["icon", "ref", "relref", "youtube", "figure"];

fn current<'a>(stack: &'a mut [(Region, Vec<Item>)], top: &'a mut Vec<Item>) -> &'a mut Vec<Item> {
    match stack.last_mut() {
        Some((_, children)) => children,
        None => top,
    }
}

fn unclosed(region: &Region) -> ParseIssue {
    ParseIssue {
        kind: ParseIssueKind::ShortcodeUnclosed,
        range: region.range,
        message: format!("`{{{{< {} >}}}}` is never closed", region.name),
    }
}

/// An unclosed region gives its children back to the parent.
fn flatten(region: Region, children: Vec<Item>) -> Vec<Item> {
    let _ = region;
    children
}
