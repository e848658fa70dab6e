use crate::args::ExplainArgs;
use crate::{CliError, ExitStatus};
use std::io::Write;

pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<ExitStatus, CliError> {
    let Some(rule) = docspec_lint::find(&args.rule) else {
        let hint = docspec_lint::suggest(&args.rule)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!("unknown rule `{}`{hint}", args.rule)));
    };
    let m = rule.meta();
    writeln!(out, "# {} ({})", m.name, m.code)?;
    writeln!(out)?;
    writeln!(
        out,
        "Category: {}. Default severity: {}. Fix: {}. Since: {}.",
        m.category,
        m.default_severity,
        match m.fix {
            docspec_lint::FixAvailability::None => "none",
            docspec_lint::FixAvailability::Sometimes => "sometimes",
            docspec_lint::FixAvailability::Always => "always",
        },
        m.since
    )?;
    writeln!(out)?;
    writeln!(out, "{}", m.docs)?;
    Ok(ExitStatus::Success)
}
