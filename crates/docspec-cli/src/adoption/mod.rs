//! Adopting docspec on a tree that already has findings: `--baseline`,
//! `--write-baseline` and `--changed-since` filter each file's finished findings, after
//! every rule and suppression ran, so they work the same whatever produced them.

mod baseline;
mod changed;

use crate::args::LintArgs;
use crate::emit::{plural, FileReport};
use crate::files::write_atomic;
use crate::{CliError, ExitStatus};
use changed::ChangedLines;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--baseline`: the file, its folder, and each recorded fingerprint with whether it
/// still occurs.
struct Recorded {
    file: PathBuf,
    dir: PathBuf,
    entries: HashMap<String, (baseline::Entry, bool)>,
}

/// `--write-baseline`: the file, its folder, and the entries to write.
struct Writing {
    file: PathBuf,
    dir: PathBuf,
    entries: Vec<baseline::Entry>,
}

/// The filters of one `lint` run, fed one file at a time.
#[derive(Default)]
pub struct Adoption {
    baseline: Option<Recorded>,
    write: Option<Writing>,
    changed: Option<(String, ChangedLines)>,
    /// Findings not reported because the baseline has them, or they are on unchanged lines.
    in_baseline: usize,
    unchanged: usize,
}

impl Adoption {
    pub fn from_args(args: &LintArgs) -> Result<Adoption, CliError> {
        let mut adoption = Adoption::default();
        if let Some(path) = &args.baseline {
            let entries = baseline::read(path)?;
            let recorded = entries
                .into_iter()
                .map(|e| (e.fingerprint.clone(), (e, false)))
                .collect();
            adoption.baseline = Some(Recorded {
                file: path.clone(),
                dir: folder_of(path),
                entries: recorded,
            });
        }
        if let Some(path) = &args.write_baseline {
            adoption.write = Some(Writing {
                file: path.clone(),
                dir: folder_of(path),
                entries: Vec::new(),
            });
        }
        if let Some(reference) = &args.changed_since {
            let near = args.paths.first().map_or_else(|| PathBuf::from("."), PathBuf::clone);
            adoption.changed = Some((reference.clone(), ChangedLines::since(reference, &near)?));
        }
        Ok(adoption)
    }

    pub fn is_active(&self) -> bool {
        self.baseline.is_some() || self.write.is_some() || self.changed.is_some()
    }

    /// Drops the findings of one file (found on disk at `path`) that the baseline holds or
    /// that sit on unchanged lines, and records what `--write-baseline` writes.
    pub fn filter(&mut self, path: &Path, report: &mut FileReport<'_>) {
        if !self.is_active() || report.diagnostics.is_empty() {
            return;
        }
        let absolute = absolute(path);
        let diagnostics = std::mem::take(&mut report.diagnostics);
        let mut keep = vec![true; diagnostics.len()];
        if let Some(recorded) = &mut self.baseline {
            let key = relative(&absolute, &recorded.dir);
            let prints = crate::fingerprint::fingerprints(&key, report.source, &diagnostics);
            for (i, print) in prints.iter().enumerate() {
                if let Some((_, seen)) = recorded.entries.get_mut(print) {
                    *seen = true;
                    keep[i] = false;
                    self.in_baseline += 1;
                }
            }
        }
        if let Some(writing) = &mut self.write {
            let key = relative(&absolute, &writing.dir);
            let prints = crate::fingerprint::fingerprints(&key, report.source, &diagnostics);
            // With `--baseline`, only what it held and still occurs; else every finding.
            let ratchet = self.baseline.is_some();
            for ((d, print), kept) in diagnostics.iter().zip(prints).zip(&keep) {
                if ratchet && *kept {
                    continue;
                }
                writing.entries.push(baseline::Entry {
                    path: key.clone(),
                    code: d.code.to_string(),
                    // As hashed: a cited line number would make every move a diff.
                    message: crate::fingerprint::without_line_numbers(&d.message),
                    fingerprint: print,
                });
            }
        }
        if let Some((_, changed)) = &self.changed {
            for (d, kept) in diagnostics.iter().zip(keep.iter_mut()) {
                if !*kept {
                    continue;
                }
                let first = report.source.line_col(d.range().start()).line;
                let end = d.range().end().max(d.range().start() + 1) - 1;
                let last = report.source.line_col(end).line.max(first);
                if !changed.touches(&absolute, first, last) {
                    *kept = false;
                    self.unchanged += 1;
                }
            }
        }
        report.diagnostics = diagnostics
            .into_iter()
            .zip(keep)
            .filter_map(|(d, kept)| kept.then_some(d))
            .collect();
    }

    /// Writes the baseline and says on `err` what was left out. Returns the exit status
    /// when the run ends here (`--write-baseline` alone reports nothing).
    /// `--write-baseline` without `--baseline` records the findings and reports none.
    pub fn reports_nothing(&self) -> bool {
        self.write.is_some() && self.baseline.is_none()
    }

    pub fn finish(self, err: &mut dyn Write) -> Result<Option<ExitStatus>, CliError> {
        let mut stale = 0;
        if let Some(recorded) = &self.baseline {
            stale = recorded.entries.values().filter(|(_, seen)| !seen).count();
            if self.in_baseline > 0 {
                writeln!(
                    err,
                    "{} in the baseline {} not reported.",
                    plural(self.in_baseline, "finding"),
                    recorded.file.display()
                )?;
            }
        }
        if let Some((reference, _)) = &self.changed {
            if self.unchanged > 0 {
                writeln!(
                    err,
                    "{} on lines unchanged since {reference} not reported.",
                    plural(self.unchanged, "finding")
                )?;
            }
        }
        let Some(Writing {
            file: path, entries, ..
        }) = self.write
        else {
            if stale > 0 {
                writeln!(
                    err,
                    "{} of the baseline no longer occur (fixed); `--write-baseline` drops them.",
                    plural(stale, "finding")
                )?;
            }
            return Ok(None);
        };
        let count = entries.len();
        let text = baseline::render(entries)?;
        let before = std::fs::read_to_string(&path).ok();
        write_atomic(&path, text.as_bytes())?;
        let dropped = match (&self.baseline, before) {
            (Some(_), _) => stale,
            (None, Some(old)) => count_dropped(&old, &text),
            (None, None) => 0,
        };
        writeln!(
            err,
            "Wrote {} to the baseline {}{}.",
            plural(count, "finding"),
            path.display(),
            if dropped > 0 {
                format!(" ({dropped} fixed since dropped)")
            } else {
                String::new()
            }
        )?;
        Ok(self.baseline.is_none().then_some(ExitStatus::Success))
    }
}

/// Entries of the old baseline text missing from the new one.
fn count_dropped(old: &str, new: &str) -> usize {
    let prints = |text: &str| -> Vec<String> {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("findings").and_then(|f| f.as_array()).cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.get("fingerprint").and_then(|f| f.as_str()).map(str::to_string))
            .collect()
    };
    let new: std::collections::HashSet<String> = prints(new).into_iter().collect();
    prints(old).iter().filter(|p| !new.contains(*p)).count()
}

fn absolute(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The folder a baseline's paths are relative to.
fn folder_of(baseline: &Path) -> PathBuf {
    let parent = baseline
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    absolute(parent)
}

/// `path` relative to `dir`, `/`-separated.
fn relative(path: &Path, dir: &Path) -> String {
    let rel = pathdiff::diff_paths(path, dir).unwrap_or_else(|| path.to_path_buf());
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
