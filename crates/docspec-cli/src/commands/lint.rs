use crate::adoption::Adoption;
use crate::args::{Color, LintArgs, LintFormat};
use crate::commands::fix;
use crate::emit::{self, FileReport};
use crate::files::{self, write_atomic};
use crate::workspace::{self, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_diagnostics::{Applicability, Diagnostic, Severity};
use docspec_lint::{PageSummary, ProjectFile};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};

pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    files::require_markdown(&args.paths, args.allow_empty)?;
    let mut adoption = Adoption::from_args(args)?;
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let mut ws = workspace::load(&args.paths, &args.config, &cli)?;
    files::require_pages(ws.entries.len(), args.allow_empty)?;
    if args.fix || args.diff {
        let threshold = if args.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let summary = fix::run(&ws, threshold, args.diff, out, err)?;
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
        // Report what is left, read from the fixed files.
        ws = workspace::load(&args.paths, &args.config, &cli)?;
    }
    let mut reports = lint(&ws);
    for (entry, report) in ws.entries.iter().zip(&mut reports) {
        adoption.filter(&entry.path, report);
    }
    if let Some(status) = adoption.finish(err)? {
        return Ok(status);
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    match &args.output {
        Some(path) => {
            let mut buffer = Vec::new();
            write_report(args.format, &reports, false, &mut buffer)?;
            write_atomic(path, &buffer)?;
            writeln!(out, "{}", emit::summary(&reports))?;
        }
        None => write_report(args.format, &reports, color, out)?,
    }
    if args.statistics {
        emit::statistics::write(&reports, out)?;
    }
    let status = exit_status(&reports, args.max_warnings);
    // The process ends right after; freeing every page model one by one is wasted work.
    std::mem::forget(reports);
    std::mem::forget(ws);
    Ok(status)
}

pub fn write_report(
    format: LintFormat,
    reports: &[FileReport<'_>],
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        LintFormat::Human => emit::human::write(reports, color, out),
        LintFormat::Concise => emit::concise::write(reports, color, out),
        LintFormat::Json => emit::json::write(reports, out),
        LintFormat::Sarif => emit::sarif::write(reports, out),
        LintFormat::Gitlab => emit::gitlab::write(reports, out),
        LintFormat::Junit => emit::junit::write(reports, out),
        LintFormat::Github => emit::github::write(reports, out),
    }
}

/// Lints every page: per-page rules in parallel, then the cross-page rules.
pub fn lint(ws: &Workspace) -> Vec<FileReport<'_>> {
    let (mut per_file, summaries): (Vec<Vec<Diagnostic>>, Vec<PageSummary>) = ws
        .entries
        .par_iter()
        .map(|e| match &e.unreadable {
            Some(d) => {
                let mut d = d.clone();
                d.severity = e.settings.rules.severity(d.code).unwrap_or(d.severity);
                (vec![d], PageSummary::default())
            }
            None => (
                docspec_lint::check_page(&e.source, &e.page, &e.settings),
                PageSummary::of(&e.source, &e.page, &e.settings),
            ),
        })
        .unzip();
    let files: Vec<ProjectFile<'_>> = ws
        .entries
        .iter()
        .zip(&summaries)
        .map(|(e, summary)| ProjectFile {
            summary,
            settings: &e.settings,
        })
        .collect();
    let index = ws.entries.first().map(|e| e.config.index_page());
    for (file, d) in docspec_lint::check_project(&files, index.as_deref()) {
        if let Some(list) = per_file.get_mut(file) {
            list.push(d);
        }
    }
    ws.entries
        .par_iter()
        .zip(per_file)
        .map(|(e, diagnostics)| FileReport {
            path: e.source.path(),
            source: &e.source,
            diagnostics: docspec_lint::finish(&e.source, &e.page, &e.settings, diagnostics),
        })
        .collect()
}

pub fn exit_status(reports: &[FileReport<'_>], max_warnings: Option<usize>) -> ExitStatus {
    let count = |s: Severity| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let too_many_warnings = max_warnings.is_some_and(|max| count(Severity::Warning) > max);
    if count(Severity::Error) > 0 || too_many_warnings {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}
