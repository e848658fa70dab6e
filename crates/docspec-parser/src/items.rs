//! Groups top-level blocks into Hugo shortcode regions: `{{< name >}}` ... `{{< /name >}}`.

use crate::blocks::Block;
use docspec_model::{plain_text, ParseIssue, ParseIssueKind, Shortcode, TextRange};

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
