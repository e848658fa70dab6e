//! Authentication as the REST API documents it: access tokens, OAuth 2.0 bearer tokens, job tokens.

use indexmap::IndexMap;
use openapiv3::{APIKeyLocation, ReferenceOr, SecurityRequirement, SecurityScheme};

pub const ACCESS_TOKEN: &str = "accessToken";
pub const OAUTH2_BEARER: &str = "oauth2Bearer";
pub const JOB_TOKEN: &str = "jobToken";

pub fn schemes() -> IndexMap<String, ReferenceOr<SecurityScheme>> {
    let mut map = IndexMap::new();
    map.insert(
        ACCESS_TOKEN.to_string(),
        ReferenceOr::Item(SecurityScheme::APIKey {
            location: APIKeyLocation::Header,
            name: "PRIVATE-TOKEN".to_string(),
            description: Some("A personal, project, or group access token.".to_string()),
            extensions: IndexMap::new(),
        }),
    );
    map.insert(
        OAUTH2_BEARER.to_string(),
        ReferenceOr::Item(SecurityScheme::HTTP {
            scheme: "bearer".to_string(),
            bearer_format: None,
            description: Some("An OAuth 2.0 token (or an access token) in the `Authorization` header.".to_string()),
            extensions: IndexMap::new(),
        }),
    );
    map.insert(
        JOB_TOKEN.to_string(),
        ReferenceOr::Item(SecurityScheme::APIKey {
            location: APIKeyLocation::Header,
            name: "JOB-TOKEN".to_string(),
            description: Some("A CI/CD job token, for the endpoints that accept one.".to_string()),
            extensions: IndexMap::new(),
        }),
    );
    map
}

/// Any one of the schemes authenticates a request; a job token only where the method
/// says it accepts one.
pub fn requirement(job_token: bool) -> Vec<SecurityRequirement> {
    let schemes: &[&str] = if job_token {
        &[ACCESS_TOKEN, OAUTH2_BEARER, JOB_TOKEN]
    } else {
        &[ACCESS_TOKEN, OAUTH2_BEARER]
    };
    schemes
        .iter()
        .map(|name| {
            let mut req = IndexMap::new();
            req.insert(name.to_string(), Vec::new());
            req
        })
        .collect()
}

/// For methods that can be called without authentication: no scheme, or any one of them.
pub fn optional(job_token: bool) -> Vec<SecurityRequirement> {
    let mut out = vec![IndexMap::new()];
    out.extend(requirement(job_token));
    out
}

/// Whether a method's text says a CI/CD job token authenticates it: an example sends
/// the `JOB-TOKEN` header or `$CI_JOB_TOKEN`, or a sentence speaks of job token
/// authentication ("Support for GitLab CI/CD job token authentication introduced in
/// GitLab 16.2."). A method that only manages job tokens names no such thing.
pub fn accepts_job_token(text: &str) -> bool {
    if text.contains("JOB-TOKEN") || text.contains("CI_JOB_TOKEN") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    // Most methods never say "job token": skip splitting their text (examples included).
    if !lower.contains("job token") && !lower.contains("job\ntoken") {
        return false;
    }
    let lower = docspec_model::lf_lines(&lower).replace('\n', " ");
    // A dot ends a sentence only before a space: link targets (`ci_job_token.md`) have dots.
    lower.split(". ").flat_map(|s| s.split(';')).any(|sentence| {
        // "authentiat" is a misspelling the docs have.
        let negated = ["cannot", "can't", "can not", "not ", "never"]
            .iter()
            .any(|n| sentence.contains(n));
        sentence.contains("job token")
            && (sentence.contains("authentic") || sentence.contains("authentiat"))
            && !negated
    })
}

/// Whether a text says its methods can be called without authentication: a sentence with
/// `without authentication`, `does not require authentication` ... and no negation.
pub fn says_public(text: &str) -> bool {
    // Every phrase below says "authenticat": a text without it is neither lowered nor split.
    if !docspec_model::contains_ignore_ascii_case(text, "authenticat") {
        return false;
    }
    let lower = docspec_model::lf_lines(&text.to_ascii_lowercase()).replace('\n', " ");
    // Sentences without the word are skipped before the phrases are looked for.
    lower
        .split_terminator(['.', ';'])
        .filter(|s| s.contains("authenticat"))
        .any(|sentence| {
            let public = [
                "without authentication",
                "does not require authentication",
                "do not require authentication",
                "doesn't require authentication",
                "don't require authentication",
                "no authentication is required",
                "unauthenticated access",
            ]
            .iter()
            .any(|p| sentence.contains(p));
            let negated = ["cannot", "can't", "can not", "never", "not be ", "must "]
                .iter()
                .any(|n| sentence.contains(n));
            public && !negated
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_token_wording() {
        assert!(accepts_job_token(
            "curl --header \"JOB-TOKEN: $CI_JOB_TOKEN\" --url \"https://gitlab.example.com/api/v4/x\""
        ));
        assert!(accepts_job_token(
            "> Support for [GitLab CI/CD job token](../ci/jobs/ci_job_token.md) authentication introduced in GitLab 16.2."
        ));
        assert!(!accepts_job_token("Retrieve the job that generated a job token."));
        assert!(!accepts_job_token(
            "You cannot use a CI/CD job token to authenticate with this endpoint."
        ));
        assert!(!accepts_job_token("Requires authentication as an administrator."));
    }

    #[test]
    fn public_wording() {
        assert!(says_public(
            "This endpoint can be accessed without authentication if the repository is public."
        ));
        assert!(says_public("GET requests do not require authentication."));
        assert!(!says_public("This endpoint cannot be accessed without authentication."));
        assert!(!says_public("Requires authentication as an administrator."));
        // A line break inside the phrase, as wrapped paragraphs have.
        assert!(says_public("This endpoint can be accessed without\nauthentication."));
        assert!(says_public("This endpoint can be accessed without\r\nauthentication."));
    }

    #[test]
    fn job_token_phrase_across_a_line_break() {
        assert!(accepts_job_token("Supports CI/CD job\ntoken authentication."));
        assert!(!accepts_job_token("Supports personal access token authentication."));
    }
}
