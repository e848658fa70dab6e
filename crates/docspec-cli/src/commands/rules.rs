use crate::args::{RulesArgs, RulesFormat};
use crate::{CliError, ExitStatus};
use std::io::Write;

pub fn run(args: &RulesArgs, out: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let rules: Vec<_> = docspec_lint::all_metadata().collect();
    match args.format {
        RulesFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rules).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        RulesFormat::Table => {
            let width = rules.iter().map(|r| r.name.len()).max().unwrap_or(4);
            writeln!(
                out,
                "{:<6} {:<width$} {:<12} {:<7} {:<9} SUMMARY",
                "CODE", "NAME", "CATEGORY", "DEFAULT", "FIX"
            )?;
            for r in rules {
                let fix = match r.fix {
                    docspec_lint::FixAvailability::None => "-",
                    docspec_lint::FixAvailability::Sometimes => "sometimes",
                    docspec_lint::FixAvailability::Always => "always",
                };
                writeln!(
                    out,
                    "{:<6} {:<width$} {:<12} {:<7} {:<9} {}",
                    r.code,
                    r.name,
                    r.category.as_str(),
                    r.default_severity.as_str(),
                    fix,
                    r.summary
                )?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
