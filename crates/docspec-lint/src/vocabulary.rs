//! Word lists the rules share: types, status codes, tiers and offerings.

/// Type words attribute tables use (seen in GitLab's pages), compared case-sensitively.
pub const TYPES: &[&str] = &[
    "string",
    "integer",
    "boolean",
    "array",
    "hash",
    "object",
    "date",
    "datetime",
    "float",
    "number",
    "file",
    "JSON",
    "mixed",
    "integer or string",
    "integer/string",
    "string or integer",
    "string array",
    "integer array",
    "array of strings",
    "array of integers",
    "array of hashes",
    "array of objects",
    // The singular forms are on GitLab's pages too (`array of hash`).
    "array of string",
    "array of integer",
    "array of hash",
    "array of object",
    "string or null",
    "integer or null",
    "datetime (ISO 8601)",
    "date (ISO 8601)",
    "string or array of strings",
];

/// Whether a Type cell is in the vocabulary (built-in or configured).
pub fn is_known_type(word: &str, extra: &[String]) -> bool {
    TYPES.contains(&word)
        || word
            .strip_suffix(" array")
            .is_some_and(|element| ARRAY_ELEMENTS.contains(&element))
        || extra.iter().any(|e| e == word)
}

/// Element types of the template's `<type> array` form (`integer array` in the guide's
/// own table, `object array` for a list of objects).
const ARRAY_ELEMENTS: &[&str] = &[
    "string", "integer", "boolean", "object", "hash", "float", "number", "date", "datetime",
];

/// The built-in type a differently written word most likely means (`String` → `string`).
pub fn canonical_type(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    if let Some(t) = TYPES.iter().find(|t| t.to_ascii_lowercase() == lower) {
        return Some(t);
    }
    match lower.as_str() {
        "array[string]" | "string[]" => Some("array of strings"),
        "array[integer]" | "integer[]" => Some("array of integers"),
        "int" => Some("integer"),
        "bool" => Some("boolean"),
        "str" => Some("string"),
        _ => None,
    }
}

/// Parameters every endpoint of the API takes (authentication, impersonation,
/// pagination): examples may send them without a table row.
pub const IMPLICIT_PARAMETERS: &[&str] = &[
    "private_token",
    "access_token",
    "job_token",
    "sudo",
    "page",
    "per_page",
    "pagination",
];

pub use docspec_model::{status_has_body, status_reason, STATUS_CODES};

/// Tier words in their fixed order.
pub const TIERS: &[&str] = &["Free", "Premium", "Ultimate"];

/// Offering words in their fixed order.
pub const OFFERINGS: &[&str] = &["GitLab.com", "GitLab Self-Managed", "GitLab Dedicated"];

/// Status words of availability details.
pub const STATUSES: &[&str] = &["Beta", "Experiment", "Limited availability"];

/// Phrases by which a page says its API is not public ("This API is for internal use
/// only."), compared in lower case with spaces collapsed.
pub const INTERNAL_ONLY: &[&str] = &[
    "for internal use only",
    "for internal use",
    "internal use only",
    "internal-only",
    "internal only",
    "internal api",
    "not for public use",
];

/// One of these is in every phrase of [`INTERNAL_ONLY`] (a test holds it).
const INTERNAL_STEMS: &[&str] = &["internal", "public"];

/// Whether prose declares the API internal-only: one of [`INTERNAL_ONLY`], not followed
/// by a letter (`internal apis` counts, `internal apiary` does not).
pub fn declares_internal(text: &str) -> bool {
    // Every phrase holds one of these stems, and no character but an ASCII letter lowers
    // into them (U+0130 lowers to `i` and a combining dot), so most prose stops here.
    if !INTERNAL_STEMS
        .iter()
        .any(|stem| docspec_model::contains_ignore_ascii_case(text, stem))
    {
        return false;
    }
    let lower = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    INTERNAL_ONLY.iter().any(|phrase| {
        lower.match_indices(phrase).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphabetic() || c == 's')
        })
    })
}

