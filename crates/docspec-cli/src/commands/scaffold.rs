//! `docspec scaffold`: methods written to the API topic template for spec operations.

use crate::args::ScaffoldArgs;
use crate::commands::drift::{doc_pages, drift_settings, load_spec, run_config, spec_path};
use crate::commands::fix::write_diff;
use crate::files::write_atomic;
use crate::workspace::{self, display_path};
use crate::{CliError, ExitStatus};
use docspec_config::{CliOverrides, Config};
use docspec_drift::scaffold::{self, ScaffoldSettings};
use docspec_spec::{Operation, Spec};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &ScaffoldArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    if args.missing {
        return missing(args, out, err);
    }
    let ws = workspace::load(&[], &args.config, &CliOverrides::default())?;
    let config = run_config(ws.entries.first().map(|e| &e.config), &args.paths, &args.config)?;
    let (spec, _) = load_spec(&spec_path(args.spec.as_deref(), &config)?)?;
    let docs = args.output.clone().unwrap_or_else(|| default_dir(&args.paths));
    let settings = scaffold_settings(&config, &docs);
    let mut ops: Vec<&Operation> = Vec::new();
    for id in &args.operation {
        let op = scaffold::find(&spec, id).ok_or_else(|| unknown_operation(&spec, id))?;
        ops.push(op);
    }
    let tag = ops
        .first()
        .and_then(|o| o.tags.first())
        .cloned()
        .unwrap_or_else(|| "api".to_string());
    let Some(dir) = &args.output else {
        out.write_all(scaffold::page(&tag, &ops, &settings).as_bytes())?;
        return Ok(ExitStatus::Success);
    };
    let path = dir.join(scaffold::title::file_name(&tag));
    let methods: Vec<String> = ops.iter().map(|op| scaffold::method(op, 2, &settings)).collect();
    let (before, after) = match std::fs::read_to_string(&path) {
        // The tag's page exists: the methods go at its end.
        Ok(text) => {
            let end = text.len();
            (text.clone(), scaffold::insert(&text, end, &methods.join("\n")))
        }
        Err(_) => (String::new(), scaffold::page(&tag, &ops, &settings)),
    };
    write_change(&path, &before, &after, args.diff, out)?;
    writeln!(
        err,
        "{} {} to {}.",
        if args.diff { "Would write" } else { "Wrote" },
        plural(ops.len(), "method"),
        display_path(&path)
    )?;
    Ok(ExitStatus::Success)
}

fn missing(args: &ScaffoldArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let ws = workspace::load(&args.paths, &args.config, &CliOverrides::default())?;
    let config = run_config(ws.entries.first().map(|e| &e.config), &args.paths, &args.config)?;
    let spec_file = spec_path(args.spec.as_deref(), &config)?;
    let (spec, spec_source) = load_spec(&spec_file)?;
    let pages = doc_pages(&ws);
    let outcome = docspec_drift::run(&spec, &spec_source, &pages, &drift_settings(&config));
    let dir = match &args.output {
        Some(dir) => dir.clone(),
        None => default_dir(&args.paths),
    };
    let plan = scaffold::missing(&spec, &pages, &outcome, &scaffold_settings(&config, &dir));
    let verb = if args.diff { "Would write" } else { "Wrote" };
    for append in &plan.appends {
        let Some(entry) = ws.entries.get(append.file) else {
            continue;
        };
        let before = entry.source.text();
        let after = scaffold::insert(before, append.at, &append.methods);
        write_change(&entry.path, before, &after, args.diff, out)?;
        writeln!(
            err,
            "{verb} {} to {}.",
            plural(append.operations.len(), "method"),
            entry.source.path()
        )?;
    }
    for page in &plan.new_pages {
        let path = dir.join(&page.file_name);
        let (before, after) = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let methods = page.text.split_once("\n## ").map_or("", |(_, m)| m);
                let end = text.len();
                (text.clone(), scaffold::insert(&text, end, &format!("## {methods}")))
            }
            Err(_) => (String::new(), page.text.clone()),
        };
        write_change(&path, &before, &after, args.diff, out)?;
        writeln!(
            err,
            "{verb} {} to {}.",
            plural(page.operations.len(), "method"),
            display_path(&path)
        )?;
    }
    if plan.appends.is_empty() && plan.new_pages.is_empty() {
        writeln!(err, "Every operation of {} is documented.", spec.path)?;
    }
    Ok(ExitStatus::Success)
}

/// Writes the new text (through a temporary file), or prints it as a diff.
fn write_change(path: &Path, before: &str, after: &str, diff: bool, out: &mut dyn Write) -> Result<(), CliError> {
    if diff {
        write_diff(&display_path(path), before, after, out)?;
        return Ok(());
    }
    Ok(write_atomic(path, after.as_bytes())?)
}

/// New pages go beside the pages: the first folder given, or the folder of the first file.
fn default_dir(paths: &[PathBuf]) -> PathBuf {
    let first = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    if first.is_dir() {
        first
    } else {
        first.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}

fn scaffold_settings(config: &Config, docs: &Path) -> ScaffoldSettings {
    let api = config.api();
    ScaffoldSettings {
        base_path: api.base_path,
        example_host: api.example_host,
        token_placeholder: api.token_placeholder,
        index_folders: index_folders(docs),
    }
}

/// The folders under `docs` (a few levels down) whose page is their `_index.md`, relative
/// and `/`-separated, sorted.
fn index_folders(docs: &Path) -> Vec<String> {
    fn walk(dir: &Path, relative: &str, depth: usize, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                continue;
            }
            let name = entry.file_name().to_string_lossy().to_string();
            let folder = if relative.is_empty() {
                name
            } else {
                format!("{relative}/{name}")
            };
            if path.join("_index.md").is_file() {
                out.push(folder.clone());
            }
            if depth > 1 {
                walk(&path, &folder, depth - 1, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(docs, "", 3, &mut out);
    out.sort();
    out
}

fn unknown_operation(spec: &Spec, id: &str) -> CliError {
    let best = spec
        .operations
        .iter()
        .flat_map(|o| o.operation_id.clone().into_iter().chain([o.label()]))
        .map(|c| {
            (
                strsim::levenshtein(&c.to_ascii_lowercase(), &id.to_ascii_lowercase()),
                c,
            )
        })
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d <= c.len() / 3 + 2)
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default();
    CliError::Usage(format!(
        "{}: no operation `{id}`{best}; give an operationId or `VERB /path`",
        spec.path
    ))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
