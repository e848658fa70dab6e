use crate::args::{BuildArgs, Color, SpecFormat};
use crate::commands::{lint, openapi, render};
use crate::files::{self, write_atomic};
use crate::workspace;
use crate::{emit, CliError, ExitStatus};
use docspec_config::CliOverrides;
use std::io::{IsTerminal, Write};

/// The whole pipeline: `openapi.yaml` and the site, with a lint summary on standard error
/// (the whole report on standard output with `--format`, nothing but errors with `--quiet`).
pub fn run(args: &BuildArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    files::require_markdown(&args.paths, args.allow_empty)?;
    let cli = CliOverrides {
        select: args.rules.select.clone(),
        ignore: args.rules.ignore.clone(),
    };
    let ws = workspace::load(&args.paths, &args.config, &cli)?;
    files::require_pages(ws.entries.len(), args.allow_empty)?;

    let reports = lint::lint(&ws);
    let status = lint::exit_status(&reports, None);
    if let Some(format) = args.format {
        let color = match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        lint::write_report(format, &reports, color, out)?;
    }

    let (spec, findings) = openapi::generate(&ws, SpecFormat::Yaml)?;
    let status = match openapi::exit_status(&findings) {
        ExitStatus::Success => status,
        raised => raised,
    };
    if args.format.is_some() {
        emit::concise::write_lines(&findings, false, err)?;
    }
    let spec_path = args.output.join("openapi.yaml");
    write_atomic(&spec_path, spec.as_bytes())?;

    let site = render::render_workspace(
        &ws,
        &args.site,
        Some("openapi.yaml".to_string()),
        &args.output,
        &["openapi.yaml"],
    )?;
    if args.format.is_some() {
        render::report_findings(&site.findings, err)?;
    }
    if !args.quiet {
        if args.format.is_none() {
            let summary = emit::summary(&reports);
            writeln!(err, "lint: {}", summary.replace('\n', "\n      "))?;
        }
        let outside = match site.findings.len() {
            0 => String::new(),
            n => format!(
                "; {} to pages not rendered (SI001, `docspec render` lists them)",
                emit::plural(n, "link")
            ),
        };
        writeln!(
            err,
            "built {}: {}, {}, openapi.yaml with {}{outside}",
            args.output.display(),
            emit::plural(site.pages, "page"),
            emit::plural(site.methods, "method"),
            emit::plural(findings.iter().map(|r| r.diagnostics.len()).sum::<usize>(), "finding")
        )?;
        if args.format.is_none() && !reports.iter().all(|r| r.diagnostics.is_empty()) {
            writeln!(
                err,
                "(`docspec lint` shows the findings; `--format concise` prints them here)"
            )?;
        }
    }
    Ok(if args.strict { status } else { ExitStatus::Success })
}
