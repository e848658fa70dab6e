//! `x-` fields: cURL samples, tiers and offerings, history, deprecation.

use crate::paths::Template;
use crate::OpenApiSettings;
use docspec_model::{
    Availability, AvailabilityForm, ExampleRole, History, HistoryEntry, Method, Page, RequestLine, Resource,
};
use serde_json::{json, Value};

/// Whether the docs say the endpoint is deprecated, and since which version.
pub fn deprecation(page: &Page, resource: &Resource, method: &Method, line: &RequestLine) -> (bool, Option<String>) {
    let entry = method
        .history
        .iter()
        .flat_map(|h| h.entries.iter())
        .find(|e| e.is_about_the_whole() && e.verb.as_ref().is_some_and(|v| v.value == "deprecated"));
    if let Some(e) = entry {
        return (true, e.version.as_ref().map(|v| v.value.clone()));
    }
    let heading = words(&method.title.value).iter().any(|w| w == "deprecated");
    let trailing = line
        .trailing
        .as_ref()
        .is_some_and(|t| t.value.to_ascii_lowercase().contains("deprecated"));
    let prose = [&method.description, &resource.description]
        .into_iter()
        .flatten()
        .any(|d| says_deprecated(&d.value));
    let alert = method
        .alerts
        .iter()
        .filter_map(|i| page.alerts.get(*i))
        .any(|a| says_deprecated(&a.text));
    (heading || trailing || prose || alert, None)
}

