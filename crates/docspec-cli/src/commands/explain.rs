use crate::args::ExplainArgs;
use crate::{CliError, ExitStatus};
use docspec_lint::{FixAvailability, RuleMetadata};
use std::io::Write;

/// A rule's documentation; a category or code prefix (what `--select` accepts) lists its rules.
pub fn run(args: &ExplainArgs, out: &mut dyn Write) -> Result<ExitStatus, CliError> {
    if let Some(rule) = docspec_lint::find(&args.rule) {
        explain_rule(rule.meta(), out)?;
        return Ok(ExitStatus::Success);
    }
    let group: Vec<&RuleMetadata> = docspec_lint::all_metadata()
        .filter(|m| docspec_config::is_known_selector(&args.rule) && m.matches(&args.rule))
        .collect();
    if group.is_empty() {
        let hint = docspec_config::suggest_selector(&args.rule)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        return Err(CliError::Usage(format!(
            "unknown rule or category `{}`{hint}; run `docspec rules` for the list",
            args.rule
        )));
    }
    explain_group(&args.rule, &group, out)?;
    Ok(ExitStatus::Success)
}

fn fix(m: &RuleMetadata) -> &'static str {
    match m.fix {
        FixAvailability::None => "none",
        FixAvailability::Sometimes => "sometimes",
        FixAvailability::Always => "always",
    }
}

fn explain_rule(m: &RuleMetadata, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {} ({})", m.name, m.code)?;
    writeln!(out)?;
    writeln!(
        out,
        "Category: {}. Default severity: {}. Fix: {}. Since: {}.",
        m.category,
        m.default_severity,
        fix(m),
        m.since
    )?;
    if let Some(twins) = m.markdownlint_twins() {
        writeln!(
            out,
            "markdownlint checks this as {twins}; its disable comments suppress this rule too."
        )?;
    }
    if let Some(twins) = m.vale_twins() {
        writeln!(
            out,
            "GitLab's Vale rules check this as {twins}; Vale's comments that turn them off suppress this rule too."
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", m.docs)
}

fn explain_group(selector: &str, rules: &[&RuleMetadata], out: &mut dyn Write) -> std::io::Result<()> {
    match docspec_lint::Category::parse(selector) {
        Some(category) => writeln!(out, "# Category `{category}`")?,
        None => writeln!(out, "# Rules `{selector}…`")?,
    }
    writeln!(out)?;
    let width = rules.iter().map(|m| m.name.len()).max().unwrap_or(4);
    for m in rules {
        writeln!(
            out,
            "{:<6} {:<width$} {:<7} fix {:<9} {}",
            m.code,
            m.name,
            m.default_severity.as_str(),
            fix(m),
            m.summary
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Run `docspec explain CODE` for one rule's documentation.")
}
