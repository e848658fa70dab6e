//! Methods written to the API topic template for spec operations: one operation, a new
//! page per tag, or every undocumented operation appended to the page `drift` suggests.

mod example;
pub mod markdown;
pub mod title;

use crate::{DocPage, Outcome};
use docspec_spec::{Operation, Spec};
use std::fmt::Write;

/// How examples are written (`api:` of `.docspec.yml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaffoldSettings {
    pub base_path: String,
    pub example_host: String,
    pub token_placeholder: String,
    /// Folders under the API docs folder whose page is their `_index.md` (`rest`), `/`
    /// separated: a docs-site link `https://docs.gitlab.com/api/rest/` is written back as
    /// `rest/_index.md`, any other as `projects.md`.
    pub index_folders: Vec<String>,
}

impl Default for ScaffoldSettings {
    fn default() -> Self {
        Self {
            base_path: "/api/v4".to_string(),
            example_host: "https://gitlab.example.com".to_string(),
            token_placeholder: "<your_access_token>".to_string(),
            index_folders: Vec::new(),
        }
    }
}

/// A spec operation by `operationId`, or by `VERB /path` as the spec writes the path.
pub fn find<'a>(spec: &'a Spec, id: &str) -> Option<&'a Operation> {
    if let Some(op) = spec.operation(id) {
        return Some(op);
    }
    let (verb, path) = id.trim().split_once(char::is_whitespace)?;
    let path = path.trim();
    spec.operations
        .iter()
        .find(|o| o.method.eq_ignore_ascii_case(verb) && (o.path == path || markdown::docs_path(&o.path) == path))
}

/// One method, headed at `level`.
pub fn method(op: &Operation, level: u8, settings: &ScaffoldSettings) -> String {
    markdown::method(op, level, settings)
}

/// A new page for operations of one tag: front matter, a lead paragraph, methods at `##`.
pub fn page(tag: &str, ops: &[&Operation], settings: &ScaffoldSettings) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "---\nstage: none\ngroup: unassigned\ninfo: To determine the technical writer assigned to the Stage/Group associated with this page, see https://handbook.gitlab.com/handbook/product/ux/technical-writing/#assignments\ntitle: {}\n---\n\n{}\n",
        title::page_title(tag),
        markdown::PAGE_PLACEHOLDER
    );
    for op in ops {
        out.push('\n');
        out.push_str(&markdown::method(op, 2, settings));
    }
    out
}

/// Methods to add to an existing page, after the last method of the resource they belong to.
#[derive(Clone, Debug)]
pub struct Append {
    /// Index of the page in the run.
    pub file: usize,
    /// Byte offset in the page where the methods go.
    pub at: usize,
    pub methods: String,
    /// `GET /path` of each operation written.
    pub operations: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct NewPage {
    pub file_name: String,
    pub text: String,
    pub operations: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub appends: Vec<Append>,
    pub new_pages: Vec<NewPage>,
}

/// What `--missing` writes: each undocumented operation to the page `drift` placed it on,
/// the others to a new page per tag.
pub fn missing(spec: &Spec, pages: &[DocPage], outcome: &Outcome, settings: &ScaffoldSettings) -> Plan {
    let mut plan = Plan::default();
    let mut by_place: Vec<((usize, usize), Vec<&Operation>)> = Vec::new();
    let mut by_tag: Vec<(String, Vec<&Operation>)> = Vec::new();
    for placement in &outcome.placements {
        let op = &spec.operations[placement.operation];
        match placement.place {
            Some(place) => match by_place.iter_mut().find(|(p, _)| *p == place) {
                Some((_, ops)) => ops.push(op),
                None => by_place.push((place, vec![op])),
            },
            None => {
                let tag = op.tags.first().cloned().unwrap_or_else(|| "api".to_string());
                match by_tag.iter_mut().find(|(t, _)| *t == tag) {
                    Some((_, ops)) => ops.push(op),
                    None => by_tag.push((tag, vec![op])),
                }
            }
        }
    }
    for ((p, resource), ops) in by_place {
        let page = &pages[p];
        let last = page
            .methods
            .iter()
            .filter(|m| m.resource == resource)
            .max_by_key(|m| m.end);
        let (at, level) = last.map_or((usize::MAX, 2), |m| (m.end, m.level));
        let methods: Vec<String> = ops.iter().map(|op| markdown::method(op, level, settings)).collect();
        plan.appends.push(Append {
            file: page.file,
            at,
            methods: methods.join("\n"),
            operations: ops.iter().map(|o| o.label()).collect(),
        });
    }
    for (tag, ops) in by_tag {
        plan.new_pages.push(NewPage {
            file_name: title::file_name(&tag),
            text: page(&tag, &ops, settings),
            operations: ops.iter().map(|o| o.label()).collect(),
        });
    }
    plan
}

/// `text` with `methods` inserted at `at` (clamped), separated by blank lines.
pub fn insert(text: &str, at: usize, methods: &str) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = text[..at].trim_end();
    let after = &text[at..];
    let mut out = String::with_capacity(text.len() + methods.len() + 4);
    out.push_str(before);
    out.push_str("\n\n");
    out.push_str(methods.trim_end());
    out.push('\n');
    if !after.trim().is_empty() {
        out.push('\n');
        out.push_str(after.trim_start_matches('\n'));
    }
    out
}