/// Conservative: the endpoint, method or API itself is said to be deprecated. Code spans
/// are dropped first, so "status `deprecated`" or "an older endpoint `X` ... deprecated"
/// do not count.
pub fn says_deprecated(text: &str) -> bool {
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
        } else {
            plain.push_str(" CODE ");
        }
    }
    let w = words(&plain);
    w.windows(3).any(|win| {
        let subject = matches!(win[0].as_str(), "endpoint" | "api" | "method");
        subject && matches!(win[1].as_str(), "is" | "was") && win[2] == "deprecated"
    }) || w.windows(4).any(|win| {
        matches!(win[0].as_str(), "endpoint" | "api" | "method")
            && win[1] == "has"
            && win[2] == "been"
            && win[3] == "deprecated"
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `x-introduced-in`, `x-deprecated-in`, `x-feature-flag` from entries about the whole
/// method. A method whose history does not say when it came inherits the version of its
/// resource's or page's history (`Introduced in GitLab 16.2.` under the page title).
pub fn history(
    page: &Page,
    resource: &Resource,
    method: &Method,
    deprecated_in: Option<String>,
) -> Vec<(&'static str, Value)> {
    let introduced_in = |entries: Vec<&HistoryEntry>| {
        entries
            .into_iter()
            .find(|e| {
                e.verb
                    .as_ref()
                    .is_some_and(|v| v.value == "introduced" || v.value == "added")
            })
            .and_then(|e| e.version.as_ref())
            .map(|v| v.value.clone())
    };
    let mut out = Vec::new();
    let introduced = [&method.history, &resource.history, &page.history]
        .into_iter()
        .find_map(|level| introduced_in(whole(level)));
    if let Some(version) = introduced {
        out.push(("x-introduced-in", Value::String(version)));
    }
    if let Some(v) = deprecated_in {
        out.push(("x-deprecated-in", Value::String(v)));
    }
    if let Some(flag) = whole(&method.history).into_iter().find_map(|e| e.flag.as_ref()) {
        out.push(("x-feature-flag", Value::String(flag.value.clone())));
    }
    out
}

/// `x-gitlab-tiers`, `x-gitlab-offerings`: the nearest level that states each.
pub fn availability(page: &Page, resource: &Resource, method: &Method) -> Vec<(&'static str, Value)> {
    let levels = [&method.availability, &resource.availability, &page.availability];
    let mut out = Vec::new();
    for (key, ext) in [("Tier", "x-gitlab-tiers"), ("Offering", "x-gitlab-offerings")] {
        let values = levels.iter().find_map(|level| {
            let found: Vec<String> = level.iter().flat_map(|a| values_of(a, key)).collect();
            (!found.is_empty()).then_some(found)
        });
        if let Some(values) = values {
            out.push((ext, json!(values)));
        }
    }
    if let Some(status) = levels
        .iter()
        .find_map(|level| level.iter().find_map(|a| a.get("Status")))
        .map(|l| l.value.value.trim().to_string())
        .filter(|s| !s.is_empty())
    {
        out.push(("x-gitlab-status", Value::String(status)));
    }
    out
}

fn values_of(availability: &Availability, key: &str) -> Vec<String> {
    let Some(line) = availability.get(key) else {
        return Vec::new();
    };
    let value = line.value.value.trim();
    if availability.form == AvailabilityForm::Badge {
        return badge(key, value);
    }
    let mut out: Vec<String> = Vec::new();
    for part in value.split([',', ';']).flat_map(|p| p.split(" and ")) {
        let part = part.trim().trim_end_matches('.').trim();
        if !part.is_empty() && !out.iter().any(|o| o == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// The entries of `levels` that speak of the whole method, resource or page.
fn whole(levels: &[History]) -> Vec<&HistoryEntry> {
    levels
        .iter()
        .flat_map(|h| h.entries.iter())
        .filter(|e| e.is_about_the_whole())
        .collect()
}

/// `**(PREMIUM SELF)**`: a tier and those above it; `SELF`, `SAAS`, `ALL` as today's offerings.
fn badge(key: &str, value: &str) -> Vec<String> {
    let list: &[&str] = match (key, value.to_ascii_uppercase().as_str()) {
        ("Tier", "FREE") => &["Free", "Premium", "Ultimate"],
        ("Tier", "PREMIUM") => &["Premium", "Ultimate"],
        ("Tier", "ULTIMATE") => &["Ultimate"],
        ("Offering", "SELF") => &["GitLab Self-Managed"],
        ("Offering", "SAAS") => &["GitLab.com"],
        ("Offering", "ALL") => &["GitLab.com", "GitLab Self-Managed", "GitLab Dedicated"],
        _ => &[],
    };
    list.iter().map(|s| s.to_string()).collect()
}

/// The method's cURL examples that call this operation; all of them when none can be matched.
pub fn code_samples(
    page: &Page,
    method: &Method,
    verb: &str,
    template: &Template,
    settings: &OpenApiSettings,
) -> Option<Value> {
    let curls: Vec<&str> = method
        .examples_of(ExampleRole::Curl)
        .filter_map(|e| page.code_block(e.code_block))
        .map(|b| b.content.trim_end())
        .filter(|c| !c.is_empty())
        .collect();
    if curls.is_empty() {
        return None;
    }
    let matching: Vec<&str> = curls
        .iter()
        .copied()
        .filter(|c| curl_matches(c, verb, template, settings))
        .collect();
    // Else an example of the same verb (another path variant of the method); an example of
    // another verb (the `PATCH` of a `PUT`/`PATCH` method) would show a wrong request.
    let chosen = if !matching.is_empty() {
        matching
    } else {
        let same_verb: Vec<&str> = curls.into_iter().filter(|c| curl_verb(c) == verb).collect();
        if same_verb.is_empty() {
            return None;
        }
        same_verb
    };
    let samples: Vec<Value> = chosen
        .into_iter()
        .map(|source| json!({"lang": "curl", "label": "cURL", "source": source}))
        .collect();
    Some(Value::Array(samples))
}

fn curl_matches(curl: &str, verb: &str, template: &Template, settings: &OpenApiSettings) -> bool {
    let Some(url) = curl_url(curl, settings) else {
        return false;
    };
    curl_verb(curl) == verb && path_matches(&url, &template.path)
}

/// The path of the first URL of the command, relative to the base path, without query.
fn curl_url(curl: &str, settings: &OpenApiSettings) -> Option<String> {
    let start = curl.find("http://").or_else(|| curl.find("https://"))?;
    let url: String = curl[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
        .collect();
    let after_scheme = &url[url.find("://")? + 3..];
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let base = settings.base_path.trim_end_matches('/');
    let relative = path.strip_prefix(base).unwrap_or(path);
    Some(if relative.is_empty() {
        "/".to_string()
    } else {
        relative.trim_end_matches('/').to_string()
    })
}

fn curl_verb(curl: &str) -> String {
    let tokens: Vec<&str> = curl.split_whitespace().collect();
    for (i, t) in tokens.iter().enumerate() {
        if let Some(v) = t.strip_prefix("--request=") {
            return v.trim_matches(['"', '\'']).to_ascii_lowercase();
        }
        if *t == "--request" || *t == "-X" {
            if let Some(v) = tokens.get(i + 1) {
                return v.trim_matches(['"', '\'']).to_ascii_lowercase();
            }
        }
    }
    // Whole options only: `--header` is not `--head`.
    let has = |flags: &[&str]| {
        tokens.iter().any(|t| {
            let option = t.split('=').next().unwrap_or(t);
            flags.contains(&option)
        })
    };
    if has(&["--head", "-I"]) {
        "head".to_string()
    } else if has(&["--upload-file", "-T"]) {
        "put".to_string()
    } else if has(&[
        "--data",
        "--data-raw",
        "--data-binary",
        "--data-urlencode",
        "--data-ascii",
        "-d",
        "--form",
        "--form-string",
        "-F",
        "--json",
    ]) {
        "post".to_string()
    } else {
        "get".to_string()
    }
}

/// Segment by segment; a templated segment matches any value.
fn path_matches(path: &str, template: &str) -> bool {
    let a: Vec<&str> = path.split('/').collect();
    let b: Vec<&str> = template.split('/').collect();
    a.len() == b.len() && a.iter().zip(&b).all(|(x, t)| t.contains('{') || x == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecation_wording_is_conservative() {
        assert!(says_deprecated("This endpoint is deprecated. Use the new one."));
        assert!(says_deprecated("The Epics REST API was deprecated in GitLab 17.0"));
        assert!(says_deprecated("This endpoint has been deprecated"));
        assert!(!says_deprecated(
            "Packages with `default`, `deprecated` status are returned."
        ));
        assert!(!says_deprecated(
            "An older endpoint `PUT /x` is still available, but deprecated."
        ));
        assert!(!says_deprecated("The `assignee` column is deprecated."));
    }

    #[test]
    fn curl_verbs_and_paths() {
        let settings = OpenApiSettings::default();
        let c = "curl --request POST --header \"PRIVATE-TOKEN: x\" \\\n  --url \"https://gitlab.example.com/api/v4/projects/5/hooks?x=1\"";
        assert_eq!(curl_verb(c), "post");
        assert_eq!(curl_url(c, &settings).as_deref(), Some("/projects/5/hooks"));
        assert!(path_matches("/projects/5/hooks", "/projects/{id}/hooks"));
        assert!(!path_matches("/groups/5/hooks/1", "/groups/{id}/hooks"));
        assert_eq!(curl_verb("curl --data \"a=b\" https://h/x"), "post");
        assert_eq!(curl_verb("curl https://h/x"), "get");
        assert_eq!(curl_verb("curl --header \"A: b\" https://h/x"), "get");
        assert_eq!(curl_verb("curl --data-urlencode \"a=b\" https://h/x"), "post");
    }

    /// A `PUT`/`PATCH` method with only a `PATCH` example: the `PUT` operation shows no
    /// sample rather than a request of another verb.
    #[test]
    fn samples_of_another_verb_are_left_out() {
        let page = docspec_parser::parse_str(
            "# T\n\n## Update a gizmo\n\n```plaintext\nPUT /gizmos/:id\nPATCH /gizmos/:id\n```\n\n\
             ```shell\ncurl --request PATCH --url \"https://gitlab.example.com/api/v4/gizmos/1\"\n```\n",
        );
        let method = page.methods().next().unwrap();
        let template = Template {
            path: "/gizmos/{id}".to_string(),
            params: vec!["id".to_string()],
            key: "/gizmos/{}".to_string(),
        };
        let settings = OpenApiSettings::default();
        assert!(code_samples(&page, method, "patch", &template, &settings).is_some());
        assert_eq!(code_samples(&page, method, "put", &template, &settings), None);
        // A same-verb example for another path variant is still shown.
        let group = Template {
            path: "/groups/{id}/gizmos".to_string(),
            params: vec!["id".to_string()],
            key: "/groups/{}/gizmos".to_string(),
        };
        assert!(code_samples(&page, method, "patch", &group, &settings).is_some());
    }

    #[test]
    fn badges_map_to_tiers_and_offerings() {
        assert_eq!(badge("Tier", "PREMIUM"), ["Premium", "Ultimate"]);
        assert_eq!(badge("Offering", "SELF"), ["GitLab Self-Managed"]);
    }
}
