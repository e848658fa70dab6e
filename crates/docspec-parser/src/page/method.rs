//! What a method section holds, read block by block into a [`Method`].

use super::*;

/// Everything a method section holds.
pub(super) struct MethodParts {
    title: Spanned<String>,
    pub(super) heading: Option<usize>,
    anchor: String,
    section_start: usize,
    pub(super) section_end: usize,
    pub(super) variant_of: Option<usize>,
    pub(super) parts: Parts,
    request_blocks: Vec<RequestBlock>,
    request_tables: Vec<AttributeTable>,
    response_tables: Vec<AttributeTable>,
    success: Vec<SuccessSentence>,
    examples: Vec<Example>,
    /// The last block was this paragraph (for table lead-ins).
    last_paragraph: Option<Spanned<String>>,
    /// That paragraph names the parent of the table after it ("Response attributes for
    /// `sources[]`:").
    last_parent: Option<String>,
    requirement_groups: Vec<RequirementGroup>,
}

impl MethodParts {
    pub(super) fn new(section: &Section, page: &Page) -> Self {
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
            last_parent: None,
            requirement_groups: Vec::new(),
        }
    }

    /// Every request line has a path template of one of `base`'s lines (`HEAD
    /// /files/:file_path` of `GET /files/:path`).
    pub(super) fn is_variant_of(&self, base: &MethodParts) -> bool {
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

    pub(super) fn item(&mut self, item: &Item, page: &mut Page) {
        if self.parts.special(item, page) {
            self.alert_statement(item);
            self.last_paragraph = None;
            self.last_parent = None;
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
        let mut last_parent = None;
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
                last_parent = parent_named(inlines, &text);
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
                self.statuses_listed(items);
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
        self.last_parent = last_parent;
    }

    /// "If successful, returns:" then a list (`- [`200`](...) if the feature is enabled.`):
    /// the sentence's status is the first success status the list names.
    fn statuses_listed(&mut self, items: &[crate::blocks::ListItem]) {
        let Some(lead) = self
            .last_paragraph
            .as_ref()
            .filter(|p| p.value.trim_end().ends_with(':'))
        else {
            return;
        };
        let lead_range = lead.range;
        let Some(sentence) = self
            .success
            .iter_mut()
            .rev()
            .find(|s| s.range == lead_range && s.form == SuccessForm::Template && s.code.is_none())
        else {
            return;
        };
        let listed = items
            .iter()
            .filter_map(|item| match item.children.first() {
                Some(Block::Paragraph { inlines, range }) => Some(success::read(inlines, *range)),
                _ => None,
            })
            .find(|s| s.code.is_some_and(|c| (200..300).contains(&c)));
        if let Some(listed) = listed {
            sentence.status_text = listed.status_text;
            sentence.code = listed.code;
            sentence.reason = listed.reason;
            sentence.link = listed.link;
        }
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
        let mut attribute_table = crate::tables::attribute_table(index, table, columns, lead_in);
        if !is_request && attribute_table.prefix.is_none() {
            attribute_table.prefix = self.last_parent.clone();
        }
        if is_request {
            self.requirement_groups
                .extend(crate::requirement::row_groups(table, &attribute_table));
            self.request_tables.push(attribute_table);
        } else {
            self.response_tables.push(attribute_table);
        }
    }

    pub(super) fn finish(self, text: &str, page: &Page) -> Method {
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
pub(super) fn example_role(cb: &CodeBlock, after_curl: bool) -> ExampleRole {
    let lang = cb.lang().unwrap_or("").to_ascii_lowercase();
    let content = cb.content.trim_start();
    let shell_like = matches!(
        lang.as_str(),
        "shell" | "bash" | "sh" | "console" | "plaintext" | "text" | ""
    );
    if shell_like && (content.starts_with("curl ") || content.contains("\ncurl ") || content.contains("$ curl ")) {
        return ExampleRole::Curl;
    }
    let lead = without_request_statuses(cb.lead_in.as_deref().unwrap_or("").to_ascii_lowercase());
    // Whatever its language (`csv`, `plaintext`), a block introduced as the response is one.
    if lead.contains("response") && !lead.contains("request") {
        return ExampleRole::Response;
    }
    // After the cURL example, `Example output:` shows what it returns, in any language.
    let label = lead.trim().trim_end_matches(':').trim_end();
    if after_curl
        && matches!(
            label,
            "example output" | "sample output" | "output" | "example result" | "result"
        )
    {
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
        return ExampleRole::Response;
    }
    ExampleRole::Other
}

/// The attribute a lead-in names as the parent of the next table's rows: the code span of
/// "Response attributes for `sources[]`:" or "Attributes of each `modes[]` item:".
fn parent_named(inlines: &[docspec_model::Inline], text: &str) -> Option<String> {
    use docspec_model::Inline;
    let has_code = || inlines.iter().any(|i| matches!(i, Inline::Code { .. }));
    if !text.ends_with(':') || !has_code() {
        return None;
    }
    let text = text.to_ascii_lowercase();
    if !(text.contains("attributes for ") || text.contains("attributes of ")) {
        return None;
    }
    let mut codes = inlines.iter().filter_map(|i| match i {
        Inline::Code { code, .. } => Some(code.trim()),
        _ => None,
    });
    let (Some(code), None) = (codes.next(), codes.next()) else {
        return None;
    };
    let path_like = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | ':' | '-'));
    path_like.then(|| code.to_string())
}

/// A lowercased lead-in without the status reason phrases that hold the word `request`
/// (`a 400 Bad Request is returned with a message:` introduces a response).
fn without_request_statuses(mut lead: String) -> String {
    const PHRASES: &[&str] = &[
        "bad request",
        "too many requests",
        "request timeout",
        "request entity too large",
        "request-uri too long",
        "request header fields too large",
    ];
    if !lead.contains("request") {
        return lead;
    }
    for phrase in PHRASES {
        if lead.contains(phrase) {
            lead = lead.replace(phrase, "");
        }
    }
    lead
}

/// Which columns an attribute table has; `None` when the table is not about attributes.
pub(super) fn attribute_columns(table: &Table) -> Option<Columns> {
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
    // `SAML IdP attribute | GitLab field` maps names; an attribute table describes them.
    let describes = columns.type_.is_some() || columns.required.is_some() || columns.description.is_some();
    describes.then_some(columns)
}
