//! The free prose of a page, rendered by source range.
//!
//! The whole page is parsed once (so reference links resolve page-wide) and split into
//! top-level blocks. A range of the page renders the blocks that start inside it, minus
//! the blocks shown elsewhere in structured form (request blocks, attribute tables,
//! examples, history, availability, shortcodes), which the caller lists as excluded.
//! Alerts become GFM alert block quotes.

use crate::markdown::{Links, Markdown, SafeHtml, RESERVED_ID_PREFIX};
use docspec_model::{AlertForm, Page, TextRange};
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

struct BlockSpan {
    events: Range<usize>,
    source: Range<usize>,
}

struct AlertSpan {
    range: Range<usize>,
    kind: BlockQuoteKind,
    /// `NOTE:` for the label form, stripped from the first paragraph.
    label: Option<String>,
}

pub struct Prose<'a> {
    text: &'a str,
    events: Cow<'a, [docspec_parser::PageEvent<'a>]>,
    blocks: Vec<BlockSpan>,
    /// Sorted, merged.
    excluded: Vec<Range<usize>>,
    alerts: Vec<AlertSpan>,
    /// Heading anchors by the start offset of the heading.
    heading_ids: HashMap<usize, &'a str>,
}

impl<'a> Prose<'a> {
    /// The prose of `text`, from its events when the caller kept those of its parse.
    pub fn new(text: &'a str, page: &'a Page, kept: Option<&'a [docspec_parser::PageEvent<'a>]>) -> Self {
        let events = match kept {
            Some(events) => Cow::Borrowed(events),
            None => Cow::Owned(docspec_parser::events(text)),
        };
        let blocks = top_level_blocks(&events);
        let alerts = page
            .alerts
            .iter()
            .filter(|a| a.form != AlertForm::Gfm)
            .map(|a| AlertSpan {
                range: a.range.as_range(),
                kind: alert_kind(&a.kind),
                label: (a.form == AlertForm::Label).then(|| format!("{}:", a.kind.to_uppercase())),
            })
            .collect();
        let heading_ids = page
            .headings
            .iter()
            .map(|h| (h.range.start(), h.anchor.as_str()))
            .collect();
        Prose {
            text,
            events,
            blocks,
            excluded: Vec::new(),
            alerts,
            heading_ids,
        }
    }

    /// Leaves the blocks made only of `ranges` out of what is rendered.
    pub fn exclude(&mut self, ranges: &[TextRange]) {
        self.excluded = merge(ranges);
    }

    /// The top-level paragraph right before `offset`, with only blank space between.
    pub fn paragraph_before(&self, offset: usize) -> Option<Range<usize>> {
        let i = self
            .blocks
            .partition_point(|b| b.source.start < offset)
            .checked_sub(1)?;
        let block = self.blocks.get(i)?;
        let is_paragraph = matches!(
            self.events.get(block.events.start),
            Some((Event::Start(Tag::Paragraph), _))
        );
        let gap = self.text.get(block.source.end..offset)?;
        (is_paragraph && gap.chars().all(char::is_whitespace)).then(|| block.source.clone())
    }

    /// The prose of the blocks starting in `range`, headings no higher than `min_heading`.
    pub fn render(&self, md: &Markdown, links: Links<'_>, range: Range<usize>, min_heading: u8) -> SafeHtml {
        let mut out: Vec<Event<'a>> = Vec::new();
        let mut open_alert: Option<usize> = None;
        let first = self.blocks.partition_point(|b| b.source.start < range.start);
        for block in self.blocks[first..].iter().take_while(|b| b.source.start < range.end) {
            if self.covered(&block.source) {
                continue;
            }
            let alert = self.alerts.iter().position(|a| a.range.contains(&block.source.start));
            if alert != open_alert {
                if let Some(a) = open_alert.and_then(|i| self.alerts.get(i)) {
                    out.push(Event::End(TagEnd::BlockQuote(Some(a.kind))));
                }
                if let Some(a) = alert.and_then(|i| self.alerts.get(i)) {
                    out.push(Event::Start(Tag::BlockQuote(Some(a.kind))));
                }
            }
            let label = match alert {
                Some(i) if alert != open_alert => self.alerts.get(i).and_then(|a| a.label.as_deref()),
                _ => None,
            };
            open_alert = alert;
            self.push_block(block, label, min_heading, &mut out);
        }
        if let Some(a) = open_alert.and_then(|i| self.alerts.get(i)) {
            out.push(Event::End(TagEnd::BlockQuote(Some(a.kind))));
        }
        md.render_events(links, out.into_iter())
    }

    fn push_block(&self, block: &BlockSpan, mut label: Option<&str>, min_heading: u8, out: &mut Vec<Event<'a>>) {
        let mut skip_break = false;
        for (event, range) in &self.events[block.events.clone()] {
            let event = match event {
                Event::Text(text) => {
                    if self.inside_excluded(range) {
                        continue;
                    }
                    match label.take().map(|l| strip_label(text, l)) {
                        Some(Some(rest)) if rest.trim().is_empty() => {
                            skip_break = true;
                            continue;
                        }
                        Some(Some(rest)) => Event::Text(CowStr::from(rest.trim_start().to_string())),
                        _ => event.clone(),
                    }
                }
                Event::SoftBreak | Event::HardBreak if std::mem::take(&mut skip_break) => continue,
                Event::Start(Tag::Heading {
                    level, classes, attrs, ..
                }) => {
                    let id = self
                        .heading_ids
                        .get(&range.start)
                        .filter(|id| !id.is_empty() && !id.starts_with(RESERVED_ID_PREFIX))
                        .map(|id| CowStr::from(*id));
                    Event::Start(Tag::Heading {
                        level: clamp_level(*level, min_heading),
                        id,
                        classes: classes.clone(),
                        attrs: attrs.clone(),
                    })
                }
                Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(clamp_level(*level, min_heading))),
                other => other.clone(),
            };
            out.push(event);
        }
    }

    /// Whether everything in `range` but whitespace and quote markers is excluded.
    fn covered(&self, range: &Range<usize>) -> bool {
        let mut pos = range.start;
        let mut i = self.excluded.partition_point(|e| e.end <= pos);
        let mut touched = false;
        while let Some(ex) = self.excluded.get(i).filter(|e| e.start < range.end) {
            if ex.start > pos && !self.ignorable(pos..ex.start) {
                return false;
            }
            touched = true;
            pos = pos.max(ex.end);
            i += 1;
        }
        touched && (pos >= range.end || self.ignorable(pos..range.end))
    }

    fn inside_excluded(&self, range: &Range<usize>) -> bool {
        let i = self.excluded.partition_point(|e| e.end <= range.start);
        self.excluded
            .get(i)
            .is_some_and(|e| e.start <= range.start && range.end <= e.end)
    }

    fn ignorable(&self, range: Range<usize>) -> bool {
        self.text
            .get(range)
            .is_some_and(|s| s.chars().all(|c| c.is_whitespace() || c == '>'))
    }
}

