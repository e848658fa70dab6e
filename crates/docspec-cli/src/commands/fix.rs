//! `--fix` and `--diff`: apply fixes page by page until none is left (the loop is
//! `docspec_workspace::fix_text`), then write atomically. Streams as `lint` does.

use crate::cache::LintCache;
use crate::files::{self, write_atomic, Loaded};
use crate::stream::CHUNK;
use crate::workspace::{self, Planned};
use crate::CliError;
use docspec_diagnostics::Applicability;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

pub struct FixSummary {
    pub fixed: usize,
    pub files: usize,
    pub skipped: Vec<String>,
}

/// A page whose fixes changed its text.
struct Fixed {
    path: PathBuf,
    display: String,
    original: String,
    bom: bool,
    text: String,
    count: usize,
}

/// Fixes every planned page; with `diff`, prints what would change instead of writing.
/// Pages are read and fixed in parallel a chunk at a time (only the chunk's texts are
/// held), and written or shown in run order.
pub fn run(
    plan: &[Planned],
    cache: Option<&LintCache>,
    threshold: Applicability,
    diff: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<FixSummary, CliError> {
    let mut summary = FixSummary {
        fixed: 0,
        files: 0,
        skipped: Vec::new(),
    };
    for chunk in plan.chunks(CHUNK) {
        // A page's diff is made beside its fixing, on the same worker; this thread
        // only writes them out in order.
        let fixed = chunk
            .par_iter()
            .map(|planned| {
                let page = fix_one(planned, cache, threshold)?;
                let Some(page) = page else {
                    return Ok(None);
                };
                let shown = if diff {
                    let mut bytes = Vec::new();
                    write_diff(&page.display, &page.original, &page.text, &mut bytes)?;
                    Some(bytes)
                } else {
                    None
                };
                Ok(Some((page, shown)))
            })
            .collect::<Result<Vec<_>, CliError>>()?;
        for (page, shown) in fixed.into_iter().flatten() {
            if let Some(shown) = shown {
                out.write_all(&shown)?;
            } else if !write_fixed(&page, err)? {
                summary.skipped.push(page.display);
                continue;
            }
            summary.fixed += page.count;
            summary.files += 1;
        }
    }
    Ok(summary)
}

/// Reads one page and applies its fixes until they settle; `None` when nothing
/// changed or the page cannot be read (`lint` reports it). A page whose cached findings
/// hold no fix to apply is not linted: the loop's first pass would stop there.
fn fix_one(planned: &Planned, cache: Option<&LintCache>, threshold: Applicability) -> Result<Option<Fixed>, CliError> {
    let Loaded::Text { text, bom } = files::load(&planned.found.path)? else {
        return Ok(None);
    };
    let display = workspace::display_path(&planned.found.path);
    if let Some(cache) = cache {
        let has_fixes = cache.has_fixes(&planned.found.path, &planned.settings, &display, &text, threshold);
        if has_fixes == Some(false) {
            return Ok(None);
        }
    }
    let (fixed, count) = docspec_workspace::fix_text(&display, &text, &planned.settings, threshold);
    Ok((count > 0 && fixed != text).then(|| Fixed {
        path: planned.found.path.clone(),
        display,
        original: text,
        bom,
        text: fixed,
        count,
    }))
}

/// Writes a fixed page atomically, unless the file changed on disk since it was read
/// (then says so and returns false).
fn write_fixed(page: &Fixed, err: &mut dyn Write) -> Result<bool, CliError> {
    let with_bom = |text: &str| {
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if page.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());
        bytes
    };
    let on_disk = std::fs::read(&page.path).map_err(|source| CliError::Io {
        path: page.path.clone(),
        source,
    })?;
    if on_disk != with_bom(&page.original) {
        writeln!(
            err,
            "{}: changed on disk while docspec was running; not fixed",
            page.display
        )?;
        return Ok(false);
    }
    write_atomic(&page.path, &with_bom(&page.text))?;
    Ok(true)
}

pub fn write_diff(path: &str, before: &str, after: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let (old, new) = diff_headers(path);
    let diff = similar::TextDiff::from_lines(before, after);
    write!(out, "{}", diff.unified_diff().context_radius(2).header(&old, &new))
}

/// `a/path` and `b/path` as git writes them for relative paths; an absolute path is
/// written as it is on both sides (`a//home/...` is no path at all).
fn diff_headers(path: &str) -> (String, String) {
    if std::path::Path::new(path).is_absolute() {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    }
}
