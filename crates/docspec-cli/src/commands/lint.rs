use crate::adoption::Adoption;
use crate::args::{Color, LintArgs};
use crate::cache::LintCache;
use crate::commands::fix;
use crate::emit::sink::Sink;
use crate::emit::{self, FileReport};
use crate::files;
use crate::stream;
use crate::workspace;
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_diagnostics::Applicability;
use docspec_workspace::AtomicFile;
use std::io::{IsTerminal, Write};

pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    files::require_markdown(&args.paths, args.allow_empty)?;
    let mut adoption = Adoption::from_args(args)?;
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let cache = LintCache::open(args.cache_dir.as_deref(), args.no_cache);
    if args.fix || args.diff {
        let plan = workspace::plan(&args.paths, &args.config, &cli)?;
        files::require_pages(plan.len(), args.allow_empty)?;
        let threshold = if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let summary = fix::run(&plan, cache.as_ref(), threshold, args.diff, out, err)?;
        let verb = if args.diff { "Would fix" } else { "Fixed" };
        writeln!(
            err,
            "{verb} {} in {}.",
            emit::plural(summary.fixed, "finding"),
            emit::plural(summary.files, "file")
        )?;
        if args.diff {
            return Ok(if summary.fixed > 0 {
                ExitStatus::Findings
            } else {
                ExitStatus::Success
            });
        }
        // The files are read again below: the report is of what is left.
    }
    let plan = workspace::plan(&args.paths, &args.config, &cli)?;
    files::require_pages(plan.len(), args.allow_empty)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let mut file = args.output.as_deref().map(AtomicFile::create).transpose()?;
    let mut discard = std::io::sink();
    let target: &mut dyn Write = match (&mut file, adoption.reports_nothing()) {
        (_, true) => &mut discard,
        (Some(file), false) => file,
        (None, false) => out,
    };
    let mut sink = Sink::new(args.format, color && args.output.is_none(), target);
    stream::lint(&plan, cache.as_ref(), |mut pages| {
        for page in &mut pages {
            let diagnostics = std::mem::take(&mut page.diagnostics);
            let mut report = FileReport {
                path: page.source.path(),
                source: &page.source,
                diagnostics,
            };
            adoption.filter(&page.path, &mut report);
            page.diagnostics = report.diagnostics;
        }
        Ok(sink.pages(pages)?)
    })?;
    if let Some(cache) = cache {
        cache.finish();
    }
    let summary = sink.finish()?;
    if let Some(status) = adoption.finish(err)? {
        return Ok(status);
    }
    if let Some(file) = file {
        file.commit()?;
        writeln!(out, "{}", emit::summary_of(&summary.totals))?;
    }
    if args.statistics {
        summary.write_statistics(out)?;
    }
    Ok(status_of(&summary.totals, args.max_warnings))
}

/// 1 for error-level findings, or more warnings than `--max-warnings` allows.
pub fn status_of(totals: &emit::Totals, max_warnings: Option<usize>) -> ExitStatus {
    let too_many_warnings = max_warnings.is_some_and(|max| totals.warnings > max);
    if totals.errors > 0 || too_many_warnings {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}
