//! Request-line paths to OpenAPI path templates: relative to the base path, `:id` as `{id}`.

use crate::codes::{self, FindingKind};
use docspec_model::{RequestLine, TargetForm};

/// A path template and its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// `/projects/{id}/hooks`
    pub path: String,
    /// Parameter names in path order.
    pub params: Vec<String>,
    /// The path with every parameter written `{}`: paths with the same key are identical to OpenAPI.
    pub key: String,
}

/// Why a request line gives no operation.
#[derive(Clone, Debug)]
pub struct Skip {
    pub kind: FindingKind,
    pub message: String,
}

impl PartialEq for Skip {
    fn eq(&self, other: &Self) -> bool {
        self.kind.code == other.kind.code && self.message == other.message
    }
}

/// Characters a path template may hold besides ASCII letters and digits.
const PATH_PUNCTUATION: &str = "-._~!&'()+,;=:@/";

pub fn template(line: &RequestLine, base_path: &str) -> Result<Template, Skip> {
    let base = base_path.trim_end_matches('/');
    let written = line.path.value.as_str();
    let relative = match strip_base(written, base) {
        Some(rest) => rest,
        // A full URL elsewhere, or a rooted path into another API (`/api/graphql`).
        None if line.form == TargetForm::Url || written.starts_with("/api/") || written == "/api" => {
            return Err(Skip {
                kind: codes::OUTSIDE_BASE_PATH,
                message: format!(
                    "`{}` is not under the API base path `{base}`; it is left out of the spec",
                    line.target.value
                ),
            });
        }
        None => written,
    };
    let mut path = if relative.is_empty() { "/" } else { relative }.to_string();
    while path.len() > 1 && path.ends_with('/') {
        path.pop();
    }
    // `archive[.format]`: an optional suffix on the last segment; the operation is the
    // path without it (the API's default format).
    if let Some(open) = path.rfind('[') {
        if path.ends_with(']') && open > 1 && !path[open..].contains('/') {
            path.truncate(open);
        }
    }
    if path.contains('%') {
        return Err(Skip {
            kind: codes::CONCRETE_REQUEST_LINE,
            message: format!(
                "`{}` shows a URL-encoded request, not an endpoint; it is left out of the spec",
                path
            ),
        });
    }
    // `*name` starting a segment is a wildcard parameter (`artifacts/*artifact_path`).
    let wildcard = |i: usize| path[..i].ends_with('/') && path[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
    if let Some((_, bad)) = path
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_alphanumeric() || PATH_PUNCTUATION.contains(c) || (c == '*' && wildcard(i))))
    {
        return Err(Skip {
            kind: codes::UNPARSEABLE_REQUEST_LINE,
            message: format!("the path `{path}` holds `{bad}`, which an OpenAPI path template cannot; it is left out"),
        });
    }
    templated(&path)
}

/// The path after the base path, if it is under it.
fn strip_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    if base.is_empty() {
        return Some(path);
    }
    let rest = path.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// Each path parameter the model reads ([`docspec_model::path_params`]: `:name` or the
/// wildcard `*name` starting a segment, `binary-:arch` inside one) becomes `{name}`.
fn templated(path: &str) -> Result<Template, Skip> {
    let mut out = String::with_capacity(path.len() + 8);
    let mut key = String::with_capacity(path.len());
    let mut params: Vec<String> = Vec::new();
    let mut at = 0;
    for (start, end) in docspec_model::path_params(path) {
        let name = &path[start + 1..end];
        if params.iter().any(|p| p == name) {
            return Err(Skip {
                kind: codes::DUPLICATE_PATH_PARAMETER,
                message: format!("the path `{path}` names the parameter `{name}` twice; it is left out"),
            });
        }
        params.push(name.to_string());
        out.push_str(&path[at..start]);
        key.push_str(&path[at..start]);
        out.push('{');
        out.push_str(name);
        out.push('}');
        key.push_str("{}");
        at = end;
    }
    out.push_str(&path[at..]);
    key.push_str(&path[at..]);
    Ok(Template { path: out, params, key })
}

