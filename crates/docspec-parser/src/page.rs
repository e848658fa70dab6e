//! The semantic pass: shortcode regions and heading sections become resources and methods.

use crate::blocks::{Block, Tree};
use crate::items::{Item, Region};
use crate::{availability, history, request, slug, success};
use docspec_model::*;

/// A heading section: its heading, its own items (not those of subsections), and its parent.
struct Section {
    heading: Option<usize>,
    level: u8,
    items: Vec<Item>,
    range: TextRange,
    parent: Option<usize>,
    has_request: bool,
}

pub fn build(text: &str, tree: Tree) -> Page {
    let mut page = Page {
        code_blocks: tree.code_blocks,
        tables: tree.tables,
        ..Page::default()
    };
    for html in &tree.inline_html {
        push_comments(&html.value, html.range.start(), &mut page.comments);
    }
    let mut blocks = tree.blocks;
    read_front_matter(text, &mut blocks, &mut page);
    assign_lead_ins(&blocks, &mut page);
    collect_links_and_comments(&blocks, &mut page);

    let items = crate::items::group(blocks, &mut page.shortcodes, &mut page.issues);
    let mut sections = split_sections(text, items, &mut page);
    for section in &mut sections {
        // A section with a cURL example and an attribute table documents a method even
        // when its request block is missing; lint reports the missing block.
        section.has_request = section.items.iter().any(|i| holds_request(i, &page))
            || (section.items.iter().any(|i| holds_curl(i, &page))
                && section.items.iter().any(|i| holds_attribute_table(i, &page)));
    }
    unmark_overview_lists(&mut sections, &page);
    if page.title.is_none() {
        page.title = page.headings.iter().find(|h| h.level == 1).map(|h| Title {
            text: h.text.clone(),
            range: h.text_range,
            source: TitleSource::Heading,
        });
    }
    assemble(text, sections, &mut page);
    collect_request_examples(&mut page);
    page
}

/// Request blocks no method took: illustrations and overview lists.
fn collect_request_examples(page: &mut Page) {
    let taken: Vec<usize> = page
        .methods()
        .flat_map(|m| m.request_blocks.iter().map(|b| b.code_block))
        .collect();
    page.request_examples = page
        .code_blocks
        .iter()
        .enumerate()
        .filter(|(i, cb)| !taken.contains(i) && request::is_request_block(cb))
        .map(|(i, cb)| {
            let (lines, other_lines) = request::read_lines(cb);
            RequestBlock {
                code_block: i,
                range: cb.range,
                lines,
                other_lines,
            }
        })
        .collect();
}

fn read_front_matter(text: &str, blocks: &mut Vec<Block>, page: &mut Page) {
    if let Some(Block::Metadata { content, range }) = blocks.first() {
        if range.start() == 0 || text[..range.start()].trim().is_empty() {
            let fm = crate::frontmatter::read(content, *range, &mut page.issues);
            page.title = fm.title.as_ref().map(|t| Title {
                text: t.value.clone(),
                range: t.range,
                source: TitleSource::FrontMatter,
            });
            page.front_matter = Some(fm);
            blocks.remove(0);
            return;
        }
    }
    if let Some(fm) = crate::frontmatter::unclosed(text) {
        page.issues.push(ParseIssue {
            kind: ParseIssueKind::FrontMatterUnclosed,
            range: fm.range,
            message: "front matter opens with `---` but is never closed".to_string(),
        });
        page.front_matter = Some(fm);
    }
}

/// Whether a block is nothing but HTML comments (`<!-- docspec-disable-next-line -->`).
fn is_comment_only(block: &Block) -> bool {
    let Block::Html { text, .. } = block else { return false };
    let mut rest = text.trim();
    while let Some(after) = rest.strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = after[end + 3..].trim_start(),
            None => return false,
        }
    }
    rest.is_empty()
}

/// Code blocks and tables remember the paragraph just before them (comments between
/// the two do not count).
fn assign_lead_ins(blocks: &[Block], page: &mut Page) {
    let mut previous: Option<&Block> = None;
    for block in blocks {
        if is_comment_only(block) {
            continue;
        }
        if let (Block::Code { index, .. }, Some(Block::Paragraph { inlines, .. })) = (block, previous) {
            if let Some(cb) = page.code_blocks.get_mut(*index) {
                cb.lead_in = Some(plain_text(inlines).trim().to_string());
            }
        }
        match block {
            Block::Quote { children, .. } => assign_lead_ins(children, page),
            Block::List { items, .. } => {
                for item in items {
                    assign_lead_ins(&item.children, page);
                }
            }
            _ => {}
        }
        previous = Some(block);
    }
}

