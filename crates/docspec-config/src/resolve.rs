//! Finding `.docspec.yml` and turning it into the settings of each page.

use crate::types::{ConfigFile, Override, RuleConfig, SeverityLevel};
use crate::ConfigError;
use docspec_diagnostics::Severity;
use docspec_lint::{all_metadata, ApiSettings, Category, LintSettings, RuleSelection};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const CONFIG_FILE: &str = ".docspec.yml";

/// Selectors given on the command line; they win over every file.
#[derive(Clone, Debug, Default)]
pub struct CliOverrides {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// One loaded configuration (or the defaults) and where it applies from.
#[derive(Debug)]
pub struct Config {
    /// The file it came from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// Globs in the file are relative to this folder.
    pub dir: PathBuf,
    pub file: ConfigFile,
    exclude: GlobSet,
    overrides: Vec<(GlobSet, Override)>,
}

impl Config {
    pub fn defaults(dir: &Path) -> Config {
        Config {
            path: None,
            dir: dir.to_path_buf(),
            file: ConfigFile::default(),
            exclude: GlobSet::empty(),
            overrides: Vec::new(),
        }
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_text(path, &text)
    }

    pub fn from_text(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile = if text.trim().is_empty() {
            ConfigFile::default()
        } else {
            serde_yaml::from_str(text).map_err(|e| yaml_error(path, &e))?
        };
        validate(path, text, &file)?;
        let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let exclude = globs(path, text, file.exclude.as_deref().unwrap_or_default())?;
        let overrides = file
            .overrides
            .iter()
            .flatten()
            .map(|o| Ok((globs(path, text, &o.files)?, o.clone())))
            .collect::<Result<Vec<_>, ConfigError>>()?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            dir,
            file,
            exclude,
            overrides,
        })
    }

    fn relative<'a>(&self, file: &'a Path) -> &'a Path {
        let file = file.strip_prefix("./").unwrap_or(file);
        let dir = self.dir.strip_prefix("./").unwrap_or(&self.dir);
        if dir.as_os_str().is_empty() || dir == Path::new(".") {
            return file;
        }
        file.strip_prefix(dir).unwrap_or(file)
    }

    pub fn is_excluded(&self, file: &Path) -> bool {
        self.exclude.is_match(self.relative(file))
    }

    pub fn api(&self) -> ApiSettings {
        let defaults = ApiSettings::default();
        let api = self.file.api.clone().unwrap_or_default();
        ApiSettings {
            base_path: api.base_path.unwrap_or(defaults.base_path),
            example_host: api.example_host.unwrap_or(defaults.example_host),
            token_placeholder: api.token_placeholder.unwrap_or(defaults.token_placeholder),
        }
    }

    /// The index page's file name (`api_resources.md` unless configured).
    pub fn index_page(&self) -> String {
        self.file
            .index
            .clone()
            .unwrap_or_else(|| "api_resources.md".to_string())
    }

    /// The lint settings of one file.
    pub fn settings_for(&self, file: &Path, cli: &CliOverrides) -> LintSettings {
        let mut selection = RuleSelection::default();
        let mut options = BTreeMap::new();
        apply(
            &mut selection,
            &mut options,
            self.file.select.as_deref(),
            self.file.ignore.as_deref(),
            self.file.rules.as_ref(),
        );
        let relative = self.relative(file);
        for (globs, o) in &self.overrides {
            if globs.is_match(relative) {
                apply(
                    &mut selection,
                    &mut options,
                    o.select.as_deref(),
                    o.ignore.as_deref(),
                    o.rules.as_ref(),
                );
            }
        }
        let select = (!cli.select.is_empty()).then_some(cli.select.as_slice());
        apply(&mut selection, &mut options, select, Some(&cli.ignore), None);
        LintSettings {
            api: self.api(),
            extra_types: self.file.types.clone().unwrap_or_default(),
            rules: selection,
            options,
        }
    }
}

fn apply(
    selection: &mut RuleSelection,
    options: &mut BTreeMap<String, serde_json::Value>,
    select: Option<&[String]>,
    ignore: Option<&[String]>,
    rules: Option<&BTreeMap<String, RuleConfig>>,
) {
    if let Some(select) = select {
        let mut only = RuleSelection::none();
        for meta in all_metadata() {
            if select.iter().any(|s| meta.matches(s)) {
                only.set(meta.code, selection.severity(meta.code).or(Some(meta.default_severity)));
            }
        }
        *selection = only;
    }
    for meta in all_metadata() {
        if ignore.unwrap_or_default().iter().any(|s| meta.matches(s)) {
            selection.set(meta.code, None);
        }
    }
    for (key, config) in rules.into_iter().flatten() {
        for meta in all_metadata().filter(|m| m.matches(key)) {
            if let Some(level) = config.severity() {
                selection.set(meta.code, severity(level));
            }
            if let Some(opts) = config.options() {
                let value = serde_json::Value::Object(opts.clone().into_iter().collect());
                options.insert(meta.code.to_string(), value);
            }
        }
    }
}

