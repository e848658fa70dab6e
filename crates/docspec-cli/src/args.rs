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
    /// Write an OpenAPI 3.0.3 document generated from the pages.
    Openapi(OpenApiArgs),
    /// Render the pages as a static HTML site.
    Render(RenderArgs),
    /// Lint the pages, write `openapi.yaml` and render the site, into one folder.
    Build(BuildArgs),
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
    /// SARIF 2.1.0 (GitHub code scanning, IDEs).
    Sarif,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML (most CI systems).
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Debug, Clone, clap::Args)]
pub struct LintArgs {
    /// Files or folders to check (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Write the report to FILE; a summary still goes to the terminal.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Apply safe fixes to the files.
    #[arg(long)]
    pub fix: bool,
    /// Also apply unsafe fixes (with `--fix` or `--diff`).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a diff instead of writing them.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpecFormat {
    Yaml,
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct OpenApiArgs {
    /// Files or folders to read (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Write the document to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format; by default from the extension of `--output` (`.json`), else YAML.
    #[arg(long, value_enum)]
    pub format: Option<SpecFormat>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Options of the rendered site shared by `render` and `build`.
#[derive(Debug, Clone, clap::Args)]
pub struct SiteArgs {
    /// Templates that replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Site title (default from `.docspec.yml` `render.title`, else "API reference").
    #[arg(long)]
    pub title: Option<String>,
    /// Where links to docs pages that are not rendered go (default `render.docs_base_url`).
    #[arg(long, value_name = "URL")]
    pub docs_base_url: Option<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RenderArgs {
    /// Files or folders to render (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The folder to write the site into.
    #[arg(short, long, value_name = "DIR", required_unless_present = "eject_templates")]
    pub output: Option<PathBuf>,
    /// Copy the built-in templates into DIR for editing, then stop.
    #[arg(long, value_name = "DIR")]
    pub eject_templates: Option<PathBuf>,
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Files or folders to build (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The folder to write `openapi.yaml` and the site into.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Exit with 1 when lint finds error-level problems (the outputs are still written).
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}
