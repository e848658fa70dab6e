use crate::args::{Color, LintArgs, LintFormat};
use crate::emit::{self, FileReport};
use crate::workspace::{self, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_diagnostics::{Diagnostic, Severity};
use docspec_lint::ProjectFile;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};

pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    check_selectors(&args.select)?;
    check_selectors(&args.ignore)?;
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let ws = workspace::load(&args.paths, &args.config, &cli)?;
    let reports = lint(&ws);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match args.format {
        LintFormat::Human => emit::human::write(&reports, color, out)?,
        LintFormat::Concise => emit::concise::write(&reports, out)?,
        LintFormat::Json => emit::json::write(&reports, out)?,
    }
    if args.statistics {
        emit::statistics::write(&reports, out)?;
    }
    let _ = err;
    let status = exit_status(&reports, args.max_warnings);
    // The process ends right after; freeing every page model one by one is wasted work.
    std::mem::forget(reports);
    std::mem::forget(ws);
    Ok(status)
}

/// Lints every page: per-page rules in parallel, then the cross-page rules.
pub fn lint(ws: &Workspace) -> Vec<FileReport<'_>> {
    let mut per_file: Vec<Vec<Diagnostic>> = ws
        .entries
        .par_iter()
        .map(|e| match &e.unreadable {
            Some(d) => {
                let mut d = d.clone();
                d.severity = e.settings.rules.severity(d.code).unwrap_or(d.severity);
                vec![d]
            }
            None => docspec_lint::check_page(&e.source, &e.page, &e.settings),
        })
        .collect();
    let files: Vec<ProjectFile<'_>> = ws
        .entries
        .iter()
        .map(|e| ProjectFile {
            source: &e.source,
            page: &e.page,
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

fn check_selectors(selectors: &[String]) -> Result<(), CliError> {
    for s in selectors {
        if !docspec_config::is_known_selector(s) {
            let hint = docspec_lint::suggest(s)
                .map(|h| format!(" (did you mean `{h}`?)"))
                .unwrap_or_default();
            return Err(CliError::Usage(format!(
                "unknown rule `{s}`{hint}; run `docspec rules` for the list"
            )));
        }
    }
    Ok(())
}
