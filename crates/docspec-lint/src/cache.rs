//! What `lint` keeps of one page between runs: the page's own findings, its summary for
//! the cross-page rules and its inline suppressions, in a compact binary form. The
//! caller decides when a record still applies (same binary, settings, path and text);
//! this module only turns a record into bytes and back. Cross-page findings are never
//! kept: they depend on the other pages of the run.

use crate::project::{AttributeFact, OperationSummary, PageSummary};
use crate::suppress::{Scope, Suppression};
use crate::RULES;
use docspec_diagnostics::{Applicability, Diagnostic, Edit, Fix, Label, Related, Severity};
use docspec_model::TextRange;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// One page's lint results before the cross-page pass.
#[derive(Clone, Debug)]
pub struct PageRecord {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: PageSummary,
    pub suppressions: Vec<Suppression>,
}

impl PageRecord {
    /// Whether every range in the record lies within `text`, on character boundaries: a
    /// record that does not is not this text's (a forged or foreign one) and would make a
    /// report slice the text where it cannot.
    pub fn fits(&self, text: &str) -> bool {
        let fits = |range: TextRange| {
            range.end() <= text.len() && text.is_char_boundary(range.start()) && text.is_char_boundary(range.end())
        };
        self.diagnostics.iter().all(|d| {
            fits(d.primary.range)
                && d.secondary.iter().all(|l| fits(l.range))
                && d.fix.as_ref().is_none_or(|f| f.edits().iter().all(|e| fits(e.range)))
        }) && self.suppressions.iter().all(|s| fits(s.comment))
            && self.summary.operations.iter().all(|o| fits(o.range))
    }
}

/// The record as bytes.
pub fn encode(record: &PageRecord) -> Vec<u8> {
    let stored = Stored {
        diagnostics: record.diagnostics.iter().map(StoredDiagnostic::from).collect(),
        summary: StoredSummary::from(&record.summary),
        suppressions: record.suppressions.iter().map(StoredSuppression::from).collect(),
    };
    postcard::to_stdvec(&stored).unwrap_or_default()
}

