//! The whole pass: sorted pages → candidates → deduplicated operations → one document.

use crate::codes::FindingKind;
use crate::merge::{self, Candidate};
use crate::{components, naming, operation, responses, security, Finding, OpenApiSettings, PageInput};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, Page, TextRange};
use indexmap::IndexMap;
use openapiv3::{
    Components, Info, OpenAPI, Operation, PathItem, Paths, ReferenceOr, Response, Server, StatusCode, Tag,
};
use std::collections::BTreeMap;

/// A method (input, resource, method) and a verb: one success response each.
type MethodVerb<'a> = (usize, usize, usize, &'a str);

/// Where the emitter is: one method of one page, and the findings so far.
pub struct Context<'a> {
    pub input: PageInput<'a>,
    pub method: &'a Method,
    pub findings: &'a mut Vec<Finding>,
}

impl<'a> Context<'a> {
    pub fn new(input: PageInput<'a>, method: &'a Method, findings: &'a mut Vec<Finding>) -> Self {
        Self {
            input,
            method,
            findings,
        }
    }

    pub fn finding(&mut self, kind: FindingKind, message: String, range: TextRange) {
        self.findings.push(finding(&self.input, kind, message, range));
    }
}

pub fn finding(input: &PageInput<'_>, kind: FindingKind, message: String, range: TextRange) -> Finding {
    let lc = input.source.line_col(range.start());
    Finding {
        path: input.path.to_string(),
        line: lc.line,
        column: lc.column,
        diagnostic: Diagnostic::new(kind.code, kind.name, kind.default_severity, message, range),
    }
}

/// Builds one document from all pages. The result depends only on the set of pages, not
/// on their order; findings are sorted by file and position.
pub fn emit(pages: &[PageInput<'_>], settings: &OpenApiSettings) -> (OpenAPI, Vec<Finding>) {
    let mut inputs: Vec<PageInput<'_>> = pages.to_vec();
    inputs.sort_by(|a, b| a.path.cmp(b.path).then_with(|| a.source.text().cmp(b.source.text())));
    let mut findings = Vec::new();
    let candidates = merge::candidates(&inputs, settings, &mut findings);
    let accepted = merge::dedupe(candidates, &inputs, &mut findings);

    let mut built: Vec<(&Candidate<'_>, Operation)> = Vec::with_capacity(accepted.len());
    let mut shared: Option<(MethodVerb<'_>, (StatusCode, Response))> = None;
    for c in &accepted {
        let input = inputs[c.input];
        let mut ctx = Context::new(input, c.method, &mut findings);
        let key = (c.method_key.0, c.method_key.1, c.method_key.2, c.verb);
        let response = match &shared {
            Some((k, r)) if *k == key => r.clone(),
            _ => {
                let r = responses::success(&mut ctx, c.verb);
                shared = Some((key, r.clone()));
                r
            }
        };
        let op = operation::build(&mut ctx, c, tag_name(&input), response, settings);
        built.push((c, op));
    }

    let keys: Vec<(&str, &str, &str)> = built
        .iter()
        .map(|(c, op)| (op.summary.as_deref().unwrap_or(""), c.verb, c.template.path.as_str()))
        .collect();
    let ids = merge::operation_ids(&keys);
    let mut built: Vec<(&Candidate<'_>, Operation, components::Hints)> = built
        .into_iter()
        .zip(ids)
        .map(|((c, mut op), id)| {
            op.operation_id = Some(id.clone());
            let hints = components::Hints {
                operation_id: id,
                resource: naming::resource(&c.resource.title).or_else(|| naming::resource(&tag_name(&inputs[c.input]))),
                method: naming::noun(&c.method.title.value),
            };
            (c, op, hints)
        })
        .collect();
    let schemas = {
        let mut named: Vec<(components::Hints, &mut Operation)> =
            built.iter_mut().map(|(_, op, h)| (h.clone(), op)).collect();
        components::extract(&mut named, &settings.schema_names)
    };
    let mut paths: BTreeMap<String, PathItem> = BTreeMap::new();
    let mut tags: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (c, op, _) in built {
        let input = &inputs[c.input];
        tags.entry(tag_name(input)).or_insert_with(|| tag_description(input));
        let item = paths.entry(c.template.path.clone()).or_default();
        let slot = match c.verb {
            "get" => &mut item.get,
            "put" => &mut item.put,
            "post" => &mut item.post,
            "delete" => &mut item.delete,
            "options" => &mut item.options,
            "head" => &mut item.head,
            _ => &mut item.patch,
        };
        *slot = Some(op);
    }

    findings.sort_by(|a, b| (&a.path, a.diagnostic.sort_key()).cmp(&(&b.path, b.diagnostic.sort_key())));
    findings.dedup_by(|a, b| a.path == b.path && a.diagnostic.sort_key() == b.diagnostic.sort_key());

    let spec = OpenAPI {
        openapi: "3.0.3".to_string(),
        info: Info {
            title: settings.title.clone(),
            description: settings.description.clone(),
            version: settings.version.clone(),
            ..Info::default()
        },
        servers: settings
            .servers
            .iter()
            .map(|url| Server {
                url: url.clone(),
                ..Server::default()
            })
            .collect(),
        paths: Paths {
            paths: paths.into_iter().map(|(k, v)| (k, ReferenceOr::Item(v))).collect(),
            extensions: IndexMap::new(),
        },
        components: Some(Components {
            schemas,
            security_schemes: security::schemes(),
            ..Components::default()
        }),
        security: Some(security::requirement()),
        tags: tags
            .into_iter()
            .map(|(name, description)| Tag {
                name,
                description,
                ..Tag::default()
            })
            .collect(),
        ..OpenAPI::default()
    };
    (spec, findings)
}

/// Operations are tagged with their page's title.
pub fn tag_name(input: &PageInput<'_>) -> String {
    input
        .page
        .title_text()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| input.path.to_string(), str::to_string)
}

/// The front matter's `description`, else the page's first paragraph before any method.
fn tag_description(input: &PageInput<'_>) -> Option<String> {
    front_matter_description(input).or_else(|| intro(input.page, input))
}

fn front_matter_description(input: &PageInput<'_>) -> Option<String> {
    let fm = input.page.front_matter.as_ref().filter(|f| f.closed)?;
    let text = input.source.slice(fm.range);
    let body: Vec<&str> = text.lines().skip(1).take_while(|l| l.trim() != "---").collect();
    let value: serde_yaml::Value = serde_yaml::from_str(&body.join("\n")).ok()?;
    let d = value.get("description")?.as_str()?.trim();
    (!d.is_empty()).then(|| d.to_string())
}

fn intro(page: &Page, input: &PageInput<'_>) -> Option<String> {
    let first_method = page.methods().map(|m| m.range.start()).min().unwrap_or(usize::MAX);
    let first_heading = page
        .headings
        .iter()
        .filter(|h| h.level >= 2)
        .map(|h| h.range.start())
        .min()
        .unwrap_or(usize::MAX);
    let limit = first_method.min(first_heading);
    page.paragraphs
        .iter()
        .filter(|p| p.range.end() <= limit)
        .find(|p| !p.text.trim().is_empty())
        .map(|p| input.source.slice(p.range).trim().to_string())
}
