use crate::args::InspectArgs;
use crate::files::{self, Loaded};
use crate::workspace::display_path;
use crate::{CliError, ExitStatus};
use docspec_model::SourceFile;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Inspected<'a> {
    path: &'a str,
    page: &'a docspec_model::Page,
}

/// One page gives one object; a folder or several paths an array, written page by page.
pub fn run(args: &InspectArgs, out: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let single = matches!(args.paths.as_slice(), [path] if path.is_file());
    files::require_markdown(&args.paths, false)?;
    let found = files::discover(&args.paths)?;
    if !single {
        write!(out, "[")?;
    }
    for (i, file) in found.iter().enumerate() {
        let text = match files::load(&file.path)? {
            Loaded::Text { text, .. } => text,
            Loaded::Unreadable { message, .. } => {
                return Err(CliError::Usage(format!("{}: {message}", file.path.display())))
            }
        };
        let path = display_path(&file.path);
        let source = SourceFile::new(path.clone(), text);
        let page = docspec_parser::parse(&source);
        if !single {
            write!(out, "{}", if i == 0 { "\n" } else { ",\n" })?;
        }
        serde_json::to_writer_pretty(
            &mut *out,
            &Inspected {
                path: &path,
                page: &page,
            },
        )
        .map_err(std::io::Error::from)?;
    }
    if !single {
        write!(out, "\n]")?;
    }
    writeln!(out)?;
    Ok(ExitStatus::Success)
}
