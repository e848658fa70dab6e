use crate::{LintSettings, RuleMetadata};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Page, SourceFile, TextRange};
use serde::de::DeserializeOwned;

/// What a rule sees of one page.
pub struct LintContext<'a> {
    pub source: &'a SourceFile,
    pub page: &'a Page,
    pub settings: &'a LintSettings,
}

impl<'a> LintContext<'a> {
    pub fn new(source: &'a SourceFile, page: &'a Page, settings: &'a LintSettings) -> Self {
        Self { source, page, settings }
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
