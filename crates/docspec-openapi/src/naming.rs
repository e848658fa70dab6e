//! Schema names from titles: `Branches API` → `Branch`, `Get the diff of a commit` →
//! `CommitDiff`, `author` → `Author`. Singular, PascalCase, ASCII.

/// Words that start a method title and say what the method does, not what it returns.
const VERBS: &[&str] = &[
    "accept",
    "activate",
    "add",
    "approve",
    "archive",
    "assign",
    "ban",
    "block",
    "cancel",
    "change",
    "check",
    "cherry",
    "cherry-pick",
    "close",
    "compare",
    "configure",
    "count",
    "create",
    "deactivate",
    "delete",
    "deny",
    "disable",
    "download",
    "edit",
    "enable",
    "erase",
    "export",
    "fetch",
    "find",
    "generate",
    "get",
    "import",
    "keep",
    "link",
    "list",
    "listing",
    "lock",
    "mark",
    "merge",
    "modify",
    "move",
    "obtain",
    "play",
    "post",
    "preview",
    "promote",
    "protect",
    "publish",
    "purge",
    "query",
    "read",
    "rebase",
    "register",
    "reject",
    "remove",
    "rename",
    "renew",
    "reopen",
    "reorder",
    "replace",
    "request",
    "reset",
    "resolve",
    "restore",
    "retrieve",
    "retry",
    "revert",
    "revoke",
    "rotate",
    "run",
    "schedule",
    "search",
    "send",
    "set",
    "share",
    "show",
    "star",
    "start",
    "stop",
    "subscribe",
    "sync",
    "take",
    "test",
    "transfer",
    "trigger",
    "unapprove",
    "unarchive",
    "unassign",
    "unban",
    "unblock",
    "unlink",
    "unlock",
    "unprotect",
    "unshare",
    "unstar",
    "unsubscribe",
    "update",
    "upload",
    "validate",
    "verify",
    "view",
];

/// Words before the noun that name no part of it.
const QUALIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "all",
    "any",
    "single",
    "specific",
    "existing",
    "new",
    "current",
    "one",
    "details",
    "detail",
    "info",
    "information",
    "list",
    "of",
    "on",
    "about",
    "your",
    "my",
    "given",
    "particular",
];

/// Words after which the title names a context, not the returned thing.
const PREPOSITIONS: &[&str] = &[
    "for",
    "in",
    "from",
    "to",
    "by",
    "with",
    "within",
    "at",
    "associated",
    "that",
    "which",
    "as",
    "using",
    "into",
    "after",
    "before",
    "between",
    "under",
    "belonging",
    "when",
    "where",
    "via",
    "per",
];

/// Verbs a resource title may start with (`List registry repositories`); words that are
/// also nouns (`Merge requests`, `Search`) are not among them.
const RESOURCE_VERBS: &[&str] = &[
    "add", "create", "delete", "edit", "fetch", "get", "list", "listing", "modify", "obtain", "remove", "retrieve",
    "show", "update",
];

/// The thing a method title names, as a schema name; `None` when nothing is left or the
/// title names several things (`Issues, merge requests, and snippets`).
pub fn noun(title: &str) -> Option<String> {
    phrase(title, VERBS)
}

/// The thing a resource or page title names: `Branches API` → `Branch`, `Group and
/// project members` → `ProjectMember`.
pub fn resource(title: &str) -> Option<String> {
    phrase(title, RESOURCE_VERBS)
}

fn phrase(title: &str, verbs: &[&str]) -> Option<String> {
    let cleaned = clean_title(title);
    if cleaned.contains(',') {
        return None;
    }
    let lower = |w: &str| w.to_ascii_lowercase();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.first().is_some_and(|w| verbs.contains(&lower(w).as_str())) {
        words.remove(0);
        // `Approve or reject a deployment`: the second verb goes too.
        if words.first().is_some_and(|w| matches!(lower(w).as_str(), "and" | "or")) {
            words.drain(..words.len().min(2));
        }
    }
    while words.first().is_some_and(|w| QUALIFIERS.contains(&lower(w).as_str())) {
        words.remove(0);
    }
    // An article after the noun starts a clause: `references a commit is pushed to`.
    let cut = words.iter().position(|w| {
        let w = lower(w);
        PREPOSITIONS.contains(&w.as_str()) || w == "of" || w == "a" || w == "an" || w == "the"
    });
    let (head, tail): (Vec<&str>, Vec<&str>) = match cut {
        Some(i) => (words[..i].to_vec(), words[i..].to_vec()),
        None => (words.clone(), Vec::new()),
    };
    // `group and project members` names project members (of groups too).
    let head: Vec<&str> = match head.iter().rposition(|w| matches!(lower(w).as_str(), "and" | "or")) {
        Some(i) => head[i + 1..].to_vec(),
        None => head,
    };
    // `diff of a commit` → `commit diff`: the owner first, as names usually read.
    let mut phrase: Vec<String> = Vec::new();
    if tail.first().is_some_and(|w| lower(w) == "of") && !head.is_empty() {
        let owner: Vec<&str> = tail[1..]
            .iter()
            .copied()
            .skip_while(|w| QUALIFIERS.contains(&lower(w).as_str()))
            .take_while(|w| !PREPOSITIONS.contains(&lower(w).as_str()) && lower(w) != "of")
            .collect();
        if owner.len() <= 2 {
            phrase.extend(owner.iter().map(|w| singular_word(w)));
        }
    }
    phrase.extend(head.iter().map(|w| w.to_string()));
    if phrase.is_empty() {
        return None;
    }
    let name = pascal_singular(&phrase.join(" "));
    (!name.is_empty()).then_some(name)
}

