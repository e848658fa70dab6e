//! The semantic pass: shortcode regions and heading sections become resources and methods.

use crate::blocks::{Block, Tree};
use crate::items::{Item, Region};
use crate::{availability, history, request, success};
use docspec_model::*;
use method::{attribute_columns, example_role, MethodParts};
use parts::Parts;

mod method;
mod parts;

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
    let mut blocks = crate::items::split_tag_lines(tree.blocks);
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

/// The links, comments and list items of the blocks, nested ones included, in source order.
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
                    page.list_items.push(item.range);
                    collect_links_and_comments(&item.children, page);
                }
            }
            Block::Html { text, range } => push_comments(text, range.start(), &mut page.comments),
            _ => {}
        }
    }
    page.links.sort_by_key(|l| l.range);
    page.list_items.sort();
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
    let mut anchors = docspec_model::Anchors::default();
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

fn heading(
    level: u8,
    inlines: &[Inline],
    range: TextRange,
    text: &str,
    anchors: &mut docspec_model::Anchors,
) -> Heading {
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
