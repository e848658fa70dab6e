//! Operations from request lines: verbs to OpenAPI slots, operation ids unique and stable.

use crate::paths::Template;
use docspec_model::{Method, RequestLine, Resource};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A request line that gives an operation, with the method it belongs to.
pub struct Candidate<'a> {
    pub resource: &'a Resource,
    pub method: &'a Method,
    pub line: &'a RequestLine,
    pub verb: &'static str,
    pub template: Template,
    /// The parameter names as written, for finding their attribute rows after renaming.
    pub written_params: Vec<String>,
}

/// The OpenAPI slot of a verb.
pub fn slot(verb: &str) -> Option<&'static str> {
    Some(match verb.to_ascii_lowercase().as_str() {
        "get" => "get",
        "put" => "put",
        "post" => "post",
        "delete" => "delete",
        "options" => "options",
        "head" => "head",
        "patch" => "patch",
        _ => return None,
    })
}

/// `List repository branches` → `listRepositoryBranches`.
pub fn camel(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_ascii_lowercase();
        if out.is_empty() {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.extend(chars);
            }
        }
    }
    out
}

fn pascal(text: &str) -> String {
    let c = camel(text);
    let mut chars = c.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Unique ids from titles. A title shared by several operations (project and group variants
/// of one method) gets the first path segment, then the whole path and verb, as suffix.
pub fn operation_ids(ops: &[(&str, &str, &str)]) -> Vec<String> {
    let base: Vec<String> = ops
        .iter()
        .map(|(title, verb, path)| {
            let c = camel(title);
            if c.is_empty() {
                camel(&format!("{verb} {path}"))
            } else {
                c
            }
        })
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::default();
    for b in &base {
        *count.entry(b.as_str()).or_default() += 1;
    }
    let first_segment = |path: &str| {
        let seg = path
            .split('/')
            .find(|s| !s.is_empty() && !s.starts_with('{'))
            .unwrap_or("root");
        pascal(seg)
    };
    let short: Vec<Option<String>> = ops
        .iter()
        .zip(&base)
        .map(|((_, _, path), b)| (count[b.as_str()] > 1).then(|| format!("{b}{}", first_segment(path))))
        .collect();
    let mut short_count: HashMap<&str, usize> = HashMap::default();
    for s in short.iter().flatten() {
        *short_count.entry(s.as_str()).or_default() += 1;
    }
    let singles: HashSet<&str> = base
        .iter()
        .filter(|b| count[b.as_str()] == 1)
        .map(String::as_str)
        .collect();
    let mut ids: Vec<String> = Vec::with_capacity(ops.len());
    for (((_, verb, path), b), s) in ops.iter().zip(&base).zip(&short) {
        let id = match s {
            None => b.clone(),
            Some(s) if short_count[s.as_str()] == 1 && !singles.contains(s.as_str()) => s.clone(),
            Some(_) => format!("{b}{}{}", pascal(path), pascal(verb)),
        };
        ids.push(id);
    }
    // A last guard; the suffixes above make it very unlikely to change anything.
    let mut used: HashSet<String> = HashSet::default();
    for id in &mut ids {
        let mut candidate = id.clone();
        let mut n = 2;
        while !used.insert(candidate.clone()) {
            candidate = format!("{id}{n}");
            n += 1;
        }
        *id = candidate;
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_titles() {
        assert_eq!(camel("List repository branches"), "listRepositoryBranches");
        assert_eq!(camel("Get X.509 signature of a tag"), "getX509SignatureOfATag");
        assert_eq!(camel(""), "");
    }

    #[test]
    fn colliding_titles_get_suffixes() {
        let ops = [
            ("List deploy tokens", "get", "/projects/{id}/deploy_tokens"),
            ("List deploy tokens", "get", "/groups/{id}/deploy_tokens"),
            ("Edit widget", "put", "/widgets/{id}"),
            ("Edit widget", "patch", "/widgets/{id}"),
            ("Other", "get", "/other"),
        ];
        let ids = operation_ids(&ops);
        assert_eq!(
            ids,
            [
                "listDeployTokensProjects",
                "listDeployTokensGroups",
                "editWidgetWidgetsIdPut",
                "editWidgetWidgetsIdPatch",
                "other"
            ]
        );
    }
}
