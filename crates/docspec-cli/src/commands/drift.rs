//! `docspec drift`: the pages against an API spec, reported like lint findings.

use crate::args::{Color, ConfigArgs, DriftArgs, LintFormat};
use crate::commands::lint::status_of;
use crate::emit::{self, sink::Sink};
use crate::files::{self, write_atomic, Loaded};
use crate::stream::{self, Finished, CHUNK};
use crate::workspace::{self, display_path, Planned, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::{CliOverrides, Config};
use docspec_diagnostics::Diagnostic;
use docspec_drift::{DocPage, DriftSettings};
use docspec_lint::suppress::{self, Suppression};
use docspec_lint::Category;
use docspec_model::{Page, SourceFile};
use docspec_spec::Spec;
use docspec_workspace::AtomicFile;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn run(args: &DriftArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let plan = workspace::plan(&args.paths, &args.config, &cli)?;
    let config = run_config(plan.first().map(|p| &p.config), &args.paths, &args.config)?;
    let spec_path = spec_path(args.spec.as_deref(), &config)?;
    let (spec, spec_source) = load_spec(&spec_path)?;
    // Each page's suppressions are kept with what drift compares, so that a page with
    // findings need not be parsed again for them.
    let read = stream::read_pages(&plan, |i, e| {
        e.unreadable.is_none().then(|| {
            (
                docspec_drift::extract(i, &e.source, &e.page, &e.settings),
                (i, suppress::read(&e.page, &e.source)),
            )
        })
    })?;
    let (pages, kept): (Vec<_>, Vec<_>) = read.into_iter().unzip();
    let mut suppressions: Vec<Vec<Suppression>> = vec![Vec::new(); plan.len()];
    for (i, s) in kept {
        suppressions[i] = s;
    }
    let mut settings = drift_settings(&config);
    settings.partial |= args.partial;
    let outcome = docspec_drift::run(&spec, &spec_source, &pages, &settings);
    drop(pages);

    let mut per_file: Vec<Vec<docspec_diagnostics::Diagnostic>> = vec![Vec::new(); plan.len()];
    for (file, d) in outcome.page_findings {
        if let Some(list) = per_file.get_mut(file) {
            list.push(d);
        }
    }
    // Findings that sit in the spec itself, under the configuration that applies to it.
    let spec_settings = workspace::discovery(&args.config)?
        .for_file(&spec_path)?
        .settings_for(&spec_path, &cli);
    let empty = Page::default();
    let spec_findings = docspec_lint::finish_external(
        &spec_source,
        &empty,
        &spec_settings,
        Category::Drift,
        outcome.spec_findings,
    );

    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let mut file = args.output.as_deref().map(AtomicFile::create).transpose()?;
    let target: &mut dyn Write = match &mut file {
        Some(file) => file,
        None => out,
    };
    let mut sink = Sink::new(args.format, color && args.output.is_none(), target);
    // The pages are read again a chunk at a time for their text; the suppressions and
    // settings of those with findings apply.
    let mut findings = per_file.into_iter().zip(suppressions);
    for chunk in plan.chunks(CHUNK) {
        let chunk: Vec<_> = chunk.iter().zip(findings.by_ref()).collect();
        let finished = chunk
            .into_par_iter()
            .map(|(planned, (diagnostics, suppressions))| finish_page(planned, diagnostics, suppressions))
            .collect::<Result<Vec<_>, CliError>>()?;
        sink.pages(finished)?;
    }
    if !spec_findings.is_empty() {
        sink.pages(vec![Finished {
            path: spec_path.clone(),
            source: spec_source,
            diagnostics: spec_findings,
        }])?;
    }
    let summary = sink.finish()?;

    let coverage_text = outcome.coverage.to_text();
    let text_format = matches!(args.format, LintFormat::Human | LintFormat::Concise);
    match file {
        Some(file) => {
            file.commit()?;
            writeln!(out, "{}", emit::summary_of(&summary.totals))?;
            write!(out, "{coverage_text}")?;
        }
        // Machine formats keep standard output to themselves.
        None if text_format => write!(out, "\n{coverage_text}")?,
        None => write!(err, "{coverage_text}")?,
    }
    if let Some(path) = &args.coverage {
        let mut json = serde_json::to_vec_pretty(&outcome.coverage).map_err(std::io::Error::other)?;
        json.push(b'\n');
        write_atomic(path, &json)?;
    }
    if args.statistics {
        summary.write_statistics(out)?;
    }
    Ok(status_of(&summary.totals, args.max_warnings))
}

/// One page's drift report, the page read again (not parsed: its suppressions were
/// kept from the first read).
fn finish_page(
    planned: &Planned,
    diagnostics: Vec<Diagnostic>,
    suppressions: Vec<Suppression>,
) -> Result<Finished, CliError> {
    if diagnostics.is_empty() {
        let text = match files::load(&planned.found.path)? {
            Loaded::Text { text, .. } => text,
            Loaded::Unreadable { .. } => String::new(),
        };
        return Ok(Finished {
            path: planned.found.path.clone(),
            source: SourceFile::new(display_path(&planned.found.path), text),
            diagnostics,
        });
    }
    let (source, diagnostics) = workspace::finish_reread(planned, suppressions, Category::Drift, diagnostics)?;
    Ok(Finished {
        path: planned.found.path.clone(),
        source,
        diagnostics,
    })
}

/// The configuration of the run: the first page's (`first`), else the one for the first
/// path.
pub fn run_config(first: Option<&Arc<Config>>, paths: &[PathBuf], args: &ConfigArgs) -> Result<Arc<Config>, CliError> {
    if let Some(config) = first {
        return Ok(Arc::clone(config));
    }
    let path = paths.first().map_or_else(|| PathBuf::from("."), Clone::clone);
    let probe = if path.is_dir() { path.join("x.md") } else { path };
    Ok(workspace::discovery(args)?.for_file(&probe)?)
}

/// `--spec`, else `drift.spec` of the configuration (relative to its folder).
pub fn spec_path(given: Option<&Path>, config: &Config) -> Result<PathBuf, CliError> {
    if let Some(path) = given {
        return Ok(path.to_path_buf());
    }
    match config.file.drift.as_ref().and_then(|d| d.spec.as_ref()) {
        Some(spec) => Ok(config.dir.join(spec)),
        None => Err(CliError::Usage(
            "no spec: pass `--spec FILE` or set `drift: spec:` in `.docspec.yml`".to_string(),
        )),
    }
}

/// Reads and parses the spec; a file that is not a spec stops the run with its position.
pub fn load_spec(path: &Path) -> Result<(Spec, SourceFile), CliError> {
    if !path.is_file() {
        return Err(CliError::NotFound(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| CliError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let display = display_path(path);
    let text = String::from_utf8(bytes).map_err(|e| {
        CliError::Usage(format!(
            "{display}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let spec = docspec_spec::load(&display, &text).map_err(|e| CliError::Usage(e.to_string()))?;
    Ok((spec, SourceFile::new(display, text)))
}

/// Every readable page, read into what drift compares.
pub fn doc_pages(ws: &Workspace) -> Vec<DocPage> {
    ws.entries
        .par_iter()
        .enumerate()
        .filter(|(_, e)| e.unreadable.is_none())
        .map(|(i, e)| docspec_drift::extract(i, &e.source, &e.page, &e.settings))
        .collect()
}

/// `api.base_path` and the `drift:` section.
pub fn drift_settings(config: &Config) -> DriftSettings {
    let mut settings = DriftSettings {
        base_path: config.api().base_path,
        ..DriftSettings::default()
    };
    if let Some(drift) = &config.file.drift {
        if let Some(renamed) = &drift.renamed_paths {
            settings.renamed_paths = renamed.iter().map(|(a, b)| (a.clone(), b.clone())).collect();
        }
        if let Some(global) = &drift.global_parameters {
            settings.global_parameters = global.clone();
        }
        settings.partial = drift.partial.unwrap_or(false);
    }
    settings
}