fn collect_links_and_comments(blocks: &[Block], page: &mut Page) {
    for block in blocks {
        match block {
            Block::Paragraph { inlines, .. } | Block::Heading { inlines, .. } => {
                collect_links(inlines, &mut page.links)
            }
            Block::Table { index, .. } => {
                if let Some(table) = page.tables.get(*index) {
                    let mut links = Vec::new();
                    for cell in table
                        .header
                        .iter()
                        .chain(table.rows.iter().flat_map(|r| r.cells.iter()))
                    {
                        collect_links(&cell.inlines, &mut links);
                    }
                    page.links.extend(links);
                }
            }
            Block::Quote { children, .. } => collect_links_and_comments(children, page),
            Block::List { items, .. } => {
                for item in items {
                    collect_links_and_comments(&item.children, page);
                }
            }
            Block::Html { text, range } => push_comments(text, range.start(), &mut page.comments),
            _ => {}
        }
    }
    page.links.sort_by_key(|l| l.range);
    page.comments.sort_by_key(|c| c.range);
}

fn collect_links(inlines: &[Inline], out: &mut Vec<Link>) {
    walk_inlines(inlines, &mut |inline| {
        if let Inline::Link { dest, children, range } = inline {
            out.push(Link {
                range: *range,
                dest: dest.clone(),
                text: plain_text(children),
            });
        }
    });
}

/// Every `<!-- ... -->` in a piece of HTML.
fn push_comments(html: &str, base: usize, out: &mut Vec<Comment>) {
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--") {
        let start = from + open;
        let Some(close) = html[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(Comment {
            range: TextRange::new(base + start, base + end),
            body: html[start + 4..end - 3].trim().to_string(),
        });
        from = end;
    }
}

fn split_sections(text: &str, items: Vec<Item>, page: &mut Page) -> Vec<Section> {
    let mut anchors = slug::Anchors::default();
    let mut sections = vec![Section {
        heading: None,
        level: 0,
        items: Vec::new(),
        range: TextRange::new(0, text.len()),
        parent: None,
        has_request: false,
    }];
    let mut stack: Vec<usize> = vec![0];
    for item in items {
        if let Item::Block(Block::Heading { level, inlines, range }) = &item {
            let heading = heading(*level, inlines, *range, text, &mut anchors);
            page.headings.push(heading);
            while stack.len() > 1 && sections[*stack.last().unwrap_or(&0)].level >= *level {
                stack.pop();
            }
            let parent = stack.last().copied();
            sections.push(Section {
                heading: Some(page.headings.len() - 1),
                level: *level,
                items: Vec::new(),
                range: *range,
                parent,
                has_request: false,
            });
            stack.push(sections.len() - 1);
            continue;
        }
        let current = sections.len() - 1;
        sections[current].items.push(item);
    }
    // A section runs until the next heading of the same or a higher level.
    for i in 1..sections.len() {
        let level = sections[i].level;
        let end = sections[i + 1..]
            .iter()
            .find(|s| s.level <= level)
            .map_or(text.len(), |s| s.range.start());
        sections[i].range = TextRange::new(sections[i].range.start(), end);
    }
    sections
}

fn heading(level: u8, inlines: &[Inline], range: TextRange, text: &str, anchors: &mut slug::Anchors) -> Heading {
    let mut inlines = inlines.to_vec();
    let mut badges = Vec::new();
    while let Some(Inline::Strong { children, range }) = inlines.last() {
        let badge = plain_text(children);
        if !availability::is_badge(&badge) {
            break;
        }
        badges.insert(0, Spanned::new(badge.trim().to_string(), *range));
        inlines.pop();
    }
    let plain = plain_text(&inlines).trim().to_string();
    let text_range = inlines_range(&inlines)
        .map(|r| crate::blocks::trim_range(text, r))
        .unwrap_or(range);
    Heading {
        level,
        anchor: anchors.unique(&plain),
        text: plain,
        inlines,
        range,
        text_range,
        badges,
    }
}

