//! The page model to template data.
//!
//! A page renders as its intro, then sections (headings outside methods) and method
//! cards in source order. Each takes the source up to the next section or method; what
//! the card shows in structured form is excluded from its prose.

use crate::data::*;
use crate::deprecation::is_deprecated;
use crate::links::SiteLinks;
use crate::markdown::{Links, Markdown, SafeHtml};
use crate::parts::*;
use crate::prose::Prose;
use crate::summary::{anchor_links, index_links, methods_within, outside_links};
use crate::{search, PageInput, SiteSettings};
use docspec_model::{
    AttributeTable, Availability, CodeBlock, ExampleRole, FlagDefault, History, Method, Page, Resource, TextRange,
    TitleSource,
};

/// A page's template data, what its `<head>` says about it, and what the site keeps.
pub struct BuiltPage {
    pub data: PageData,
    pub description: Option<String>,
    pub summary: PageSummary,
}

/// The anchor a method card gets: GitLab's heading slug, or for a method without a
/// heading, a slug of its first request line.
pub fn method_anchor(method: &Method) -> String {
    if !method.anchor.is_empty() {
        return method.anchor.clone();
    }
    let fallback = match method.request_lines().next() {
        Some(line) => format!("{} {}", line.verb.value, line.path.value.replace('/', " ")),
        None => method.title.value.clone(),
    };
    let slug = docspec_model::slug(&fallback.replace(':', ""));
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "method".to_string()
    } else {
        slug
    }
}

enum Item<'p> {
    Section(usize),
    Method(&'p Method, &'p Resource),
}

struct Ctx<'a> {
    md: &'a Markdown,
    links: Links<'a>,
    text: &'a str,
    page: &'a Page,
    prose: Prose<'a>,
    /// The badges the page header shows; methods show theirs only when they differ.
    page_badges: Vec<Badge>,
    lead_ins: Vec<LeadIn>,
}

