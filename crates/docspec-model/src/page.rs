//! Page → Resource → Method, and the parts of a method.

use crate::{Inline, Spanned, TextRange};
use serde::Serialize;

/// One Markdown API reference page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Page {
    pub front_matter: Option<FrontMatter>,
    pub title: Option<Title>,
    /// Availability details given for the whole page (before the first method).
    pub availability: Vec<Availability>,
    /// History given for the whole page (before the first method).
    pub history: Vec<History>,
    pub headings: Vec<Heading>,
    pub resources: Vec<Resource>,
    /// Heading sections that are neither a resource nor a method (explanations,
    /// prerequisites, tasks): their availability, history and alerts still count.
    pub topics: Vec<Topic>,
    /// Request blocks that document no method of their own: lines shown "for example"
    /// in prose, and overviews that list endpoints documented in other sections.
    pub request_examples: Vec<RequestBlock>,
    /// Every code block of the page, in source order; methods refer to them by index.
    pub code_blocks: Vec<CodeBlock>,
    /// Every table of the page, in source order; attribute tables refer to them by index.
    pub tables: Vec<Table>,
    pub alerts: Vec<Alert>,
    pub links: Vec<Link>,
    /// Every item of every list, from its marker (`-`, `1.`) to its end, in source order.
    pub list_items: Vec<TextRange>,
    pub comments: Vec<Comment>,
    pub shortcodes: Vec<Shortcode>,
    /// Paragraphs that are not part of a method or table, for page-wide wording rules.
    pub paragraphs: Vec<Paragraph>,
    /// Problems the parser met; lint reports them, nothing is dropped silently.
    pub issues: Vec<ParseIssue>,
}

impl Page {
    pub fn methods(&self) -> impl Iterator<Item = &Method> {
        self.resources.iter().flat_map(|r| r.methods.iter())
    }

    pub fn code_block(&self, index: usize) -> Option<&CodeBlock> {
        self.code_blocks.get(index)
    }

    pub fn table(&self, index: usize) -> Option<&Table> {
        self.tables.get(index)
    }

    /// The cells of one attribute-table row.
    pub fn row_cells(&self, table: &AttributeTable, row: &AttributeRow) -> &[Cell] {
        self.tables
            .get(table.table)
            .and_then(|t| t.rows.get(row.row))
            .map(|r| r.cells.as_slice())
            .unwrap_or(&[])
    }

    /// The request tables that document a method's attributes: its own, then those of
    /// the method it is a variant of (`Method::variant_of`).
    pub fn request_tables_of<'p>(&'p self, method: &'p Method) -> impl Iterator<Item = &'p AttributeTable> {
        let base = method
            .variant_of
            .and_then(|h| self.methods().find(|m| m.heading == Some(h)));
        method
            .request_tables
            .iter()
            .chain(base.into_iter().flat_map(|m| m.request_tables.iter()))
    }

    /// Whether the page reads as API reference: some method has at least two of the
    /// parts the template asks for (attribute table, cURL example, success sentence,
    /// response example). Overview pages that only show request lines in passing do not.
    pub fn is_reference(&self) -> bool {
        self.methods().any(|m| {
            let parts = [
                !m.request_tables.is_empty() || !m.response_tables.is_empty(),
                m.examples_of(ExampleRole::Curl).next().is_some(),
                !m.success.is_empty(),
                m.examples_of(ExampleRole::Response).next().is_some(),
            ];
            parts.iter().filter(|p| **p).count() >= 2
        })
    }

    /// The page title text, if the page has one.
    pub fn title_text(&self) -> Option<&str> {
        self.title.as_ref().map(|t| t.text.as_str())
    }

    /// Every history block of the page, wherever it stands, in no particular order.
    pub fn all_history(&self) -> impl Iterator<Item = &History> {
        self.history
            .iter()
            .chain(
                self.resources
                    .iter()
                    .flat_map(|r| r.history.iter().chain(r.methods.iter().flat_map(|m| m.history.iter()))),
            )
            .chain(self.topics.iter().flat_map(|t| t.history.iter()))
    }

