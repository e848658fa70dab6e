//! Method titles in the template's verb style (`List widgets`, `Get a widget`), and page
//! titles and file names from tags.

use docspec_spec::Operation;

/// Verbs a summary may start with in the third person (`Gets a badge`): their imperative.
const VERBS: &[&str] = &[
    "add",
    "approve",
    "archive",
    "authorize",
    "cancel",
    "check",
    "create",
    "delete",
    "deny",
    "download",
    "edit",
    "enable",
    "disable",
    "erase",
    "export",
    "fetch",
    "get",
    "import",
    "list",
    "lock",
    "mark",
    "merge",
    "move",
    "pause",
    "play",
    "preview",
    "protect",
    "publish",
    "rebase",
    "remove",
    "render",
    "reset",
    "resume",
    "retrieve",
    "retry",
    "return",
    "revoke",
    "rotate",
    "run",
    "schedule",
    "search",
    "set",
    "share",
    "show",
    "start",
    "stop",
    "subscribe",
    "transfer",
    "trigger",
    "unarchive",
    "unlock",
    "unprotect",
    "unsubscribe",
    "update",
    "upload",
    "validate",
];

/// The title of the method that documents `op`.
pub fn method_title(op: &Operation) -> String {
    if let Some(title) = op.summary.as_deref().and_then(from_summary) {
        return title;
    }
    generated(op)
}

/// A short summary as an imperative title: `Gets a badge of a group.` → `Get a badge of a group`.
fn from_summary(summary: &str) -> Option<String> {
    let summary = summary.trim().trim_end_matches('.');
    if summary.is_empty() || summary.contains('\n') || summary.split_whitespace().count() > 10 {
        return None;
    }
    let (first, rest) = summary.split_once(' ').unwrap_or((summary, ""));
    let lower = first.to_ascii_lowercase();
    let known = VERBS
        .iter()
        .find(|v| lower == **v || lower == format!("{v}s") || lower == format!("{v}es"))
        .map(|v| v.to_string());
    // Any verb before an article or a particle (`Take a snapshot`, `Yank a crate version`,
    // `Turn off digests`) is the summary's own; a noun phrase (`Project access tokens`) is not.
    let next = rest.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    let before_object = ["a", "an", "the", "all", "every", "each", "off", "on", "up", "out"].contains(&next.as_str());
    let imperative = || {
        let stem = match lower.strip_suffix('s') {
            Some(stem) if !lower.ends_with("ss") && stem.len() > 2 => stem,
            _ => lower.as_str(),
        };
        stem.to_string()
    };
    let verb = known.or_else(|| (before_object && lower.chars().all(|c| c.is_ascii_alphabetic())).then(imperative))?;
    let mut out = capitalize(&verb);
    if !rest.is_empty() {
        out.push(' ');
        out.push_str(rest);
    }
    Some(out.replace(['`', '|', '#', '[', ']'], ""))
}

/// `List widgets`, `Get a widget`, `Create a widget`, `Update a widget`, `Delete a widget`,
/// or `Protect a branch` for an action segment after a parameter.
fn generated(op: &Operation) -> String {
    let segments: Vec<&str> = op.path.split('/').filter(|s| !s.is_empty()).collect();
    let literal = |s: &&str| !s.starts_with('{');
    let ends_with_param = segments.last().is_some_and(|s| !literal(s));
    let last_literal = segments
        .iter()
        .rev()
        .find(|s| literal(s))
        .copied()
        .unwrap_or("resource");
    // `/branches/{branch}/protect`: an action on the item before it.
    let action = !ends_with_param
        && segments.len() >= 3
        && segments.get(segments.len() - 2).is_some_and(|s| !literal(s))
        && VERBS.contains(&last_literal);
    if action {
        let item = segments
            .iter()
            .rev()
            .skip(2)
            .find(|s| literal(s))
            .copied()
            .unwrap_or("resource");
        return format!(
            "{} {}",
            capitalize(&words(last_literal)),
            article(&singular(&words(item)))
        );
    }
    let noun = words(last_literal);
    // `POST /admin/widgets/reindex` answering 202 does not create anything.
    let creates = op.success_code().is_none_or(|c| c == 201);
    if op.method == "post" && !creates && !ends_with_param {
        let item = segments.iter().rev().skip(1).find(|s| literal(s)).copied();
        return match item {
            Some(item) => format!("{} {}", capitalize(&noun), words(item)),
            None => capitalize(&noun),
        };
    }
    match op.method.as_str() {
        "get" if !ends_with_param => format!("List {noun}"),
        "get" | "head" => format!("Get {}", article(&singular(&noun))),
        "post" => format!("Create {}", article(&singular(&noun))),
        "put" | "patch" => format!("Update {}", article(&singular(&noun))),
        "delete" => format!("Delete {}", article(&singular(&noun))),
        other => format!("{} {noun}", capitalize(other)),
    }
}

