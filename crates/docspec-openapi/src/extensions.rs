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
    // Each wording ends with the word `deprecated`: a text without it is not split.
    if !docspec_model::contains_ignore_ascii_case(text, "deprecated") {
        return false;
    }
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
/// The tiers of before 2021 are read as the tiers they became (Starter, Bronze and Silver
/// as Premium, Gold as Ultimate, Core as Free).
fn badge(key: &str, value: &str) -> Vec<String> {
    let list: &[&str] = match (key, value.to_ascii_uppercase().as_str()) {
        ("Tier", "FREE" | "CORE") => &["Free", "Premium", "Ultimate"],
        ("Tier", "PREMIUM" | "STARTER" | "BRONZE" | "SILVER") => &["Premium", "Ultimate"],
        ("Tier", "ULTIMATE" | "GOLD") => &["Ultimate"],
        ("Offering", "SELF") => &["GitLab Self-Managed"],
        ("Offering", "SAAS") => &["GitLab.com"],
        ("Offering", "ALL") => &["GitLab.com", "GitLab Self-Managed", "GitLab Dedicated"],
        _ => &[],
    };
    list.iter().map(|s| s.to_string()).collect()
}

/// The method's cURL examples that call this operation (its verb and path), else those of
/// its verb whose URL cannot be read.
pub fn code_samples(
    page: &Page,
    method: &Method,
    verb: &str,
    template: &Template,
    settings: &OpenApiSettings,
) -> Option<Value> {
    let curls: Vec<(&str, Vec<Request>)> = method
        .examples_of(ExampleRole::Curl)
        .filter_map(|e| page.code_block(e.code_block))
        .map(|b| b.content.trim_end())
        .filter(|c| !c.is_empty())
        .map(|c| (c, requests(c, settings)))
        .collect();
    let of = |wanted: &dyn Fn(&Request) -> bool| -> Vec<&str> {
        curls
            .iter()
            .filter(|(_, requests)| requests.iter().any(wanted))
            .map(|(source, _)| *source)
            .collect()
    };
    // A path another request line of the method matches segment by segment is that
    // line's, even when a value with a raw `/` could stretch this template over it.
    let others: Vec<String> = method
        .request_lines()
        .map(|l| l.path.value.trim_end_matches('/').to_string())
        .collect();
    let fits = |p: &str| {
        strictly_matches(p, &template.path)
            || (path_matches(p, &template.path) && !others.iter().any(|o| strictly_matches(p, o)))
    };
    let matching = of(&|r| r.verb == verb && r.path.as_deref().is_some_and(fits));
    // Else an example of the same verb whose URL cannot be read. An example of another
    // path (the project variant of a group operation) or of another verb (the `PATCH` of a
    // `PUT`/`PATCH` method) would show a wrong request.
    let chosen = if matching.is_empty() {
        of(&|r| r.verb == verb && r.path.is_none())
    } else {
        matching
    };
    if chosen.is_empty() {
        return None;
    }
    let samples: Vec<Value> = chosen
        .into_iter()
        .map(|source| json!({"lang": "curl", "label": "cURL", "source": source}))
        .collect();
    Some(Value::Array(samples))
}

/// What one `curl` command of an example sends.
struct Request {
    /// Lower case, like `post`.
    verb: String,
    /// Relative to the base path, without query or trailing `/`; `None` without a URL.
    path: Option<String>,
}

fn requests(block: &str, settings: &OpenApiSettings) -> Vec<Request> {
    let base = settings.base_path.trim_end_matches('/');
    docspec_curl::parse_commands(block)
        .iter()
        .map(|command| Request {
            verb: command.method().name.to_ascii_lowercase(),
            path: command.url().map(|url| {
                let path = url.parsed.path.as_str();
                let relative = path.strip_prefix(base).unwrap_or(path).trim_end_matches('/');
                if relative.is_empty() { "/" } else { relative }.to_string()
            }),
        })
        .collect()
}

/// Segment by segment, each value one segment; `{id}` and `:id` are templated.
fn strictly_matches(path: &str, template: &str) -> bool {
    let a: Vec<&str> = path.split('/').collect();
    let t: Vec<&str> = template.split('/').collect();
    let templated = |s: &str| s.contains('{') || s.starts_with(':') || s.starts_with('*');
    a.len() == t.len() && a.iter().zip(&t).all(|(x, s)| templated(s) || x == s)
}

/// Segment by segment; a templated segment matches any value. A value that names a path
/// or a name (`{direct_asset_path}`, `{package_name}`, `{file_name}`) may hold a raw `/`
/// (an asset path `bin/app.exe`, an npm scope `@scope/name`); an `{id}` or a
/// `{package_id}` never does.
fn path_matches(path: &str, template: &str) -> bool {
    let a: Vec<&str> = path.split('/').collect();
    let t: Vec<&str> = template.split('/').collect();
    segments_match(&a, &t)
}

