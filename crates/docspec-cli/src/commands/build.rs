use crate::args::{BuildArgs, SpecFormat};
use crate::commands::{lint, openapi, render};
use crate::files::write_atomic;
use crate::workspace;
use crate::{emit, CliError, ExitStatus};
use docspec_config::CliOverrides;
use std::io::Write;

/// The whole pipeline: lint report on standard error, `openapi.yaml`, and the site.
pub fn run(args: &BuildArgs, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let ws = workspace::load(&args.paths, &args.config, &CliOverrides::default())?;

    let reports = lint::lint(&ws);
    emit::concise::write(&reports, err)?;
    let status = lint::exit_status(&reports, None);

    let (spec, findings) = openapi::generate(&ws, SpecFormat::Yaml)?;
    openapi::report(&findings, err)?;
    let spec_path = args.output.join("openapi.yaml");
    write_atomic(&spec_path, spec.as_bytes())?;

    let site = render::render_workspace(
        &ws,
        &args.site,
        Some("openapi.yaml".to_string()),
        &args.output,
        &["openapi.yaml"],
    )?;
    render::report_findings(&site.findings, err)?;
    writeln!(
        err,
        "built {}: {} pages, {} methods, openapi.yaml with {} findings",
        args.output.display(),
        site.pages,
        site.methods,
        findings.len()
    )?;
    Ok(if args.strict { status } else { ExitStatus::Success })
}