pub fn build_page<'a>(
    md: &Markdown,
    site_links: &SiteLinks,
    input: &PageInput<'a>,
    events: Option<&'a [docspec_parser::PageEvent<'a>]>,
    out_path: &str,
    settings: &SiteSettings,
) -> BuiltPage {
    let (path, page) = (input.path, input.page);
    let text = input.source.text();
    let title_heading = title_heading(page);
    let mut prose = Prose::new(text, page, events);
    let mut excluded = excluded_ranges(page, title_heading);
    let lead_ins = example_lead_ins(page, &prose, &excluded);
    excluded.extend(lead_ins.iter().map(|l| l.paragraph));
    prose.exclude(&excluded);
    let links = Links {
        site: site_links,
        from: path,
    };
    let method_badges: Vec<Vec<Badge>> = page
        .resources
        .iter()
        .flat_map(|r| {
            r.methods
                .iter()
                .map(move |m| badges(effective_availability(page, r, m)))
        })
        .collect();
    let shared = method_badges
        .first()
        .filter(|first| method_badges.iter().all(|b| b == *first));
    let page_badges = match shared {
        Some(common) if !common.is_empty() => common.clone(),
        _ => badges(&page.availability),
    };
    let ctx = Ctx {
        md,
        links,
        text,
        page,
        prose,
        page_badges,
        lead_ins,
    };
    let title = page
        .title_text()
        .map(str::to_string)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| file_stem(path));

    let items = items(page, title_heading);
    let starts: Vec<usize> = items.iter().map(|(start, _)| *start).collect();
    let next_start = |i: usize| starts.get(i + 1).copied().unwrap_or(text.len());
    let min_level = items
        .iter()
        .filter_map(|(_, item)| match item {
            Item::Section(h) => page.headings.get(*h).map(|h| h.level),
            Item::Method(..) => None,
        })
        .min()
        .unwrap_or(2);
    let section_depth = |h: usize| page.headings.get(h).map_or(0, |h| h.level.saturating_sub(min_level));

    let mut blocks = Vec::new();
    let mut toc = Vec::new();
    let mut search = vec![search::page_entry(&title, out_path, page, starts.first().copied())];
    for (i, (start, item)) in items.iter().enumerate() {
        match item {
            Item::Section(h) => {
                let section = ctx.section(*h, next_start(i));
                let holds_methods = page
                    .resources
                    .iter()
                    .any(|r| r.heading == Some(*h) && !r.methods.is_empty());
                let heading_text = page.headings.get(*h).map(|h| h.text.clone()).unwrap_or_default();
                toc.push(TocEntry {
                    title: heading_text.clone(),
                    href: format!("#{}", section.anchor),
                    depth: section_depth(*h),
                    kind: if holds_methods { "resource" } else { "section" },
                    verb: None,
                    verb_class: None,
                    deprecated: false,
                    method_count: methods_within(page, *h),
                });
                search.push(search::section_entry(
                    &heading_text,
                    &title,
                    &format!("{out_path}#{}", section.anchor),
                    page,
                    *start..next_start(i),
                ));
                blocks.push(BlockData {
                    section: Some(section),
                    method: None,
                });
            }
            Item::Method(method, resource) => {
                let data = ctx.method(method, resource, next_start(i));
                let first = data.requests.first();
                let depth = resource.heading.map_or(0, |h| {
                    if Some(h) == title_heading {
                        0
                    } else {
                        section_depth(h) + 1
                    }
                });
                toc.push(TocEntry {
                    title: data.title.clone(),
                    href: format!("#{}", data.anchor),
                    depth,
                    kind: "method",
                    verb: first.map(|r| r.verb.clone()),
                    verb_class: first.map(|r| r.verb_class.clone()),
                    deprecated: data.deprecated,
                    method_count: 1,
                });
                search.push(search::method_entry(&data, &title, out_path, method));
                blocks.push(BlockData {
                    section: None,
                    method: Some(data),
                });
            }
        }
    }
    let sections = toc
        .iter()
        .filter(|t| t.kind != "method" && t.depth == 0)
        .map(|t| IndexSection {
            title: t.title.clone(),
            href: t.href.clone(),
            method_count: t.method_count,
        })
        .collect();

    let intro_end = starts.first().copied().unwrap_or(text.len());
    let method_count = page.methods().count();
    let methods_label = crate::plural(method_count, "endpoint", "endpoints");
    let data = PageData {
        title: title.clone(),
        path: path.to_string(),
        availability: ctx.page_badges.clone(),
        history: ctx.history(&page.history),
        intro: ctx.prose.render(md, links, 0..intro_end, 2),
        blocks,
        method_count,
        methods_label: methods_label.clone(),
        toc,
    };
    let is_index = settings
        .index_page
        .as_deref()
        .is_some_and(|name| !name.is_empty() && (path == name || path.ends_with(&format!("/{name}"))));
    let summary = PageSummary {
        title,
        path: path.to_string(),
        href: out_path.to_string(),
        method_count,
        methods_label,
        sections,
        search,
        findings: outside_links(input, site_links),
        key: crate::links::SiteLinks::key(path),
        anchors: docspec_model::PageAnchors::of(page, input.source.text()),
        anchor_links: anchor_links(input, site_links),
        display_path: input.source.path().to_string(),
        index_links: if is_index {
            index_links(input, site_links, out_path)
        } else {
            Vec::new()
        },
    };
    BuiltPage {
        data,
        description: search::description(page, intro_end),
        summary,
    }
}

/// The availability that applies to a method: its own, else its resource's, else the page's.
fn effective_availability<'p>(page: &'p Page, resource: &'p Resource, method: &'p Method) -> &'p [Availability] {
    [&method.availability, &resource.availability, &page.availability]
        .into_iter()
        .find(|a| !a.is_empty())
        .map_or(&[], |a| a.as_slice())
}

/// The heading that gives the page its title (`# Title`), which the page header shows.
fn title_heading(page: &Page) -> Option<usize> {
    let title = page.title.as_ref().filter(|t| t.source == TitleSource::Heading)?;
    page.headings.iter().position(|h| h.range.contains_range(title.range))
}

