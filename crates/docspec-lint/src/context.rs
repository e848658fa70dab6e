use crate::json::{parse_shape_as, JsonError, JsonShape, Reading};
use crate::{LintSettings, RuleMetadata};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, Page, SourceFile, TextRange};
use serde::de::DeserializeOwned;
use std::cell::OnceCell;

/// What a rule sees of one page, with analyses several rules share computed once.
pub struct LintContext<'a> {
    pub source: &'a SourceFile,
    pub page: &'a Page,
    pub settings: &'a LintSettings,
    json: Vec<OnceCell<Result<JsonShape, JsonError>>>,
    curl: Vec<OnceCell<Vec<docspec_curl::CurlCommand>>>,
    external_blocks: OnceCell<Vec<usize>>,
    shell_blocks: OnceCell<Vec<usize>>,
    summary: OnceCell<crate::PageSummary>,
    prose_lines: OnceCell<Vec<(usize, TextRange)>>,
}

impl<'a> LintContext<'a> {
    pub fn new(source: &'a SourceFile, page: &'a Page, settings: &'a LintSettings) -> Self {
        Self {
            source,
            page,
            settings,
            json: (0..page.code_blocks.len()).map(|_| OnceCell::new()).collect(),
            curl: (0..page.code_blocks.len()).map(|_| OnceCell::new()).collect(),
            external_blocks: OnceCell::new(),
            shell_blocks: OnceCell::new(),
            summary: OnceCell::new(),
            prose_lines: OnceCell::new(),
        }
    }

    /// The page's lines outside code blocks, front matter and comments, as their number
    /// and range, read once for the rules that scan prose.
    pub fn prose_lines(&self) -> &[(usize, TextRange)] {
        self.prose_lines
            .get_or_init(|| crate::rules::page::raw::prose_lines(self.source, self.page))
    }

    /// What the cross-page rules keep of this page, read once.
    pub fn summary(&self) -> &crate::PageSummary {
        self.summary
            .get_or_init(|| crate::PageSummary::of(self.source, self.page, self.settings))
    }

    /// Hands over the page's summary (read now if no rule needed it).
    pub fn into_summary(self) -> crate::PageSummary {
        let Self {
            source,
            page,
            settings,
            summary,
            ..
        } = self;
        summary
            .into_inner()
            .unwrap_or_else(|| crate::PageSummary::of(source, page, settings))
    }

    /// Whether a method documents an endpoint of another service (outside
    /// `api.base_path`): the REST API's conventions do not apply to it.
    pub fn is_external(&self, method: &Method) -> bool {
        method.is_external(&self.settings.api.base_path)
    }

    /// The methods of the API itself, which the REST template and conventions apply to.
    pub fn rest_methods(&self) -> impl Iterator<Item = &'a Method> + '_ {
        self.page.methods().filter(|m| !self.is_external(m))
    }

    /// The methods the template's parts are asked of: methods of the API, except a
    /// section that only points at the page documenting the method.
    pub fn template_methods(&self) -> impl Iterator<Item = &'a Method> + '_ {
        self.rest_methods().filter(|m| m.documented_at.is_none())
    }

    /// Whether a code block is an example of a method of another service.
    pub fn in_external_method(&self, code_block: usize) -> bool {
        self.external_blocks
            .get_or_init(|| {
                let mut blocks: Vec<usize> = self
                    .page
                    .methods()
                    .filter(|m| self.is_external(m))
                    .flat_map(|m| m.examples.iter().map(|e| e.code_block))
                    .collect();
                blocks.sort_unstable();
                blocks
            })
            .binary_search(&code_block)
            .is_ok()
    }

    /// The shell blocks that hold at least one `curl` command, found once per page for
    /// the cURL rules.
    pub fn shell_blocks(&self) -> &[usize] {
        self.shell_blocks.get_or_init(|| {
            let shell = |b: &docspec_model::CodeBlock| {
                matches!(
                    b.lang(),
                    Some("shell" | "bash" | "sh" | "console" | "plaintext" | "text") | None
                ) && b.content.contains("curl")
            };
            (0..self.page.code_blocks.len())
                .filter(|&i| self.page.code_block(i).is_some_and(shell))
                .collect()
        })
    }

    /// The `curl` commands of a code block, parsed once per page.
    pub fn curl(&self, code_block: usize) -> &[docspec_curl::CurlCommand] {
        match (self.page.code_block(code_block), self.curl.get(code_block)) {
            (Some(block), Some(cell)) => cell.get_or_init(|| docspec_curl::parse_commands(&block.content)),
            _ => &[],
        }
    }

    /// The shape of a code block read as a JSON example, parsed once per page.
    pub fn json(&self, code_block: usize) -> Option<&Result<JsonShape, JsonError>> {
        let block = self.page.code_block(code_block)?;
        let cell = self.json.get(code_block)?;
        Some(cell.get_or_init(|| parse_shape_as(&block.content, Reading::for_lead_in(block.lead_in.as_deref()))))
    }

    pub fn text(&self, range: TextRange) -> &'a str {
        self.source.slice(range)
    }

    /// A finding of `meta`'s rule at `range`, at the rule's default severity.
    pub fn report(&self, meta: &RuleMetadata, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(meta.code, meta.name, meta.default_severity, message, range)
    }

    /// The rule's options from the configuration, or their defaults.
    pub fn options<T: DeserializeOwned + Default>(&self, meta: &RuleMetadata) -> T {
        self.settings
            .options
            .get(meta.code)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }
}
