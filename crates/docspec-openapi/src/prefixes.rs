//! Route prefixes a page defines: `GET <route-prefix>/ping`, where a `## Route prefix`
//! section lists the paths the placeholder stands for (`/packages/conan/v1`,
//! `/projects/:id/packages/conan/v1`), as GitLab's package registry pages do.

use docspec_model::{optional_group, Page, RequestLine, TargetForm};
use std::borrow::Cow;

/// The paths each `<placeholder>` of the page stands for, in page order.
pub struct RoutePrefixes(Vec<(String, Vec<String>)>);

impl RoutePrefixes {
    /// The prefixes under a heading named like the placeholder (`Route prefix` for
    /// `<route-prefix>`): every code block in its section, subsections included, that
    /// holds one rooted path and nothing else.
    pub fn of(page: &Page) -> Self {
        let mut out = Vec::new();
        let placeholders = page
            .methods()
            .flat_map(|m| m.request_lines())
            .any(|l| l.path.value.trim_start_matches('/').starts_with('<'));
        if !placeholders {
            return Self(out);
        }
        for (i, heading) in page.headings.iter().enumerate() {
            let name = heading.text.trim().to_ascii_lowercase().replace(' ', "-");
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                continue;
            }
            let end = page.headings[i + 1..]
                .iter()
                .find(|h| h.level <= heading.level)
                .map_or(usize::MAX, |h| h.range.start());
            let paths: Vec<String> = page
                .code_blocks
                .iter()
                .filter(|b| b.range.start() > heading.range.end() && b.range.start() < end)
                .filter(|b| matches!(b.lang(), None | Some("plaintext" | "text")))
                .filter_map(|b| {
                    let path = b.content.trim();
                    let one_path = path.starts_with('/') && !path.contains(char::is_whitespace);
                    one_path.then(|| path.trim_end_matches('/').to_string())
                })
                .collect();
            if !paths.is_empty() && !out.iter().any(|(n, _)| *n == name) {
                out.push((name, paths));
            }
        }
        Self(out)
    }

    /// The line once for each path its leading `<placeholder>` stands for, or the line
    /// itself when it has no placeholder the page defines.
    pub fn lines<'l>(&self, line: &'l RequestLine) -> Vec<Cow<'l, RequestLine>> {
        match self.expand(line) {
            Some(lines) => lines.into_iter().map(Cow::Owned).collect(),
            None => vec![Cow::Borrowed(line)],
        }
    }

    /// [`Self::lines`], each also once per way to write its optional groups (Grape's
    /// `files/(*path/):file_name` is `files/:file_name` and `files/*path/:file_name`):
    /// OpenAPI has no optional path segments.
    pub fn variants<'l>(&self, line: &'l RequestLine) -> Vec<Cow<'l, RequestLine>> {
        let mut out = Vec::new();
        for written in self.lines(line) {
            // `http(s)://` is not a group.
            if written.form == TargetForm::Url {
                out.push(written);
                continue;
            }
            let mut paths = vec![written.path.value.clone()];
            while let Some(at) = paths.iter().position(|p| optional_group(p).is_some()) {
                let path = paths.remove(at);
                let Some((open, close)) = optional_group(&path) else {
                    break;
                };
                let (before, group, after) = (&path[..open], &path[open + 1..close], &path[close + 1..]);
                paths.insert(at, format!("{before}{group}{after}"));
                paths.insert(at, format!("{before}{after}"));
            }
            if paths.len() == 1 {
                out.push(written);
                continue;
            }
            for path in paths {
                let mut variant = written.clone().into_owned();
                variant.path.value = path;
                out.push(Cow::Owned(variant));
            }
        }
        out
    }

    fn expand(&self, line: &RequestLine) -> Option<Vec<RequestLine>> {
        let path = line.path.value.strip_prefix('/').unwrap_or(&line.path.value);
        let inner = path.strip_prefix('<')?;
        let close = inner.find('>')?;
        let name = inner[..close].to_ascii_lowercase();
        let rest = &inner[close + 1..];
        let (_, prefixes) = self.0.iter().find(|(n, _)| *n == name)?;
        let lines = prefixes
            .iter()
            .map(|prefix| {
                let mut expanded = line.clone();
                expanded.path.value = format!("{prefix}{rest}");
                expanded.form = TargetForm::Rooted;
                expanded
            })
            .collect();
        Some(lines)
    }
}
