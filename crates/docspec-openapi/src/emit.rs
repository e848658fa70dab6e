//! The whole pass: sorted pages → scans → plan → each page's operations → one document.

use crate::codes::FindingKind;
use crate::document::{Document, Ready};
use crate::{components, errors, merge, pagination, security, stream, tags, Finding, OpenApiSettings, PageInput};
use docspec_diagnostics::Diagnostic;
use docspec_model::{Method, TextRange};
use indexmap::IndexMap;
use openapiv3::{Components, Info, OpenAPI, Paths, ReferenceOr, Server};
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
    let (document, findings) = emit_document(pages, settings);
    (document.into_openapi(), findings)
}

/// [`emit`], as the document `docspec openapi` writes path by path. Every operation is
/// held in memory: `into_openapi` and `to_yaml` have no error to give should a spilled
/// one not read back.
pub fn emit_document(pages: &[PageInput<'_>], settings: &OpenApiSettings) -> (Document, Vec<Finding>) {
    emit_document_spilling(pages, settings, usize::MAX)
}

/// [`emit_document`], with at most `budget` bytes of built operations held in memory and
/// the rest in a temporary file until the document is written (`write_yaml` and
/// `write_json` report one that does not read back).
pub fn emit_document_spilling(
    pages: &[PageInput<'_>],
    settings: &OpenApiSettings,
    budget: usize,
) -> (Document, Vec<Finding>) {
    let mut inputs: Vec<PageInput<'_>> = pages.to_vec();
    inputs.sort_by(|a, b| a.path.cmp(b.path).then_with(|| a.source.text().cmp(b.source.text())));
    let scans = inputs.iter().map(|i| stream::scan(*i, settings)).collect();
    let plan = stream::plan(scans, settings).spill_beyond(budget);
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

/// The document from the operations, in page order.
pub(crate) fn assemble(
    built: Vec<(usize, stream::Built)>,
    entities: components::Entities,
    tags: tags::Tags,
    catalog: &errors::Catalog,
    settings: &OpenApiSettings,
) -> Document {
    let keys: Vec<(&str, &str, &str)> = built
        .iter()
        .map(|(_, b)| (b.summary.as_str(), b.verb, b.path.as_str()))
        .collect();
    let ids = merge::operation_ids(&keys);
    let with_operations: BTreeSet<usize> = built.iter().map(|(page, _)| *page).collect();
    let mut built: Vec<stream::Built> = built
        .into_iter()
        .zip(ids)
        .map(|((_, mut b), id)| {
            b.hints.operation_id = id;
            b
        })
        .collect();
    let (mut schemas, refs) = {
        let naming: Vec<components::Naming<'_>> = built
            .iter()
            .map(|b| components::Naming {
                hints: &b.hints,
                uses: &b.uses,
                examples: &b.kept.examples,
                body: b.kept.body.as_ref(),
            })
            .collect();
        components::extract(&naming, &entities, &settings.schema_names)
    };
    drop(entities);
    let mut used_errors = BTreeSet::new();
    let mut paginated = false;
    for b in &mut built {
        used_errors.extend(b.kept.error_statuses.iter().copied());
        paginated |= b.kept.paginated;
        b.kept.drop_naming();
    }
    let mut operations: Vec<Ready> = built
        .into_iter()
        .zip(refs)
        .map(|(b, refs)| Ready {
            verb: b.verb,
            path: b.path,
            operation_id: b.hints.operation_id,
            kept: b.kept,
            refs,
        })
        .collect();
    // Paths in byte order; a path's operations in document order (a stable sort).
    operations.sort_by(|a, b| a.path.cmp(&b.path));
    if !used_errors.is_empty() {
        schemas.insert(
            errors::ERROR_SCHEMA.to_string(),
            ReferenceOr::Item(errors::error_schema()),
        );
        schemas.sort_keys();
    }

    let head = OpenAPI {
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
        paths: Paths::default(),
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
        tags: tags.into_tags(&with_operations),
        ..OpenAPI::default()
    };
    Document { head, operations }
}
