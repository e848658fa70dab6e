//! Open buffers: their text as the editor has it, their version, and when they are due
//! to be linted (changes are debounced).

use crate::analysis::Analysis;
use crate::lines::{Encoding, LineIndex};
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

pub struct Document {
    pub uri: Uri,
    /// `None` for buffers that are no file (`untitled:`).
    pub path: Option<PathBuf>,
    pub version: i32,
    pub text: String,
    /// When to lint it next, if a change is waiting.
    pub due: Option<Instant>,
    /// The last lint, possibly of an older version.
    pub analysis: Option<Analysis>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: String) -> Self {
        let path = file_path(&uri);
        Self {
            uri,
            path,
            version,
            text,
            due: None,
            analysis: None,
        }
    }

    /// Applies edits in order; a range outside the text is clamped, never a panic.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>, encoding: Encoding) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&self.text);
                    let start = index.offset(range.start, encoding);
                    let end = index.offset(range.end, encoding).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.version = version;
    }

    /// The analysis when it is of the current text.
    pub fn fresh(&self) -> Option<&Analysis> {
        self.analysis
            .as_ref()
            .filter(|a| a.version == self.version && a.text_len == self.text.len())
    }
}

/// The open documents, by URI as the client wrote it.
#[derive(Default)]
pub struct Documents {
    pub open: BTreeMap<String, Document>,
}

impl Documents {
    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri.as_str())
    }

    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.open.get_mut(uri.as_str())
    }

    /// The earliest time a document is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.open.values().filter_map(|d| d.due).min()
    }

    /// Open buffers with a file path, for the cross-page rules.
    pub fn buffers(&self) -> Vec<(PathBuf, String)> {
        self.open
            .values()
            .filter_map(|d| d.path.clone().map(|p| (p, d.text.clone())))
            .collect()
    }
}

/// The file behind a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The `file:` URI of a path.
pub fn file_uri(path: &std::path::Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    url.as_str().parse().ok()
}