fn holds_request(item: &Item, page: &Page) -> bool {
    match item {
        Item::Block(Block::Code { index, .. }) => page
            .code_blocks
            .get(*index)
            .is_some_and(|cb| !cb.nested && request::is_request_block(cb) && !request::is_illustration(cb)),
        Item::Shortcode(region) => region.children.iter().any(|i| holds_request(i, page)),
        Item::Block(_) => false,
    }
}

/// The request lines (`VERB /path`, query left out) of a section's own request blocks.
fn section_requests(section: &Section, page: &Page) -> Vec<(String, String)> {
    fn collect(item: &Item, page: &Page, out: &mut Vec<(String, String)>) {
        match item {
            Item::Block(Block::Code { index, .. }) => {
                if let Some(cb) = page.code_blocks.get(*index) {
                    if !cb.nested && request::is_request_block(cb) && !request::is_illustration(cb) {
                        let (lines, _) = request::read_lines(cb);
                        out.extend(
                            lines
                                .into_iter()
                                .map(|l| (l.verb.value.to_ascii_uppercase(), l.path.value)),
                        );
                    }
                }
            }
            Item::Shortcode(region) => region.children.iter().for_each(|i| collect(i, page, out)),
            Item::Block(_) => {}
        }
    }
    let mut out = Vec::new();
    section.items.iter().for_each(|i| collect(i, page, &mut out));
    out
}

/// A section that only lists endpoints the sections of the page document (an overview
/// such as "Endpoints that support pagination") shows no method of its own: it has no
/// cURL example or attribute table, and every line it lists is documented elsewhere. Nor
/// does a troubleshooting section that shows requests to one real resource.
fn unmark_overview_lists(sections: &mut [Section], page: &Page) {
    let requests: Vec<Vec<(String, String)>> = sections
        .iter()
        .map(|s| {
            if s.has_request {
                section_requests(s, page)
            } else {
                Vec::new()
            }
        })
        .collect();
    let bare: Vec<bool> = sections
        .iter()
        .map(|s| {
            s.has_request
                && !s.items.iter().any(|i| holds_curl(i, page))
                && !s.items.iter().any(|i| holds_attribute_table(i, page))
        })
        .collect();
    let overview: Vec<usize> = (0..sections.len())
        .filter(|&i| bare[i] && !requests[i].is_empty())
        .filter(|&i| {
            requests[i]
                .iter()
                .all(|line| (0..sections.len()).any(|j| j != i && !bare[j] && requests[j].contains(line)))
                || troubleshooting_example(sections, page, i, &requests[i])
        })
        .collect();
    for i in overview {
        sections[i].has_request = false;
    }
}

/// Under a troubleshooting heading, requests to one real resource (`GET
/// /api/v4/projects/gitlab-org%2Fgitlab`) show what a reader sends, not an endpoint.
fn troubleshooting_example(sections: &[Section], page: &Page, i: usize, requests: &[(String, String)]) -> bool {
    let mut at = Some(i);
    let mut under = false;
    while let Some(s) = at {
        let heading = sections[s].heading.and_then(|h| page.headings.get(h));
        under |= heading.is_some_and(|h| h.text.to_ascii_lowercase().contains("troubleshoot"));
        at = sections[s].parent;
    }
    under && requests.iter().all(|(_, path)| request::is_concrete_path(path))
}

fn holds_curl(item: &Item, page: &Page) -> bool {
    match item {
        Item::Block(Block::Code { index, .. }) => page
            .code_blocks
            .get(*index)
            .is_some_and(|cb| example_role(cb, false) == ExampleRole::Curl),
        Item::Shortcode(region) => region.children.iter().any(|i| holds_curl(i, page)),
        Item::Block(_) => false,
    }
}

/// A table with the request-table columns (`Type` and `Required`): with a cURL example,
/// the sign of a method whose request block is missing.
fn holds_attribute_table(item: &Item, page: &Page) -> bool {
    match item {
        Item::Block(Block::Table { index }) => page
            .tables
            .get(*index)
            .and_then(attribute_columns)
            .is_some_and(|c| c.type_.is_some() && c.required.is_some()),
        Item::Shortcode(region) => region.children.iter().any(|i| holds_attribute_table(i, page)),
        Item::Block(_) => false,
    }
}

/// What a section became.
#[derive(Clone, Copy)]
enum Role {
    /// Index into the method builders.
    Method(usize),
    Prose,
}

