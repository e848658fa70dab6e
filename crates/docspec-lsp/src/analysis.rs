//! Linting one buffer the way `docspec lint` lints a file: the configuration that applies
//! to it (found by walking up, read afresh each time so edits to `.docspec.yml` apply at
//! once), its page rules, the cross-page rules over its project (the files on disk with
//! the open buffers in their place), then suppressions.

use docspec_config::{CliOverrides, Config, ConfigError, Discovery};
use docspec_diagnostics::Diagnostic;
use docspec_lint::{LintSettings, PageSummary, ProjectFile};
use docspec_model::SourceFile;
use docspec_workspace::Loaded;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// A project with more pages than this is read only up to it (a home folder opened as
/// the workspace must not stall the editor).
const MAX_PROJECT_PAGES: usize = 5000;
/// How long a listing of a project's files is trusted before it is walked again.
const RELIST_AFTER: Duration = Duration::from_secs(2);

/// The findings of one version of a buffer.
pub struct Analysis {
    pub version: i32,
    pub text_len: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub settings: LintSettings,
    /// Pages the cross-page rules saw, this one included.
    pub project_pages: usize,
}

pub enum Outcome {
    Linted(Analysis),
    /// The configuration excludes the file: like the CLI, nothing to report.
    Excluded,
    /// `.docspec.yml` is invalid; where and why.
    ConfigError {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// What the cross-page rules need of a page on disk; its model is not kept.
struct DiskPage {
    stamp: (Option<SystemTime>, u64),
    settings: LintSettings,
    summary: PageSummary,
}

#[derive(Default)]
struct Project {
    listed: Option<Instant>,
    files: Vec<PathBuf>,
    pages: HashMap<PathBuf, DiskPage>,
}

/// Summaries of the pages on disk by project folder, re-read when their size or time changes.
#[derive(Default)]
pub struct Analyzer {
    projects: BTreeMap<PathBuf, Project>,
}

impl Analyzer {
    /// Forgets the listings, so the next lint walks the folders again.
    pub fn relist(&mut self) {
        for project in self.projects.values_mut() {
            project.listed = None;
        }
    }

    /// Lints `text`, the buffer of `path` (`None`: no file, default settings, no project).
    pub fn lint(
        &mut self,
        path: Option<&Path>,
        text: &str,
        version: i32,
        buffers: &[(PathBuf, String)],
        roots: &[PathBuf],
    ) -> Outcome {
        let mut discovery = Discovery::walk_up();
        let Some(path) = path else {
            let settings = docspec_config::default_settings();
            let source = SourceFile::new("untitled", text);
            let page = docspec_parser::parse(&source);
            let diagnostics = docspec_lint::lint_page(&source, &page, &settings);
            return Outcome::Linted(Analysis {
                version,
                text_len: text.len(),
                diagnostics,
                settings,
                project_pages: 1,
            });
        };
        let config = match discovery.for_file(path) {
            Ok(config) => config,
            Err(e) => return config_error(e),
        };
        if config.is_excluded(path) {
            return Outcome::Excluded;
        }
        let cli = CliOverrides::default();
        let settings = config.settings_for(path, &cli);
        let source = SourceFile::new(path.to_string_lossy(), text);
        let page = docspec_parser::parse(&source);
        let mut diagnostics = docspec_lint::check_page(&source, &page, &settings);

        let folder = project_folder(&config, path, roots);
        let project = self.projects.entry(folder.clone()).or_default();
        project.refresh(&folder, &mut discovery, &cli);
        // Other open buffers stand in for their files.
        let overlays: Vec<(PathBuf, PageSummary, LintSettings)> = buffers
            .iter()
            .filter(|(p, _)| p != path && p.starts_with(&folder) && p.extension().is_some_and(|x| x == "md"))
            .filter_map(|(p, t)| {
                let settings = settings_of(&mut discovery, p, &cli)?;
                let source = SourceFile::new(p.to_string_lossy(), t.as_str());
                let page = docspec_parser::parse(&source);
                Some((p.clone(), PageSummary::of(&source, &page, &settings), settings))
            })
            .collect();
        let own = PageSummary::of(&source, &page, &settings);
        // In path order, as `docspec lint` has them: a duplicate is reported on the later page.
        let mut ordered: Vec<(&Path, ProjectFile<'_>)> = vec![(
            path,
            ProjectFile {
                summary: &own,
                settings: &settings,
            },
        )];
        for (file, summary, settings) in &overlays {
            ordered.push((file, ProjectFile { summary, settings }));
        }
        for file in &project.files {
            if file == path || overlays.iter().any(|(p, _, _)| p == file) {
                continue;
            }
            if let Some(disk) = project.pages.get(file) {
                ordered.push((
                    file,
                    ProjectFile {
                        summary: &disk.summary,
                        settings: &disk.settings,
                    },
                ));
            }
        }
        ordered.sort_by(|a, b| a.0.cmp(b.0));
        let me = ordered.iter().position(|(p, _)| *p == path).unwrap_or(0);
        let files: Vec<ProjectFile<'_>> = ordered.into_iter().map(|(_, f)| f).collect();
        let index = config.index_page();
        for (file, d) in docspec_lint::check_project(&files, Some(&index)) {
            if file == me {
                diagnostics.push(d);
            }
        }
        let project_pages = files.len();
        drop(files);
        let diagnostics = docspec_lint::finish(&source, &page, &settings, diagnostics);
        Outcome::Linted(Analysis {
            version,
            text_len: text.len(),
            diagnostics,
            settings,
            project_pages,
        })
    }
}

impl Project {
    /// Walks the folder again when the listing is old, and re-reads files whose size or
    /// time changed (or whose API settings did: the summary depends on the base path).
    fn refresh(&mut self, folder: &Path, discovery: &mut Discovery, cli: &CliOverrides) {
        let stale = self.listed.is_none_or(|at| at.elapsed() > RELIST_AFTER);
        if stale {
            self.files = docspec_workspace::discover(&[folder.to_path_buf()])
                .map(|found| found.into_iter().map(|f| f.path).collect())
                .unwrap_or_default();
            self.files
                .retain(|f| discovery.for_file(f).is_ok_and(|c| !c.is_excluded(f)));
            self.files.truncate(MAX_PROJECT_PAGES);
            self.listed = Some(Instant::now());
            let listed: std::collections::HashSet<&PathBuf> = self.files.iter().collect();
            self.pages.retain(|p, _| listed.contains(p));
        }
        for file in &self.files {
            let (Ok(meta), Some(settings)) = (std::fs::metadata(file), settings_of(discovery, file, cli)) else {
                // Deleted since the listing, or no longer configured: forget it.
                self.pages.remove(file);
                continue;
            };
            let stamp = (meta.modified().ok(), meta.len());
            if let Some(known) = self.pages.get_mut(file) {
                if known.stamp == stamp && known.settings.api == settings.api {
                    known.settings = settings;
                    continue;
                }
            }
            let Ok(Loaded::Text { text, .. }) = docspec_workspace::load(file) else {
                self.pages.remove(file);
                continue;
            };
            let source = SourceFile::new(file.to_string_lossy(), text);
            let page = docspec_parser::parse(&source);
            let summary = PageSummary::of(&source, &page, &settings);
            self.pages.insert(
                file.clone(),
                DiskPage {
                    stamp,
                    settings,
                    summary,
                },
            );
        }
    }
}

/// The settings of a file, or `None` when the configuration excludes it or is invalid.
fn settings_of(discovery: &mut Discovery, file: &Path, cli: &CliOverrides) -> Option<LintSettings> {
    match discovery.for_file(file) {
        Ok(c) if !c.is_excluded(file) => Some(c.settings_for(file, cli)),
        _ => None,
    }
}

/// The folder whose pages the cross-page rules compare: the configuration's folder when
/// there is a `.docspec.yml`, else the workspace folder holding the file, else its folder.
fn project_folder(config: &Arc<Config>, path: &Path, roots: &[PathBuf]) -> PathBuf {
    if config.path.is_some() {
        return config.dir.clone();
    }
    roots
        .iter()
        .filter(|r| path.starts_with(r))
        .max_by_key(|r| r.components().count())
        .cloned()
        .or_else(|| path.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."))
}

fn config_error(e: ConfigError) -> Outcome {
    match e {
        ConfigError::Invalid {
            path,
            line,
            column,
            message,
            help,
        } => Outcome::ConfigError {
            path,
            line,
            column,
            message: match help {
                Some(h) => format!("{message} (help: {h})"),
                None => message,
            },
        },
        ConfigError::Read { path, source } => Outcome::ConfigError {
            path,
            line: 1,
            column: 1,
            message: format!("cannot read the configuration: {source}"),
        },
    }
}