/// Sections (headings outside methods) and methods, by start offset.
fn items(page: &Page, title_heading: Option<usize>) -> Vec<(usize, Item<'_>)> {
    let mut items = Vec::new();
    for resource in &page.resources {
        for method in &resource.methods {
            items.push((method.range.start(), Item::Method(method, resource)));
        }
    }
    let method_headings: Vec<usize> = page.methods().filter_map(|m| m.heading).collect();
    for (i, heading) in page.headings.iter().enumerate() {
        let start = heading.range.start();
        let in_method = page.methods().any(|m| m.range.contains(start));
        if Some(i) != title_heading && !method_headings.contains(&i) && !in_method {
            items.push((start, Item::Section(i)));
        }
    }
    items.sort_by_key(|(start, _)| *start);
    items
}

/// What is shown in structured form, or not at all, and so left out of the prose.
fn excluded_ranges(page: &Page, title_heading: Option<usize>) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = Vec::new();
    out.extend(page.front_matter.as_ref().map(|f| f.range));
    out.extend(title_heading.and_then(|h| page.headings.get(h)).map(|h| h.range));
    let availability = |a: &[Availability]| a.iter().map(|a| a.range).collect::<Vec<_>>();
    let history = |h: &[History]| h.iter().map(|h| h.range).collect::<Vec<_>>();
    out.extend(availability(&page.availability));
    out.extend(history(&page.history));
    out.extend(page.shortcodes.iter().map(|s| s.range));
    out.extend(page.comments.iter().map(|c| c.range));
    for notes in &page.topics {
        out.extend(availability(&notes.availability));
        out.extend(history(&notes.history));
    }
    for resource in &page.resources {
        out.extend(availability(&resource.availability));
        out.extend(history(&resource.history));
        for method in &resource.methods {
            out.extend(availability(&method.availability));
            out.extend(history(&method.history));
            for block in &method.request_blocks {
                out.push(block.range);
                out.extend(page.code_block(block.code_block).map(|c| c.range));
            }
            for table in method.request_tables.iter().chain(&method.response_tables) {
                out.push(table.range);
                out.extend(page.table(table.table).map(|t| t.range));
                out.extend(table.lead_in.as_ref().map(|l| l.range));
            }
            out.extend(method.success.iter().map(|s| s.range));
            for block in shown_examples(page, method) {
                out.push(block.range);
            }
        }
    }
    out
}

/// The method's examples shown as cards: not those nested in lists, which stay in place.
fn shown_examples<'p>(page: &'p Page, method: &'p Method) -> impl Iterator<Item = &'p CodeBlock> {
    method
        .examples
        .iter()
        .filter_map(|e| page.code_block(e.code_block))
        .filter(|b| !b.nested)
}

/// The paragraph that leads into an example card (`Example request:`, or a sentence
/// of its own), shown as the card's caption instead of in the prose.
pub struct LeadIn {
    pub block: TextRange,
    pub paragraph: TextRange,
}

/// A paragraph that is an alert, availability or history is shown as what it is, not
/// as a caption.
fn example_lead_ins(page: &Page, prose: &Prose<'_>, excluded: &[TextRange]) -> Vec<LeadIn> {
    let overlaps = |a: TextRange, r: TextRange| a.start() < r.end() && r.start() < a.end();
    let in_alert =
        |r: TextRange| page.alerts.iter().any(|a| overlaps(a.range, r)) || excluded.iter().any(|e| overlaps(*e, r));
    page.methods()
        .flat_map(|m| shown_examples(page, m))
        .filter_map(|block| {
            let paragraph = prose.paragraph_before(block.range.start())?;
            let paragraph = TextRange::new(paragraph.start, paragraph.end);
            (!in_alert(paragraph)).then_some(LeadIn {
                block: block.range,
                paragraph,
            })
        })
        .collect()
}

