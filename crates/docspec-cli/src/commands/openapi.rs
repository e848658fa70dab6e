use crate::args::{OpenApiArgs, SpecFormat};
use crate::emit::{self, FileReport};
use crate::stream::CHUNK;
use crate::workspace::{self, Planned};
use crate::{CliError, ExitStatus};
use docspec_config::{CliOverrides, Config};
use docspec_diagnostics::Severity;
use docspec_lint::suppress::{self, Suppression};
use docspec_lint::Category;
use docspec_openapi::{stream, Document, OpenApiSettings, PageInput};
use docspec_workspace::AtomicFile;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

pub fn run(args: &OpenApiArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    crate::files::require_markdown(&args.paths, args.allow_empty)?;
    let cli = CliOverrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let plan = workspace::plan(&args.paths, &args.config, &cli)?;
    crate::files::require_pages(plan.len(), args.allow_empty)?;
    // Operations wait beside the output, on its disk, rather than in `/tmp`: in the
    // output's folder, or the nearest one above it that exists yet.
    let spill_dir = args.output.as_deref().map(|p| {
        p.ancestors()
            .skip(1)
            .find(|dir| !dir.as_os_str().is_empty() && dir.is_dir())
            .unwrap_or(Path::new("."))
    });
    let generated = generate(&plan, format(args), spill_dir, |reports| {
        Ok(emit::concise::write_lines(reports, false, err)?)
    })?;
    let status = generated.status();
    match &args.output {
        Some(path) => generated.write_file(path)?,
        None => generated.write(out)?,
    }
    Ok(status)
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

/// The spec, not yet written, and how many findings its pages got.
pub struct Generated {
    spec: Document,
    format: SpecFormat,
    pub findings: usize,
    pub errors: bool,
}

impl Generated {
    /// 1 when a finding is an error (only by configuration: every `OA` rule defaults lower).
    pub fn status(&self) -> ExitStatus {
        if self.errors {
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        }
    }

    /// Writes the spec a path at a time: its whole text is never held.
    pub fn write(self, out: &mut dyn Write) -> std::io::Result<()> {
        match self.format {
            SpecFormat::Yaml => self.spec.write_yaml(out),
            SpecFormat::Json => self.spec.write_json(out),
        }
    }

    /// [`Generated::write`] into a file, through a temporary file and a rename.
    pub fn write_file(self, path: &Path) -> Result<(), CliError> {
        let mut file = AtomicFile::create(path)?;
        self.write(&mut file).map_err(|e| file.error(e))?;
        Ok(file.commit()?)
    }
}

/// The spec of every readable page; what could not be expressed in it (the `OA`
/// findings, selected, graded and suppressed by each page's settings) goes to `each`,
/// a chunk of pages at a time, in run order. Pages are read twice: once for what the
/// merge needs, once to build their operations; no model outlives its chunk.
pub fn generate(
    plan: &[Planned],
    format: SpecFormat,
    spill_dir: Option<&Path>,
    each: impl FnMut(&[FileReport<'_>]) -> Result<(), CliError>,
) -> Result<Generated, CliError> {
    let settings = settings_of(plan);
    let scans = crate::stream::read_pages(plan, |i, e| scan_entry(e, &settings).map(|scan| (i, scan)))?;
    generate_from(plan, scans, format, spill_dir, each)
}

/// The settings `generate` builds with: those of the first page's configuration.
pub fn settings_of(plan: &[Planned]) -> OpenApiSettings {
    settings(plan.first().map(|p| p.config.as_ref()))
}

/// What the spec keeps of one page between its passes: what the merge needs, and the
/// page's inline suppressions (for a page that only gets the merge's findings, which
/// is then not parsed again).
pub struct Scanned {
    scan: stream::PageScan,
    suppressions: Vec<Suppression>,
}

/// What the merge needs of one loaded page; `None` for a page that could not be read.
pub fn scan_entry(e: &workspace::Entry, settings: &OpenApiSettings) -> Option<Scanned> {
    e.unreadable.is_none().then(|| {
        let input = PageInput {
            path: e.source.path(),
            source: &e.source,
            page: &e.page,
        };
        Scanned {
            scan: stream::scan(input, settings),
            suppressions: suppress::read(&e.page, &e.source),
        }
    })
}

/// The spec from the scans of the readable pages (`(plan index, scan)`, in any order):
/// the merge, then each page that contributes read again to build its operations (and
/// each page with the merge's findings only read again, not parsed, to report them).
/// Built operations past a budget wait in a temporary file in `spill_dir` if one can be
/// made there.
pub fn generate_from(
    plan: &[Planned],
    mut found: Vec<(usize, Scanned)>,
    format: SpecFormat,
    spill_dir: Option<&Path>,
    mut each: impl FnMut(&[FileReport<'_>]) -> Result<(), CliError>,
) -> Result<Generated, CliError> {
    let settings = settings_of(plan);
    // The document is built in display-path order, whatever order the pages were found in.
    let mut rank = vec![0; plan.len()];
    let mut order: Vec<(String, usize)> = plan
        .iter()
        .enumerate()
        .map(|(i, p)| (workspace::display_path(&p.found.path), i))
        .collect();
    order.sort();
    for (r, (_, i)) in order.iter().enumerate() {
        rank[*i] = r;
    }
    found.sort_by_key(|(i, _)| rank[*i]);
    let mut scans = Vec::with_capacity(found.len());
    let mut suppressions = Vec::with_capacity(found.len());
    let mut scanned_as: Vec<Option<usize>> = vec![None; plan.len()];
    for (i, scanned) in found {
        scanned_as[i] = Some(scans.len());
        scans.push(scanned.scan);
        suppressions.push(scanned.suppressions);
    }
    let mut merged = stream::plan(scans, &settings);
    if let Some(dir) = spill_dir {
        merged = merged.spill_into(dir);
    }
    let mut built: Vec<Option<stream::PageOperations>> = (0..scanned_as.len()).map(|_| None).collect();
    let (mut findings, mut errors) = (0, false);
    // The response objects, kept once per structure as pages are built.
    let mut entities = stream::Entities::default();
    let planned: Vec<(usize, usize)> = scanned_as
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    for chunk in planned.chunks(CHUNK) {
        let pages = chunk
            .par_iter()
            .filter(|(_, s)| merged.builds(*s) || !merged.findings(*s).is_empty())
            .map(|&(i, s)| {
                if !merged.builds(s) {
                    let found = stream::plan_findings(&merged, s)
                        .into_iter()
                        .map(|f| f.diagnostic)
                        .collect();
                    let (source, diagnostics) =
                        workspace::finish_reread(&plan[i], suppressions[s].clone(), Category::Openapi, found)?;
                    return Ok((s, None, source, diagnostics));
                }
                let e = workspace::load_one(&plan[i])?;
                let input = PageInput {
                    path: e.source.path(),
                    source: &e.source,
                    page: &e.page,
                };
                let mut ops = stream::build_page(&merged, s, input, &settings);
                let found = std::mem::take(&mut ops.findings)
                    .into_iter()
                    .map(|f| f.diagnostic)
                    .collect();
                let diagnostics =
                    docspec_lint::finish_external(&e.source, &e.page, &e.settings, Category::Openapi, found);
                Ok((s, Some(ops), e.source, diagnostics))
            })
            .collect::<Result<Vec<_>, CliError>>()?;
        let reports: Vec<FileReport<'_>> = pages
            .iter()
            .filter(|(.., d)| !d.is_empty())
            .map(|(_, _, source, diagnostics)| FileReport {
                path: source.path(),
                source,
                diagnostics: diagnostics.clone(),
            })
            .collect();
        for r in &reports {
            findings += r.diagnostics.len();
            errors |= r.diagnostics.iter().any(|d| d.severity == Severity::Error);
        }
        each(&reports)?;
        for (s, mut ops, ..) in pages {
            if let Some(ops) = &mut ops {
                stream::absorb(&mut entities, s, ops);
            }
            built[s] = ops;
        }
    }
    let built = built.into_iter().map(Option::unwrap_or_default).collect();
    let spec = stream::finish(merged, built, entities, &settings);
    Ok(Generated {
        spec,
        format,
        findings,
        errors,
    })
}

/// `openapi:` of the configuration that applies to the first page (or the defaults).
fn settings(config: Option<&Config>) -> OpenApiSettings {
    let mut settings = OpenApiSettings::default();
    let Some(config) = config else {
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
