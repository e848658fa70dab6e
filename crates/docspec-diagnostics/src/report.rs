//! The miette adapter: a finding plus its source, ready for a graphical handler.

use crate::{Diagnostic, Severity};
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::fmt;

/// Where the rule documentation lives, for `url()`.
pub const RULES_URL: &str = "docs/rules.md";

pub struct Report<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: NamedText<'a>,
    /// Marks the code with `[*]`: `--fix` fixes this finding.
    pub fixable: bool,
}

impl<'a> Report<'a> {
    pub fn new(diagnostic: &'a Diagnostic, path: &'a str, text: &'a str) -> Self {
        Self {
            diagnostic,
            source: NamedText { name: path, text },
            fixable: false,
        }
    }

    #[must_use]
    pub fn fixable(mut self, fixable: bool) -> Self {
        self.fixable = fixable;
        self
    }
}

/// A borrowed source with a file name (miette's `NamedSource` wants `'static`).
pub struct NamedText<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(
            MietteSpanContents::new_named(
                self.name.to_string(),
                inner.data(),
                *inner.span(),
                inner.line(),
                inner.column(),
                inner.line_count(),
            )
            .with_language("markdown"),
        ))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report").field("diagnostic", self.diagnostic).finish()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

fn span(range: docspec_model::TextRange) -> SourceSpan {
    SourceSpan::new(range.start().into(), range.len())
}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mark = if self.fixable { " [*]" } else { "" };
        Some(Box::new(format!(
            "{}({}){mark}",
            self.diagnostic.code, self.diagnostic.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        let help = d.help.as_deref().or_else(|| d.fix.as_ref().map(|f| f.title()));
        let related: Vec<String> = d
            .related
            .iter()
            .map(|r| format!("{} at {}:{}:{}", r.message, r.path, r.line, r.column))
            .collect();
        match (help, related.is_empty()) {
            (None, true) => None,
            (Some(h), true) => Some(Box::new(h.to_string())),
            (None, false) => Some(Box::new(related.join("\n"))),
            (Some(h), false) => Some(Box::new(format!("{h}\n{}", related.join("\n")))),
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(d.primary.message.clone(), span(d.primary.range));
        let rest = d
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(l.message.clone(), span(l.range)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}