impl Ctx<'_> {
    fn src(&self, range: TextRange) -> &str {
        self.text.get(range.as_range()).unwrap_or("")
    }

    fn inline(&self, source: &str) -> SafeHtml {
        self.md.inline(self.links, source)
    }

    fn section(&self, h: usize, end: usize) -> SectionData {
        let Some(heading) = self.page.headings.get(h) else {
            return SectionData {
                level: 2,
                anchor: String::new(),
                title_html: SafeHtml::default(),
                availability: Vec::new(),
                history: Vec::new(),
                prose: SafeHtml::default(),
            };
        };
        let level = heading.level.clamp(2, 6);
        let resource = self.page.resources.iter().find(|r| r.heading == Some(h));
        let notes = self.page.topics.iter().find(|n| n.heading == h);
        let (availability, history) = match (resource, notes) {
            (Some(r), _) => (r.availability.as_slice(), r.history.as_slice()),
            (None, Some(n)) => (n.availability.as_slice(), n.history.as_slice()),
            (None, None) => (&[][..], &[][..]),
        };
        SectionData {
            level,
            anchor: heading.anchor.clone(),
            title_html: self.heading_html(h),
            availability: badges(availability),
            history: self.history(history),
            prose: self
                .prose
                .render(self.md, self.links, heading.range.end()..end, level + 1),
        }
    }

    /// A heading's text as inline Markdown, without its availability badges.
    fn heading_html(&self, h: usize) -> SafeHtml {
        let Some(heading) = self.page.headings.get(h) else {
            return SafeHtml::default();
        };
        let end = heading
            .badges
            .iter()
            .map(|b| b.range.start())
            .min()
            .unwrap_or(heading.text_range.end())
            .max(heading.text_range.start());
        let source = self.text.get(heading.text_range.start()..end).unwrap_or(&heading.text);
        self.inline(source)
    }

    fn method(&self, method: &Method, resource: &Resource, end: usize) -> MethodData {
        let heading = method.heading.and_then(|h| self.page.headings.get(h));
        let level = heading.map_or(2, |h| h.level.clamp(2, 6));
        let body_start = heading.map_or(method.range.start(), |h| h.range.end());
        let requests_at = method.request_blocks.first().map(|b| b.range);
        let (before, after) = match requests_at {
            Some(r) => (body_start..r.start().max(body_start), r.end().max(body_start)..end),
            None => (body_start..end, end..end),
        };
        let own = badges(effective_availability(self.page, resource, method));
        let availability = if own == self.page_badges { Vec::new() } else { own };
        let mut history = self.history(&method.history);
        if method.heading.is_none() {
            history.clear(); // a heading-less method's history is the page's, shown above
        }
        let sub_level = (level + 1).min(6);
        let response_attributes: Vec<_> = method
            .response_tables
            .iter()
            .map(|t| self.table(method, t, "response", String::new(), sub_level, &|_| true))
            .collect();
        MethodData {
            anchor: method_anchor(method),
            level,
            sub_level,
            title: method.title.value.clone(),
            title_html: method
                .heading
                .map_or_else(|| self.inline(&method.title.value), |h| self.heading_html(h)),
            deprecated: is_deprecated(method),
            availability,
            requests: method.request_lines().map(request).collect(),
            description: self.prose.render(self.md, self.links, clip(before), level + 1),
            history,
            parameters: self.parameters(method, sub_level),
            success: method.success.iter().map(status).collect(),
            has_response: !method.success.is_empty() || !response_attributes.is_empty(),
            response_attributes,
            examples: self.examples(method),
            notes: self.prose.render(self.md, self.links, clip(after), level + 1),
        }
    }

    /// The request attributes as path, query and body parameters, the way the OpenAPI
    /// output places them: a `:name` of a request path is a path parameter; the rest
    /// goes in the body for POST, PUT and PATCH, in the query otherwise.
    fn parameters(&self, method: &Method, level: u8) -> Vec<AttributeTableData> {
        let path_params: Vec<&str> = method
            .request_lines()
            .flat_map(|l| l.params.iter().map(|p| p.value.as_str()))
            .collect();
        let is_path = |name: &str| name.split('/').map(str::trim).any(|n| path_params.contains(&n));
        let verb = method
            .request_lines()
            .next()
            .map(|l| l.verb.value.to_ascii_lowercase())
            .unwrap_or_default();
        let (rest_kind, rest_heading) = match verb.as_str() {
            "post" | "put" | "patch" => ("body", "Body parameters"),
            _ => ("query", "Query parameters"),
        };
        let mut out = Vec::new();
        for table in &method.request_tables {
            let path = self.table(method, table, "path", "Path parameters".into(), level, &|n| is_path(n));
            let rest = self.table(method, table, rest_kind, rest_heading.into(), level, &|n| !is_path(n));
            out.extend([path, rest].into_iter().filter(|t| !t.rows.is_empty()));
        }
        out
    }

    fn table(
        &self,
        method: &Method,
        table: &AttributeTable,
        kind: &'static str,
        heading: String,
        level: u8,
        keep: &dyn Fn(&str) -> bool,
    ) -> AttributeTableData {
        let cols = table.columns;
        let mut rows: Vec<AttributeRowData> = Vec::new();
        for row in &table.rows {
            let cells = self.page.row_cells(table, row);
            let cell = |i: Option<usize>| i.and_then(|i| cells.get(i));
            let name = row
                .name
                .as_ref()
                .map(|n| n.name.clone())
                .or_else(|| cell(cols.attribute).map(|c| c.text.trim_matches('`').to_string()))
                .unwrap_or_default();
            if !keep(&name) {
                continue;
            }
            let description_range = row
                .description
                .as_ref()
                .map(|d| d.range)
                .or_else(|| cell(cols.description).map(|c| c.range));
            let required = row
                .required
                .as_ref()
                .map(|r| r.value.trim().to_string())
                .unwrap_or_default();
            let description = description_range.map(|r| self.src(r)).unwrap_or("");
            let deprecation = crate::deprecation::row_deprecation(self.page, table, row);
            rows.push(AttributeRowData {
                name_parts: split_after(&name, &['_', '.', '/']),
                depth: nesting(&name),
                children: 0,
                type_: row.type_.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                type_parts: row
                    .type_
                    .as_ref()
                    .map(|t| split_after(&t.value, &['/', ',']))
                    .unwrap_or_default(),
                required_yes: is_yes(&required),
                required,
                deprecated: deprecation.is_some(),
                replacement: deprecation.flatten(),
                introduced: introduced_in(method, &name, description),
                description: self.inline(description),
                name,
            });
        }
        for i in 0..rows.len() {
            let depth = rows[i].depth;
            rows[i].children = rows[i + 1..].iter().take_while(|r| r.depth > depth).count();
        }
        AttributeTableData {
            heading,
            kind,
            level,
            caption: table
                .lead_in
                .as_ref()
                .filter(|l| caption(&l.value))
                .map(|l| self.inline(self.src(l.range).trim().trim_end_matches(':'))),
            has_type: cols.type_.is_some(),
            has_required: cols.required.is_some(),
            rows,
        }
    }

    fn examples(&self, method: &Method) -> Vec<ExampleData> {
        method
            .examples
            .iter()
            .filter_map(|example| {
                let block = self.page.code_block(example.code_block).filter(|b| !b.nested)?;
                let lead = self.lead_in(block.range);
                let caption_html = match lead {
                    Some(range) if !is_stock_example_lead_in(self.src(range)) => {
                        self.inline(self.src(range).trim().trim_end_matches(':'))
                    }
                    _ => SafeHtml::default(),
                };
                let (role, label) = match example.role {
                    ExampleRole::Curl => ("curl", "Request"),
                    ExampleRole::Response => ("response", "Response"),
                    ExampleRole::RequestBody => ("request_body", "Request body"),
                    ExampleRole::Other => ("other", "Example"),
                };
                Some(ExampleData {
                    role: role.to_string(),
                    label: label.to_string(),
                    caption_html,
                    lang: block.lang().filter(|l| is_plain_word(l)).unwrap_or("").to_string(),
                    code: block.content.trim_end_matches('\n').to_string(),
                })
            })
            .collect()
    }

    fn lead_in(&self, block: TextRange) -> Option<TextRange> {
        self.lead_ins.iter().find(|l| l.block == block).map(|l| l.paragraph)
    }

    fn history(&self, history: &[History]) -> Vec<HistoryItem> {
        history
            .iter()
            .flat_map(|h| &h.entries)
            .map(|e| HistoryItem {
                html: self.inline(self.src(e.range)),
                version: e.version.as_ref().map(|v| v.value.clone()),
                flag: e.flag.as_ref().map(|f| f.value.clone()),
                flag_default: e.flag_default.map(|d| match d {
                    FlagDefault::Enabled => "enabled".to_string(),
                    FlagDefault::Disabled => "disabled".to_string(),
                }),
            })
            .collect()
    }
}

fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name).to_string()
}
