//! Many pages into one set of operations: one per verb and path, the first one wins;
//! operation ids unique and stable.

use crate::codes;
use crate::emit::{finding, Context};
use crate::paths::{self, Template};
use crate::Finding;
use crate::{OpenApiSettings, PageInput};
use docspec_diagnostics::Related;
use docspec_model::{Method, RequestLine, Resource};
use std::collections::{HashMap, HashSet};

/// A request line that gives an operation, unless an earlier one took its verb and path.
pub struct Candidate<'a> {
    /// Index into the sorted inputs.
    pub input: usize,
    pub resource: &'a Resource,
    pub method: &'a Method,
    /// `(input, resource, method)`, to share per-method work.
    pub method_key: (usize, usize, usize),
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

/// Every request line that can be an operation, in input order. Lines of one method that
/// differ only in their query string are one operation.
pub fn candidates<'a>(
    inputs: &[PageInput<'a>],
    settings: &OpenApiSettings,
    findings: &mut Vec<Finding>,
) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let page = input.page;
        for (r, resource) in page.resources.iter().enumerate() {
            for (m, method) in resource.methods.iter().enumerate() {
                let mut seen: HashSet<(&str, String)> = HashSet::new();
                let mut ctx = Context::new(*input, method, findings);
                for line in method.request_lines() {
                    let Some(verb) = slot(&line.verb.value) else {
                        ctx.finding(
                            codes::UNPARSEABLE_REQUEST_LINE,
                            format!("`{}` is not an HTTP method OpenAPI can describe", line.verb.value),
                            line.verb.range,
                        );
                        continue;
                    };
                    let template = match paths::template(line, &settings.base_path) {
                        Ok(t) => t,
                        Err(skip) => {
                            ctx.finding(skip.kind, skip.message, line.range);
                            continue;
                        }
                    };
                    if !seen.insert((verb, template.path.clone())) {
                        continue;
                    }
                    out.push(Candidate {
                        input: i,
                        resource,
                        method,
                        method_key: (i, r, m),
                        line,
                        verb,
                        written_params: template.params.clone(),
                        template,
                    });
                }
            }
        }
    }
    out
}

/// Keeps the first candidate of each verb and path; reports the others. Paths that differ
/// only in parameter names take the names of the first one.
pub fn dedupe<'a>(
    candidates: Vec<Candidate<'a>>,
    inputs: &[PageInput<'_>],
    findings: &mut Vec<Finding>,
) -> Vec<Candidate<'a>> {
    let mut canonical: HashMap<String, (Template, usize, usize)> = HashMap::new();
    let mut taken: HashMap<(&'static str, String), (usize, usize)> = HashMap::new();
    let mut accepted = Vec::new();
    let location = |input: usize, offset: usize| -> (String, usize, usize) {
        let page = &inputs[input];
        let lc = page.source.line_col(offset);
        (page.path.to_string(), lc.line, lc.column)
    };
    for mut c in candidates {
        let here = c.line.range;
        match canonical.get(&c.template.key) {
            Some((first, input, offset)) if first.path != c.template.path => {
                let (path, line, _) = location(*input, *offset);
                findings.push(finding(
                    &inputs[c.input],
                    codes::IDENTICAL_PATH_TEMPLATE,
                    format!(
                        "`{}` differs from `{}` ({path}:{line}) only in parameter names; OpenAPI treats them as one path, so it is merged into it",
                        c.template.path, first.path
                    ),
                    here,
                ));
                c.template = paths::renamed(&c.template, &first.params);
            }
            Some(_) => {}
            None => {
                canonical.insert(c.template.key.clone(), (c.template.clone(), c.input, here.start()));
            }
        }
        let key = (c.verb, c.template.path.clone());
        if let Some((input, offset)) = taken.get(&key) {
            let (path, line, column) = location(*input, *offset);
            let f = finding(
                &inputs[c.input],
                codes::DUPLICATE_OPERATION,
                format!(
                    "`{} {}` is already documented at {path}:{line}; this one is left out of the spec",
                    c.verb.to_ascii_uppercase(),
                    c.template.path
                ),
                here,
            );
            let mut f = f;
            f.diagnostic = f.diagnostic.with_related(Related {
                path,
                line,
                column,
                message: "first documented here".to_string(),
                pointer: None,
            });
            findings.push(f);
            continue;
        }
        taken.insert(key, (c.input, here.start()));
        accepted.push(c);
    }
    accepted
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
    let mut count: HashMap<&str, usize> = HashMap::new();
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
    let mut short_count: HashMap<&str, usize> = HashMap::new();
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
    let mut used: HashSet<String> = HashSet::new();
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