/// `Deploy keys API (beta)` → `Deploy keys`: no trailing `API`, parentheses, leading `GitLab`.
fn clean_title(title: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut inner = String::new();
    for c in title.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                inner.clear();
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                // `DevOps Research and Assessment (DORA) key metrics`: the acronym stands
                // for everything before it.
                let acronym = inner.len() >= 2 && inner.chars().all(|c| c.is_ascii_uppercase());
                if depth == 0 && acronym {
                    out = format!("{inner} ");
                }
            }
            '`' | '*' | '_' if depth == 0 => out.push(' '),
            c if depth == 0 => out.push(c),
            c => inner.push(c),
        }
    }
    // `pipeline's test report` reads `pipeline test report`; a comma stays a word.
    let out = out.replace("'s ", " ").replace("’s ", " ").replace(',', " , ");
    let mut words: Vec<&str> = out
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '/' | '?' | '!' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "api" | "apis" | "rest" | "endpoint" | "endpoints"
        )
    }) {
        words.pop();
    }
    if words.len() > 1 && words[0] == "GitLab" {
        words.remove(0);
    }
    words.join(" ")
}

/// `time_stats` → `TimeStats`: words capitalized, as written.
pub fn pascal(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|f| f.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `repository branches` → `RepositoryBranch`: words capitalized, the last one singular.
pub fn pascal_singular(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let last = words.len().saturating_sub(1);
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        let word = if i == last { singular_word(word) } else { word.clone() };
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            // Keep acronyms (`DORA`, `SSH`) as written, lower the rest of other words.
            let rest = chars.as_str();
            if word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && word.len() > 1 {
                out.push_str(&rest.to_ascii_lowercase());
            } else {
                out.push_str(rest);
            }
        }
    }
    // A name cannot start with a digit.
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'N');
    }
    out
}

/// English plural to singular for the words API titles use.
pub fn singular_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let keep = [
        "status",
        "access",
        "alias",
        "news",
        "series",
        "data",
        "metadata",
        "analytics",
        "settings",
        "this",
        "analysis",
        "basis",
        "redis",
        "axis",
    ];
    let strip = |n: usize| word[..word.len() - n].to_string();
    if keep.contains(&lower.as_str()) || lower.ends_with("ss") || lower.len() <= 3 {
        word.to_string()
    } else if lower.ends_with("statuses") || lower.ends_with("aliases") || lower.ends_with("sses") {
        strip(2)
    } else if lower.ends_with("ies") {
        strip(3) + "y"
    } else if ["ches", "shes", "xes", "zes"].iter().any(|e| lower.ends_with(e)) {
        strip(2)
    } else if lower.ends_with('s') && !lower.ends_with("us") {
        strip(1)
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_nouns() {
        let cases = [
            ("Branches API", "Branch"),
            ("List repository branches", "RepositoryBranch"),
            ("Get single repository branch", "RepositoryBranch"),
            ("Get the diff of a commit", "CommitDiff"),
            ("Get signature of a commit", "CommitSignature"),
            ("List the statuses of a commit", "CommitStatus"),
            ("List access requests for a group or project", "AccessRequest"),
            ("Get details on current application appearance", "ApplicationAppearance"),
            ("DevOps Research and Assessment (DORA) key metrics API", "DoraKeyMetric"),
            ("Get project-level DORA metrics", "ProjectLevelDoraMetric"),
            ("Commit status", "CommitStatus"),
            ("List merge requests associated with a commit", "MergeRequest"),
            ("Get references a commit is pushed to", "Reference"),
            ("Create and assign a child epic", "ChildEpic"),
            ("Approve or reject a blocked deployment", "BlockedDeployment"),
            ("Get a pipeline's test report", "PipelineTestReport"),
        ];
        for (title, name) in cases {
            assert_eq!(noun(title).as_deref(), Some(name), "{title}");
        }
        assert_eq!(noun("Delete"), None);
        assert_eq!(noun("Issues, merge requests, and snippets"), None);
        for (title, name) in [
            ("Merge requests API", "MergeRequest"),
            ("Instance audit events", "InstanceAuditEvent"),
            ("GitLab Duo Chat Completions API", "DuoChatCompletion"),
            ("Group and project members API", "ProjectMember"),
            ("Project wikis API", "ProjectWiki"),
            ("List registry repositories", "RegistryRepository"),
        ] {
            assert_eq!(resource(title).as_deref(), Some(name), "{title}");
        }
    }

    #[test]
    fn plurals() {
        for (plural, single) in [
            ("branches", "branch"),
            ("statuses", "status"),
            ("keys", "key"),
            ("addresses", "address"),
            ("releases", "release"),
            ("access", "access"),
            ("boxes", "box"),
            ("entities", "entity"),
        ] {
            assert_eq!(singular_word(plural), single);
        }
    }
}
