//! The emitter in passes that keep operations, not pages: [`scan`] reads what the merge
//! needs from a page (owned, so its model can go), [`plan`] decides over all scans which
//! request line gives which operation, [`build_page`] builds a page's operations (its
//! model parsed again, then dropped), [`finish`] assembles the document.

use crate::codes::{self, FindingKind};
pub use crate::document::Document;
use crate::emit::Context;
use crate::kept::Kept;
use crate::links::Links;
use crate::merge::{self, Candidate};
use crate::paths::{self, Template};
use crate::prefixes::RoutePrefixes;
use crate::spill::Spill;
use crate::tags::{self, Tags};
use crate::{components, errors, naming, operation, pagination, responses, security, statuses};
use crate::{Finding, OpenApiSettings, PageInput};
use docspec_diagnostics::{Diagnostic, Related};
use docspec_model::{LineCol, TextRange};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

pub use crate::components::Entities;

/// What the merge needs from one page.
#[derive(Clone, Debug)]
pub struct PageScan {
    pub(crate) path: String,
    /// The tag title: the page's title, or its path.
    pub(crate) title: String,
    pub(crate) title_at: (TextRange, LineCol),
    /// The tag description, links not yet rewritten.
    pub(crate) description: Option<String>,
    pub(crate) status_table: Option<Vec<(u16, String)>>,
    candidates: Vec<Scanned>,
    findings: Vec<Finding>,
}

/// A request line that can be an operation.
#[derive(Clone, Debug)]
struct Scanned {
    resource: usize,
    method: usize,
    /// Its index among the method's request lines.
    line: usize,
    verb: &'static str,
    template: Template,
    at: (TextRange, LineCol),
    /// The method documents the operation (attributes, success sentence or an example),
    /// not only names it as an overview does.
    documented: bool,
}

/// Pass 1: every request line of the page that can be an operation (lines of one method
/// that differ only in their query string are one), and the page's tag and status table.
pub fn scan(input: PageInput<'_>, settings: &OpenApiSettings) -> PageScan {
    let mut findings = Vec::new();
    let mut candidates = Vec::new();
    let prefixes = RoutePrefixes::of(input.page);
    for (r, resource) in input.page.resources.iter().enumerate() {
        for (m, method) in resource.methods.iter().enumerate() {
            let mut seen: HashSet<(&str, String)> = HashSet::default();
            let mut ctx = Context::new(input, method, &mut findings);
            for (l, line) in method.request_lines().enumerate() {
                let Some(verb) = merge::slot(&line.verb.value) else {
                    ctx.finding(
                        codes::UNPARSEABLE_REQUEST_LINE,
                        format!("`{}` is not an HTTP method OpenAPI can describe", line.verb.value),
                        line.verb.range,
                    );
                    continue;
                };
                // `GET <route-prefix>/ping`: one operation per path the page gives the prefix.
                for written in prefixes.variants(line) {
                    let template = match paths::template(&written, &settings.base_path) {
                        Ok(t) => t,
                        Err(skip) => {
                            ctx.finding(skip.kind, skip.message, line.range);
                            continue;
                        }
                    };
                    if !seen.insert((verb, template.path.clone())) {
                        continue;
                    }
                    candidates.push(Scanned {
                        resource: r,
                        method: m,
                        line: l,
                        verb,
                        template,
                        at: (line.range, input.source.line_col(line.range.start())),
                        documented: !method.request_tables.is_empty()
                            || !method.success.is_empty()
                            || !method.examples.is_empty(),
                    });
                }
            }
        }
    }
    let title_range = input.page.title.as_ref().map_or(TextRange::empty(0), |t| t.range);
    PageScan {
        path: input.path.to_string(),
        title: tags::title(&input),
        title_at: (title_range, input.source.line_col(title_range.start())),
        description: tags::description(&input),
        status_table: errors::status_table(input.page),
        candidates,
        findings,
    }
}

/// An accepted request line: which scanned candidate, under which final path.
#[derive(Clone, Debug)]
struct Accepted {
    candidate: usize,
    template: Template,
    written_params: Vec<String>,
}

