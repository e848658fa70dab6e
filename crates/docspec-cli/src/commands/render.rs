use crate::args::{RenderArgs, SiteArgs};
use crate::workspace::{self, Workspace};
use crate::{CliError, ExitStatus};
use docspec_config::CliOverrides;
use docspec_html::{render_site, PageInput, RenderReport, SiteSettings, Theme};
use std::io::Write;
use std::path::Path;

pub fn run(args: &RenderArgs, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    if let Some(dir) = &args.eject_templates {
        let written = Theme::eject(dir)?;
        writeln!(err, "wrote {} template files into {}", written.len(), dir.display())?;
        return Ok(ExitStatus::Success);
    }
    let Some(output) = &args.output else {
        return Err(CliError::Usage("`--output DIR` is required".to_string()));
    };
    crate::files::require_markdown(&args.paths, args.allow_empty)?;
    let ws = workspace::load(&args.paths, &args.config, &CliOverrides::default())?;
    crate::files::require_pages(ws.entries.len(), args.allow_empty)?;
    let report = render(&ws, &args.site, None, output)?;
    writeln!(
        err,
        "rendered {} ({}) into {}",
        crate::emit::plural(report.pages, "page"),
        crate::emit::plural(report.methods, "method"),
        output.display()
    )?;
    Ok(ExitStatus::Success)
}

/// Renders every readable page into `output`.
pub fn render(
    ws: &Workspace,
    site: &SiteArgs,
    spec_link: Option<String>,
    output: &Path,
) -> Result<RenderReport, CliError> {
    let config = ws.entries.first().map(|e| &e.config);
    let render_config = config.and_then(|c| c.file.render.clone()).unwrap_or_default();
    let templates = site.templates.clone().or_else(|| {
        let dir = config.map(|c| c.dir.clone())?;
        render_config.templates.as_ref().map(|t| dir.join(t))
    });
    let theme = match templates {
        Some(dir) => Theme::with_overrides(&dir)?,
        None => Theme::builtin(),
    };
    let settings = SiteSettings {
        title: site
            .title
            .clone()
            .or(render_config.title)
            .unwrap_or_else(|| SiteSettings::default().title),
        spec_link,
    };
    let inputs: Vec<PageInput<'_>> = ws
        .entries
        .iter()
        .filter(|e| e.unreadable.is_none())
        .map(|e| PageInput {
            path: &e.relative,
            source: &e.source,
            page: &e.page,
        })
        .collect();
    Ok(render_site(&inputs, &theme, &settings, output)?)
}
