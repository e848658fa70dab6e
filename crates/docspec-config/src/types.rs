//! The types of `.docspec.yml`. Doc comments become the schema's descriptions.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// docspec configuration (`.docspec.yml`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Per-rule settings, keyed by rule code (`CU001`) or name (`curl-short-option`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<String, RuleConfig>>,
    /// Run only these rules: codes, names, code prefixes (`CU`) or categories (`curl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    /// Never run these rules: codes, names, code prefixes or categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
    /// Settings for some files only, applied in order after the top-level ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<Override>>,
    /// How the API and its examples are written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiConfig>,
    /// Type words allowed in attribute tables on top of the built-in vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<String>>,
    /// Files to skip, as globs relative to this file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Vec<String>>,
    /// The page that links every resource page (default `api_resources.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// Settings of `docspec openapi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openapi: Option<OpenApiConfig>,
    /// Settings of `docspec render`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub render: Option<RenderConfig>,
    /// Settings of `docspec drift` and `docspec scaffold`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drift: Option<DriftConfig>,
}

/// Settings for the files matching `files`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Globs relative to the configuration file's folder, like `doc/api/legacy/**`.
    pub files: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<String, RuleConfig>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<String>>,
}

/// `off`, `info`, `warning` or `error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityLevel {
    Off,
    Info,
    Warning,
    Error,
}

/// A rule's severity, written alone (`CU001: off`) or with options.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum RuleConfig {
    #[default]
    #[serde(skip)]
    Default,
    /// Only the severity.
    Severity(SeverityLevel),
    /// Severity and options.
    Full(RuleTable),
}

/// A rule's severity and options.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<SeverityLevel>,
    /// Options of the rule; `docspec explain RULE` lists them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<BTreeMap<String, serde_json::Value>>,
}

impl RuleConfig {
    pub fn severity(&self) -> Option<SeverityLevel> {
        match self {
            RuleConfig::Default => None,
            RuleConfig::Severity(s) => Some(*s),
            RuleConfig::Full(t) => t.severity,
        }
    }

    pub fn options(&self) -> Option<&BTreeMap<String, serde_json::Value>> {
        match self {
            RuleConfig::Full(t) => t.options.as_ref(),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for RuleConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Level(String),
            Table(serde_yaml::Value),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Level(level) => match level.as_str() {
                "off" => Ok(RuleConfig::Severity(SeverityLevel::Off)),
                "info" => Ok(RuleConfig::Severity(SeverityLevel::Info)),
                "warning" => Ok(RuleConfig::Severity(SeverityLevel::Warning)),
                "error" => Ok(RuleConfig::Severity(SeverityLevel::Error)),
                other => Err(serde::de::Error::custom(format!(
                    "unknown severity `{other}`, expected one of `off`, `info`, `warning`, `error`"
                ))),
            },
            Raw::Table(value) => serde_yaml::from_value::<RuleTable>(value)
                .map(RuleConfig::Full)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// How the API and its examples are written.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    /// Request paths are under this path (default `/api/v4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_path: Option<String>,
    /// Host of cURL examples (default `https://gitlab.example.com`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example_host: Option<String>,
    /// Token placeholder of cURL examples (default `<your_access_token>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_placeholder: Option<String>,
}

/// Settings of the OpenAPI output.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenApiConfig {
    /// `info.title` (default `GitLab REST API`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `info.version` (default `v4`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `info.description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Server URLs (default the example host and base path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servers: Option<Vec<String>>,
    /// Where the pages are published (default `https://docs.gitlab.com/api/` for the
    /// GitLab API, else none): relative links in descriptions become absolute under it.
    /// Without it, they are kept as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_base_url: Option<String>,
    /// Schema names to use instead of derived ones, keyed by a derived name (`RepositoryBranch:
    /// Branch`) or by an operationId (whose response schema it names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_names: Option<BTreeMap<String, String>>,
    /// Error statuses every operation may return, from the API's status-code table
    /// (default `[400, 401, 403, 404]`): 400 only where the operation takes input, 404
    /// only where its path has a parameter. A method's own documented errors are added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_responses: Option<Vec<u16>>,
    /// Give list operations (a `GET` returning an array) the overview's offset pagination
    /// parameters and headers even when their page does not say they are paginated
    /// (default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paginate_lists: Option<bool>,
}

/// Settings of the rendered site.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderConfig {
    /// Site title (default `API reference`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Folder of templates that replace the built-in ones file by file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates: Option<String>,
    /// Where links to docs pages that are not rendered go: the URL the input folder is
    /// published at (`https://docs.example.com/api/`), or a template with `{path}`, the
    /// target's path without `.md` (`https://docs.gitlab.com/{path}/`). Without it, each
    /// such link is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_base_url: Option<String>,
    /// An "Edit this page" link on every page: a URL template with `{path}`, the page's
    /// path relative to the rendered folder (`https://gitlab.com/org/repo/-/edit/main/doc/{path}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_url: Option<String>,
}

/// Settings of `docspec drift` (pages against an API spec) and `docspec scaffold`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DriftConfig {
    /// The spec to compare with when `--spec` is not given, relative to this file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// Documented paths the API serves under another path, each with the spec's path:
    /// `/projects/:id/old_name: /projects/{id}/new_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_paths: Option<BTreeMap<String, String>>,
    /// Parameters the whole API documents once instead of in each table
    /// (default `[page, per_page]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_parameters: Option<Vec<String>>,
    /// The spec describes some resources only (a hand-written spec): pages with no
    /// operation in it are not compared (default `false`; `--partial` sets it too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<bool>,
}
