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
    let chars = lower.chars().count();
    let within = |c: &str| (c.len() / 3).max(2);
    all_metadata()
        .flat_map(|m| [m.code, m.name])
        // The distance is at least the difference in length (codes and names are ASCII):
        // a long word is not compared, in quadratic time, with names it cannot be near.
        .filter(|c| chars.abs_diff(c.len()) <= within(c))
        .map(|candidate| (candidate, strsim::levenshtein(&lower, &candidate.to_ascii_lowercase())))
        .filter(|(c, d)| *d <= within(c))
        .min_by_key(|(_, d)| *d)
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `suggest` without the length shortcut.
    fn suggest_by_comparing_all(selector: &str) -> Option<&'static str> {
        let lower = selector.to_ascii_lowercase();
        all_metadata()
            .flat_map(|m| [m.code, m.name])
            .map(|c| (c, strsim::levenshtein(&lower, &c.to_ascii_lowercase())))
            .filter(|(c, d)| *d <= (c.len() / 3).max(2))
            .min_by_key(|(_, d)| *d)
            .map(|(c, _)| c)
    }

    #[test]
    fn the_length_shortcut_suggests_what_comparing_every_name_does() {
        let mut words: Vec<String> = Vec::new();
        for m in all_metadata() {
            for name in [m.code, m.name] {
                words.push(name.to_uppercase());
                // Characters dropped or added at either end, near the limit of a match.
                for cut in [1, 3].into_iter().filter(|&cut| cut <= name.len()) {
                    words.push(name[cut..].to_string());
                    words.push(name[..name.len() - cut].to_string());
                }
                words.push(format!("{name}x"));
                words.push(format!("xy{name}"));
                words.push(format!("{name}-éé"));
            }
        }
        words.extend(["", "a", "ST", "st00", "curl", "xx-yy-zz", "🙂🙂🙂", "résumé-type"].map(String::from));
        words.push("w".repeat(300));
        for word in &words {
            assert_eq!(suggest(word), suggest_by_comparing_all(word), "{word:?}");
        }
    }
}
