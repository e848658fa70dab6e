//! What a history entry is about.

use crate::HistoryEntry;

/// The tiers, current and pre-2021, that older history wrote into its version.
const TIER_WORDS: &[&str] = &[
    "Free", "Premium", "Ultimate", "Core", "Starter", "Bronze", "Silver", "Gold",
];

/// `GitLab Premium 12.10` in a text, the version written with its tier as pages of 2019
/// to 2021 did: where the phrase starts, where its `major.minor` starts, and where both end.
pub fn find_tier_version(text: &str) -> Option<(usize, usize, usize)> {
    text.match_indices("GitLab ").find_map(|(at, _)| {
        let rest = &text[at + "GitLab ".len()..];
        TIER_WORDS.iter().find_map(|tier| {
            let after = rest.strip_prefix(tier)?.strip_prefix(' ')?;
            let (written, _) = version_at(after)?;
            let start = text.len() - after.len();
            Some((at, start, start + written.len()))
        })
    })
}

/// A `major.minor` version at the start of `text`: as written, and as numbers.
pub fn version_at(text: &str) -> Option<(&str, (u32, u32))> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let major_len = digits(text);
    if major_len == 0 {
        return None;
    }
    let rest = &text[major_len..];
    let minor_len = rest.strip_prefix('.').map_or(0, digits);
    if minor_len == 0 {
        return None;
    }
    let written = &text[..major_len + 1 + minor_len];
    let major = text[..major_len].parse().ok()?;
    let minor = rest[1..=minor_len].parse().ok()?;
    Some((written, (major, minor)))
}

/// Words that may name the whole endpoint before the verb: `This endpoint was deprecated`.
const WHOLE_NAMES: &[&str] = &[
    "this", "the", "endpoint", "api", "method", "resource", "was", "is", "has", "been",
];

/// Words that may follow the verb of an entry about the whole endpoint: `Introduced in`,
/// `Introduced with a flag`, `Introduced as an experiment`, `Introduced for GitLab.com`.
/// Anything else names a part (`Introduced support for job tokens`).
const AFTER_VERB: &[&str] = &["in", "with", "as", "for", "on", "behind", "under", "and", "from"];

impl HistoryEntry {
    /// Whether the entry speaks of the method, resource or page it sits under as a whole
    /// (`[Introduced](...) in GitLab 15.4.`), not of one part of it (`` `state` attribute
    /// introduced ``, `Support for keyset pagination introduced`, `Introduced support for`).
    pub fn is_about_the_whole(&self) -> bool {
        let Some(verb) = &self.verb else {
            return false;
        };
        if self.subject.is_some() {
            return false;
        }
        let lower = self.text.to_ascii_lowercase();
        let Some(at) = whole_word(&lower, &verb.value) else {
            return false;
        };
        let before_names_the_whole = words(&lower[..at]).all(|w| WHOLE_NAMES.contains(&w));
        let next = words(&lower[at + verb.value.len()..]).next();
        before_names_the_whole && next.is_none_or(|w| AFTER_VERB.contains(&w))
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The first position of `word` in `text` not inside a longer word.
fn whole_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back().is_none_or(|c| !is_word(c));
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !is_word(c));
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::{find_tier_version, version_at};
    use crate::{HistoryEntry, Spanned, TextRange};

    #[test]
    fn versions() {
        assert_eq!(version_at("16.10 and"), Some(("16.10", (16, 10))));
        assert_eq!(version_at("16"), None);
        assert_eq!(version_at("x"), None);
    }

    #[test]
    fn versions_written_with_their_tier() {
        let text = "Introduced in GitLab Premium 12.10.";
        let (start, number, end) = find_tier_version(text).unwrap();
        assert_eq!(
            (&text[start..end], &text[number..end]),
            ("GitLab Premium 12.10", "12.10")
        );
        assert_eq!(find_tier_version("in GitLab Premium 12."), None);
        assert_eq!(find_tier_version("in GitLab Runner 16.1"), None);
    }

    fn entry(text: &str, verb: &str, subject: Option<&str>) -> HistoryEntry {
        let range = TextRange::new(0, text.len());
        HistoryEntry {
            range,
            text: text.to_string(),
            inlines: Vec::new(),
            verb: Some(Spanned::new(verb.to_string(), range)),
            subject: subject.map(|s| Spanned::new(s.to_string(), range)),
            link: None,
            version: None,
            flag: None,
            flag_default: None,
        }
    }

    #[test]
    fn entries_about_the_whole_endpoint() {
        for (text, verb) in [
            ("Introduced in GitLab 15.4.", "introduced"),
            ("Introduced in GitLab Premium 12.10.", "introduced"),
            (
                "Introduced in GitLab 15.4 with a flag named cube_api_proxy. Disabled by default.",
                "introduced",
            ),
            ("Introduced as an experiment in GitLab 16.1.", "introduced"),
            ("Added in GitLab 17.0", "added"),
            ("This endpoint was deprecated in GitLab 16.0.", "deprecated"),
            ("Deprecated in GitLab 16.0.", "deprecated"),
            (
                "Generally available in GitLab 15.7. Feature flag ci_secure_files removed.",
                "generally available",
            ),
            ("Introduced", "introduced"),
        ] {
            assert!(entry(text, verb, None).is_about_the_whole(), "{text}");
        }
    }

    #[test]
    fn entries_about_a_part() {
        for (text, verb) in [
            ("Support for keyset pagination introduced in GitLab 15.2.", "introduced"),
            (
                "Keyset pagination introduced in GitLab 16.10 for GitLab.com only.",
                "introduced",
            ),
            ("Project migration introduced in GitLab 15.11.", "introduced"),
            (
                "Introduced support for GitLab CI/CD job token authentication in 16.3.",
                "introduced",
            ),
            ("Author Email added to the response body in GitLab 15.9.", "added"),
            (
                "Requirement for Maintainer role introduced in GitLab 16.0.",
                "introduced",
            ),
        ] {
            assert!(!entry(text, verb, None).is_about_the_whole(), "{text}");
        }
        let attribute = entry(
            "state attribute introduced in GitLab 17.2.",
            "introduced",
            Some("state"),
        );
        assert!(!attribute.is_about_the_whole());
        let mut no_verb = entry("In GitLab 15.0.", "introduced", None);
        no_verb.verb = None;
        assert!(!no_verb.is_about_the_whole());
    }
}
