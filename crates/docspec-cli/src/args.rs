use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Lint REST API reference pages written in Markdown to GitLab's API topic template,
/// emit OpenAPI 3.0 from them, render them as a static site, and check them in editors.
#[derive(Debug, Parser)]
#[command(
    name = "docspec",
    version,
    propagate_version = true,
    after_help = "Examples:
  docspec lint doc/api                     check pages (human report; --format for others)
  docspec lint doc/api --fix               apply the safe fixes
  docspec lint doc/api --baseline .docspec-baseline.json
                                           report only findings not recorded in the baseline
  docspec explain curl-short-option        a rule's documentation (or a category's rules)
  docspec build doc/api -o public          openapi.yaml and the site, with a lint summary
  docspec server                           the language server, for editors (stdio)

Exit codes: 0 clean, 1 findings at error level (or over --max-warnings), 2 usage,
configuration or I/O error."
)]
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
    /// Run the language server on standard input and output, for editors.
    Server(ServerArgs),
    /// Compare the pages with an API spec (OpenAPI 3.0/3.1 or Swagger 2.0): drift and coverage.
    Drift(DriftArgs),
    /// Write methods to the API topic template for operations of a spec.
    Scaffold(ScaffoldArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Color when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always color (for pagers and CI logs that show colors).
    Always,
    /// Never color.
    Never,
}

/// A rule selector from the command line: spaces around it are dropped (`"AT003, AT006"`
/// reads like the suppression comments), an unknown one is an error with a suggestion.
fn selector(text: &str) -> Result<String, String> {
    let selector = text.trim();
    if selector.is_empty() {
        return Err("empty rule selector (a stray comma?)".to_string());
    }
    if docspec_config::is_known_selector(selector) {
        return Ok(selector.to_string());
    }
    let hint = docspec_config::suggest_selector(selector)
        .map(|h| format!(" (did you mean `{h}`?)"))
        .unwrap_or_default();
    Err(format!(
        "unknown rule `{selector}`{hint}; run `docspec rules` for the list"
    ))
}

/// `--select` and `--ignore`, shared by `lint` and `build`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SelectArgs {
    /// Only these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub select: Vec<String>,
    /// Skip these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub ignore: Vec<String>,
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
    /// How to write the report.
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
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub select: Vec<String>,
    /// Skip these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Exit with 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Print the number of findings per rule after the report.
    #[arg(long)]
    pub statistics: bool,
    /// When to color the report (`human` and `concise`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Accept paths without Markdown files (by default a run that checks nothing is an
    /// error, so a CI job pointed at the wrong folder fails instead of passing).
    #[arg(long)]
    pub allow_empty: bool,
    /// Do not report findings recorded in FILE (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the findings in FILE and exit 0; with `--baseline`, keep only its entries that
    /// still occur (fixed ones are dropped, new findings are reported, not added).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["changed_since", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// Only report findings on lines changed since the branch left the git revision REF
    /// (`git merge-base REF HEAD`; committed, staged, unstaged and untracked changes).
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Lint every page afresh: neither read nor write the cache (also `DOCSPEC_NO_CACHE=1`).
    #[arg(long)]
    pub no_cache: bool,
    /// Keep the cache in DIR instead of `.docspec_cache` in the current folder (also
    /// `DOCSPEC_CACHE_DIR`).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Json,
}

#[derive(Debug, Clone, clap::Args)]
pub struct InspectArgs {
    /// Pages or folders to read. One page gives one JSON object; a folder or several
    /// paths give an array of them, sorted by path.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (`CU001`) or name (`curl-short-option`); a category (`curl`) or code
    /// prefix (`CU`) lists its rules.
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
    /// Only these findings: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub select: Vec<String>,
    /// Skip these findings: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Accept paths without Markdown files (an empty document).
    #[arg(long)]
    pub allow_empty: bool,
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
#[command(override_usage = "docspec render --output <DIR> [OPTIONS] [PATH]...
       docspec render --eject-templates <DIR>")]
pub struct RenderArgs {
    /// Files or folders to render (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The folder to write the site into (required, unless `--eject-templates`).
    #[arg(short, long, value_name = "DIR", required_unless_present = "eject_templates")]
    pub output: Option<PathBuf>,
    /// Copy the built-in templates into DIR for editing, then stop.
    #[arg(long, value_name = "DIR")]
    pub eject_templates: Option<PathBuf>,
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Accept paths without Markdown files (a site without pages).
    #[arg(long)]
    pub allow_empty: bool,
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
    /// Print the whole lint report in this format on standard output (by default only
    /// its summary is printed, on standard error).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<LintFormat>,
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "format")]
    pub quiet: bool,
    #[command(flatten)]
    pub rules: SelectArgs,
    /// When to color the report (`human` and `concise`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Accept paths without Markdown files.
    #[arg(long)]
    pub allow_empty: bool,
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServerArgs {
    /// Talk over standard input and output (the only transport; accepted because editor
    /// clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DriftArgs {
    /// Files or folders to compare (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The spec: OpenAPI 3.0/3.1 or Swagger 2.0, YAML or JSON (default `drift.spec` of `.docspec.yml`).
    #[arg(long, value_name = "FILE")]
    pub spec: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Write the report to FILE; the summary still goes to the terminal.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the coverage summary to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub coverage: Option<PathBuf>,
    /// The spec covers some resources only: skip pages with no operation in it.
    #[arg(long)]
    pub partial: bool,
    /// Only these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
    pub select: Vec<String>,
    /// Skip these rules: codes, names, code prefixes or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE", value_parser = selector)]
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

#[derive(Debug, Clone, clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["operation", "missing"])))]
pub struct ScaffoldArgs {
    /// The pages to compare with for `--missing` (folders are searched for `.md` files).
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// The spec: OpenAPI 3.0/3.1 or Swagger 2.0, YAML or JSON (default `drift.spec` of `.docspec.yml`).
    #[arg(long, value_name = "FILE")]
    pub spec: Option<PathBuf>,
    /// The operation to write: its `operationId`, or `VERB /path` as the spec writes it (repeatable).
    #[arg(long, value_name = "ID")]
    pub operation: Vec<String>,
    /// Every operation no page documents: appended to the page `drift` suggests, or new pages.
    #[arg(long)]
    pub missing: bool,
    /// Folder for new pages (default: standard output with `--operation`, the first PATH with `--missing`).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Print what would change as a diff, write nothing.
    #[arg(long)]
    pub diff: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}