    /// Every availability block of the page, wherever it stands, in no particular order.
    pub fn all_availability(&self) -> impl Iterator<Item = &Availability> {
        self.availability
            .iter()
            .chain(self.resources.iter().flat_map(|r| {
                r.availability
                    .iter()
                    .chain(r.methods.iter().flat_map(|m| m.availability.iter()))
            }))
            .chain(self.topics.iter().flat_map(|t| t.availability.iter()))
    }
}

/// A heading section that documents no method and groups none.
#[derive(Clone, Debug, Serialize)]
pub struct Topic {
    /// Index into `Page::headings`.
    pub heading: usize,
    pub range: TextRange,
    pub availability: Vec<Availability>,
    pub history: Vec<History>,
    /// Indexes into `Page::alerts`.
    pub alerts: Vec<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FrontMatter {
    /// The whole block, delimiters included.
    pub range: TextRange,
    /// Top-level keys in source order, each with the range of its line.
    pub keys: Vec<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub closed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSource {
    FrontMatter,
    Heading,
}

#[derive(Clone, Debug, Serialize)]
pub struct Title {
    pub text: String,
    pub range: TextRange,
    pub source: TitleSource,
}

#[derive(Clone, Debug, Serialize)]
pub struct Heading {
    pub level: u8,
    /// Plain text without badges.
    pub text: String,
    pub inlines: Vec<Inline>,
    pub range: TextRange,
    /// The range of the heading's text, without `#` markers.
    pub text_range: TextRange,
    /// GitLab-style anchor slug of the text.
    pub anchor: String,
    /// `**(FREE SELF)**`-style badges at the end of older headings.
    pub badges: Vec<Spanned<String>>,
}

/// A group of methods: the heading above them, or the page itself.
#[derive(Clone, Debug, Serialize)]
pub struct Resource {
    pub title: String,
    /// Index into `Page::headings`; `None` when methods sit directly under the page title.
    pub heading: Option<usize>,
    pub range: TextRange,
    pub description: Option<Spanned<String>>,
    pub availability: Vec<Availability>,
    pub history: Vec<History>,
    pub methods: Vec<Method>,
}

/// A heading section that holds at least one request block.
#[derive(Clone, Debug, Serialize)]
pub struct Method {
    pub title: Spanned<String>,
    /// Index into `Page::headings`; `None` for request blocks before any heading.
    pub heading: Option<usize>,
    pub anchor: String,
    /// The whole section, nested prose subsections included.
    pub range: TextRange,
    /// Markdown source of the prose before the request block.
    pub description: Option<Spanned<String>>,
    pub request_blocks: Vec<RequestBlock>,
    pub request_tables: Vec<AttributeTable>,
    pub response_tables: Vec<AttributeTable>,
    pub success: Vec<SuccessSentence>,
    pub examples: Vec<Example>,
    pub history: Vec<History>,
    pub availability: Vec<Availability>,
    /// Indexes into `Page::alerts`.
    pub alerts: Vec<usize>,
    /// Other prose paragraphs of the section, for wording rules.
    pub paragraphs: Vec<Paragraph>,
    /// What a successful response carries, as far as the section tells.
    pub response_content: ResponseContent,
    /// Sentences of the method's prose that require at least one of several attributes.
    pub requirement_groups: Vec<RequirementGroup>,
    /// Where the method is documented, when the section only points there: a request
    /// block and a description that links to another page ("Use the [Projects
    /// API](projects.md#list-all-projects) to list the projects of a topic"), nothing else.
    pub documented_at: Option<Spanned<String>>,
    /// Index into `Page::headings` of the method this one is a variant of: its section
    /// sits under that method's heading and every request line has a path of that
    /// method's ("Get file metadata only" with `HEAD /files/:path` under "Get a file" with
    /// `GET /files/:path`). The variant shares the method's request table
    /// (`Page::request_tables_of`).
    pub variant_of: Option<usize>,
}

/// "At least one of the following parameters is required", with the attributes it names
/// (in code spans of the sentence, or of the list right after it).
#[derive(Clone, Debug, Serialize)]
pub struct RequirementGroup {
    /// The sentence's paragraph.
    pub range: TextRange,
    /// The attributes named, without a leading `:`.
    pub names: Vec<Spanned<String>>,
}

/// What a method's successful response carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseContent {
    /// JSON, the API's default.
    #[default]
    Json,
    /// A file or raw text (a download, an archive, a log, plain text): neither a JSON
    /// example nor a response attribute table applies.
    Raw,
}

impl Method {
    pub fn request_lines(&self) -> impl Iterator<Item = &RequestLine> {
        self.request_blocks.iter().flat_map(|b| b.lines.iter())
    }

