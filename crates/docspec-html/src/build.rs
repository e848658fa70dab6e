//! The page model to template data.
//!
//! A page renders as its intro, then sections (headings outside methods) and method
//! cards in source order. Each takes the source up to the next section or method; what
//! the card shows in structured form is excluded from its prose.

use crate::data::*;
use crate::deprecation::is_deprecated;
use crate::markdown::{Markdown, SafeHtml};
use crate::prose::Prose;
use docspec_model::{
    AttributeTable, Availability, CodeBlock, ExampleRole, FlagDefault, History, Method, Page, Resource, SourceFile,
    TextRange, TitleSource,
};
use std::ops::Range;

/// A page's template data, plus what the index and the search need.
pub struct BuiltPage {
    pub data: PageData,
    pub search: Vec<SearchEntry>,
    pub sections: Vec<TocEntry>,
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
    let slug = docspec_parser::slug(&fallback.replace(':', ""));
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
    text: &'a str,
    page: &'a Page,
    prose: Prose<'a>,
}

pub fn build_page(md: &Markdown, path: &str, source: &SourceFile, page: &Page, out_path: &str) -> BuiltPage {
    let text = source.text();
    let title_heading = title_heading(page);
    let excluded = excluded_ranges(page, title_heading);
    let ctx = Ctx {
        md,
        text,
        page,
        prose: Prose::new(text, page, &excluded),
    };
    let title = page
        .title_text()
        .map(str::to_string)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| file_stem(path));

    let items = items(page, title_heading);
    let starts: Vec<usize> = items.iter().map(|(start, _)| *start).collect();
    let next_start = |i: usize| starts.get(i + 1).copied().unwrap_or(text.len());

    let mut blocks = Vec::new();
    let mut toc = Vec::new();
    let mut search = Vec::new();
    for (i, (_, item)) in items.iter().enumerate() {
        match item {
            Item::Section(h) => {
                let section = ctx.section(*h, next_start(i));
                toc.push(TocEntry {
                    title: page.headings.get(*h).map(|h| h.text.clone()).unwrap_or_default(),
                    href: format!("#{}", section.anchor),
                    level: section.level,
                    verb: None,
                    verb_class: None,
                    method_count: 0,
                });
                blocks.push(BlockData {
                    section: Some(section),
                    method: None,
                });
            }
            Item::Method(method, resource) => {
                let data = ctx.method(method, resource, next_start(i));
                let first = data.requests.first();
                toc.push(TocEntry {
                    title: data.title.clone(),
                    href: format!("#{}", data.anchor),
                    level: data.level,
                    verb: first.map(|r| r.verb.clone()),
                    verb_class: first.map(|r| r.verb_class.clone()),
                    method_count: 1,
                });
                search.push(SearchEntry {
                    t: data.title.clone(),
                    g: title.clone(),
                    p: data.requests.iter().map(|r| r.text.clone()).collect(),
                    a: attribute_names(&data),
                    u: format!("{out_path}#{}", data.anchor),
                });
                blocks.push(BlockData {
                    section: None,
                    method: Some(data),
                });
            }
        }
    }
    count_section_methods(&mut toc);
    let top = toc.iter().filter(|t| t.verb.is_none()).map(|t| t.level).min();
    let sections = toc
        .iter()
        .filter(|t| t.verb.is_none() && Some(t.level) == top)
        .cloned()
        .collect();

    let intro_end = starts.first().copied().unwrap_or(text.len());
    let data = PageData {
        title,
        path: path.to_string(),
        availability: ctx.badges(&page.availability),
        history: ctx.history(&page.history),
        intro: ctx.prose.render(md, 0..intro_end, 2),
        blocks,
        method_count: page.methods().count(),
        methods_label: crate::plural(page.methods().count(), "endpoint", "endpoints"),
        toc,
    };
    BuiltPage { data, search, sections }
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
            for (block, lead_in) in shown_examples(page, method) {
                out.push(block.range);
                out.extend(lead_in);
            }
        }
    }
    out
}

/// The method's examples shown as cards (not those nested in lists), each with the
/// range of its lead-in paragraph when that is found.
fn shown_examples<'p>(page: &'p Page, method: &'p Method) -> Vec<(&'p CodeBlock, Option<TextRange>)> {
    method
        .examples
        .iter()
        .filter_map(|e| page.code_block(e.code_block))
        .filter(|b| !b.nested)
        .map(|block| {
            let lead = block.lead_in.as_deref().and_then(|lead| {
                method
                    .paragraphs
                    .iter()
                    .filter(|p| p.range.end() <= block.range.start() && p.text.trim() == lead.trim())
                    .map(|p| p.range)
                    .next_back()
            });
            (block, lead)
        })
        .collect()
}

