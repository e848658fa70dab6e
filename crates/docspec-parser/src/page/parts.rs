//! What any section holds: availability, history, alerts, description and prose.

use super::*;

/// What any section holds, method or not.
#[derive(Default)]
pub(super) struct Parts {
    pub(super) availability: Vec<Availability>,
    pub(super) history: Vec<History>,
    pub(super) alerts: Vec<usize>,
    pub(super) description: Vec<TextRange>,
    pub(super) paragraphs: Vec<Paragraph>,
}

impl Parts {
    /// The Markdown source of the description blocks, joined by blank lines, its lines
    /// ending in `\n` whatever the page's line endings.
    pub(super) fn description(&self, text: &str) -> Option<Spanned<String>> {
        let first = *self.description.first()?;
        let range = self.description.iter().fold(first, |acc, r| acc.cover(*r));
        let joined: Vec<&str> = self
            .description
            .iter()
            .filter_map(|r| text.get(r.as_range()))
            .map(str::trim)
            .collect();
        let joined = joined.join("\n\n");
        Some(Spanned::new(docspec_model::lf_lines(&joined).into_owned(), range))
    }

    /// Handles availability, history and alerts; returns false for anything else.
    pub(super) fn special(&mut self, item: &Item, page: &mut Page) -> bool {
        match item {
            Item::Shortcode(region) => self.region(region, page),
            Item::Block(block) => self.block(block, page),
        }
    }

    fn region(&mut self, region: &Region, page: &mut Page) -> bool {
        match region.name.as_str() {
            "details" => {
                let lines = region_list_items(&region.children)
                    .iter()
                    .filter_map(|inlines| availability::key_value_line(inlines))
                    .collect();
                self.availability.push(Availability {
                    range: region.range,
                    form: AvailabilityForm::Shortcode,
                    lines,
                });
                true
            }
            "history" => {
                let entries = region_list_items_with_range(&region.children)
                    .into_iter()
                    .map(|(inlines, range)| history::entry(&inlines, range))
                    .collect();
                self.history.push(History {
                    range: region.range,
                    form: HistoryForm::Shortcode,
                    entries,
                });
                true
            }
            "alert" => {
                let text: Vec<String> = region.children.iter().map(item_text).collect();
                page.alerts.push(Alert {
                    range: region.range,
                    kind: region.attr("type").unwrap_or("note").to_ascii_lowercase(),
                    form: AlertForm::Shortcode,
                    text: text.join("\n\n").trim().to_string(),
                    text_on_label_line: false,
                });
                self.alerts.push(page.alerts.len() - 1);
                true
            }
            _ => false,
        }
    }

