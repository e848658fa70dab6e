use crate::Fix;
use docspec_model::TextRange;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A range in the same file, with an optional message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub range: TextRange,
    pub message: Option<String>,
}

impl Label {
    pub fn new(range: TextRange) -> Self {
        Self { range, message: None }
    }

    pub fn with_message(range: TextRange, message: impl Into<String>) -> Self {
        Self {
            range,
            message: Some(message.into()),
        }
    }
}

/// A location in another file that belongs to the finding (the other copy of a duplicate,
/// the operation of an API spec a page was compared with).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// A JSON pointer into `path` when it is a structured file (`/paths/~1projects/get`).
    pub pointer: Option<String>,
}

impl Related {
    /// `path:line:col`, then ` #pointer` when there is one.
    pub fn place(&self) -> String {
        match &self.pointer {
            Some(p) => format!("{}:{}:{} #{p}", self.path, self.line, self.column),
            None => format!("{}:{}:{}", self.path, self.line, self.column),
        }
    }
}

/// One finding of one rule in one file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    /// Resolved by the runner from the rule default and the configuration.
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        message: impl Into<String>,
        range: TextRange,
    ) -> Self {
        Self {
            code,
            name,
            severity,
            message: message.into(),
            primary: Label::new(range),
            secondary: Vec::new(),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn range(&self) -> TextRange {
        self.primary.range
    }

    #[must_use]
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = Some(message.into());
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    #[must_use]
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// Ordering used for every output: position, then code, then message.
    pub fn sort_key(&self) -> (usize, usize, &'static str, &str) {
        (
            self.primary.range.start(),
            self.primary.range.end(),
            self.code,
            &self.message,
        )
    }
}