/// The record the bytes hold, or `None` when they are not one this build wrote (a rule
/// code it does not know, a truncated file): the caller then lints the page.
pub fn decode(bytes: &[u8]) -> Option<PageRecord> {
    let (stored, rest): (Stored, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    if !rest.is_empty() {
        return None;
    }
    Some(PageRecord {
        diagnostics: stored
            .diagnostics
            .into_iter()
            .map(StoredDiagnostic::into_diagnostic)
            .collect::<Option<_>>()?,
        summary: stored.summary.into_summary(),
        suppressions: stored
            .suppressions
            .into_iter()
            .map(StoredSuppression::into_suppression)
            .collect::<Option<_>>()?,
    })
}

/// A rule's code and name as the registry holds them, by code.
fn rule_names(code: &str) -> Option<(&'static str, &'static str)> {
    static BY_CODE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let map = BY_CODE.get_or_init(|| RULES.iter().map(|r| (r.meta().code, r.meta().name)).collect());
    map.get_key_value(code).map(|(code, name)| (*code, *name))
}

#[derive(Serialize, Deserialize)]
struct Stored {
    diagnostics: Vec<StoredDiagnostic>,
    summary: StoredSummary,
    suppressions: Vec<StoredSuppression>,
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    code: String,
    severity: Severity,
    message: String,
    primary: StoredLabel,
    secondary: Vec<StoredLabel>,
    related: Vec<StoredRelated>,
    help: Option<String>,
    fix: Option<StoredFix>,
}

#[derive(Serialize, Deserialize)]
struct StoredLabel {
    start: usize,
    end: usize,
    message: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredRelated {
    path: String,
    line: usize,
    column: usize,
    message: String,
    pointer: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredFix {
    title: String,
    /// 0 display only, 1 unsafe, 2 safe.
    applicability: u8,
    edits: Vec<(usize, usize, String)>,
}

#[derive(Serialize, Deserialize)]
struct StoredSummary {
    path: String,
    is_reference: bool,
    operations: Vec<StoredOperation>,
    links: Vec<String>,
    internal: bool,
}

#[derive(Serialize, Deserialize)]
struct StoredOperation {
    verb: String,
    path: String,
    written: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    method: usize,
    method_title: String,
    /// Empty for an operation whose method's attributes the previous operation gave.
    attributes: Vec<(String, Option<String>, Option<String>)>,
}

#[derive(Serialize, Deserialize)]
struct StoredSuppression {
    /// 0 range, 1 next line, 2 line, 3 file.
    scope: u8,
    codes: Vec<String>,
    unknown: Vec<String>,
    comment: (usize, usize),
    first_line: usize,
    last_line: usize,
    used: bool,
    foreign: bool,
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(start, end)
}

impl From<&Label> for StoredLabel {
    fn from(label: &Label) -> Self {
        Self {
            start: label.range.start(),
            end: label.range.end(),
            message: label.message.clone(),
        }
    }
}

impl StoredLabel {
    fn into_label(self) -> Label {
        Label {
            range: range(self.start, self.end),
            message: self.message,
        }
    }
}

impl From<&Diagnostic> for StoredDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        Self {
            code: d.code.to_string(),
            severity: d.severity,
            message: d.message.clone(),
            primary: StoredLabel::from(&d.primary),
            secondary: d.secondary.iter().map(StoredLabel::from).collect(),
            related: d
                .related
                .iter()
                .map(|r| StoredRelated {
                    path: r.path.clone(),
                    line: r.line,
                    column: r.column,
                    message: r.message.clone(),
                    pointer: r.pointer.clone(),
                })
                .collect(),
            help: d.help.clone(),
            fix: d.fix.as_ref().map(|f| StoredFix {
                title: f.title().to_string(),
                applicability: match f.applicability() {
                    Applicability::DisplayOnly => 0,
                    Applicability::Unsafe => 1,
                    Applicability::Safe => 2,
                },
                edits: f
                    .edits()
                    .iter()
                    .map(|e| (e.range.start(), e.range.end(), e.replacement.clone()))
                    .collect(),
            }),
        }
    }
}

impl StoredDiagnostic {
    fn into_diagnostic(self) -> Option<Diagnostic> {
        let (code, name) = rule_names(&self.code)?;
        let fix = match self.fix {
            None => None,
            Some(fix) => {
                let applicability = match fix.applicability {
                    0 => Applicability::DisplayOnly,
                    1 => Applicability::Unsafe,
                    2 => Applicability::Safe,
                    _ => return None,
                };
                let edits = fix
                    .edits
                    .into_iter()
                    .map(|(start, end, text)| Edit::replacement(range(start, end), text))
                    .collect();
                Some(Fix::new(fix.title, applicability, edits).ok()?)
            }
        };
        Some(Diagnostic {
            code,
            name,
            severity: self.severity,
            message: self.message,
            primary: self.primary.into_label(),
            secondary: self.secondary.into_iter().map(StoredLabel::into_label).collect(),
            related: self
                .related
                .into_iter()
                .map(|r| Related {
                    path: r.path,
                    line: r.line,
                    column: r.column,
                    message: r.message,
                    pointer: r.pointer,
                })
                .collect(),
            help: self.help,
            fix,
        })
    }
}

impl From<&PageSummary> for StoredSummary {
    fn from(s: &PageSummary) -> Self {
        let mut previous: Option<&Arc<[AttributeFact]>> = None;
        let operations = s
            .operations
            .iter()
            .map(|op| {
                // A method's operations share one attribute list: store it once.
                let shared = previous.is_some_and(|p| Arc::ptr_eq(p, &op.attributes));
                previous = Some(&op.attributes);
                StoredOperation {
                    verb: op.key.0.clone(),
                    path: op.key.1.clone(),
                    written: op.written.clone(),
                    start: op.range.start(),
                    end: op.range.end(),
                    line: op.line,
                    column: op.column,
                    method: op.method,
                    method_title: op.method_title.clone(),
                    attributes: if shared {
                        Vec::new()
                    } else {
                        op.attributes
                            .iter()
                            .map(|a| (a.name.clone(), a.required.clone(), a.type_.clone()))
                            .collect()
                    },
                }
            })
            .collect();
        Self {
            path: s.path.clone(),
            is_reference: s.is_reference,
            operations,
            links: s.links.clone(),
            internal: s.internal,
        }
    }
}

impl StoredSummary {
    fn into_summary(self) -> PageSummary {
        let mut previous: Option<(usize, Arc<[AttributeFact]>)> = None;
        let operations = self
            .operations
            .into_iter()
            .map(|op| {
                let attributes = match &previous {
                    Some((method, shared)) if *method == op.method && op.attributes.is_empty() => shared.clone(),
                    _ => op
                        .attributes
                        .into_iter()
                        .map(|(name, required, type_)| AttributeFact { name, required, type_ })
                        .collect(),
                };
                previous = Some((op.method, attributes.clone()));
                OperationSummary {
                    key: (op.verb, op.path),
                    written: op.written,
                    range: range(op.start, op.end),
                    line: op.line,
                    column: op.column,
                    method: op.method,
                    method_title: op.method_title,
                    attributes,
                }
            })
            .collect();
        PageSummary {
            path: self.path,
            is_reference: self.is_reference,
            operations,
            links: self.links,
            internal: self.internal,
        }
    }
}

impl From<&Suppression> for StoredSuppression {
    fn from(s: &Suppression) -> Self {
        Self {
            scope: match s.scope {
                Scope::Range => 0,
                Scope::NextLine => 1,
                Scope::Line => 2,
                Scope::File => 3,
            },
            codes: s.codes.iter().map(|c| c.to_string()).collect(),
            unknown: s.unknown.clone(),
            comment: (s.comment.start(), s.comment.end()),
            first_line: s.first_line,
            last_line: s.last_line,
            used: s.used,
            foreign: s.foreign,
        }
    }
}

impl StoredSuppression {
    fn into_suppression(self) -> Option<Suppression> {
        Some(Suppression {
            scope: match self.scope {
                0 => Scope::Range,
                1 => Scope::NextLine,
                2 => Scope::Line,
                3 => Scope::File,
                _ => return None,
            },
            codes: self
                .codes
                .iter()
                .map(|c| rule_names(c).map(|(code, _)| code))
                .collect::<Option<_>>()?,
            unknown: self.unknown,
            comment: range(self.comment.0, self.comment.1),
            first_line: self.first_line,
            last_line: self.last_line,
            used: self.used,
            foreign: self.foreign,
        })
    }
}
