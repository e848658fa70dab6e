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

pub fn run(args: &InspectArgs, out: &mut dyn Write) -> Result<ExitStatus, CliError> {
    if !args.path.is_file() {
        return Err(CliError::NotFound(args.path.clone()));
    }
    let text = match files::load(&args.path)? {
        Loaded::Text { text, .. } => text,
        Loaded::Unreadable { message, .. } => {
            return Err(CliError::Usage(format!("{}: {message}", args.path.display())))
        }
    };
    let path = display_path(&args.path);
    let source = SourceFile::new(path.clone(), text);
    let page = docspec_parser::parse(&source);
    serde_json::to_writer_pretty(
        &mut *out,
        &Inspected {
            path: &path,
            page: &page,
        },
    )
    .map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(ExitStatus::Success)
}