fn assemble(text: &str, sections: Vec<Section>, page: &mut Page) {
    let mut roles: Vec<Role> = Vec::with_capacity(sections.len());
    let mut methods: Vec<(MethodParts, Option<usize>)> = Vec::new();
    let mut prose: Vec<(usize, Parts)> = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        let badges: Vec<Availability> = section
            .heading
            .and_then(|h| page.headings.get(h))
            .map(|h| h.badges.iter().map(availability::from_badge).collect())
            .unwrap_or_default();
        let owner = if section.has_request {
            None
        } else {
            ancestors(&sections, i).find_map(|a| match roles.get(a) {
                Some(Role::Method(m)) => Some(*m),
                _ => None,
            })
        };
        match owner {
            Some(m) => {
                roles.push(Role::Method(m));
                let (parts, _) = &mut methods[m];
                parts.section_end = parts.section_end.max(section.range.end());
                for item in &section.items {
                    parts.item(item, page);
                }
            }
            None if section.has_request => {
                roles.push(Role::Method(methods.len()));
                let mut parts = MethodParts::new(section, page);
                parts.parts.availability.extend(badges);
                for item in &section.items {
                    parts.item(item, page);
                }
                // A method under another method's heading, for one of its paths.
                let enclosing = ancestors(&sections, i).find_map(|a| match roles.get(a) {
                    Some(Role::Method(m)) => Some(*m),
                    _ => None,
                });
                if let Some((base, _)) = enclosing.and_then(|m| methods.get(m)) {
                    if parts.is_variant_of(base) {
                        parts.variant_of = base.heading;
                    }
                }
                let resource = ancestors(&sections, i).find(|&a| sections[a].level >= 2 && !sections[a].has_request);
                methods.push((parts, resource));
            }
            None => {
                roles.push(Role::Prose);
                let mut parts = Parts {
                    availability: badges,
                    ..Parts::default()
                };
                for item in &section.items {
                    parts.prose_item(item, page);
                }
                prose.push((i, parts));
            }
        }
    }

    // Prose of the preamble and the H1 describes the page.
    let mut resource_parts: Vec<(usize, Parts)> = Vec::new();
    for (i, parts) in prose {
        if sections[i].level <= 1 {
            page.availability.extend(parts.availability);
            page.history.extend(parts.history);
            page.paragraphs.extend(parts.paragraphs);
        } else {
            page.paragraphs.extend(parts.paragraphs.iter().cloned());
            resource_parts.push((i, parts));
        }
    }

    for (parts, resource_section) in methods {
        let method = parts.finish(text, page);
        let index = match page
            .resources
            .iter()
            .position(|r| r.heading == resource_section.and_then(|s| sections[s].heading))
        {
            Some(index) => index,
            None => {
                let resource = new_resource(text, resource_section, &sections, &mut resource_parts, page);
                page.resources.push(resource);
                page.resources.len() - 1
            }
        };
        page.resources[index].methods.push(method);
    }
    // Sections that became neither a resource nor a method keep their notes as topics.
    for (i, parts) in resource_parts {
        if let Some(heading) = sections[i].heading {
            page.topics.push(Topic {
                heading,
                range: sections[i].range,
                availability: parts.availability,
                history: parts.history,
                alerts: parts.alerts,
            });
        }
    }
}

fn ancestors(sections: &[Section], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(sections[i].parent, move |&p| sections[p].parent)
}

fn new_resource(
    text: &str,
    section: Option<usize>,
    sections: &[Section],
    prose: &mut Vec<(usize, Parts)>,
    page: &Page,
) -> Resource {
    let Some(s) = section else {
        return Resource {
            title: page.title_text().unwrap_or_default().to_string(),
            heading: None,
            range: TextRange::new(0, sections.first().map_or(0, |s| s.range.end())),
            description: None,
            availability: Vec::new(),
            history: Vec::new(),
            methods: Vec::new(),
        };
    };
    let heading = sections[s].heading;
    let parts = prose
        .iter()
        .position(|(i, _)| *i == s)
        .map(|p| prose.remove(p).1)
        .unwrap_or_default();
    Resource {
        title: heading
            .and_then(|h| page.headings.get(h))
            .map(|h| h.text.clone())
            .unwrap_or_default(),
        heading,
        range: sections[s].range,
        description: parts.description(text),
        availability: parts.availability,
        history: parts.history,
        methods: Vec::new(),
    }
}