    /// Every request line of the method has the `:name` parameter. `GET /packages/x` and
    /// `GET /projects/:id/packages/x` have `id` in some lines only: it is required with its line.
    pub fn path_param_in_every_line(&self, name: &str) -> bool {
        self.request_lines().all(|l| l.params.iter().any(|p| p.value == name))
    }

    /// The `:name` parameter is in some of the method's request lines but not all.
    pub fn path_param_in_some_lines_only(&self, name: &str) -> bool {
        self.request_lines().any(|l| l.params.iter().any(|p| p.value == name)) && !self.path_param_in_every_line(name)
    }

    pub fn examples_of(&self, role: ExampleRole) -> impl Iterator<Item = &Example> {
        self.examples.iter().filter(move |e| e.role == role)
    }

    /// The method's success statement: the template's sentence when it has one, else
    /// the status stated in other words.
    pub fn success_statement(&self) -> Option<&SuccessSentence> {
        self.success
            .iter()
            .find(|s| s.form == SuccessForm::Template)
            .or_else(|| self.success.first())
    }

    /// The range of the method's heading, or its first request block.
    pub fn anchor_range(&self) -> TextRange {
        self.title.range
    }

    /// Whether the method documents an endpoint of another service (a container
    /// registry, a JWT issuer) rather than of the API under `base` (`/api/v4`): it has
    /// request lines and each is a URL whose path lies outside `base`. REST conventions
    /// (the API host, its token, its template) do not apply to such a method.
    pub fn is_external(&self, base: &str) -> bool {
        let mut lines = self.request_lines().peekable();
        lines.peek().is_some() && lines.all(|l| !l.is_under_base(base))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct RequestBlock {
    /// Index into `Page::code_blocks`.
    pub code_block: usize,
    pub range: TextRange,
    pub lines: Vec<RequestLine>,
    /// Non-blank lines that are not request lines.
    pub other_lines: Vec<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetForm {
    /// `/projects/:id`
    Rooted,
    /// `projects/:id`, missing the leading slash.
    Unrooted,
    /// `https://host/api/v4/projects/:id`
    Url,
}

#[derive(Clone, Debug, Serialize)]
pub struct RequestLine {
    pub range: TextRange,
    pub verb: Spanned<String>,
    /// The target as written.
    pub target: Spanned<String>,
    pub form: TargetForm,
    /// The path without query, host, or scheme.
    pub path: Spanned<String>,
    pub query: Option<Spanned<String>>,
    /// `:name` parameters of the path, without the colon.
    pub params: Vec<Spanned<String>>,
    /// Words after the target (`GET /x (deprecated)`), kept so lint can point at them.
    pub trailing: Option<Spanned<String>>,
}

/// The length of the parameter name at the start of `rest` (what follows a segment's `:`
/// or `*`): word characters, and a hyphen between two of them (`module-name`, as some
/// pages write it). `name-:version` stops at the hyphen.
pub fn path_param_name_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut len = 0;
    while len < bytes.len()
        && (word(bytes[len]) || (bytes[len] == b'-' && len > 0 && bytes.get(len + 1).is_some_and(|b| word(*b))))
    {
        len += 1;
    }
    len
}

/// Byte ranges of `:name` parameters that start a path segment, and of `*name`, a
/// wildcard that spans the rest of the path (Rails' glob, as in `artifacts/*artifact_path`).
/// A hyphen between word characters is part of the name (`:module-name`). Inside a
/// segment, a `:name` after a character that cannot end a word is one too
/// (`binary-:architecture`, `:package_name$:sha`); `b:c` is text. An optional group
/// (Grape's `files/(*path/):file_name`) starts a segment.
pub fn path_params(path: &str) -> Vec<(usize, usize)> {
    let bytes = path.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let at_segment_start = i == 0 || matches!(bytes[i - 1], b'/' | b'(');
        let inside_segment = i > 0
            && bytes[i] == b':'
            && !word(bytes[i - 1])
            && !matches!(bytes[i - 1], b':' | b'/')
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
        if (matches!(bytes[i], b':' | b'*') && at_segment_start) || inside_segment {
            let start = i;
            i += 1;
            i += path_param_name_len(&path[i..]);
            if i > start + 1 {
                out.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The byte offsets of a path's first optional group: its `(` and the `)` that closes it
/// (Grape's `files/(*path/):file_name`).
pub fn optional_group(path: &str) -> Option<(usize, usize)> {
    let open = path.find('(')?;
    let mut depth = 0usize;
    for (i, c) in path[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((open, open + i));
                }
            }
            _ => {}
        }
    }
    None
}

impl RequestLine {
    /// Whether the line names an endpoint of the API at `base`: any path (a path is
    /// read relative to the base; a missing slash or a wrong `/api/` prefix is a
    /// mistake in writing it, not another service), or a URL whose path is under `base`.
    pub fn is_under_base(&self, base: &str) -> bool {
        if self.form != TargetForm::Url {
            return true;
        }
        let base = base.trim_end_matches('/');
        let path = self.path.value.as_str();
        base.is_empty() || path == base || path.strip_prefix(base).is_some_and(|rest| rest.starts_with('/'))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Table {
    pub range: TextRange,
    pub header: Vec<Cell>,
    pub header_range: TextRange,
    pub delimiter_range: TextRange,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TableRow {
    pub range: TextRange,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// Content range, whitespace around the content excluded.
    pub range: TextRange,
    pub text: String,
    pub inlines: Vec<Inline>,
}

/// Which header cell holds which part of an attribute table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Columns {
    pub attribute: Option<usize>,
    pub type_: Option<usize>,
    pub required: Option<usize>,
    pub description: Option<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttributeTable {
    /// Index into `Page::tables`.
    pub table: usize,
    pub range: TextRange,
    pub header_range: TextRange,
    pub columns: Columns,
    /// The sentence before the table (`Supported attributes:`, `Parameters:`).
    pub lead_in: Option<Spanned<String>>,
    /// The parent a table describes, from a header like `` `deployments[]` attribute ``:
    /// its rows are sub-attributes of `deployments[]`.
    pub prefix: Option<String>,
    pub rows: Vec<AttributeRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttributeRow {
    /// Index into the table's rows.
    pub row: usize,
    pub range: TextRange,
    pub name: Option<AttributeName>,
    pub type_: Option<Spanned<String>>,
    pub required: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    /// Older tier badges in the name or description cell: `` `mirror` **(STARTER)** ``.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub badges: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttributeName {
    pub name: String,
    pub range: TextRange,
    pub backticked: bool,
}

impl AttributeName {
    /// The top-level attribute this name belongs to: GitLab names nested request
    /// attributes `assets:links:name`, `assets[links]` or `assets.links`, all under `assets`.
    pub fn root(&self) -> &str {
        attribute_root(&self.name)
    }
}

/// The top-level attribute of a possibly nested attribute name: `assets` for
/// `assets:links:name`, `assets[links][]` and `assets.links`.
pub fn attribute_root(name: &str) -> &str {
    let name = name.trim();
    name.find(['[', ':', '.']).map_or(name, |i| &name[..i])
}

/// `If successful, returns [`200 OK`](...) ...`, or the success status stated in other
/// words ("Returns `200` if the request succeeds.", a list item "`201 Created` if ...").
#[derive(Clone, Debug, Serialize)]
pub struct SuccessSentence {
    pub range: TextRange,
    pub form: SuccessForm,
    /// The status as written, for example `200 OK` or `200`.
    pub status_text: Option<Spanned<String>>,
    pub code: Option<u16>,
    pub reason: Option<String>,
    pub link: Option<Spanned<String>>,
    pub mentions_response_attributes: bool,
}

/// How a method states its success status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuccessForm {
    /// The template's sentence: "If successful, returns ...".
    #[default]
    Template,
    /// Other words: "Returns `200` if the request succeeds.", "`201 Created` if ...".
    Prose,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleRole {
    /// A shell block with a `curl` command.
    Curl,
    /// A JSON block that shows the response.
    Response,
    /// A JSON or other block that shows a request body or input.
    RequestBody,
    Other,
}

#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// Index into `Page::code_blocks`.
    pub code_block: usize,
    pub role: ExampleRole,
}

#[derive(Clone, Debug, Serialize)]
pub struct CodeBlock {
    pub range: TextRange,
    pub fenced: bool,
    /// The first word of the info string.
    pub lang: Option<Spanned<String>>,
    pub content: String,
    /// Maps content offsets back to the source.
    pub map: OffsetMap,
    /// The paragraph just before the block (`Example response:`).
    pub lead_in: Option<String>,
    /// Whether the block sits inside a list or block quote.
    pub nested: bool,
}

impl CodeBlock {
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_ref().map(|l| l.value.as_str())
    }

    /// The source range of a range of the block's content.
    pub fn source_range(&self, start: usize, end: usize) -> TextRange {
        let s = self.map.to_source(start);
        let e = if end > start { self.map.to_source_end(end) } else { s };
        TextRange::new(s, e)
    }
}

/// Piecewise mapping from a block's joined content to source offsets.
#[derive(Clone, Debug, Default, Serialize)]
pub struct OffsetMap {
    /// `(content_offset, source_offset, len)`, sorted by content offset.
    segments: Vec<(u32, u32, u32)>,
    /// Content offsets of the `\n`s written `\r\n` in the source (pulldown-cmark gives
    /// code lines with `\n` only), sorted: the offset maps to the `\r`, so an edit at a
    /// line's end lands before it, and a range that ends with the `\n` covers both.
    crlf: Vec<u32>,
}

impl OffsetMap {
    pub fn push(&mut self, content_offset: usize, source_offset: usize, len: usize) {
        let c = u32::try_from(content_offset).unwrap_or(u32::MAX);
        let s = u32::try_from(source_offset).unwrap_or(u32::MAX);
        let l = u32::try_from(len).unwrap_or(u32::MAX);
        self.segments.push((c, s, l));
    }

    /// A content `\n` written `\r\n` in the source, `source_offset` being the `\r`.
    pub fn push_crlf(&mut self, content_offset: usize, source_offset: usize) {
        self.push(content_offset, source_offset, 1);
        self.crlf.push(u32::try_from(content_offset).unwrap_or(u32::MAX));
    }

    pub fn to_source(&self, content_offset: usize) -> usize {
        let off = u32::try_from(content_offset).unwrap_or(u32::MAX);
        match self.segment(off) {
            Some(idx) => self.in_segment(idx, off),
            None => self.segments.first().map_or(0, |s| s.1 as usize),
        }
    }

    /// The source offset just past the content byte before `end`, read in that byte's
    /// segment (so the end of a line is not the start of the next one's indentation).
    pub fn to_source_end(&self, end: usize) -> usize {
        let off = u32::try_from(end).unwrap_or(u32::MAX);
        match self.segment(off.saturating_sub(1)) {
            Some(idx) if self.segments[idx].2 > 0 => self.in_segment(idx, off),
            _ => self.to_source(end.saturating_sub(1)) + 1,
        }
    }

    fn segment(&self, off: u32) -> Option<usize> {
        match self.segments.binary_search_by(|seg| seg.0.cmp(&off)) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    fn in_segment(&self, idx: usize, off: u32) -> usize {
        let (c, s, l) = self.segments[idx];
        let past_cr = off > c && self.crlf.binary_search(&c).is_ok();
        (s + (off - c).min(l) + u32::from(past_cr)) as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryForm {
    /// `> - item` lines.
    BlockquoteList,
    /// An older single `> Introduced in ...` quote.
    Blockquote,
    /// `{{< history >}}` with a plain list.
    Shortcode,
}

#[derive(Clone, Debug, Serialize)]
pub struct History {
    pub range: TextRange,
    pub form: HistoryForm,
    pub entries: Vec<HistoryEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagDefault {
    Enabled,
    Disabled,
}

/// One history item, read into its parts where the wording allows.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryEntry {
    pub range: TextRange,
    pub text: String,
    pub inlines: Vec<Inline>,
    /// `introduced`, `deprecated`, `generally available`, ... in lower case.
    pub verb: Option<Spanned<String>>,
    /// The attribute or sub-feature named before the verb, in backticks.
    pub subject: Option<Spanned<String>>,
    pub link: Option<Spanned<String>>,
    /// `16.10` from `in GitLab 16.10`.
    pub version: Option<Spanned<String>>,
    pub flag: Option<Spanned<String>>,
    pub flag_default: Option<FlagDefault>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AvailabilityForm {
    /// `DETAILS:` with `**Tier:**` lines.
    Details,
    /// `{{< details >}}` with `- Tier:` items.
    Shortcode,
    /// `**(FREE SELF)**` at the end of a heading.
    Badge,
}

#[derive(Clone, Debug, Serialize)]
pub struct AvailabilityLine {
    pub range: TextRange,
    pub key: Spanned<String>,
    pub value: Spanned<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Availability {
    pub range: TextRange,
    pub form: AvailabilityForm,
    pub lines: Vec<AvailabilityLine>,
}

impl Availability {
    pub fn get(&self, key: &str) -> Option<&AvailabilityLine> {
        self.lines.iter().find(|l| l.key.value.eq_ignore_ascii_case(key))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertForm {
    /// `NOTE:` on its own line, the text after it.
    Label,
    /// `{{< alert type="note" >}}`.
    Shortcode,
    /// `> [!note]`.
    Gfm,
}

#[derive(Clone, Debug, Serialize)]
pub struct Alert {
    pub range: TextRange,
    /// `note`, `warning`, `flag`, `disclaimer`, `tip`, ... in lower case.
    pub kind: String,
    pub form: AlertForm,
    pub text: String,
    /// For the label form: whether text follows the label on its line.
    pub text_on_label_line: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub range: TextRange,
    pub dest: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Comment {
    pub range: TextRange,
    /// The text between `<!--` and `-->`, trimmed.
    pub body: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Shortcode {
    pub range: TextRange,
    pub name: String,
    pub closing: bool,
    /// Written with the spaces Hugo expects: `{{< x >}}`.
    pub well_spaced: bool,
}

/// A prose paragraph: its plain text (links and code spans read as text).
#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    pub range: TextRange,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParseIssueKind {
    FrontMatterInvalid,
    FrontMatterUnclosed,
    ShortcodeUnclosed,
    ShortcodeUnopened,
    Empty,
}

#[derive(Clone, Debug, Serialize)]
pub struct ParseIssue {
    pub kind: ParseIssueKind,
    pub range: TextRange,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    /// Content `ab\ncd` from source `ab\r\ncd` at offset 10, as pulldown-cmark gives it:
    /// `ab`, then `\ncd` with the `\r` left out.
    fn crlf_map() -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push(0, 10, 2);
        map.push_crlf(2, 12);
        map.push(3, 14, 2);
        map
    }

    #[test]
    fn a_line_end_maps_before_its_cr() {
        let map = crlf_map();
        assert_eq!(map.to_source(2), 12, "the end of `ab` is before `\\r`");
        assert_eq!(map.to_source(3), 14, "`cd` starts after `\\n`");
        assert_eq!(
            map.to_source_end(3),
            14,
            "a range ending with the `\\n` covers `\\r\\n`"
        );
        assert_eq!(map.to_source_end(2), 12);
        assert_eq!(map.to_source_end(5), 16);
    }
}
