use crate::args::{BuildArgs, Color, SpecFormat};
use crate::commands::{lint, openapi, render};
use crate::emit::sink::Sink;
use crate::files;
use crate::workspace::{self, Entry, Planned};
use crate::{emit, stream, CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_html::{PageInput, PageSummary, SiteRenderer};
use std::io::{IsTerminal, Write};

/// What the one pass keeps of a readable page: its OpenAPI scan and its page summary.
type PerPage = Option<(openapi::Scanned, PageSummary)>;

/// The whole pipeline: `openapi.yaml` and the site, with a lint summary on standard error
/// (the whole report on standard output with `--format`, nothing but errors with `--quiet`).
pub fn run(args: &BuildArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    files::require_markdown(&args.paths, args.allow_empty)?;
    let cli = CliOverrides {
        select: args.rules.select.clone(),
        ignore: args.rules.ignore.clone(),
    };
    let plan = workspace::plan(&args.paths, &args.config, &cli)?;
    files::require_pages(plan.len(), args.allow_empty)?;

    // One pass reads and parses each page once: lint, the OpenAPI scan and the page's
    // HTML all use its model. The spec's build pass then reads again only the pages
    // whose operations it keeps.
    let config = plan.first().map(|p| p.config.as_ref());
    let (theme, site_settings) = render::site_setup(config, &args.site, Some("openapi.yaml".to_string()))?;
    let paths: Vec<&str> = plan.iter().map(|p| p.found.relative.as_str()).collect();
    let renderer = SiteRenderer::new(&theme, site_settings, &args.output, &paths)?;
    let spec_settings = openapi::settings_of(&plan);
    let per_page = |planned: &Planned, entry: &Entry, events: stream::KeptEvents<'_>| -> Result<PerPage, CliError> {
        let Some(scan) = openapi::scan_entry(entry, &spec_settings) else {
            return Ok(None);
        };
        let input = PageInput {
            path: &planned.found.relative,
            source: &entry.source,
            page: &entry.page,
        };
        Ok(Some((scan, renderer.page_from_events(input, events)?)))
    };
    let mut scans = Vec::new();
    let mut summaries = Vec::new();
    let mut keep = |page: usize, extra: PerPage| {
        if let Some((scan, summary)) = extra {
            scans.push((page, scan));
            summaries.push(summary);
        }
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    // With `--format`, the whole report goes to standard output; otherwise only counts.
    let mut sink = args.format.map(|format| Sink::new(format, color, out));
    let mut totals = emit::Totals::default();
    let mut next = 0;
    stream::lint_with(&plan, true, per_page, |pages| {
        let mut finished = Vec::with_capacity(pages.len());
        for (page, extra) in pages {
            keep(next, extra);
            next += 1;
            finished.push(page);
        }
        match &mut sink {
            Some(sink) => sink.pages(finished)?,
            None => finished.iter().for_each(|page| totals.add(&page.diagnostics)),
        }
        Ok(())
    })?;
    if let Some(sink) = sink {
        totals = sink.finish()?.totals;
    }
    let status = lint::status_of(&totals, None);

    // The site is finished first so that its page summaries are freed before the spec's
    // passes (whose own peak is the shared-schema work of the whole document).
    let site = renderer.finish(summaries, &["openapi.yaml"])?;
    // The spec is built on a pool thread, where the allocator reuses the memory the page
    // pass freed; its findings are buffered, since the error stream stays on this thread.
    let mut spec_report = Vec::new();
    let spec = rayon::scope(|_| {
        openapi::generate_from(&plan, scans, SpecFormat::Yaml, Some(&args.output), |reports| {
            if args.format.is_some() {
                emit::concise::write_lines(reports, false, &mut spec_report)?;
            }
            Ok(())
        })
    })?;
    err.write_all(&spec_report)?;
    let status = match spec.status() {
        ExitStatus::Success => status,
        raised => raised,
    };
    let spec_findings = spec.findings;
    spec.write_file(&args.output.join("openapi.yaml"))?;
    if args.format.is_some() {
        render::report_findings(&site.findings, err)?;
    }
    if !args.quiet {
        if args.format.is_none() {
            let summary = emit::summary_of(&totals);
            writeln!(err, "lint: {}", summary.replace('\n', "\n      "))?;
        }
        // Each kind of site finding counted apart: `; 2 links to pages not rendered (SI001, ...)`.
        let kinds = [
            (docspec_html::OUTSIDE_LINK.0, "to pages not rendered"),
            (docspec_html::BROKEN_ANCHOR.0, "to anchors their page does not have"),
        ];
        let (counts, codes): (Vec<String>, Vec<&str>) = kinds
            .iter()
            .filter_map(|&(code, what)| {
                let n = site.findings.iter().filter(|f| f.code == code).count();
                (n > 0).then(|| (format!("{} {what}", emit::plural(n, "link")), code))
            })
            .unzip();
        let outside = if counts.is_empty() {
            String::new()
        } else {
            format!(
                "; {} ({}, `docspec render` lists them)",
                counts.join(" and "),
                codes.join(" and ")
            )
        };
        writeln!(
            err,
            "built {}: {}, {}, openapi.yaml with {}{outside}",
            args.output.display(),
            emit::plural(site.pages, "page"),
            emit::plural(site.methods, "method"),
            emit::plural(spec_findings, "finding")
        )?;
        if args.format.is_none() && totals.errors + totals.warnings + totals.infos > 0 {
            writeln!(
                err,
                "(`docspec lint` shows the findings; `--format concise` prints them here)"
            )?;
        }
    }
    Ok(if args.strict { status } else { ExitStatus::Success })
}
