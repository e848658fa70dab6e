//! Renders every `.md` file under a folder as a site (a development aid until the
//! `docspec build` command calls `render_site`).
//!
//! `cargo run -p docspec-html --example render -- DIR -o OUT [--title T] [--theme DIR]`

use docspec_html::{render_site, PageInput, SiteSettings, Theme};
use docspec_model::SourceFile;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut input, mut out, mut theme_dir) = (None, None, None);
    let mut settings = SiteSettings::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-o" | "--out" => out = args.next().map(PathBuf::from),
            "--title" => settings.title = args.next().ok_or("--title needs a value")?,
            "--theme" => theme_dir = args.next().map(PathBuf::from),
            "--spec" => settings.spec_link = args.next(),
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let usage = "usage: render DIR -o OUT [--title T] [--theme DIR] [--spec FILE]";
    let (input, out) = input.zip(out).ok_or(usage)?;
    let theme = match theme_dir {
        Some(dir) => Theme::with_overrides(&dir).map_err(|e| e.to_string())?,
        None => Theme::builtin(),
    };

    let started = Instant::now();
    let files = markdown_files(&input)?;
    let sources: Vec<(String, SourceFile)> = files
        .iter()
        .map(|(display, path)| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((display.clone(), SourceFile::new(display.clone(), text)))
        })
        .collect::<Result<_, String>>()?;
    let pages: Vec<_> = sources.iter().map(|(_, s)| docspec_parser::parse(s)).collect();
    let inputs: Vec<PageInput<'_>> = sources
        .iter()
        .zip(&pages)
        .map(|((path, source), page)| PageInput { path, source, page })
        .collect();
    let report = render_site(&inputs, &theme, &settings, &out).map_err(|e| e.to_string())?;
    eprintln!(
        "rendered {} pages, {} endpoints, {} files into {} in {:.2?}",
        report.pages,
        report.methods,
        report.files.len(),
        out.display(),
        started.elapsed()
    );
    Ok(())
}

/// `.md` files under `dir`, sorted, with their `/`-separated path relative to `dir`.
fn markdown_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
            let relative = path.strip_prefix(dir).map_err(|e| e.to_string())?;
            let display = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((display, path.to_path_buf()));
        }
    }
    Ok(files)
}