/// Whether `a[i..]` matches `t[j..]`, for every `i` and `j`, from the ends back: a table,
/// not a recursion, so that many templated segments cannot make it exponential.
fn segments_match(a: &[&str], t: &[&str]) -> bool {
    let (n, m) = (a.len(), t.len());
    let mut matches = vec![vec![false; m + 1]; n + 1];
    matches[n][m] = true;
    for j in (0..m).rev() {
        let segment = t[j];
        // Only a value that names a path or a name may hold a `/`; an `{id}` never does.
        let name = segment.trim_end_matches('}');
        let spans = name.ends_with("path") || name.ends_with("name");
        // Whether `a[k..]` matches `t[j + 1..]` for some `k > i`.
        let mut any_later = matches[n][j + 1];
        for i in (0..n).rev() {
            matches[i][j] = if !segment.contains('{') {
                segment == a[i] && matches[i + 1][j + 1]
            } else if spans {
                any_later
            } else {
                matches[i + 1][j + 1]
            };
            any_later |= matches[i][j + 1];
        }
    }
    matches[0][0]
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
        let read = |block: &str| -> Vec<(String, Option<String>)> {
            requests(block, &settings)
                .into_iter()
                .map(|r| (r.verb, r.path))
                .collect()
        };
        let c = "curl --request POST --header \"PRIVATE-TOKEN: x\" \\\n  --url \"https://gitlab.example.com/api/v4/projects/5/hooks?x=1\"";
        assert_eq!(read(c), [("post".to_string(), Some("/projects/5/hooks".to_string()))]);
        assert!(path_matches("/projects/5/hooks", "/projects/{id}/hooks"));
        assert!(!path_matches("/groups/5/hooks/1", "/groups/{id}/hooks"));
        // The URL, not the first `http` anywhere: a redirect URI in the data is no path.
        let data =
            "curl --request POST --data \"redirect_uri=http://redirect.uri/x\" \"https://h/api/v4/applications\"";
        assert_eq!(read(data), [("post".to_string(), Some("/applications".to_string()))]);
        assert_eq!(read("curl --data \"a=b\" https://h/x")[0].0, "post");
        assert_eq!(read("curl https://h/x")[0].0, "get");
        assert_eq!(read("curl --header \"A: b\" https://h/x")[0].0, "get");
        assert_eq!(read("curl --data-urlencode \"a=b\" https://h/x")[0].0, "post");
        assert_eq!(read("curl --request DELETE")[0], ("delete".to_string(), None));
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
    }

    #[test]
    fn values_with_a_raw_slash() {
        assert!(path_matches(
            "/projects/1/packages/npm/@scope/pkg/-/@scope/pkg-1.0.tgz",
            "/projects/{id}/packages/npm/{package_name}/-/{file_name}"
        ));
        assert!(path_matches(
            "/projects/1/releases/v1/downloads/bin/app.exe",
            "/projects/{id}/releases/{tag_name}/downloads/{direct_asset_path}"
        ));
        assert!(!path_matches(
            "/projects/1/packages/5/package_files",
            "/projects/{id}/packages/{package_id}"
        ));
        assert!(path_matches(
            "/projects/1/packages/5",
            "/projects/{id}/packages/{package_id}"
        ));
        assert!(!path_matches("/groups/1/gizmos", "/projects/{id}/gizmos"));
        assert!(!path_matches("/groups/5/epics/3/issues", "/groups/{id}/issues"));
    }

    /// The template of a path with one parameter.
    fn template(path: &str, param: &str) -> Template {
        Template {
            path: path.to_string(),
            params: vec![param.to_string()],
            key: path.replace(&format!("{{{param}}}"), "{}"),
        }
    }

    /// An example of one request line is not stretched over another's template.
    #[test]
    fn a_sibling_line_keeps_its_example() {
        let page = docspec_parser::parse_str(
            "# T\n\n## Get a file\n\n```plaintext\nGET /files/:file_path\nGET /files/:file_path/blame\n```\n\n\
             ```shell\ncurl --url \"https://gitlab.example.com/api/v4/files/a%2Fb/blame\"\n```\n",
        );
        let method = page.methods().next().unwrap();
        let settings = OpenApiSettings::default();
        let file = template("/files/{file_path}", "file_path");
        let blame = template("/files/{file_path}/blame", "file_path");
        assert_eq!(code_samples(&page, method, "get", &file, &settings), None);
        assert!(code_samples(&page, method, "get", &blame, &settings).is_some());
    }

    /// A method with a project and a group request line and only a project example: the
    /// group operation shows no sample rather than a request to another path; an example
    /// whose URL cannot be read is still shown for its verb.
    #[test]
    fn samples_of_another_path_are_left_out() {
        let page = docspec_parser::parse_str(
            "# T\n\n## List gizmos\n\n```plaintext\nGET /projects/:id/gizmos\nGET /groups/:id/gizmos\n```\n\n\
             ```shell\ncurl --url \"https://gitlab.example.com/api/v4/projects/1/gizmos\"\n```\n",
        );
        let method = page.methods().next().unwrap();
        let settings = OpenApiSettings::default();
        let project = template("/projects/{id}/gizmos", "id");
        let group = template("/groups/{id}/gizmos", "id");
        assert!(code_samples(&page, method, "get", &project, &settings).is_some());
        assert_eq!(code_samples(&page, method, "get", &group, &settings), None);

        let unread = docspec_parser::parse_str(
            "# T\n\n## List gizmos\n\n```plaintext\nGET /groups/:id/gizmos\n```\n\n\
             ```shell\ncurl --header \"PRIVATE-TOKEN: <your_access_token>\"\n```\n",
        );
        let method = unread.methods().next().unwrap();
        assert!(code_samples(&unread, method, "get", &group, &settings).is_some());
        assert_eq!(code_samples(&unread, method, "post", &group, &settings), None);
    }

    #[test]
    fn badges_map_to_tiers_and_offerings() {
        assert_eq!(badge("Tier", "PREMIUM"), ["Premium", "Ultimate"]);
        assert_eq!(badge("Tier", "STARTER"), ["Premium", "Ultimate"]);
        assert_eq!(badge("Tier", "GOLD"), ["Ultimate"]);
        assert_eq!(badge("Tier", "CORE"), ["Free", "Premium", "Ultimate"]);
        assert_eq!(badge("Offering", "SELF"), ["GitLab Self-Managed"]);
    }
}