/// What [`plan`] decided: the operations each page gives, its tag, the error catalog.
pub struct Plan {
    scans: Vec<PageScan>,
    links: Links,
    catalog: errors::Catalog,
    tags: Tags,
    accepted: Vec<Vec<Accepted>>,
    findings: Vec<Vec<Finding>>,
    /// Where the built operations' JSON is kept until the document is written.
    spill: Spill,
}

impl Plan {
    /// Keeps at most `bytes` of built operations' JSON in memory, the rest in a temporary
    /// file ([`crate::spill::DEFAULT_BUDGET`] unless set).
    pub fn spill_beyond(mut self, bytes: usize) -> Self {
        self.spill = std::mem::take(&mut self.spill).beyond(bytes);
        self
    }

    /// Makes that temporary file in `dir` if it can (else in the system's temporary
    /// folder, which is memory where it is a tmpfs).
    pub fn spill_into(mut self, dir: &std::path::Path) -> Self {
        self.spill = std::mem::take(&mut self.spill).in_dir(dir.to_path_buf());
        self
    }

    /// The page gives operations: [`build_page`] needs its model.
    pub fn builds(&self, page: usize) -> bool {
        !self.accepted[page].is_empty()
    }

    /// The findings the merge made on the page (without those of building it).
    pub fn findings(&self, page: usize) -> &[Finding] {
        &self.findings[page]
    }
}