fn severity(level: SeverityLevel) -> Option<Severity> {
    match level {
        SeverityLevel::Off => None,
        SeverityLevel::Info => Some(Severity::Info),
        SeverityLevel::Warning => Some(Severity::Warning),
        SeverityLevel::Error => Some(Severity::Error),
    }
}

/// Whether a selector names a rule, a code prefix, or a category.
pub fn is_known_selector(selector: &str) -> bool {
    Category::parse(selector).is_some() || all_metadata().any(|m| m.matches(selector))
}

/// The code, name or category nearest to an unknown selector.
pub fn suggest_selector(selector: &str) -> Option<String> {
    let lower = selector.to_ascii_lowercase();
    let candidates = all_metadata()
        .flat_map(|m| [m.code, m.name])
        .chain(Category::ALL.iter().map(|c| c.as_str()));
    candidates
        .map(|c| (c, strsim::levenshtein(&lower, &c.to_ascii_lowercase())))
        .filter(|(c, d)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(_, d)| *d)
        .map(|(c, _)| c.to_string())
}

fn validate(path: &Path, text: &str, file: &ConfigFile) -> Result<(), ConfigError> {
    let mut selectors: Vec<&String> = Vec::new();
    selectors.extend(file.select.iter().flatten());
    selectors.extend(file.ignore.iter().flatten());
    selectors.extend(file.rules.iter().flat_map(|r| r.keys()));
    for o in file.overrides.iter().flatten() {
        selectors.extend(o.select.iter().flatten());
        selectors.extend(o.ignore.iter().flatten());
        selectors.extend(o.rules.iter().flat_map(|r| r.keys()));
    }
    for selector in selectors {
        if !is_known_selector(selector) {
            let (line, column) = locate(text, selector);
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!("unknown rule `{selector}`"),
                help: Some(match suggest_selector(selector) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "run `docspec rules` for the list of codes, names and categories".to_string(),
                }),
            });
        }
    }
    let mut tables: Vec<&BTreeMap<String, RuleConfig>> = file.rules.iter().collect();
    tables.extend(file.overrides.iter().flatten().filter_map(|o| o.rules.as_ref()));
    for (key, config) in tables.into_iter().flatten() {
        check_options(path, text, key, config)?;
    }
    Ok(())
}

/// A rule's `options:` must be ones it reads, with values of the right type.
fn check_options(path: &Path, text: &str, key: &str, config: &RuleConfig) -> Result<(), ConfigError> {
    let Some(options) = config.options().filter(|o| !o.is_empty()) else {
        return Ok(());
    };
    let invalid = |at: &str, message: String, help: Option<String>| {
        let (line, column) = locate(text, at);
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message,
            help,
        }
    };
    let rules: Vec<_> = docspec_lint::RULES.iter().filter(|r| r.meta().matches(key)).collect();
    let [rule] = rules.as_slice() else {
        return Err(invalid(
            key,
            format!("`{key}` selects {} rules; options belong to one rule", rules.len()),
            Some("name the rule by its code or name".to_string()),
        ));
    };
    let map: serde_json::Map<String, serde_json::Value> = options.clone().into_iter().collect();
    rule.check_options(&map).map_err(|e| {
        let help = unknown_field_help(&e.message)
            .or_else(|| Some(format!("`docspec explain {}` lists its options", rule.meta().name)));
        invalid(&e.key, format!("{} of `{}`", e.message, rule.meta().name), help)
    })
}

fn globs(path: &Path, text: &str, patterns: &[String]) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| {
            let (line, column) = locate(text, pattern);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!("invalid glob `{pattern}`: {}", e.kind()),
                help: None,
            }
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|e| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("invalid globs: {e}"),
        help: None,
    })
}

/// Line and column of the first whole-word occurrence of `needle`.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !word(before) && !word(after) {
            let line = text[..at].matches('\n').count() + 1;
            let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
            return (line, column);
        }
        from = at + needle.len();
    }
    (1, 1)
}

fn yaml_error(path: &Path, err: &serde_yaml::Error) -> ConfigError {
    let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
    let raw = err.to_string();
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let help = unknown_field_help(&message);
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        column,
        message,
        help,
    }
}

/// "did you mean" for serde's `unknown field `x`, expected one of `a`, `b``.
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let field = rest.split('`').next()?;
    let expected: Vec<&str> = rest.split("expected").nth(1)?.split('`').skip(1).step_by(2).collect();
    let best = expected
        .iter()
        .map(|e| (*e, strsim::levenshtein(field, e)))
        .min_by_key(|(_, d)| *d)
        .filter(|(e, d)| *d <= (e.len() / 2).max(2))?;
    Some(format!("did you mean `{}`?", best.0))
}