/// Phrases by which a method's text says its work is done after it answers ("This
/// operation is executed asynchronously", "scheduled for deletion", "added to the
/// queue"): the API then answers `202 Accepted`. Compared in lower case with spaces
/// collapsed, from a word start (`rescheduled` is not `scheduled`).
pub const DEFERRED: &[&str] = &[
    "executed asynchronously",
    "processed asynchronously",
    "performed asynchronously",
    "run asynchronously",
    "runs asynchronously",
    "handled asynchronously",
    "happens asynchronously",
    "done asynchronously",
    "deleted asynchronously",
    "removed asynchronously",
    "asynchronous request",
    "asynchronous operation",
    "asynchronous job",
    "asynchronous process",
    "scheduled for deletion",
    "scheduled to be deleted",
    "scheduled for removal",
    "scheduled for processing",
    "added to the queue",
    "is queued",
    "are queued",
    "gets queued",
    "queued for",
];

/// One of these is in every phrase of [`DEFERRED`] (a test holds it).
const DEFERRED_STEMS: &[&str] = &["asynchronous", "scheduled", "queue"];

/// Whether prose says the request's work happens later (one of [`DEFERRED`]).
pub fn says_deferred(text: &str) -> bool {
    // Every phrase holds one of these stems; most prose holds none, so the costly
    // normalisation below runs on few texts.
    if !DEFERRED_STEMS
        .iter()
        .any(|stem| docspec_model::contains_ignore_ascii_case(text, stem))
    {
        return false;
    }
    let lower = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    DEFERRED.iter().any(|phrase| {
        lower
            .match_indices(phrase)
            .any(|(at, _)| lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_arrays_follow_the_template_form() {
        for word in ["integer array", "string array", "object array", "hash array"] {
            assert!(is_known_type(word, &[]), "{word}");
        }
        for word in ["array array", "widget array", "Object array", "object  array"] {
            assert!(!is_known_type(word, &[]), "{word}");
        }
    }

    #[test]
    fn every_internal_phrase_holds_a_stem() {
        for phrase in INTERNAL_ONLY {
            assert!(INTERNAL_STEMS.iter().any(|stem| phrase.contains(stem)), "{phrase}");
        }
        assert!(declares_internal("This API is for\nINTERNAL   use."));
        assert!(declares_internal("Not for Public Use."));
        assert!(!declares_internal("The public API of the project."));
    }

    #[test]
    fn every_deferred_phrase_holds_a_stem() {
        for phrase in DEFERRED {
            assert!(DEFERRED_STEMS.iter().any(|stem| phrase.contains(stem)), "{phrase}");
        }
        assert!(says_deferred("The job is SCHEDULED FOR DELETION."));
    }

    #[test]
    fn deferred_work() {
        assert!(says_deferred(
            "Delete a repository. This operation is executed\nasynchronously."
        ));
        assert!(says_deferred("The project is scheduled for deletion."));
        assert!(says_deferred("If the request is added to the queue successfully, ..."));
        // A field computed later, a schedule, queues as things: the answer is not deferred.
        assert!(!says_deferred(
            "The merge status is checked asynchronously when a request is made."
        ));
        assert!(!says_deferred(
            "After the update, it is rescheduled for processing automatically."
        ));
        assert!(!says_deferred("Trigger a new scheduled pipeline."));
        assert!(!says_deferred("List the registered queues and their latency."));
    }

    #[test]
    fn internal_only_declarations() {
        assert!(declares_internal(
            "The Chat API generates answers. This API is for internal use only."
        ));
        assert!(declares_internal("An internal-only endpoint."));
        assert!(declares_internal("This is an internal API\nused by the runner."));
        assert!(declares_internal("These internal APIs change without notice."));
        assert!(!declares_internal(
            "Lists the projects of the internal visibility level."
        ));
        assert!(!declares_internal("Returns internal IDs of the issues."));
        assert!(!declares_internal("Uses the international apiary."));
    }
}
