//! The resolved settings one lint run uses (the config crate builds these).

use crate::registry::RULES;
use docspec_diagnostics::Severity;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiSettings {
    /// Request lines are read under this path: `/api/v4`.
    pub base_path: String,
    /// cURL examples use this host: `https://gitlab.example.com`.
    pub example_host: String,
    /// cURL examples use this token: `<your_access_token>`.
    pub token_placeholder: String,
}

impl Default for ApiSettings {
    fn default() -> Self {
        Self {
            base_path: "/api/v4".to_string(),
            example_host: "https://gitlab.example.com".to_string(),
            token_placeholder: "<your_access_token>".to_string(),
        }
    }
}

impl ApiSettings {
    /// `https://gitlab.example.com/api/v4`
    pub fn base_url(&self) -> String {
        format!("{}{}", self.example_host.trim_end_matches('/'), self.base_path)
    }

    /// A request path relative to the base path (`/api/v4/projects` gives `/projects`).
    pub fn relative<'a>(&self, path: &'a str) -> &'a str {
        let base = self.base_path.trim_end_matches('/');
        match path.strip_prefix(base) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
            _ => path,
        }
    }
}

/// Which rules run and how loud each is: `None` means off.
#[derive(Clone, Debug)]
pub struct RuleSelection {
    severities: Vec<Option<Severity>>,
}

impl Default for RuleSelection {
    fn default() -> Self {
        Self {
            severities: RULES.iter().map(|r| Some(r.meta().default_severity)).collect(),
        }
    }
}

impl RuleSelection {
    /// Nothing enabled; `set` turns rules on.
    pub fn none() -> Self {
        Self {
            severities: vec![None; RULES.len()],
        }
    }

    pub fn set(&mut self, code: &str, severity: Option<Severity>) {
        if let Some(i) = RULES.iter().position(|r| r.meta().code == code) {
            self.severities[i] = severity;
        }
    }

    pub fn severity(&self, code: &str) -> Option<Severity> {
        RULES
            .iter()
            .position(|r| r.meta().code == code)
            .and_then(|i| self.severities[i])
    }

    /// The severity of the rule at `index` in [`RULES`].
    pub fn severity_at(&self, index: usize) -> Option<Severity> {
        self.severities.get(index).copied().flatten()
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.severity(code).is_some()
    }
}

#[derive(Clone, Debug, Default)]
pub struct LintSettings {
    pub api: ApiSettings,
    /// Type words allowed on top of the built-in vocabulary.
    pub extra_types: Vec<String>,
    pub rules: RuleSelection,
    /// Options per rule code, as given in the configuration.
    pub options: BTreeMap<String, serde_json::Value>,
}

impl LintSettings {
    /// Feeds everything a page's own findings depend on, besides its text, into `state`
    /// (the lint cache's key). Every field is named, so a new one cannot be forgotten.
    pub fn hash_into(&self, state: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        let LintSettings {
            api,
            extra_types,
            rules: RuleSelection { severities },
            options,
        } = self;
        api.hash(state);
        extra_types.hash(state);
        severities.hash(state);
        options.len().hash(state);
        for (code, value) in options {
            code.hash(state);
            value.to_string().hash(state);
        }
    }
}
