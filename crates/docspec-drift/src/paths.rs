//! Path templates compared whatever their parameter names: `/projects/:id` and
//! `/projects/{project_id}` are both the key `/projects/{}`.

/// A path relative to the API base: `/api/v4/projects` gives `/projects`, and a path under
/// the spec's own base path loses that instead when it is not under the API's.
pub fn relative<'a>(path: &'a str, bases: &[&str]) -> &'a str {
    for base in bases {
        let base = base.trim_end_matches('/');
        if base.is_empty() {
            continue;
        }
        if let Some(rest) = path.strip_prefix(base) {
            if rest.is_empty() || rest.starts_with('/') {
                return rest;
            }
        }
    }
    path
}

/// The comparison key of a path and its parameter names in order. `:name`, `{name}` and
/// `*name` are parameters; optional `[.format]`/`(.format)` suffixes are dropped.
pub fn key(path: &str) -> (String, Vec<String>) {
    let mut key = String::with_capacity(path.len());
    let mut params = Vec::new();
    let path = path.split(['?', '#']).next().unwrap_or(path);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        let segment = strip_optional(segment);
        if segment.is_empty() {
            continue;
        }
        key.push('/');
        let mut chars = segment.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                ':' | '*' => {
                    let rest = &segment[i + 1..];
                    let len = docspec_model::path_param_name_len(rest);
                    if len == 0 {
                        key.push(c);
                        continue;
                    }
                    params.push(rest[..len].to_string());
                    key.push_str("{}");
                    for _ in 0..len {
                        chars.next();
                    }
                }
                '{' => match segment[i + 1..].find('}') {
                    Some(end) => {
                        params.push(segment[i + 1..i + 1 + end].to_string());
                        key.push_str("{}");
                        for _ in 0..=end {
                            chars.next();
                        }
                    }
                    None => key.push(c),
                },
                c => key.push(c),
            }
        }
    }
    if key.is_empty() {
        key.push('/');
    }
    (key, params)
}

fn strip_optional(segment: &str) -> &str {
    for open in ['[', '('] {
        if let Some(i) = segment.find(open) {
            if segment[i + 1..].starts_with('.') {
                return &segment[..i];
            }
        }
    }
    segment
}

/// How many leading segments two keys share.
pub fn shared_prefix(a: &str, b: &str) -> usize {
    a.split('/')
        .skip(1)
        .zip(b.split('/').skip(1))
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_parameter_names() {
        let (a, pa) = key("/projects/:id/widgets/:widget_id");
        let (b, pb) = key("/projects/{project_id}/widgets/{id}");
        assert_eq!(a, b);
        assert_eq!(a, "/projects/{}/widgets/{}");
        assert_eq!(pa, ["id", "widget_id"]);
        assert_eq!(pb, ["project_id", "id"]);
        let (c, pc) = key("/modules/:module-name/{module-version}/file");
        assert_eq!(c, "/modules/{}/{}/file");
        assert_eq!(pc, ["module-name", "module-version"]);
        assert_eq!(
            key("/projects/:id/files/:file_path/raw[.format]").0,
            "/projects/{}/files/{}/raw"
        );
        assert_eq!(key("/x/*path?ref=main").0, "/x/{}");
        assert_eq!(key("/").0, "/");
        assert_eq!(key("/a/b:c").0, "/a/b{}");
    }

    #[test]
    fn base_paths() {
        assert_eq!(relative("/api/v4/projects", &["/api/v4"]), "/projects");
        assert_eq!(relative("/api/v4x/projects", &["/api/v4"]), "/api/v4x/projects");
        assert_eq!(relative("/v2/projects", &["/api/v4", "/v2"]), "/projects");
    }

    #[test]
    fn prefixes() {
        assert_eq!(
            shared_prefix("/projects/{}/widgets/{}/parts", "/projects/{}/widgets/{}"),
            4
        );
        assert_eq!(shared_prefix("/groups/{}", "/projects/{}"), 0);
    }
}
