//! The whole pass: sorted pages → candidates → deduplicated operations → one document.

use crate::codes::FindingKind;
use crate::links::Links;
use crate::merge::{self, Candidate};
use crate::{
    components, errors, naming, operation, pagination, responses, security, statuses, tags, Finding, OpenApiSettings,
    PageInput,
};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, TextRange};
use indexmap::IndexMap;
use openapiv3::{Components, Info, OpenAPI, Operation, PathItem, Paths, ReferenceOr, Server};
use std::collections::BTreeMap;

/// A method: (input, resource, method).
type MethodKey = (usize, usize, usize);

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
    // Pages that document operations, kept or not, each get a tag.
    let with_operations: std::collections::BTreeSet<usize> = candidates.iter().map(|c| c.input).collect();
    let accepted = merge::dedupe(candidates, &inputs, &mut findings);
    let paths_of: Vec<&str> = inputs.iter().map(|i| i.path).collect();
    let links = Links::new(settings.docs_base_url.as_deref(), &paths_of);
    let status_table = inputs
        .iter()
        .find_map(|i| errors::status_table(i.page).map(|t| (i.path, t)));
    let catalog = errors::Catalog::new(
        &status_table
            .map(|(path, rows)| {
                rows.into_iter()
                    .map(|(code, text)| (code, links.rewrite(path, &text)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let tags = tags::Tags::new(&inputs, &with_operations, &links, &mut findings);

    let mut built: Vec<(&Candidate<'_>, Operation)> = Vec::with_capacity(accepted.len());
    let mut shared: Option<(MethodKey, operation::MethodFacts)> = None;
    for c in &accepted {
        let input = inputs[c.input];
        let mut ctx = Context::new(input, c.method, &mut findings);
        let facts = match &shared {
            Some((k, f)) if *k == c.method_key => f.clone(),
            _ => {
                let text = statuses::method_text(input.source.text(), c.method);
                let stated = statuses::stated(text);
                let f = operation::MethodFacts {
                    success: responses::success(&mut ctx, &stated.success),
                    errors: stated.errors,
                    paginated: pagination::says_paginated(text),
                    public: security::says_public(text) || page_public(&input, c.verb),
                };
                shared = Some((c.method_key, f.clone()));
                f
            }
        };
        let mut op = operation::build(&mut ctx, c, tags.name(c.input).to_string(), &facts, settings, &catalog);
        rewrite_links(&mut op, &links, input.path);
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
            let page_title = tags::title(&inputs[c.input]);
            let hints = components::Hints {
                operation_id: id,
                resource: naming::resource(&c.resource.title).or_else(|| naming::resource(&page_title)),
                method: naming::noun(&c.method.title.value),
                title: c.method.title.value.clone(),
            };
            (c, op, hints)
        })
        .collect();
    let mut schemas = {
        let mut named: Vec<(components::Hints, &mut Operation)> =
            built.iter_mut().map(|(_, op, h)| (h.clone(), op)).collect();
        components::extract(&mut named, &settings.schema_names)
    };
    let mut paths: BTreeMap<String, PathItem> = BTreeMap::new();
    let mut used_errors = std::collections::BTreeSet::new();
    let mut paginated = false;
    for (c, op, _) in built {
        for (status, response) in &op.responses.responses {
            if let (openapiv3::StatusCode::Code(code), ReferenceOr::Reference { .. }) = (status, response) {
                used_errors.insert(*code);
            }
        }
        paginated |= op.parameters.iter().any(
            |p| matches!(p, ReferenceOr::Reference { reference } if reference.starts_with("#/components/parameters/")),
        );
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
    if !used_errors.is_empty() {
        schemas.insert(
            errors::ERROR_SCHEMA.to_string(),
            ReferenceOr::Item(errors::error_schema()),
        );
        schemas.sort_keys();
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
            responses: catalog.responses(&used_errors),
            parameters: if paginated {
                pagination::parameters()
            } else {
                IndexMap::new()
            },
            headers: if paginated {
                pagination::headers()
            } else {
                IndexMap::new()
            },
            security_schemes: security::schemes(),
            ..Components::default()
        }),
        security: Some(security::requirement()),
        tags: tags.into_tags(&accepted.iter().map(|c| c.input).collect()),
        ..OpenAPI::default()
    };
    (spec, findings)
}

/// The page's introduction says its methods (or those of one verb: `GET requests do not
/// require authentication`) can be called without authentication.
fn page_public(input: &PageInput<'_>, verb: &str) -> bool {
    let first_method = input.page.methods().map(|m| m.range.start()).min().unwrap_or(0);
    let intro = input.source.text().get(..first_method).unwrap_or("");
    intro.split_terminator(['.', '\n']).any(|sentence| {
        let lower = sentence.to_ascii_lowercase();
        let verbs: Vec<&str> = ["get", "post", "put", "patch", "delete"]
            .into_iter()
            .filter(|v| lower.contains(&format!("{v} requests")))
            .collect();
        security::says_public(sentence) && (verbs.is_empty() || verbs.contains(&verb))
    })
}

/// Relative links in every description of the operation, for its page.
fn rewrite_links(op: &mut Operation, links: &Links, page: &str) {
    let Ok(mut value) = serde_json::to_value(&*op) else {
        return;
    };
    links.rewrite_value(page, &mut value);
    if let Ok(rewritten) = serde_json::from_value(value) {
        *op = rewritten;
    }
}