/// The same template with its parameters renamed, in order (for identical paths).
pub fn renamed(template: &Template, names: &[String]) -> Template {
    let mut path = template.path.clone();
    for (old, new) in template.params.iter().zip(names) {
        path = path.replacen(&format!("{{{old}}}"), &format!("{{{new}}}"), 1);
    }
    Template {
        path,
        params: names.to_vec(),
        key: template.key.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_model::{Spanned, TextRange};

    fn line(target: &str, path: &str, form: TargetForm) -> RequestLine {
        let s = |v: &str| Spanned::new(v.to_string(), TextRange::empty(0));
        RequestLine {
            range: TextRange::empty(0),
            verb: s("GET"),
            target: s(target),
            form,
            path: s(path),
            query: None,
            params: Vec::new(),
            trailing: None,
        }
    }

    #[test]
    fn base_path_is_optional_and_params_are_templated() {
        let a = template(&line("/projects/:id", "/projects/:id", TargetForm::Rooted), "/api/v4").unwrap();
        let b = template(
            &line("/api/v4/projects/:id/", "/api/v4/projects/:id/", TargetForm::Rooted),
            "/api/v4",
        );
        assert_eq!(Ok(a.clone()), b);
        assert_eq!(a.path, "/projects/{id}");
        assert_eq!(a.key, "/projects/{}");
        assert_eq!(a.params, ["id"]);
    }

    #[test]
    fn hyphenated_parameter_names_are_whole() {
        let written = "/modules/:module-name/:module-version/file";
        let t = template(&line(written, written, TargetForm::Rooted), "/api/v4").unwrap();
        assert_eq!(t.path, "/modules/{module-name}/{module-version}/file");
        assert_eq!(t.params, ["module-name", "module-version"]);
    }

    #[test]
    fn an_optional_format_suffix_is_left_out() {
        for written in [
            "/projects/:id/repository/archive[.format]",
            "/projects/:id/repository/archive[.:format]",
        ] {
            let t = template(&line(written, written, TargetForm::Rooted), "/api/v4").unwrap();
            assert_eq!(t.path, "/projects/{id}/repository/archive", "{written}");
            assert_eq!(t.params, ["id"]);
        }
        let inside = line("/projects/[a]/b", "/projects/[a]/b", TargetForm::Rooted);
        assert!(template(&inside, "/api/v4").is_err());
    }

    #[test]
    fn other_services_and_encoded_paths_are_skipped() {
        let registry = line("http(s)://${CI_REGISTRY}/v2/_catalog", "/v2/_catalog", TargetForm::Url);
        assert_eq!(
            template(&registry, "/api/v4").unwrap_err().kind.code,
            codes::OUTSIDE_BASE_PATH.code
        );
        let graphql = line("/api/graphql", "/api/graphql", TargetForm::Rooted);
        assert_eq!(
            template(&graphql, "/api/v4").unwrap_err().kind.code,
            codes::OUTSIDE_BASE_PATH.code
        );
        let encoded = line("/projects/a%2Fb", "/projects/a%2Fb", TargetForm::Rooted);
        assert_eq!(
            template(&encoded, "/api/v4").unwrap_err().kind.code,
            codes::CONCRETE_REQUEST_LINE.code
        );
        let url = line("https://h/api/v4/features/x", "/api/v4/features/x", TargetForm::Url);
        assert_eq!(template(&url, "/api/v4").unwrap().path, "/features/x");
    }

    #[test]
    fn odd_paths_are_findings() {
        let angle = line("/a/<name>", "/a/<name>", TargetForm::Rooted);
        assert_eq!(
            template(&angle, "/api/v4").unwrap_err().kind.code,
            codes::UNPARSEABLE_REQUEST_LINE.code
        );
        let star = line("/a/*", "/a/*", TargetForm::Rooted);
        assert_eq!(
            template(&star, "/api/v4").unwrap_err().kind.code,
            codes::UNPARSEABLE_REQUEST_LINE.code
        );
        let twice = line("/a/:id/b/:id", "/a/:id/b/:id", TargetForm::Rooted);
        assert_eq!(
            template(&twice, "/api/v4").unwrap_err().kind.code,
            codes::DUPLICATE_PATH_PARAMETER.code
        );
    }

    #[test]
    fn parameters_inside_a_segment_are_templated() {
        let written = "/dists/*distribution/:component/binary-:architecture/by-hash/:file_sha256";
        let t = template(&line(written, written, TargetForm::Rooted), "/api/v4").unwrap();
        assert_eq!(
            t.path,
            "/dists/{distribution}/{component}/binary-{architecture}/by-hash/{file_sha256}"
        );
        assert_eq!(t.params, ["distribution", "component", "architecture", "file_sha256"]);
        let versioned = "/files/:name-:version.tgz";
        let t = template(&line(versioned, versioned, TargetForm::Rooted), "/api/v4").unwrap();
        assert_eq!(t.path, "/files/{name}-{version}.tgz");
        assert_eq!(t.key, "/files/{}-{}.tgz");
    }

    #[test]
    fn a_wildcard_segment_is_a_parameter() {
        let written = "/projects/:id/jobs/:job_id/artifacts/*artifact_path";
        let t = template(&line(written, written, TargetForm::Rooted), "/api/v4").unwrap();
        assert_eq!(t.path, "/projects/{id}/jobs/{job_id}/artifacts/{artifact_path}");
        assert_eq!(t.params, ["id", "job_id", "artifact_path"]);
    }

    #[test]
    fn renaming_keeps_the_key() {
        let t = templated("/projects/:project_id/hooks/:hook_id").unwrap();
        let r = renamed(&t, &["id".to_string(), "hook_id".to_string()]);
        assert_eq!(r.path, "/projects/{id}/hooks/{hook_id}");
        assert_eq!(r.key, t.key);
    }
}