/// What any section holds, method or not.
#[derive(Default)]
struct Parts {
    availability: Vec<Availability>,
    history: Vec<History>,
    alerts: Vec<usize>,
    description: Vec<TextRange>,
    paragraphs: Vec<Paragraph>,
}

impl Parts {
    /// The Markdown source of the description blocks, joined by blank lines.
    fn description(&self, text: &str) -> Option<Spanned<String>> {
        let first = *self.description.first()?;
        let range = self.description.iter().fold(first, |acc, r| acc.cover(*r));
        let joined: Vec<&str> = self
            .description
            .iter()
            .filter_map(|r| text.get(r.as_range()))
            .map(str::trim)
            .collect();
        Some(Spanned::new(joined.join("\n\n"), range))
    }

    /// Handles availability, history and alerts; returns false for anything else.
    fn special(&mut self, item: &Item, page: &mut Page) -> bool {
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

    fn prose(&mut self, block: &Block, before_request: bool) {
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
    fn prose_item(&mut self, item: &Item, page: &mut Page) {
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

/// Everything a method section holds.
struct MethodParts {
    title: Spanned<String>,
    heading: Option<usize>,
    anchor: String,
    section_start: usize,
    section_end: usize,
    variant_of: Option<usize>,
    parts: Parts,
    request_blocks: Vec<RequestBlock>,
    request_tables: Vec<AttributeTable>,
    response_tables: Vec<AttributeTable>,
    success: Vec<SuccessSentence>,
    examples: Vec<Example>,
    /// The last block was this paragraph (for table lead-ins).
    last_paragraph: Option<Spanned<String>>,
    requirement_groups: Vec<RequirementGroup>,
}

impl MethodParts {
    fn new(section: &Section, page: &Page) -> Self {
        let heading = section.heading.and_then(|h| page.headings.get(h));
        let title = match heading {
            Some(h) => Spanned::new(h.text.clone(), h.text_range),
            None => Spanned::new(
                page.title_text().unwrap_or_default().to_string(),
                page.title.as_ref().map_or(TextRange::empty(0), |t| t.range),
            ),
        };
        Self {
            title,
            heading: section.heading,
            anchor: heading.map(|h| h.anchor.clone()).unwrap_or_default(),
            section_start: section.range.start(),
            section_end: section.range.end(),
            variant_of: None,
            parts: Parts::default(),
            request_blocks: Vec::new(),
            request_tables: Vec::new(),
            response_tables: Vec::new(),
            success: Vec::new(),
            examples: Vec::new(),
            last_paragraph: None,
            requirement_groups: Vec::new(),
        }
    }

    /// Every request line has a path template of one of `base`'s lines (`HEAD
    /// /files/:file_path` of `GET /files/:path`).
    fn is_variant_of(&self, base: &MethodParts) -> bool {
        let lines = || self.request_blocks.iter().flat_map(|b| b.lines.iter());
        let base_paths: Vec<String> = base
            .request_blocks
            .iter()
            .flat_map(|b| b.lines.iter())
            .map(|l| path_template(&l.path.value))
            .collect();
        lines().next().is_some() && lines().all(|l| base_paths.contains(&path_template(&l.path.value)))
    }

    fn before_request(&self) -> bool {
        self.request_blocks.is_empty()
    }

    fn item(&mut self, item: &Item, page: &mut Page) {
        if self.parts.special(item, page) {
            self.alert_statement(item);
            self.last_paragraph = None;
            return;
        }
        match item {
            Item::Shortcode(region) => {
                for child in &region.children {
                    self.item(child, page);
                }
            }
            Item::Block(block) => self.block(block, page),
        }
    }

    /// Whether a request table read so far has a row of this name.
    fn is_request_attribute(&self, name: &str) -> bool {
        self.request_tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .any(|r| r.name.as_ref().is_some_and(|n| n.name == name))
    }

    /// A note that states the status ("This endpoint returns a success response `200`
    /// regardless of the pipeline's state.") states it all the same.
    fn alert_statement(&mut self, item: &Item) {
        let paragraphs: Vec<&Block> = match item {
            Item::Block(paragraph @ Block::Paragraph { .. }) => vec![paragraph],
            Item::Block(Block::Quote {
                kind: Some(_),
                children,
                ..
            }) => children.iter().collect(),
            _ => return,
        };
        for block in paragraphs {
            if let Block::Paragraph { inlines, range } = block {
                if success::is_stated_status(inlines, |name| self.is_request_attribute(name)) {
                    self.success
                        .push(success::read_form(inlines, *range, SuccessForm::Prose));
                }
            }
        }
    }

    fn block(&mut self, block: &Block, page: &mut Page) {
        // A comment (a suppression) between a lead-in and its table leaves the lead-in.
        if is_comment_only(block) {
            return;
        }
        let before = self.before_request();
        let mut last_paragraph = None;
        match block {
            Block::Paragraph { inlines, range } if success::is_success(inlines) => {
                self.success.push(success::read(inlines, *range));
                let text = plain_text(inlines);
                self.parts.paragraphs.push(Paragraph {
                    range: *range,
                    text: text.clone(),
                });
                last_paragraph = Some(Spanned::new(text, *range));
            }
            Block::Paragraph { inlines, range } => {
                self.parts.prose(block, before);
                if success::is_stated_status(inlines, |name| self.is_request_attribute(name)) {
                    self.success
                        .push(success::read_form(inlines, *range, SuccessForm::Prose));
                }
                if let Some(group) = crate::requirement::group(inlines, *range) {
                    self.requirement_groups.push(group);
                }
                let text = self
                    .parts
                    .paragraphs
                    .last()
                    .map(|p| p.text.trim().to_string())
                    .unwrap_or_default();
                last_paragraph = Some(Spanned::new(text, *range));
            }
            Block::Code { index, range } => self.code(*index, *range, page),
            Block::Table { index, .. } => self.table(*index, page),
            Block::List { items, .. } => {
                self.parts.prose(block, before);
                // "- `201 Created` if the license is successfully added."
                for item in items {
                    if let Some(Block::Paragraph { inlines, range }) = item.children.first() {
                        if success::is_stated_status(inlines, |name| self.is_request_attribute(name)) {
                            self.success
                                .push(success::read_form(inlines, *range, SuccessForm::Prose));
                        }
                    }
                }
                // The list right after "At least one of the following ... is required:".
                if let Some(group) = self.requirement_groups.last_mut() {
                    let follows = self.last_paragraph.as_ref().is_some_and(|p| p.range == group.range);
                    if follows && group.names.is_empty() {
                        group.names = crate::requirement::list_names(items);
                    }
                }
                for item in items {
                    self.nested_examples(&item.children, page);
                }
            }
            other => self.parts.prose(other, before),
        }
        self.last_paragraph = last_paragraph;
    }

    /// Code blocks inside lists are examples too (never request blocks).
    fn nested_examples(&mut self, blocks: &[Block], page: &Page) {
        for block in blocks {
            match block {
                Block::Code { index, .. } => {
                    if let Some(cb) = page.code_blocks.get(*index) {
                        let role = example_role(cb, self.has_curl());
                        self.examples.push(Example {
                            code_block: *index,
                            role,
                        });
                    }
                }
                Block::List { items, .. } => {
                    for item in items {
                        self.nested_examples(&item.children, page);
                    }
                }
                Block::Quote { children, .. } => self.nested_examples(children, page),
                _ => {}
            }
        }
    }

    fn has_curl(&self) -> bool {
        self.examples.iter().any(|e| e.role == ExampleRole::Curl)
    }

    fn code(&mut self, index: usize, range: TextRange, page: &Page) {
        let Some(cb) = page.code_blocks.get(index) else { return };
        if request::is_request_block(cb) && !request::is_illustration(cb) {
            let (lines, other_lines) = request::read_lines(cb);
            self.request_blocks.push(RequestBlock {
                code_block: index,
                range,
                lines,
                other_lines,
            });
        } else {
            let role = example_role(cb, self.has_curl());
            self.examples.push(Example {
                code_block: index,
                role,
            });
        }
    }

    fn table(&mut self, index: usize, page: &Page) {
        let Some(table) = page.tables.get(index) else { return };
        let Some(columns) = attribute_columns(table) else {
            self.success.extend(success::status_table_rows(table));
            return;
        };
        let lead_in = self.last_paragraph.clone();
        let lead_says_response = lead_in
            .as_ref()
            .is_some_and(|l| l.value.to_ascii_lowercase().contains("response"));
        // Without a `Required` column, a table is the request table only while nothing
        // after the request table (success sentence, examples) has been seen.
        let before_response =
            !lead_says_response && self.success.is_empty() && self.request_tables.is_empty() && !self.has_curl();
        let is_request = !lead_says_response && (columns.required.is_some() || before_response);
        let attribute_table = crate::tables::attribute_table(index, table, columns, lead_in);
        if is_request {
            self.requirement_groups
                .extend(crate::requirement::row_groups(table, &attribute_table));
            self.request_tables.push(attribute_table);
        } else {
            self.response_tables.push(attribute_table);
        }
    }

    fn finish(self, text: &str, page: &Page) -> Method {
        let description = self.parts.description(text);
        let response_content = crate::response::content(
            &self.title.value,
            description.as_ref().map(|d| d.value.as_str()),
            &self.request_blocks,
            &self.success,
            &self.examples,
            page,
        );
        let only_requests = self.request_tables.is_empty()
            && self.response_tables.is_empty()
            && self.examples.is_empty()
            && self.success.is_empty();
        let documented_at = description
            .as_ref()
            .filter(|_| only_requests)
            .and_then(|d| {
                page.links
                    .iter()
                    .filter(|l| d.range.contains_range(l.range))
                    .find(|l| links_to_another_page(&l.dest))
            })
            .map(|l| Spanned::new(l.dest.clone(), l.range));
        Method {
            title: self.title,
            heading: self.heading,
            anchor: self.anchor,
            range: TextRange::new(self.section_start, self.section_end),
            description,
            request_blocks: self.request_blocks,
            request_tables: self.request_tables,
            response_tables: self.response_tables,
            success: self.success,
            examples: self.examples,
            history: self.parts.history,
            availability: self.parts.availability,
            alerts: self.parts.alerts,
            paragraphs: self.parts.paragraphs,
            response_content,
            requirement_groups: self.requirement_groups,
            documented_at,
            variant_of: self.variant_of,
        }
    }
}

/// A path with its parameters unnamed (`/files/:file_path` and `/files/{path}` are both
/// `/files/:`), without a trailing slash.
fn path_template(path: &str) -> String {
    path.trim_end_matches('/')
        .split('/')
        .map(|segment| {
            if segment.starts_with(':') || (segment.starts_with('{') && segment.ends_with('}')) {
                ":"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A relative link to another Markdown page (`projects.md#list-all-projects`).
fn links_to_another_page(dest: &str) -> bool {
    let path = dest.split('#').next().unwrap_or("");
    !dest.contains("://") && path.ends_with(".md")
}

/// What a code block in a method shows.
fn example_role(cb: &CodeBlock, after_curl: bool) -> ExampleRole {
    let lang = cb.lang().unwrap_or("").to_ascii_lowercase();
    let content = cb.content.trim_start();
    let shell_like = matches!(
        lang.as_str(),
        "shell" | "bash" | "sh" | "console" | "plaintext" | "text" | ""
    );
    if shell_like && (content.starts_with("curl ") || content.contains("\ncurl ") || content.contains("$ curl ")) {
        return ExampleRole::Curl;
    }
    let lead = cb.lead_in.as_deref().unwrap_or("").to_ascii_lowercase();
    // Whatever its language (`csv`, `plaintext`), a block introduced as the response is one.
    if lead.contains("response") && !lead.contains("request") {
        return ExampleRole::Response;
    }
    let json_like = lang == "json" || (lang.is_empty() && (content.starts_with('{') || content.starts_with('[')));
    if json_like {
        if ["request", "payload", "body", "input", "post", "data"]
            .iter()
            .any(|w| lead.contains(w))
        {
            return ExampleRole::RequestBody;
        }
        let _ = after_curl;
        return ExampleRole::Response;
    }
    ExampleRole::Other
}

/// Which columns an attribute table has; `None` when the table is not about attributes.
fn attribute_columns(table: &Table) -> Option<Columns> {
    let first = table.header.first()?.text.to_ascii_lowercase();
    if !(first.contains("attribute") || first.contains("parameter")) {
        return None;
    }
    let mut columns = Columns {
        attribute: Some(0),
        ..Columns::default()
    };
    for (i, cell) in table.header.iter().enumerate().skip(1) {
        let name = cell.text.trim().to_ascii_lowercase();
        let slot = if name == "type" {
            &mut columns.type_
        } else if name.starts_with("required") {
            &mut columns.required
        } else if name.starts_with("description") {
            &mut columns.description
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    Some(columns)
}
