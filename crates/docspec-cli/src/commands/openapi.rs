use crate::args::{OpenApiArgs, SpecFormat};
use crate::emit::{self, FileReport};
use crate::files::write_atomic;
use crate::workspace::{self, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_diagnostics::{Diagnostic, Severity};
use docspec_lint::Category;
use docspec_openapi::{emit, to_json, to_yaml, OpenApiSettings, PageInput};
use std::collections::HashMap;
use std::io::Write;

pub fn run(args: &OpenApiArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    crate::files::require_markdown(&args.paths, args.allow_empty)?;
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let ws = workspace::load(&args.paths, &args.config, &cli)?;
    crate::files::require_pages(ws.entries.len(), args.allow_empty)?;
    let (text, reports) = generate(&ws, format(args))?;
    emit::concise::write_lines(&reports, false, err)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(exit_status(&reports))
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

/// The spec of every readable page, and per page what could not be expressed in it:
/// the `OA` findings, selected, graded and suppressed by each page's settings.
pub fn generate(ws: &Workspace, format: SpecFormat) -> Result<(String, Vec<FileReport<'_>>), CliError> {
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
    let mut per_page: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for f in findings {
        per_page.entry(f.path).or_default().push(f.diagnostic);
    }
    let reports = ws
        .entries
        .iter()
        .filter(|e| e.unreadable.is_none())
        .filter_map(|e| {
            let found = per_page.remove(e.source.path()).unwrap_or_default();
            let diagnostics = docspec_lint::finish_external(&e.source, &e.page, &e.settings, Category::Openapi, found);
            (!diagnostics.is_empty()).then(|| FileReport {
                path: e.source.path(),
                source: &e.source,
                diagnostics,
            })
        })
        .collect();
    Ok((text, reports))
}

/// 1 when a finding is an error (only by configuration: every `OA` rule defaults lower).
pub fn exit_status(reports: &[FileReport<'_>]) -> ExitStatus {
    let error = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Error);
    if error {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
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
        // The GitLab docs are the default only for the GitLab API.
        settings.docs_base_url = match &o.docs_base_url {
            Some(url) => Some(url.clone()).filter(|u| !u.trim().is_empty()),
            None if o.title.is_none() => settings.docs_base_url.take(),
            None => None,
        };
        if let Some(names) = &o.schema_names {
            settings.schema_names = names.clone();
        }
        if let Some(codes) = &o.error_responses {
            settings.error_responses = codes.clone();
        }
        if let Some(paginate) = o.paginate_lists {
            settings.paginate_lists = paginate;
        }
    }
    settings
}
