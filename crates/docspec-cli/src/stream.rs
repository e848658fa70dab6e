//! `lint` page by page: pages are read, parsed and linted in parallel a chunk at a time,
//! their models dropped as soon as their own findings are known; cross-page rules
//! (which keep small page summaries) and suppressions follow in run order, so each
//! page's report is complete, and written, while the next chunk is read.

use crate::cache::{LintCache, NewRecord};
use crate::workspace::{self, Planned};
use crate::CliError;
use docspec_diagnostics::Diagnostic;
use docspec_lint::cache::PageRecord;
use docspec_lint::suppress::{self, Suppression};
use docspec_lint::{is_index, LintSettings, PageSummary, ProjectFile, ProjectRun};
use docspec_model::SourceFile;
use rayon::prelude::*;
use std::path::PathBuf;

/// Pages linted together before their reports are handed on: enough to keep both cores
/// busy across pages of uneven size, few enough that only their sources stay in memory.
pub const CHUNK: usize = 64;

/// One page's report, complete: every rule, cross-page findings and suppressions applied.
pub struct Finished {
    /// The path as found on disk.
    pub path: PathBuf,
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// A page linted on its own, its model dropped: what the in-order pass still needs.
struct Linted {
    path: PathBuf,
    source: SourceFile,
    settings: LintSettings,
    diagnostics: Vec<Diagnostic>,
    summary: PageSummary,
    suppressions: Vec<Suppression>,
}

/// Lints the planned pages and hands their finished reports to `each`, a chunk at a time,
/// in run order. A page whose record `cache` holds is not parsed; the others are, and
/// their records are kept.
pub fn lint(
    plan: &[Planned],
    cache: Option<&LintCache>,
    mut each: impl FnMut(Vec<Finished>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    run_chunks(
        plan,
        |planned| lint_cached(planned, cache),
        |pages| {
            let mut finished = Vec::with_capacity(pages.len());
            for (page, record) in pages {
                if let (Some(cache), Some(record)) = (cache, record) {
                    cache.put(record);
                }
                finished.push(page);
            }
            each(finished)
        },
    )
}

/// The Markdown events a page's model was parsed from, kept when a command asks for them.
pub type KeptEvents<'a> = Option<&'a [docspec_parser::PageEvent<'a>]>;

/// [`lint`], running `also` on each page's model while it is loaded (in parallel, so
/// that a command doing more than lint reads and parses each page once) and handing
/// its result on with the page's report. With `keep_events`, `also` is also given the
/// page's Markdown events, so that it need not parse the page again.
pub fn lint_with<X: Send>(
    plan: &[Planned],
    keep_events: bool,
    also: impl Fn(&Planned, &workspace::Entry, KeptEvents<'_>) -> Result<X, CliError> + Sync,
    each: impl FnMut(Vec<(Finished, X)>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    run_chunks(plan, |planned| lint_one(planned, keep_events, &also), each)
}

/// Runs `work` on the planned pages in parallel a chunk at a time, then the cross-page
/// pass on each chunk in run order, handing the finished pages to `each`.
fn run_chunks<X: Send>(
    plan: &[Planned],
    work: impl Fn(&Planned) -> Result<(Linted, X), CliError> + Sync,
    mut each: impl FnMut(Vec<(Finished, X)>) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let index_page = plan.first().map(|p| p.config.index_page());
    let mut project = ProjectRun::new(index_page.as_deref(), index_summaries(plan, index_page.as_deref())?);
    let work = |chunk: &[Planned]| chunk.par_iter().map(&work).collect::<Result<Vec<_>, CliError>>();
    let mut chunks = plan.chunks(CHUNK);
    let mut ready = chunks.next().map(work).transpose()?;
    while let Some(linted) = ready.take() {
        // The next chunk is linted on the pool while this thread finishes this one in
        // order, so the in-order pass and the writing do not leave a core idle.
        let next_chunk = chunks.next();
        let (written, next) = std::thread::scope(|scope| {
            let next = next_chunk.map(|chunk| scope.spawn(|| work(chunk)));
            let written = each(finish_chunk(&mut project, linted));
            let next = next.map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            (written, next)
        });
        written?;
        ready = next.transpose()?;
    }
    Ok(())
}

/// The cross-page findings and suppressions of a chunk's pages, in run order.
fn finish_chunk<X: Send>(project: &mut ProjectRun, linted: Vec<(Linted, X)>) -> Vec<(Finished, X)> {
    // The cross-page pass must see the pages in run order; applying each page's
    // suppressions (a sort and a filter) does not, and runs in parallel.
    let crossed: Vec<(Linted, X)> = linted
        .into_iter()
        .map(|(mut page, extra)| {
            let file = ProjectFile {
                summary: &page.summary,
                settings: &page.settings,
            };
            let found = project.page(&file);
            page.diagnostics.extend(found);
            (page, extra)
        })
        .collect();
    crossed
        .into_par_iter()
        .map(|(page, extra)| {
            let diagnostics =
                docspec_lint::finish_suppressed(&page.source, page.suppressions, &page.settings, page.diagnostics);
            let finished = Finished {
                path: page.path,
                source: page.source,
                diagnostics,
            };
            (finished, extra)
        })
        .collect()
}

/// Reads and parses the planned pages in parallel a chunk at a time (no model outlives
/// its chunk) and keeps what `keep` makes of each, given its place in `plan`, in plan
/// order.
pub fn read_pages<T: Send>(
    plan: &[Planned],
    keep: impl Fn(usize, &workspace::Entry) -> Option<T> + Sync,
) -> Result<Vec<T>, CliError> {
    let mut kept = Vec::new();
    for (n, chunk) in plan.chunks(CHUNK).enumerate() {
        let found = chunk
            .par_iter()
            .enumerate()
            .map(|(k, planned)| Ok(keep(n * CHUNK + k, &workspace::load_one(planned)?)))
            .collect::<Result<Vec<_>, CliError>>()?;
        kept.extend(found.into_iter().flatten());
    }
    Ok(kept)
}

/// Reads, parses and lints one page, keeping what the in-order pass needs.
fn lint_one<X>(
    planned: &Planned,
    keep_events: bool,
    also: &impl Fn(&Planned, &workspace::Entry, KeptEvents<'_>) -> Result<X, CliError>,
) -> Result<(Linted, X), CliError> {
    let mut entry = workspace::read_one(planned)?;
    let events = (keep_events && entry.unreadable.is_none()).then(|| docspec_parser::events(entry.source.text()));
    if entry.unreadable.is_none() {
        entry.page = match &events {
            Some(events) => docspec_parser::parse_events(entry.source.text(), events),
            None => docspec_parser::parse(&entry.source),
        };
    }
    let extra = also(planned, &entry, events.as_deref())?;
    drop(events); // they borrow the source, which the report takes below
    Ok((lint_entry(entry), extra))
}

/// Reads one page and lints it, or takes its findings from `cache` when it holds them
/// for this text and these settings; a page linted afresh comes with its new record.
fn lint_cached(planned: &Planned, cache: Option<&LintCache>) -> Result<(Linted, Option<NewRecord>), CliError> {
    let mut entry = workspace::read_one(planned)?;
    let cache = cache.filter(|_| entry.unreadable.is_none());
    let Some(cache) = cache else {
        if entry.unreadable.is_none() {
            entry.page = docspec_parser::parse(&entry.source);
        }
        return Ok((lint_entry(entry), None));
    };
    let key = cache.key(&entry.settings, entry.source.path(), entry.source.text());
    let hit = cache.get(&entry.path, key).filter(|r| r.fits(entry.source.text()));
    if let Some(record) = hit {
        let linted = Linted {
            path: entry.path,
            source: entry.source,
            settings: entry.settings,
            diagnostics: record.diagnostics,
            summary: record.summary,
            suppressions: record.suppressions,
        };
        return Ok((linted, None));
    }
    entry.page = docspec_parser::parse(&entry.source);
    let linted = lint_entry(entry);
    let record = PageRecord {
        diagnostics: linted.diagnostics,
        summary: linted.summary,
        suppressions: linted.suppressions,
    };
    let new = LintCache::record(&linted.path, key, &record);
    let linted = Linted {
        diagnostics: record.diagnostics,
        summary: record.summary,
        suppressions: record.suppressions,
        ..linted
    };
    Ok((linted, new))
}

/// Lints a read (and, when readable, parsed) page, keeping what the in-order pass needs.
fn lint_entry(entry: workspace::Entry) -> Linted {
    let (diagnostics, summary, suppressions) = match &entry.unreadable {
        Some(d) => {
            let mut d = d.clone();
            d.severity = entry.settings.rules.severity(d.code).unwrap_or(d.severity);
            (vec![d], PageSummary::default(), Vec::new())
        }
        None => {
            let (diagnostics, summary) = docspec_lint::check_and_summarize(&entry.source, &entry.page, &entry.settings);
            let suppressions = suppress::read(&entry.page, &entry.source);
            (diagnostics, summary, suppressions)
        }
    };
    Linted {
        path: entry.path,
        source: entry.source,
        settings: entry.settings,
        diagnostics,
        summary,
        suppressions,
    }
}

/// The summaries of the run's index pages, read before the others: a page the index
/// does not link is reported when it comes, wherever the index stands in the run.
fn index_summaries(plan: &[Planned], index_page: Option<&str>) -> Result<Vec<PageSummary>, CliError> {
    let Some(name) = index_page else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for planned in plan
        .iter()
        .filter(|p| is_index(&workspace::display_path(&p.found.path), name))
    {
        let entry = workspace::load_one(planned)?;
        if entry.unreadable.is_none() {
            out.push(PageSummary::of(&entry.source, &entry.page, &entry.settings));
        }
    }
    Ok(out)
}
