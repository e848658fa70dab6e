//! `.docspec.yml`: the file's types (with their JSON Schema), discovery by walking up
//! from each linted path, and layering (defaults, file, overrides, command line) into
//! the [`LintSettings`] one page is checked with.

mod error;
mod resolve;
mod types;

pub use error::ConfigError;
pub use resolve::{is_known_selector, suggest_selector, CliOverrides, Config, Discovery, CONFIG_FILE};
pub use types::{ApiConfig, ConfigFile, OpenApiConfig, Override, RenderConfig, RuleConfig, SeverityLevel};

use docspec_lint::LintSettings;

/// The JSON Schema of `.docspec.yml`, as committed in `schemas/config.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Settings with no configuration file at all.
pub fn default_settings() -> LintSettings {
    LintSettings::default()
}
