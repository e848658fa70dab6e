//! The pages of one run: found, read, matched with their configuration, and parsed.

use crate::args::ConfigArgs;
use crate::files::{self, Loaded};
use crate::CliError;
use docspec_config::{CliOverrides, Config, Discovery};
use docspec_diagnostics::Diagnostic;
use docspec_lint::rules::docspec::unreadable_file::UnreadableFile;
use docspec_lint::suppress::Suppression;
use docspec_lint::{Category, LintSettings};
use docspec_model::{Page, SourceFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Entry {
    /// The path as found on disk (the source's path is the display form), used by `--fix`.
    pub path: PathBuf,
    pub source: SourceFile,
    pub page: Page,
    pub settings: LintSettings,
    pub config: Arc<Config>,
    /// Why the file could not be read as a page, if it could not.
    pub unreadable: Option<Diagnostic>,
}

pub struct Workspace {
    pub entries: Vec<Entry>,
}

pub fn discovery(args: &ConfigArgs) -> Result<Discovery, CliError> {
    if args.no_config {
        return Ok(Discovery::fixed(Config::defaults(Path::new("."))));
    }
    match &args.config {
        Some(path) => {
            if !path.is_file() {
                return Err(CliError::NotFound(path.clone()));
            }
            Ok(Discovery::fixed(Config::load(path)?))
        }
        None => Ok(Discovery::walk_up()),
    }
}

/// A page of a run before it is read: where it is and what applies to it.
pub struct Planned {
    pub found: files::Found,
    pub config: Arc<Config>,
    pub settings: LintSettings,
}

/// Finds the pages under `paths` and the configuration of each, reading none of them.
pub fn plan(paths: &[PathBuf], config: &ConfigArgs, cli: &CliOverrides) -> Result<Vec<Planned>, CliError> {
    let mut discovery = discovery(config)?;
    let mut planned = Vec::new();
    for found in files::discover(paths)? {
        let config = discovery.for_file(&found.path)?;
        if config.is_excluded(&found.path) {
            continue;
        }
        let settings = config.settings_for(&found.path, cli);
        planned.push(Planned {
            found,
            config,
            settings,
        });
    }
    Ok(planned)
}

/// Reads and parses one planned page.
pub fn load_one(planned: &Planned) -> Result<Entry, CliError> {
    let mut entry = read_one(planned)?;
    if entry.unreadable.is_none() {
        entry.page = docspec_parser::parse(&entry.source);
    }
    Ok(entry)
}

/// Reads one planned page, its model left empty for the caller to parse.
pub fn read_one(planned: &Planned) -> Result<Entry, CliError> {
    let loaded = files::load(&planned.found.path)?;
    let path = planned.found.path.clone();
    let display = display_path(&path);
    let (text, unreadable) = match loaded {
        Loaded::Text { text, .. } => (text, None),
        Loaded::Unreadable { message, help } => (String::new(), Some(UnreadableFile::diagnostic(message, help))),
    };
    Ok(Entry {
        path,
        source: SourceFile::new(display, text),
        page: Page::default(),
        settings: planned.settings.clone(),
        config: planned.config.clone(),
        unreadable,
    })
}

/// Another command's findings on one page (`OA`, `DR`), finished with the suppressions
/// kept from the page's first read: the page is read again for its text, not parsed.
pub fn finish_reread(
    planned: &Planned,
    suppressions: Vec<Suppression>,
    category: Category,
    diagnostics: Vec<Diagnostic>,
) -> Result<(SourceFile, Vec<Diagnostic>), CliError> {
    let e = read_one(planned)?;
    let diagnostics = docspec_lint::finish_external_with(&e.source, suppressions, &e.settings, category, diagnostics);
    Ok((e.source, diagnostics))
}

/// Finds, reads and parses the pages under `paths`, all of them held at once (for the
/// commands that need every page together; `lint` streams through [`plan`]).
pub fn load(paths: &[PathBuf], config: &ConfigArgs, cli: &CliOverrides) -> Result<Workspace, CliError> {
    let planned = plan(paths, config, cli)?;
    let entries = planned.par_iter().map(load_one).collect::<Result<Vec<_>, _>>()?;
    Ok(Workspace { entries })
}

/// Paths as the user would write them: no leading `./`, forward slashes.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}
