use crate::args::{OpenApiArgs, SpecFormat};
use crate::files::write_atomic;
use crate::workspace::{self, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_openapi::{emit, to_json, to_yaml, Finding, OpenApiSettings, PageInput};
use std::io::Write;

pub fn run(args: &OpenApiArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    crate::files::require_markdown(&args.paths, args.allow_empty)?;
    let ws = workspace::load(&args.paths, &args.config, &CliOverrides::default())?;
    crate::files::require_pages(ws.entries.len(), args.allow_empty)?;
    let (text, findings) = generate(&ws, format(args))?;
    report(&findings, err)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn format(args: &OpenApiArgs) -> SpecFormat {
    args.format.unwrap_or_else(|| {
        let json = args
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .is_some_and(|e| e == "json");
        if json {
            SpecFormat::Json
        } else {
            SpecFormat::Yaml
        }
    })
}

/// The spec of every readable page, and what could not be expressed in it.
pub fn generate(ws: &Workspace, format: SpecFormat) -> Result<(String, Vec<Finding>), CliError> {
    let inputs: Vec<PageInput<'_>> = ws
        .entries
        .iter()
        .filter(|e| e.unreadable.is_none())
        .map(|e| PageInput {
            path: e.source.path(),
            source: &e.source,
            page: &e.page,
        })
        .collect();
    let (spec, findings) = emit(&inputs, &settings(ws));
    let text = match format {
        SpecFormat::Yaml => to_yaml(&spec),
        SpecFormat::Json => to_json(&spec),
    };
    Ok((text, findings))
}

/// `openapi:` of the configuration that applies to the first page (or the defaults).
fn settings(ws: &Workspace) -> OpenApiSettings {
    let mut settings = OpenApiSettings::default();
    let Some(config) = ws.entries.first().map(|e| &e.config) else {
        return settings;
    };
    let api = config.api();
    settings.base_path = api.base_path.clone();
    settings.example_host = api.example_host.clone();
    settings.servers = vec![api.base_url()];
    if let Some(o) = &config.file.openapi {
        if let Some(title) = &o.title {
            settings.title = title.clone();
        }
        if let Some(version) = &o.version {
            settings.version = version.clone();
        }
        if o.description.is_some() {
            settings.description = o.description.clone();
        }
        if let Some(servers) = &o.servers {
            settings.servers = servers.clone();
        }
    }
    settings
}

/// Findings like lint's concise lines, on standard error.
pub fn report(findings: &[Finding], err: &mut dyn Write) -> Result<(), CliError> {
    for f in findings {
        let d = &f.diagnostic;
        writeln!(
            err,
            "{}:{}:{}: {}[{}] {}",
            f.path, f.line, f.column, d.severity, d.code, d.message
        )?;
    }
    Ok(())
}