fn words(segment: &str) -> String {
    segment.replace(['_', '-'], " ")
}

fn singular(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["ses", "xes", "ches", "shes"].iter().any(|e| noun.ends_with(e)) {
        noun[..noun.len() - 2].to_string()
    } else if noun.ends_with('s') && !noun.ends_with("ss") {
        noun[..noun.len() - 1].to_string()
    } else {
        noun.to_string()
    }
}

fn article(noun: &str) -> String {
    let vowel = noun.chars().next().is_some_and(|c| "aeiou".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `access_requests` → `Access requests API`.
pub fn page_title(tag: &str) -> String {
    let name = words(tag);
    // A tag that names the API already (`Gizmo snapshots API`, as `docspec openapi` writes
    // its tags) keeps one `API`.
    let name = name
        .strip_suffix(" API")
        .or_else(|| name.strip_suffix(" api"))
        .unwrap_or(&name);
    format!("{} API", capitalize(&name.to_ascii_lowercase()))
}

/// `Access requests` → `access_requests.md`: lower case, words joined by `_`.
pub fn file_name(tag: &str) -> String {
    let mut name: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    while name.contains("__") {
        name = name.replace("__", "_");
    }
    let name = name.trim_matches('_');
    format!("{}.md", if name.is_empty() { "api" } else { name })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(method: &str, path: &str, summary: Option<&str>) -> Operation {
        Operation {
            method: method.to_string(),
            path: path.to_string(),
            tags: Vec::new(),
            operation_id: None,
            summary: summary.map(str::to_string),
            description: None,
            deprecated: false,
            parameters: Vec::new(),
            responses: Vec::new(),
            consumes: Vec::new(),
            at: docspec_spec::Location::default(),
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            method_title(&op("get", "/x", Some("Gets a badge of a group."))),
            "Get a badge of a group"
        );
        assert_eq!(method_title(&op("get", "/projects/{id}/widgets", None)), "List widgets");
        assert_eq!(
            method_title(&op("get", "/projects/{id}/widgets/{widget_id}", None)),
            "Get a widget"
        );
        assert_eq!(
            method_title(&op("post", "/groups/{id}/access_requests", None)),
            "Create an access request"
        );
        assert_eq!(
            method_title(&op("put", "/x/branches/{branch}/protect", None)),
            "Protect a branch"
        );
        assert_eq!(
            method_title(&op("delete", "/x/{id}/policies/{p}", Some("Status of the thing"))),
            "Delete a policy"
        );
        assert_eq!(
            method_title(&op("post", "/x", Some("Take a snapshot"))),
            "Take a snapshot"
        );
        assert_eq!(
            method_title(&op("delete", "/x/{v}/yank", Some("Yanks a crate version"))),
            "Yank a crate version"
        );
        assert_eq!(
            method_title(&op("put", "/x/digests", Some("Turn off digests for all users"))),
            "Turn off digests for all users"
        );
        assert_eq!(
            method_title(&op(
                "get",
                "/projects/{id}/access_tokens",
                Some("Project access tokens list")
            )),
            "List access tokens"
        );
        assert_eq!(page_title("access_requests"), "Access requests API");
        assert_eq!(page_title("Gizmo snapshots API"), "Gizmo snapshots API");
        assert_eq!(file_name("Access Requests"), "access_requests.md");
    }
}
