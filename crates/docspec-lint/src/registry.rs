//! The one list of rules. Add a rule with one line in `rules/mod.rs`.

use crate::{Rule, RuleMetadata};

/// Declares the rule list from rule types (unit structs).
#[macro_export]
macro_rules! register_rules {
    ($($rule:path),* $(,)?) => {
        /// Every rule, in registration order.
        pub static RULES: &[&dyn $crate::Rule] = &[$(&$rule),*];
    };
}

pub use crate::rules::RULES;

pub fn all_metadata() -> impl Iterator<Item = &'static RuleMetadata> {
    RULES.iter().map(|r| r.meta())
}

/// A rule by code (any case) or name.
pub fn find(selector: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(selector) || r.meta().name == selector)
}

/// The closest code or name to a mistyped selector, for "did you mean".
pub fn suggest(selector: &str) -> Option<&'static str> {
    let lower = selector.to_ascii_lowercase();
    all_metadata()
        .flat_map(|m| [m.code, m.name])
        .map(|candidate| (candidate, strsim::levenshtein(&lower, &candidate.to_ascii_lowercase())))
        .filter(|(c, d)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(_, d)| *d)
        .map(|(c, _)| c)
}
