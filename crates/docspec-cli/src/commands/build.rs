use crate::args::{BuildArgs, Color, SpecFormat};
use crate::commands::{lint, openapi, render};
use crate::emit::sink::Sink;
use crate::files::{self, write_atomic};
use crate::{emit, stream, workspace, CliError, ExitStatus};
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
    let plan = workspace::plan(&args.paths, &args.config, &cli)?;
    files::require_pages(plan.len(), args.allow_empty)?;

    let mut totals = emit::Totals::default();
    match args.format {
        Some(format) => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            let mut sink = Sink::new(format, color, out);
            stream::lint(&plan, |pages| Ok(sink.pages(pages)?))?;
            totals = sink.finish()?.totals;
        }
        None => stream::lint(&plan, |pages| {
            for page in &pages {
                totals.add(&page.diagnostics);
            }
            Ok(())
        })?,
    }
    let status = lint::status_of(&totals, None);

    let spec = openapi::generate(&plan, SpecFormat::Yaml, |reports| {
        if args.format.is_some() {
            emit::concise::write_lines(reports, false, err)?;
        }
        Ok(())
    })?;
    let status = match spec.status() {
        ExitStatus::Success => status,
        raised => raised,
    };
    let spec_path = args.output.join("openapi.yaml");
    write_atomic(&spec_path, spec.text.as_bytes())?;

    let site = render::render_plan(
        &plan,
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
            let summary = emit::summary_of(&totals);
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
            emit::plural(spec.findings, "finding")
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
