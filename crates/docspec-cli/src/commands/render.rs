use crate::args::{ConfigArgs, RenderArgs, SiteArgs};
use crate::files::{self, Found, Loaded};
use crate::workspace;
use crate::{CliError, ExitStatus};
use docspec_config::Config;
use docspec_html::{PageInput, RenderReport, SiteFinding, SiteRenderer, SiteSettings, Theme};
use docspec_model::SourceFile;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn run(args: &RenderArgs, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    if let Some(dir) = &args.eject_templates {
        let written = Theme::eject(dir)?;
        writeln!(err, "wrote {} template files into {}", written.len(), dir.display())?;
        return Ok(ExitStatus::Success);
    }
    let Some(output) = &args.output else {
        return Err(CliError::Usage("`--output DIR` is required".to_string()));
    };
    files::require_markdown(&args.paths, args.allow_empty)?;
    let found = discover(&args.paths, &args.config)?;
    files::require_pages(found.len(), args.allow_empty)?;
    let config = found.first().map(|(_, c)| c.as_ref());
    let (theme, settings) = site_setup(config, &args.site, None)?;
    let report = render_files(&found, &theme, settings, output, &[])?;
    report_findings(&report.findings, err)?;
    writeln!(
        err,
        "rendered {} ({}) into {}",
        crate::emit::plural(report.pages, "page"),
        crate::emit::plural(report.methods, "method"),
        output.display()
    )?;
    Ok(ExitStatus::Success)
}

/// The pages under `paths` that their configuration does not exclude, with it.
fn discover(paths: &[PathBuf], config: &ConfigArgs) -> Result<Vec<(Found, Arc<Config>)>, CliError> {
    let mut discovery = workspace::discovery(config)?;
    let mut out = Vec::new();
    for found in files::discover(paths)? {
        let config = discovery.for_file(&found.path)?;
        if !config.is_excluded(&found.path) {
            out.push((found, config));
        }
    }
    Ok(out)
}

/// Reads, parses and renders the pages in parallel: a page's model lives only while
/// that page is rendered, and the site keeps a small summary of it.
fn render_files(
    found: &[(Found, Arc<Config>)],
    theme: &Theme,
    settings: SiteSettings,
    output: &Path,
    extra: &[&str],
) -> Result<RenderReport, CliError> {
    let paths: Vec<&str> = found.iter().map(|(f, _)| f.relative.as_str()).collect();
    let renderer = SiteRenderer::new(theme, settings, output, &paths)?;
    let summaries = found
        .par_iter()
        .map(|(f, _)| match files::load(&f.path)? {
            Loaded::Text { text, .. } => {
                let source = SourceFile::new(workspace::display_path(&f.path), text);
                // One Markdown pass: the model and the prose are read from its events.
                let events = docspec_parser::events(source.text());
                let page = docspec_parser::parse_events(source.text(), &events);
                let input = PageInput {
                    path: &f.relative,
                    source: &source,
                    page: &page,
                };
                Ok(Some(renderer.page_from_events(input, Some(&events))?))
            }
            // `lint` reports it; the site has no page for it.
            Loaded::Unreadable { .. } => Ok(None),
        })
        .collect::<Result<Vec<_>, CliError>>()?;
    Ok(renderer.finish(summaries.into_iter().flatten().collect(), extra)?)
}

/// The theme and settings from the command line over `render:` of the configuration
/// that applies to the first page.
pub fn site_setup(
    config: Option<&Config>,
    site: &SiteArgs,
    spec_link: Option<String>,
) -> Result<(Theme, SiteSettings), CliError> {
    let render_config = config.and_then(|c| c.file.render.clone()).unwrap_or_default();
    let templates = site.templates.clone().or_else(|| {
        let dir = config.map(|c| c.dir.clone())?;
        render_config.templates.as_ref().map(|t| dir.join(t))
    });
    let theme = match templates {
        Some(dir) => Theme::with_overrides(&dir)?,
        None => Theme::builtin(),
    };
    let defaults = SiteSettings::default();
    let settings = SiteSettings {
        title: site.title.clone().or(render_config.title).unwrap_or(defaults.title),
        spec_link,
        docs_base_url: site.docs_base_url.clone().or(render_config.docs_base_url),
        edit_url: render_config.edit_url,
        index_page: Some(config.map_or_else(|| "api_resources.md".to_string(), Config::index_page)),
    };
    Ok((theme, settings))
}

/// `path:line:col: warning[SI001] message`, as `openapi` reports its findings.
pub fn report_findings(findings: &[SiteFinding], err: &mut dyn Write) -> Result<(), CliError> {
    for f in findings {
        writeln!(
            err,
            "{}:{}:{}: warning[{}] {}",
            f.path, f.line, f.column, f.code, f.message
        )?;
    }
    Ok(())
}