/// Pass 2 over the scans, in the order the pages were scanned (sorted by path): the first
/// request line of each verb and path that documents its operation wins (an overview that
/// only names it does not take it from the page that documents it), else the first one;
/// paths that differ only in parameter names take the names of the first one.
pub fn plan(mut scans: Vec<PageScan>, settings: &OpenApiSettings) -> Plan {
    let mut findings: Vec<Vec<Finding>> = scans.iter_mut().map(|s| std::mem::take(&mut s.findings)).collect();
    let mut winners: HashMap<(&'static str, &str), (usize, usize, bool)> = HashMap::default();
    for (page, scan) in scans.iter().enumerate() {
        for (index, c) in scan.candidates.iter().enumerate() {
            let winner = winners
                .entry((c.verb, c.template.key.as_str()))
                .or_insert((page, index, c.documented));
            if c.documented && !winner.2 {
                *winner = (page, index, true);
            }
        }
    }

    let with_operations: BTreeSet<usize> = (0..scans.len()).filter(|&i| !scans[i].candidates.is_empty()).collect();
    let mut canonical: HashMap<String, (Template, usize, LineCol)> = HashMap::default();
    let mut accepted: Vec<Vec<Accepted>> = vec![Vec::new(); scans.len()];
    for (page, scan) in scans.iter().enumerate() {
        for (index, c) in scan.candidates.iter().enumerate() {
            let (here, lc) = c.at;
            let mut template = c.template.clone();
            match canonical.get(&template.key) {
                Some((first, first_page, first_lc)) if first.path != template.path => {
                    findings[page].push(finding_at(
                        &scan.path,
                        lc,
                        codes::IDENTICAL_PATH_TEMPLATE,
                        format!(
                            "`{}` differs from `{}` ({}:{}) only in parameter names; OpenAPI treats them as one path, so it is merged into it",
                            template.path, first.path, scans[*first_page].path, first_lc.line
                        ),
                        here,
                    ));
                    template = paths::renamed(&template, &first.params);
                }
                Some(_) => {}
                None => {
                    canonical.insert(template.key.clone(), (template.clone(), page, lc));
                }
            }
            let (winner_page, winner_index, _) = winners[&(c.verb, c.template.key.as_str())];
            if (winner_page, winner_index) != (page, index) {
                let (first_page, first_lc) = (&winner_page, &scans[winner_page].candidates[winner_index].at.1);
                let f = finding_at(
                    &scan.path,
                    lc,
                    codes::DUPLICATE_OPERATION,
                    format!(
                        "`{} {}` is already documented at {}:{}; this one is left out of the spec",
                        c.verb.to_ascii_uppercase(),
                        template.path,
                        scans[*first_page].path,
                        first_lc.line
                    ),
                    here,
                );
                let mut f = f;
                f.diagnostic = f.diagnostic.with_related(Related {
                    path: scans[*first_page].path.clone(),
                    line: first_lc.line,
                    column: first_lc.column,
                    message: "first documented here".to_string(),
                    pointer: None,
                });
                findings[page].push(f);
                continue;
            }
            accepted[page].push(Accepted {
                candidate: index,
                written_params: c.template.params.clone(),
                template,
            });
        }
    }
    let paths_of: Vec<&str> = scans.iter().map(|s| s.path.as_str()).collect();
    let links = Links::new(settings.docs_base_url.as_deref(), &paths_of);
    let status_table = scans
        .iter()
        .find_map(|s| s.status_table.as_ref().map(|t| (s.path.as_str(), t)));
    let catalog = errors::Catalog::new(
        &status_table
            .map(|(path, rows)| {
                rows.iter()
                    .map(|(code, text)| (*code, links.rewrite(path, text)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
    );
    let tags = Tags::new(&scans, &with_operations, &links, &mut findings);
    Plan {
        scans,
        links,
        catalog,
        tags,
        accepted,
        findings,
        spill: Spill::default(),
    }
}

fn finding_at(path: &str, lc: LineCol, kind: FindingKind, message: String, range: TextRange) -> Finding {
    Finding {
        path: path.to_string(),
        line: lc.line,
        column: lc.column,
        diagnostic: Diagnostic::new(kind.code, kind.name, kind.default_severity, message, range),
    }
}

/// One page's operations, and every finding on the page (sorted, without repeats).
#[derive(Default)]
pub struct PageOperations {
    operations: Vec<Built>,
    pub findings: Vec<Finding>,
}

pub(crate) struct Built {
    pub(crate) verb: &'static str,
    pub(crate) path: String,
    /// The operation's summary, which its id is made from.
    pub(crate) summary: String,
    /// The operation, as compact JSON.
    pub(crate) kept: Kept,
    pub(crate) hints: components::Hints,
    /// The response objects taken out of the operation, until [`absorb`] keeps them.
    taken: Vec<components::Taken>,
    /// Where [`absorb`] put them.
    pub(crate) uses: Vec<components::EntityUse>,
}

/// Pass 3: the operations of one page, from its model (the same page [`scan`] read).
pub fn build_page(plan: &Plan, page: usize, input: PageInput<'_>, settings: &OpenApiSettings) -> PageOperations {
    let mut findings = plan.findings[page].clone();
    let scan = &plan.scans[page];
    let mut operations = Vec::with_capacity(plan.accepted[page].len());
    let mut shared: Option<((usize, usize), operation::MethodFacts)> = None;
    let mut intro: Option<PublicIntro> = None;
    let lines = &plan.accepted[page];
    let method_of = |a: &Accepted| {
        let scanned = &scan.candidates[a.candidate];
        (scanned.resource, scanned.method)
    };
    for (i, accepted) in lines.iter().enumerate() {
        let scanned = &scan.candidates[accepted.candidate];
        let resource = &input.page.resources[scanned.resource];
        let method = &resource.methods[scanned.method];
        let Some(line) = method.request_lines().nth(scanned.line) else {
            continue;
        };
        let c = Candidate {
            resource,
            method,
            line,
            verb: scanned.verb,
            template: accepted.template.clone(),
            written_params: accepted.written_params.clone(),
        };
        let key = (scanned.resource, scanned.method);
        let mut ctx = Context::new(input, method, &mut findings);
        let facts = match shared.take() {
            Some((k, f)) if k == key => f,
            _ => {
                let text = statuses::method_text(input.source.text(), method);
                let stated = statuses::stated(text);
                let f = operation::MethodFacts {
                    success: responses::success(&mut ctx, &stated.success),
                    errors: stated.errors,
                    paginated: pagination::says_paginated(text),
                    public: security::says_public(text)
                        || intro.get_or_insert_with(|| PublicIntro::read(&input)).covers(c.verb),
                    job_token: security::accepts_job_token(text)
                        || intro.get_or_insert_with(|| PublicIntro::read(&input)).job_token,
                };
                f
            }
        };
        // The method's next request line reuses them; the last one takes them.
        if lines.get(i + 1).is_some_and(|next| method_of(next) == key) {
            shared = Some((key, facts.clone()));
        }
        let mut op = operation::build(
            &mut ctx,
            &c,
            plan.tags.name(page).to_string(),
            facts,
            settings,
            &plan.catalog,
        );
        crate::link_walk::rewrite_operation(&plan.links, input.path, &mut op);
        let taken = components::take_entities(&mut op);
        operations.push(Built {
            verb: c.verb,
            path: c.template.path.clone(),
            summary: op.summary.clone().unwrap_or_default(),
            kept: crate::kept::keep(op, &taken, &plan.spill),
            hints: components::Hints {
                operation_id: String::new(),
                resource: naming::resource(&resource.title).or_else(|| naming::resource(&scan.title)),
                method: naming::noun(&method.title.value),
                title: method.title.value.clone(),
            },
            taken,
            uses: Vec::new(),
        });
    }
    sort_findings(&mut findings);
    PageOperations { operations, findings }
}

/// The findings [`build_page`] gives a page that builds no operation (the merge's own,
/// such as a duplicate operation left out), without its model.
pub fn plan_findings(plan: &Plan, page: usize) -> Vec<Finding> {
    let mut findings = plan.findings[page].clone();
    sort_findings(&mut findings);
    findings
}

/// Sorted by file and position, without repeats.
pub(crate) fn sort_findings(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| (&a.path, a.diagnostic.sort_key()).cmp(&(&b.path, b.diagnostic.sort_key())));
    findings.dedup_by(|a, b| a.path == b.path && a.diagnostic.sort_key() == b.diagnostic.sort_key());
}

/// What the page's introduction says can be called without authentication: all its
/// methods, or those of the verbs a sentence names (`GET requests do not require
/// authentication`); and whether it says a job token authenticates them.
struct PublicIntro {
    all: bool,
    verbs: Vec<&'static str>,
    job_token: bool,
}

impl PublicIntro {
    fn read(input: &PageInput<'_>) -> Self {
        let first_method = input.page.methods().map(|m| m.range.start()).min().unwrap_or(0);
        let intro = input.source.text().get(..first_method).unwrap_or("");
        let mut public = PublicIntro {
            all: false,
            verbs: Vec::new(),
            job_token: security::accepts_job_token(intro),
        };
        for sentence in intro.split_terminator(['.', '\n']) {
            if !security::says_public(sentence) {
                continue;
            }
            let lower = sentence.to_ascii_lowercase();
            let named: Vec<&'static str> = ["get", "post", "put", "patch", "delete"]
                .into_iter()
                .filter(|v| lower.contains(&format!("{v} requests")))
                .collect();
            // "Listing the active banners does not require authentication." is about one
            // method, which says so itself; only the API, its endpoints or requests are all.
            let about_all = ["api", "endpoint", "request", "resource"]
                .iter()
                .any(|w| lower.contains(w));
            public.all |= named.is_empty() && about_all;
            public.verbs.extend(named);
        }
        public
    }

    fn covers(&self, verb: &str) -> bool {
        self.all || self.verbs.contains(&verb)
    }
}

/// Keeps the response objects of a page's built operations once per structure (`page`
/// is its scan's index): called as pages are built, it keeps memory to the structures.
pub fn absorb(entities: &mut components::Entities, page: usize, ops: &mut PageOperations) {
    for (o, built) in ops.operations.iter_mut().enumerate() {
        for (r, taken) in std::mem::take(&mut built.taken).into_iter().enumerate() {
            built.uses.push(entities.intern((page, o, r), taken));
        }
    }
}

/// Pass 4: the document, from every page's operations (one entry per scan, in order) and
/// the response objects [`absorb`] kept (pages not absorbed yet are absorbed here).
pub fn finish(
    plan: Plan,
    mut pages: Vec<PageOperations>,
    mut entities: components::Entities,
    settings: &OpenApiSettings,
) -> Document {
    for (page, ops) in pages.iter_mut().enumerate() {
        absorb(&mut entities, page, ops);
    }
    let built: Vec<(usize, Built)> = pages
        .into_iter()
        .enumerate()
        .flat_map(|(page, ops)| ops.operations.into_iter().map(move |b| (page, b)))
        .collect();
    crate::emit::assemble(built, entities, plan.tags, &plan.catalog, settings)
}