    fn block(&mut self, block: &Block, page: &mut Page) -> bool {
        match block {
            Block::Paragraph { inlines, range } => {
                if availability::is_details(inlines) {
                    self.availability.push(availability::from_details(inlines, *range));
                } else if let Some(alert) = label_alert(inlines, *range) {
                    page.alerts.push(alert);
                    self.alerts.push(page.alerts.len() - 1);
                } else {
                    return false;
                }
                true
            }
            Block::Quote {
                kind: Some(kind),
                children,
                range,
            } => {
                page.alerts.push(Alert {
                    range: *range,
                    kind: kind.clone(),
                    form: AlertForm::Gfm,
                    text: children.iter().map(block_text).collect::<Vec<_>>().join("\n\n"),
                    text_on_label_line: false,
                });
                self.alerts.push(page.alerts.len() - 1);
                true
            }
            Block::Quote {
                kind: None,
                children,
                range,
            } => match quote_history(children, *range) {
                Some(h) => {
                    self.history.push(h);
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    pub(super) fn prose(&mut self, block: &Block, before_request: bool) {
        match block {
            Block::Paragraph { inlines, range } => {
                if before_request {
                    self.description.push(*range);
                }
                self.paragraphs.push(Paragraph {
                    range: *range,
                    text: plain_text(inlines),
                });
            }
            Block::List { range, .. } | Block::Quote { range, .. } if before_request => {
                self.description.push(*range);
            }
            _ => {}
        }
    }
}

impl Parts {
    /// A prose section: everything not special is description.
    pub(super) fn prose_item(&mut self, item: &Item, page: &mut Page) {
        if self.special(item, page) {
            return;
        }
        match item {
            Item::Block(block) => self.prose(block, true),
            Item::Shortcode(region) => {
                for child in &region.children {
                    self.prose_item(child, page);
                }
            }
        }
    }
}

fn item_text(item: &Item) -> String {
    match item {
        Item::Block(b) => block_text(b),
        Item::Shortcode(r) => r.children.iter().map(item_text).collect::<Vec<_>>().join("\n\n"),
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph { inlines, .. } | Block::Heading { inlines, .. } => plain_text(inlines),
        Block::Quote { children, .. } => children.iter().map(block_text).collect::<Vec<_>>().join("\n\n"),
        Block::List { items, .. } => items
            .iter()
            .map(|i| i.children.iter().map(block_text).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// Inline content of each list item in a shortcode region.
fn region_list_items(items: &[Item]) -> Vec<Vec<Inline>> {
    region_list_items_with_range(items)
        .into_iter()
        .map(|(inlines, _)| inlines)
        .collect()
}

fn region_list_items_with_range(items: &[Item]) -> Vec<(Vec<Inline>, TextRange)> {
    let mut out = Vec::new();
    for item in items {
        if let Item::Block(Block::List { items, .. }) = item {
            for li in items {
                out.push((first_inlines(&li.children), li.range));
            }
        }
    }
    out
}

fn first_inlines(children: &[Block]) -> Vec<Inline> {
    match children.first() {
        Some(Block::Paragraph { inlines, .. }) => inlines.clone(),
        _ => Vec::new(),
    }
}

/// `> - item` lists, and older single `> Introduced in GitLab X.Y.` quotes.
fn quote_history(children: &[Block], range: TextRange) -> Option<History> {
    match children {
        [Block::List { items, .. }] => {
            let entries = items
                .iter()
                .map(|li| history::entry(&first_inlines(&li.children), trim_item_range(li.range)))
                .collect();
            Some(History {
                range,
                form: HistoryForm::BlockquoteList,
                entries,
            })
        }
        [Block::Paragraph {
            inlines,
            range: p_range,
        }] => {
            let text = plain_text(inlines);
            if !history::looks_like_history(&text) {
                return None;
            }
            // Several lines that each read as history are several entries.
            let lines = availability::lines(inlines);
            let each = lines.len() > 1 && lines.iter().all(|l| history::looks_like_history(&plain_text(l)));
            let entries = if each {
                lines
                    .iter()
                    .map(|l| history::entry(l, inlines_range(l).unwrap_or(*p_range)))
                    .collect()
            } else {
                vec![history::entry(inlines, *p_range)]
            };
            Some(History {
                range,
                form: HistoryForm::Blockquote,
                entries,
            })
        }
        _ => None,
    }
}

fn trim_item_range(range: TextRange) -> TextRange {
    range
}

/// `NOTE:`, `WARNING:`, `FLAG:` and `DISCLAIMER:` paragraphs.
fn label_alert(inlines: &[Inline], range: TextRange) -> Option<Alert> {
    let Some(Inline::Text { text, .. }) = inlines.first() else {
        return None;
    };
    let (label, rest) = text.split_once(':')?;
    let kind = match label.trim() {
        "NOTE" | "Note" => "note",
        "WARNING" | "Warning" => "warning",
        "FLAG" => "flag",
        "DISCLAIMER" => "disclaimer",
        "TIP" => "tip",
        "CAUTION" => "caution",
        "IMPORTANT" => "important",
        _ => return None,
    };
    let lines = availability::lines(inlines);
    let first_line_rest = rest.trim().is_empty() && lines.first().is_some_and(|l| l.len() == 1);
    let full = plain_text(inlines);
    let body = full.split_once(':').map_or("", |(_, b)| b).trim().to_string();
    Some(Alert {
        range,
        kind: kind.to_string(),
        form: AlertForm::Label,
        text: body,
        text_on_label_line: !first_line_rest,
    })
}