fn top_level_blocks(events: &[(Event<'_>, Range<usize>)]) -> Vec<BlockSpan> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let source = events.get(start).map_or(range.clone(), |(_, r)| r.clone());
                    blocks.push(BlockSpan {
                        events: start..i + 1,
                        source,
                    });
                }
            }
            _ if depth == 0 => blocks.push(BlockSpan {
                events: i..i + 1,
                source: range.clone(),
            }),
            _ => {}
        }
    }
    blocks
}

fn merge(ranges: &[TextRange]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = ranges.iter().filter(|r| !r.is_empty()).map(|r| r.as_range()).collect();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn strip_label<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let trimmed = text.trim_start();
    let head = trimmed.get(..label.len())?;
    head.eq_ignore_ascii_case(label).then(|| &trimmed[label.len()..])
}

fn clamp_level(level: HeadingLevel, min: u8) -> HeadingLevel {
    let n = (level as usize).max(usize::from(min)).min(6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

fn alert_kind(kind: &str) -> BlockQuoteKind {
    match kind {
        "tip" => BlockQuoteKind::Tip,
        "warning" => BlockQuoteKind::Warning,
        "caution" | "danger" | "disclaimer" => BlockQuoteKind::Caution,
        "important" | "flag" => BlockQuoteKind::Important,
        _ => BlockQuoteKind::Note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, excluded: &[TextRange]) -> String {
        let page = docspec_parser::parse_str(text);
        let mut prose = Prose::new(text, &page, None);
        prose.exclude(excluded);
        let site = crate::SiteLinks::new(["other.md", "a.md"], None);
        let links = Links {
            site: &site,
            from: "page.md",
        };
        prose
            .render(&Markdown::new(), links, 0..text.len(), 3)
            .as_str()
            .to_string()
    }

    #[test]
    fn excluded_blocks_are_dropped() {
        let text = "Keep me.\n\nDrop me.\n\n> quoted\n";
        let drop = text.find("Drop").unwrap_or(0);
        let out = render(text, &[TextRange::new(drop, drop + 8)]);
        assert!(out.contains("Keep me."), "{out}");
        assert!(!out.contains("Drop"), "{out}");
        assert!(out.contains("quoted"), "{out}");
    }

    #[test]
    fn label_alerts_become_alert_quotes() {
        let out = render("NOTE:\nRead this [doc](other.md).\n", &[]);
        assert!(out.contains(r#"<blockquote class="markdown-alert-note">"#), "{out}");
        assert!(!out.contains("NOTE:"), "{out}");
        assert!(out.contains(r#"href="other.html""#), "{out}");
    }

    #[test]
    fn the_paragraph_before_a_block_is_found() {
        let text = "Intro.\n\nExample request:\n\n```shell\ncurl x\n```\n";
        let page = docspec_parser::parse_str(text);
        let prose = Prose::new(text, &page, None);
        let at = text.find("```").unwrap_or(0);
        let lead = prose.paragraph_before(at).map(|r| &text[r]);
        assert_eq!(lead.map(str::trim), Some("Example request:"));
        assert_eq!(prose.paragraph_before(0), None);
    }

    #[test]
    fn headings_get_anchors_and_levels() {
        let out = render("# Top\n\nx\n", &[]);
        assert!(out.contains(r#"<h3 id="top">Top</h3>"#), "{out}");
    }

    #[test]
    fn reference_links_resolve_page_wide() {
        let text = "See [it][ref].\n\n[ref]: a.md\n";
        let page = docspec_parser::parse_str(text);
        let prose = Prose::new(text, &page, None);
        let site = crate::SiteLinks::new(["a.md"], None);
        let links = Links {
            site: &site,
            from: "page.md",
        };
        let out = prose.render(&Markdown::new(), links, 0..5, 2);
        assert!(out.as_str().contains(r#"href="a.html""#), "{out:?}");
    }
}
