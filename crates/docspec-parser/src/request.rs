//! Request lines inside a request block: `VERB /path/:param?query`.

use docspec_model::{path_params, CodeBlock, RequestLine, Spanned, TargetForm, TextRange};

/// HTTP methods a request line may start with.
pub const HTTP_VERBS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

pub fn is_verb(word: &str) -> bool {
    HTTP_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// Whether a code block is a request block: `plaintext` (or unlabelled plain text, or
/// `http`, as older pages fence it) with at least one line that starts with an HTTP verb
/// followed by a target; or a shell block whose every line is `VERB /path`, which no
/// shell runs (some pages fence the request line as `shell`).
pub fn is_request_block(block: &CodeBlock) -> bool {
    let plain = matches!(block.lang(), None | Some("plaintext" | "text" | "plain" | "http"));
    if plain {
        return block.content.lines().any(|l| split_verb(l).is_some());
    }
    let shell = matches!(block.lang(), Some("shell" | "bash" | "sh" | "console"));
    let mut lines = block.content.lines().filter(|l| !l.trim().is_empty()).peekable();
    shell
        && lines.peek().is_some()
        && lines.all(|l| split_verb(l).is_some_and(|(_, target)| target.trim_start().starts_with('/')))
}

/// Whether a request block illustrates the prose before it ("For example, `/` is
/// written `%2F`:") or shows a whole HTTP message (the request line, then header lines),
/// rather than giving the endpoint its section documents.
pub fn is_illustration(block: &CodeBlock) -> bool {
    is_http_message(&block.content) || introduced_as_example(block)
}

/// A request to one real resource (`/api/v4/projects/gitlab-org%2Fgitlab`,
/// `/projects/5/issues`): a value where an endpoint has its `:id`, and no placeholder.
/// Troubleshooting text shows such requests.
pub fn is_concrete_path(path: &str) -> bool {
    let path = path.split(['?', ' ']).next().unwrap_or("");
    let placeholder = path.contains(['{', '<']) || path.split('/').any(|s| s.starts_with(':'));
    let concrete = path
        .split('/')
        .any(|s| (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())) || s.to_ascii_lowercase().contains("%2f"));
    !placeholder && concrete
}

/// `POST https://host/path`, then `Content-Type: ...`: a raw HTTP request.
fn is_http_message(content: &str) -> bool {
    let mut lines = content.lines().filter(|l| !l.trim().is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let header = second
        .split_once(": ")
        .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    split_verb(first).is_some() && header
}

/// "For example, `/` is written `%2F`:" introduces the block. A paragraph that starts
/// with "For instance" and ends in a full stop tells of something else: the endpoint's
/// block may follow it, unless it shows a concrete request.
fn introduced_as_example(block: &CodeBlock) -> bool {
    block.lead_in.as_deref().is_some_and(|lead| {
        let lead = lead.trim().to_ascii_lowercase();
        let example = ["for example", "another example", "for instance"]
            .iter()
            .any(|p| lead.starts_with(p));
        let concrete = || {
            block
                .content
                .lines()
                .any(|l| split_verb(l).is_some_and(|(_, rest)| is_concrete_path(rest.trim())))
        };
        example && (lead.ends_with(':') || concrete())
    })
}

fn split_verb(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim_start();
    let (verb, rest) = trimmed.split_once([' ', '\t'])?;
    (is_verb(verb) && !rest.trim().is_empty()).then_some((verb, rest))
}

/// Reads the request lines of a block; other non-blank lines are returned apart.
pub fn read_lines(block: &CodeBlock) -> (Vec<RequestLine>, Vec<Spanned<String>>) {
    let mut lines = Vec::new();
    let mut others = Vec::new();
    let mut offset = 0;
    for raw in block.content.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_start = offset;
        offset += raw.len();
        if line.trim().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let at = |start: usize, end: usize| block.source_range(line_start + start, line_start + end);
        match split_verb(line) {
            Some((verb, rest)) => lines.push(read_line(line, lead, verb, rest, &at)),
            None => {
                let end = line.trim_end().len();
                others.push(Spanned::new(line.trim().to_string(), at(lead, end)));
            }
        }
    }
    (lines, others)
}

fn read_line(line: &str, lead: usize, verb: &str, rest: &str, at: &dyn Fn(usize, usize) -> TextRange) -> RequestLine {
    let verb_end = lead + verb.len();
    let target_start = line.len() - rest.trim_start().len();
    let target = rest.split_whitespace().next().unwrap_or("");
    let target_end = target_start + target.len();
    let trailing = line[target_end..].trim();
    let trailing = (!trailing.is_empty()).then(|| {
        let start = target_end + (line[target_end..].len() - line[target_end..].trim_start().len());
        Spanned::new(trailing.to_string(), at(start, start + trailing.len()))
    });

    let (form, path_start) = target_path_start(target);
    let path_and_query = &target[path_start..];
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let abs_path_start = target_start + path_start;
    let normalized = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    let params = path_params(path)
        .into_iter()
        .map(|(s, e)| Spanned::new(path[s + 1..e].to_string(), at(abs_path_start + s, abs_path_start + e)))
        .collect();
    let query = query.map(|q| {
        let start = abs_path_start + path.len() + 1;
        Spanned::new(q.to_string(), at(start, start + q.len()))
    });
    RequestLine {
        range: at(lead, line.trim_end().len()),
        verb: Spanned::new(verb.to_string(), at(lead, verb_end)),
        target: Spanned::new(target.to_string(), at(target_start, target_end)),
        form,
        path: Spanned::new(normalized, at(abs_path_start, abs_path_start + path.len())),
        query,
        params,
        trailing,
    }
}

