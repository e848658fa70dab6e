use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// docspec: lint REST API reference pages written in Markdown, emit OpenAPI from
/// them, and render them as a static site.
#[derive(Debug, Parser)]
#[command(name = "docspec", version, about, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check pages against the API topic template and its rules.
    Lint(LintArgs),
    /// Print the model docspec reads from one page, with byte spans.
    Inspect(InspectArgs),
    /// List every rule with its code, name, default severity and summary.
    Rules(RulesArgs),
    /// Print the documentation of one rule.
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Options shared by commands that read pages with their configuration.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Use this configuration file for every page instead of looking for `.docspec.yml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files; use the defaults.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Source snippets with labels and help (miette).
    Human,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// A JSON array, one object per finding.
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LintArgs {
    /// Files or folders to check (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Only these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Skip these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Exit with 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Print the number of findings per rule after the report.
    #[arg(long)]
    pub statistics: bool,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InspectArgs {
    /// The page to read.
    pub path: PathBuf,
    #[arg(long, value_enum, default_value_t = InspectFormat::Json)]
    pub format: InspectFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (`CU001`) or name (`curl-short-option`).
    pub rule: String,
}