/// How configuration is found for each file.
pub enum Discovery {
    /// `--config FILE` (or `--no-config`): one configuration for every file.
    Fixed(Arc<Config>),
    /// The nearest `.docspec.yml` above each file, cached per folder.
    WalkUp(HashMap<PathBuf, Arc<Config>>),
}

impl Discovery {
    pub fn fixed(config: Config) -> Self {
        Discovery::Fixed(Arc::new(config))
    }

    pub fn walk_up() -> Self {
        Discovery::WalkUp(HashMap::new())
    }

    /// The configuration that applies to `file`.
    pub fn for_file(&mut self, file: &Path) -> Result<Arc<Config>, ConfigError> {
        match self {
            Discovery::Fixed(config) => Ok(Arc::clone(config)),
            Discovery::WalkUp(cache) => {
                let dir = file.parent().unwrap_or(Path::new("."));
                Self::for_dir(cache, dir)
            }
        }
    }

    fn for_dir(cache: &mut HashMap<PathBuf, Arc<Config>>, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(found) = cache.get(dir) {
            return Ok(Arc::clone(found));
        }
        let lookup = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let candidate = lookup.join(CONFIG_FILE);
        let config = if candidate.is_file() {
            Arc::new(Config::load(&candidate)?)
        } else {
            match parent_dir(lookup) {
                Some(parent) => Self::for_dir(cache, &parent)?,
                None => Arc::new(Config::defaults(lookup)),
            }
        };
        cache.insert(dir.to_path_buf(), Arc::clone(&config));
        Ok(config)
    }
}

/// The parent folder, resolving `.` and relative paths so the walk reaches the root.
fn parent_dir(dir: &Path) -> Option<PathBuf> {
    let absolute = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(dir)
    };
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    absolute.parent().map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_names_the_line_and_suggests() {
        let text = "rules:\n  missing-curl-exampel: off\n";
        let err = Config::from_text(Path::new("x/.docspec.yml"), text).unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("x/.docspec.yml:2:3"), "{shown}");
        assert!(shown.contains("did you mean `missing-curl-example`?"), "{shown}");
    }

    #[test]
    fn unknown_key_suggests_the_nearest_key() {
        let err = Config::from_text(Path::new(".docspec.yml"), "ignroe: [CU001]\n").unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains(":1:1"), "{shown}");
        assert!(shown.contains("did you mean `ignore`?"), "{shown}");
    }

    #[test]
    fn unknown_or_mistyped_rule_options_are_errors() {
        let text = "rules:\n  curl-unknown-attribute:\n    options: { allowd: [scope] }\n";
        let shown = Config::from_text(Path::new(".docspec.yml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            shown.contains(":3:16: option `allowd`: unknown field `allowd`"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `allowed`?"), "{shown}");
        let text = "rules:\n  CU014:\n    options:\n      max-line-length: \"abc\"\n";
        let shown = Config::from_text(Path::new(".docspec.yml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            shown.contains(":4:7: option `max-line-length`: invalid type: string \"abc\""),
            "{shown}"
        );
        let text = "rules:\n  missing-curl-example:\n    options: { x: 1 }\n";
        let shown = Config::from_text(Path::new(".docspec.yml"), text)
            .unwrap_err()
            .to_string();
        assert!(shown.contains("this rule has no options"), "{shown}");
        let text = "rules:\n  curl:\n    options: { allowed: [x] }\n";
        let shown = Config::from_text(Path::new(".docspec.yml"), text)
            .unwrap_err()
            .to_string();
        assert!(shown.contains("options belong to one rule"), "{shown}");
        let good =
            "rules:\n  CU014:\n    options: { max-line-length: 120 }\n  CU011:\n    options: { allowed: [scope] }\n";
        assert!(Config::from_text(Path::new(".docspec.yml"), good).is_ok());
    }

    #[test]
    fn layering_applies_file_then_override_then_cli() {
        let text = "rules:\n  ST004: off\n  ST003: error\noverrides:\n  - files: ['legacy/**']\n    rules:\n      ST003: off\n";
        let config = Config::from_text(Path::new("docs/.docspec.yml"), text).unwrap();
        let cli = CliOverrides::default();
        let normal = config.settings_for(Path::new("docs/a.md"), &cli);
        assert_eq!(normal.rules.severity("ST004"), None);
        assert_eq!(normal.rules.severity("ST003"), Some(Severity::Error));
        let legacy = config.settings_for(Path::new("docs/legacy/b.md"), &cli);
        assert_eq!(legacy.rules.severity("ST003"), None);
        let cli = CliOverrides {
            select: vec!["structure".into()],
            ignore: vec!["ST001".into()],
        };
        let selected = config.settings_for(Path::new("docs/a.md"), &cli);
        assert_eq!(selected.rules.severity("ST001"), None);
        assert_eq!(selected.rules.severity("ST003"), Some(Severity::Error));
        assert_eq!(selected.rules.severity("RQ001"), None);
    }
}
