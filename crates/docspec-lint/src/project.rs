//! What cross-page rules see: a small summary of each page, not its model, so that a
//! run can drop each page's model as soon as the page is linted.

use crate::LintSettings;
use docspec_model::{Page, SourceFile, TargetForm, TextRange};

/// What the cross-page rules keep of one page.
#[derive(Clone, Debug, Default)]
pub struct PageSummary {
    /// The display path of the page.
    pub path: String,
    /// Whether the page documents methods to the template (`Page::is_reference`).
    pub is_reference: bool,
    /// The operations its methods document, once per method, in source order.
    pub operations: Vec<OperationSummary>,
    /// The destinations of its links, in source order.
    pub links: Vec<String>,
    /// Whether the page's introduction declares its API internal-only ("This API is for
    /// internal use only."): the public index leaves such pages out.
    pub internal: bool,
}

/// One operation (verb and path) as one method documents it.
#[derive(Clone, Debug)]
pub struct OperationSummary {
    /// Upper-case verb and the path compared: base path, query and parameter names removed.
    pub key: (String, String),
    /// The request line as written (`GET /projects/:id`).
    pub written: String,
    pub range: TextRange,
    /// One-based line and column of `range`.
    pub line: usize,
    pub column: usize,
    /// Index of the method in the page, and its title.
    pub method: usize,
    pub method_title: String,
    /// What the method's request tables say of each attribute (shared by the method's
    /// operations).
    pub attributes: std::sync::Arc<[AttributeFact]>,
}

/// One row of a request attribute table, as cross-page rules compare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeFact {
    pub name: String,
    /// The Required cell, trimmed, as written.
    pub required: Option<String>,
    /// The Type cell, trimmed, as written.
    pub type_: Option<String>,
}

impl PageSummary {
    /// Reads what the cross-page rules need from one page.
    pub fn of(source: &SourceFile, page: &Page, settings: &LintSettings) -> PageSummary {
        let is_reference = page.is_reference();
        PageSummary {
            path: source.path().to_string(),
            is_reference,
            operations: if is_reference {
                operations(source, page, settings)
            } else {
                Vec::new()
            },
            links: page.links.iter().map(|l| l.dest.clone()).collect(),
            internal: declares_internal(page),
        }
    }
}

/// Whether the page's introduction (its prose and alerts before the first section)
/// declares the API internal-only.
pub(crate) fn declares_internal(page: &Page) -> bool {
    let end = page
        .headings
        .iter()
        .find(|h| h.level >= 2)
        .map_or(usize::MAX, |h| h.range.start());
    let intro = |range: TextRange| range.end() <= end;
    page.paragraphs
        .iter()
        .filter(|p| intro(p.range))
        .map(|p| p.text.as_str())
        .chain(page.alerts.iter().filter(|a| intro(a.range)).map(|a| a.text.as_str()))
        .any(crate::vocabulary::declares_internal)
}

/// Every operation of the page's methods of the API, once per method, in source order.
/// Full URLs (other services) are left out.
fn operations(source: &SourceFile, page: &Page, settings: &LintSettings) -> Vec<OperationSummary> {
    let api = &settings.api;
    let mut ops = Vec::new();
    for (index, method) in page.methods().enumerate() {
        let attributes: std::sync::Arc<[AttributeFact]> = method
            .request_tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .filter_map(|row| {
                Some(AttributeFact {
                    name: row.name.as_ref()?.name.clone(),
                    required: row.required.as_ref().map(|r| r.value.trim().to_string()),
                    type_: row.type_.as_ref().map(|t| t.value.trim().to_string()),
                })
            })
            .collect();
        let mut seen: Vec<(String, String)> = Vec::new();
        for line in method.request_lines() {
            if line.form == TargetForm::Url {
                continue;
            }
            let key = (
                line.verb.value.to_ascii_uppercase(),
                operation_path(&line.path.value, line.form, api),
            );
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            let range = TextRange::new(line.verb.range.start(), line.target.range.end());
            let at = source.line_col(range.start());
            ops.push(OperationSummary {
                key,
                written: format!("{} {}", line.verb.value, line.target.value),
                range,
                line: at.line,
                column: at.column,
                method: index,
                method_title: method.title.value.clone(),
                attributes: attributes.clone(),
            });
        }
    }
    ops.sort_by_key(|o| o.range.start());
    ops
}

/// The path of an operation as compared: base path, query and parameter names removed,
/// so that `GET /projects/:id` and `GET /api/v4/projects/:project_id` are one operation.
pub fn operation_path(path: &str, form: TargetForm, api: &crate::ApiSettings) -> String {
    let rooted = match form {
        TargetForm::Unrooted if !path.starts_with('/') => format!("/{path}"),
        _ => path.to_string(),
    };
    let relative = api.relative(&rooted);
    let mut out = String::with_capacity(relative.len());
    let mut chars = relative.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ':' {
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                chars.next();
            }
        }
    }
    while out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// One page of a multi-page run: its summary and its settings.
pub struct ProjectFile<'a> {
    pub summary: &'a PageSummary,
    pub settings: &'a LintSettings,
}

/// What every cross-page check knows of the run before its pages come in.
pub struct ProjectInfo<'a> {
    /// File name of the page that lists all resources (`api_resources.md`).
    pub index_page: Option<&'a str>,
    /// The summaries of the run's pages with that file name, read before the others.
    pub indexes: &'a [PageSummary],
}

/// Whether a page path names the index page.
pub fn is_index(path: &str, index_page: &str) -> bool {
    path.rsplit('/').next().unwrap_or(path) == index_page
}