/// The form of a target and where its path starts.
fn target_path_start(target: &str) -> (TargetForm, usize) {
    if target.starts_with('/') {
        return (TargetForm::Rooted, 0);
    }
    // `https://host/...`, `http(s)://...`, `${CI_SERVER_URL}/...`
    if let Some(i) = target.find("://") {
        let after = i + 3;
        let path = target[after..].find('/').map_or(target.len(), |p| after + p);
        return (TargetForm::Url, path);
    }
    if target.starts_with('$') {
        let path = target.find('/').unwrap_or(target.len());
        return (TargetForm::Url, path);
    }
    (TargetForm::Unrooted, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use docspec_model::OffsetMap;

    fn block(content: &str) -> CodeBlock {
        let mut map = OffsetMap::default();
        map.push(0, 100, content.len());
        CodeBlock {
            range: TextRange::new(90, 100 + content.len() + 4),
            fenced: true,
            lang: None,
            content: content.to_string(),
            map,
            lead_in: None,
            nested: false,
        }
    }

    #[test]
    fn reads_params_query_and_ranges() {
        let (lines, others) = read_lines(&block("GET /projects/:id/issues/:issue_iid?state=opened\n"));
        assert!(others.is_empty());
        let line = &lines[0];
        assert_eq!(line.verb.value, "GET");
        assert_eq!(line.form, TargetForm::Rooted);
        assert_eq!(line.path.value, "/projects/:id/issues/:issue_iid");
        let names: Vec<_> = line.params.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(names, ["id", "issue_iid"]);
        assert_eq!(line.params[0].range, TextRange::new(114, 117));
        assert_eq!(line.query.as_ref().unwrap().value, "state=opened");
    }

    #[test]
    fn reads_unrooted_and_url_targets() {
        let (lines, _) = read_lines(&block(
            "GET projects/:id/access_tokens\nPOST https://gitlab.example.com/api/v4/features/x?a=1\nGET http(s)://${CI_REGISTRY}/v2/_catalog\n",
        ));
        assert_eq!(lines[0].form, TargetForm::Unrooted);
        assert_eq!(lines[0].path.value, "/projects/:id/access_tokens");
        assert_eq!(lines[1].form, TargetForm::Url);
        assert_eq!(lines[1].path.value, "/api/v4/features/x");
        assert_eq!(lines[2].path.value, "/v2/_catalog");
    }

    #[test]
    fn other_lines_are_kept_apart() {
        let (lines, others) = read_lines(&block("GET /a\n# comment\nget /b\n"));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].verb.value, "get");
        assert_eq!(others[0].value, "# comment");
    }

    #[test]
    fn paths_to_one_real_resource_are_concrete() {
        for concrete in [
            "/api/v4/projects/gitlab-org%2Fgitlab/gizmos/1",
            "/projects/5/issues?state=opened",
            "/api/v4/projects/1/branches/my%2Fbranch/commits",
        ] {
            assert!(is_concrete_path(concrete), "{concrete}");
        }
        for endpoint in [
            "/projects/:id/issues/5",
            "/projects",
            "/api/v4/version",
            "/projects/{id}/issues/1",
            "",
        ] {
            assert!(!is_concrete_path(endpoint), "{endpoint}");
        }
    }

    #[test]
    fn params_only_at_segment_start() {
        assert_eq!(path_params("/a/:id/b:c/:x_y"), vec![(3, 6), (11, 15)]);
        assert_eq!(path_params("/a/:id/files/*file_path"), vec![(3, 6), (13, 23)]);
        assert_eq!(path_params("/a/*/b"), vec![]);
        assert_eq!(path_params("/m/:module-name/x"), vec![(3, 15)]);
        assert_eq!(path_params("/f/:name-:version"), vec![(3, 8), (9, 17)]);
        assert_eq!(path_params("/d/binary-:arch/x"), vec![(10, 15)]);
        assert_eq!(path_params("/c/:name$:sha"), vec![(3, 8), (9, 13)]);
        assert_eq!(path_params("/t/a-:1/x::y"), vec![]);
        assert_eq!(path_params("/f/:name-"), vec![(3, 8)]);
        assert_eq!(path_params("/m/files/(*path/):file_name"), vec![(10, 15), (17, 27)]);
    }
}