impl Ctx<'_> {
    fn src(&self, range: TextRange) -> &str {
        self.text.get(range.as_range()).unwrap_or("")
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
        SectionData {
            level,
            anchor: heading.anchor.clone(),
            title_html: self.heading_html(h),
            availability: resource.map(|r| self.badges(&r.availability)).unwrap_or_default(),
            history: resource.map(|r| self.history(&r.history)).unwrap_or_default(),
            prose: self.prose.render(self.md, heading.range.end()..end, level + 1),
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
        self.md.inline(source)
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
        let availability = [&method.availability, &resource.availability, &self.page.availability]
            .into_iter()
            .find(|a| !a.is_empty())
            .map(|a| self.badges(a))
            .unwrap_or_default();
        let mut history = self.history(&method.history);
        if method.heading.is_none() {
            history.clear(); // a heading-less method's history is the page's, shown above
        }
        let request_attributes: Vec<_> = method.request_tables.iter().map(|t| self.table(t)).collect();
        let response_attributes: Vec<_> = method.response_tables.iter().map(|t| self.table(t)).collect();
        MethodData {
            anchor: method_anchor(method),
            level,
            sub_level: (level + 1).min(6),
            title: method.title.value.clone(),
            title_html: method
                .heading
                .map_or_else(|| self.md.inline(&method.title.value), |h| self.heading_html(h)),
            deprecated: is_deprecated(method),
            availability,
            requests: method.request_lines().map(request).collect(),
            description: self.prose.render(self.md, clip(before), level + 1),
            history,
            request_attributes,
            success: method.success.iter().map(status).collect(),
            has_response: !method.success.is_empty() || !response_attributes.is_empty(),
            response_attributes,
            examples: self.examples(method),
            notes: self.prose.render(self.md, clip(after), level + 1),
        }
    }

    fn table(&self, table: &AttributeTable) -> AttributeTableData {
        let cols = table.columns;
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let cells = self.page.row_cells(table, row);
                let cell = |i: Option<usize>| i.and_then(|i| cells.get(i));
                let name = row
                    .name
                    .as_ref()
                    .map(|n| n.name.clone())
                    .or_else(|| cell(cols.attribute).map(|c| c.text.trim_matches('`').to_string()))
                    .unwrap_or_default();
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
                AttributeRowData {
                    depth: name.matches('.').count().min(4),
                    type_: row.type_.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                    required_yes: is_yes(&required),
                    required,
                    description: description_range
                        .map(|r| self.md.inline(self.src(r)))
                        .unwrap_or_default(),
                    name,
                }
            })
            .collect();
        AttributeTableData {
            caption: table.lead_in.as_ref().and_then(|l| caption(&l.value)),
            has_type: cols.type_.is_some(),
            has_required: cols.required.is_some(),
            rows,
        }
    }

    fn examples(&self, method: &Method) -> Vec<ExampleData> {
        let roles = method.examples.iter().map(|e| (e.code_block, e.role));
        let shown = shown_examples(self.page, method);
        roles
            .filter_map(|(index, role)| {
                let block = self.page.code_block(index)?;
                let (_, lead) = shown.iter().find(|(b, _)| std::ptr::eq(*b, block))?;
                let caption_html = match (lead, &block.lead_in) {
                    (_, Some(text)) if is_stock_example_lead_in(text) => SafeHtml::default(),
                    (Some(range), _) => self.md.inline(self.src(*range)),
                    (None, Some(text)) => self.md.inline(text),
                    (None, None) => SafeHtml::default(),
                };
                let (role, label) = match role {
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

    fn badges(&self, availability: &[Availability]) -> Vec<Badge> {
        let mut out: Vec<Badge> = Vec::new();
        for line in availability.iter().flat_map(|a| &a.lines) {
            let key = line.key.value.to_lowercase();
            let kind = match key.as_str() {
                "tier" => "tier",
                "offering" => "offering",
                _ => "status",
            };
            for value in line.value.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                let label = badge_label(kind, value);
                if !out.iter().any(|b| b.kind == kind && b.label == label) {
                    out.push(Badge {
                        kind: kind.to_string(),
                        label,
                    });
                }
            }
        }
        out
    }

    fn history(&self, history: &[History]) -> Vec<HistoryItem> {
        history
            .iter()
            .flat_map(|h| &h.entries)
            .map(|e| HistoryItem {
                html: self.md.inline(self.src(e.range)),
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

fn clip(range: Range<usize>) -> Range<usize> {
    range.start..range.end.max(range.start)
}

fn request(line: &docspec_model::RequestLine) -> RequestData {
    let verb = line.verb.value.to_uppercase();
    let verb_class = match verb.as_str() {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" => verb.to_lowercase(),
        _ => "other".to_string(),
    };
    let path = &line.path.value;
    let mut segments = Vec::new();
    let mut at = 0;
    for (start, end) in docspec_parser::path_params(path) {
        if start > at {
            segments.push(PathSegment {
                text: path.get(at..start).unwrap_or("").to_string(),
                param: false,
            });
        }
        segments.push(PathSegment {
            text: path.get(start..end).unwrap_or("").to_string(),
            param: true,
        });
        at = end;
    }
    if at < path.len() {
        segments.push(PathSegment {
            text: path.get(at..).unwrap_or("").to_string(),
            param: false,
        });
    }
    let query = line.query.as_ref().map(|q| q.value.trim_start_matches('?').to_string());
    let text = match &query {
        Some(q) => format!("{verb} {path}?{q}"),
        None => format!("{verb} {path}"),
    };
    RequestData {
        verb,
        verb_class,
        segments,
        query,
        text,
    }
}

fn status(sentence: &docspec_model::SuccessSentence) -> StatusData {
    let text = match (&sentence.status_text, sentence.code) {
        (Some(t), _) => t.value.clone(),
        (None, Some(code)) => code.to_string(),
        (None, None) => "Success".to_string(),
    };
    let class = match sentence.code.map(|c| c / 100) {
        Some(2) => "success",
        Some(3) => "redirect",
        Some(4) => "client-error",
        Some(5) => "server-error",
        _ => "unknown",
    };
    StatusData {
        text,
        class: class.to_string(),
    }
}

fn is_yes(required: &str) -> bool {
    let lower = required
        .trim_matches(|c: char| c == '*' || c.is_whitespace())
        .to_lowercase();
    lower == "yes" || lower == "true" || lower == "required"
}

/// A table's lead-in worth showing: not the stock `Supported attributes:`.
fn caption(lead_in: &str) -> Option<String> {
    let text = lead_in.trim().trim_end_matches(':').trim();
    let stock = [
        "supported attributes",
        "attributes",
        "parameters",
        "supported parameters",
        "request attributes",
        "response attributes",
    ];
    let lower = text.to_lowercase();
    (!text.is_empty() && !stock.contains(&lower.as_str()) && !lower.starts_with("if successful"))
        .then(|| text.to_string())
}

/// `Example request:` and the like, which the example's own label already says.
fn is_stock_example_lead_in(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').trim().to_lowercase();
    let stock = [
        "example request",
        "example response",
        "example",
        "request example",
        "response example",
        "example of request",
        "example of response",
        "example output",
        "example request body",
    ];
    stock.contains(&lower.as_str())
}

/// A code block language usable as a class name.
fn is_plain_word(lang: &str) -> bool {
    !lang.is_empty()
        && lang
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
}

fn badge_label(kind: &str, value: &str) -> String {
    match (kind, value) {
        ("offering", "SELF") => "Self-managed".to_string(),
        ("offering", "SAAS") => "GitLab.com".to_string(),
        ("offering", "DEDICATED") => "GitLab Dedicated".to_string(),
        (_, v) if v.len() > 1 && v.chars().all(|c| c.is_ascii_uppercase()) => {
            let lower = v.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        (_, v) => v.to_string(),
    }
}

fn attribute_names(method: &MethodData) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for row in method.request_attributes.iter().flat_map(|t| &t.rows) {
        if !row.name.is_empty() && !names.contains(&row.name) {
            names.push(row.name.clone());
        }
    }
    names
}

/// Gives each section the number of methods under it.
fn count_section_methods(toc: &mut [TocEntry]) {
    for i in 0..toc.len() {
        if toc[i].verb.is_some() {
            continue;
        }
        let level = toc[i].level;
        let count = toc[i + 1..]
            .iter()
            .take_while(|t| t.verb.is_some() || t.level > level)
            .filter(|t| t.verb.is_some())
            .count();
        toc[i].method_count = count;
    }
}

fn file_stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name).to_string()
}
