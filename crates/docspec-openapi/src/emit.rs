//! The whole pass: sorted pages → scans → plan → each page's operations → one document.

use crate::codes::FindingKind;
use crate::{components, errors, merge, pagination, security, stream, tags, Finding, OpenApiSettings, PageInput};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, TextRange};
use indexmap::IndexMap;
use openapiv3::{Components, Info, OpenAPI, Operation, PathItem, Paths, ReferenceOr, Server};
use std::collections::BTreeSet;

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
    let scans = inputs.iter().map(|i| stream::scan(*i, settings)).collect();
    let plan = stream::plan(scans, settings);
    let built: Vec<stream::PageOperations> = inputs
        .iter()
        .enumerate()
        .map(|(page, input)| stream::build_page(&plan, page, *input, settings))
        .collect();
    let mut findings: Vec<Finding> = built.iter().flat_map(|b| b.findings.iter().cloned()).collect();
    stream::sort_findings(&mut findings);
    let spec = stream::finish(plan, built, components::Entities::default(), settings);
    (spec, findings)
}

/// One operation built from a page: (page, verb, path, operation, naming hints, where its
/// response objects went).
pub type BuiltOperation = (
    usize,
    &'static str,
    String,
    Operation,
    components::Hints,
    Vec<components::EntityUse>,
);

/// The document from the operations, in page order.
pub fn assemble(
    built: Vec<BuiltOperation>,
    entities: components::Entities,
    tags: tags::Tags,
    catalog: &errors::Catalog,
    settings: &OpenApiSettings,
) -> OpenAPI {
    let keys: Vec<(&str, &str, &str)> = built
        .iter()
        .map(|(_, verb, path, op, ..)| (op.summary.as_deref().unwrap_or(""), *verb, path.as_str()))
        .collect();
    let ids = merge::operation_ids(&keys);
    let kept: BTreeSet<usize> = built.iter().map(|(page, ..)| *page).collect();
    let mut uses = Vec::with_capacity(built.len());
    let mut built: Vec<(&'static str, String, Operation, components::Hints)> = built
        .into_iter()
        .zip(ids)
        .map(|((_, verb, path, mut op, mut hints, used), id)| {
            op.operation_id = Some(id.clone());
            hints.operation_id = id;
            uses.push(used);
            (verb, path, op, hints)
        })
        .collect();
    let mut schemas = {
        let mut named: Vec<(components::Hints, &mut Operation)> =
            built.iter_mut().map(|(_, _, op, h)| (h.clone(), op)).collect();
        components::extract(&mut named, &uses, &entities, &settings.schema_names)
    };
    drop(entities);
    // Paths in byte order, filled straight into the document's map: a sorted map beside
    // it would hold every path item twice while one is copied into the other.
    built.sort_by(|a, b| a.1.cmp(&b.1));
    let distinct = built.len() - built.windows(2).filter(|w| w[0].1 == w[1].1).count();
    let mut paths: IndexMap<String, ReferenceOr<PathItem>> = IndexMap::with_capacity(distinct);
    let mut used_errors = std::collections::BTreeSet::new();
    let mut paginated = false;
    for (verb, path, op, _) in built {
        for (status, response) in &op.responses.responses {
            if let (openapiv3::StatusCode::Code(code), ReferenceOr::Reference { .. }) = (status, response) {
                used_errors.insert(*code);
            }
        }
        paginated |= op.parameters.iter().any(
            |p| matches!(p, ReferenceOr::Reference { reference } if reference.starts_with("#/components/parameters/")),
        );
        if paths.last().is_none_or(|(last, _)| *last != path) {
            paths.insert(path, ReferenceOr::Item(PathItem::default()));
        }
        let Some((_, ReferenceOr::Item(item))) = paths.last_mut() else {
            continue;
        };
        let slot = match verb {
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

    OpenAPI {
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
            paths,
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
        security: Some(security::requirement(false)),
        tags: tags.into_tags(&kept),
        ..OpenAPI::default()
    }
}
