use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// Docs sites built from other repositories: links to them stay absolute.
const OTHER_PROJECTS: &[&str] = &["runner", "charts", "omnibus", "operator"];

/// ## What it does
/// Reports absolute links to GitLab's own docs site (`https://docs.gitlab.com/ee/...`,
/// `/ce/...`, or any other page of it) where a relative link to the `.md` file
/// belongs. Links to the docs of other projects published there (`/runner/`,
/// `/charts/`, `/omnibus/`, `/operator/`) are left alone: they live in other
/// repositories and can only be linked by URL.
///
/// ## Why is this bad?
/// An absolute link leaves the version of the docs the reader is on (a self-managed
/// instance's `/help`, an older release, a review app) for the latest site, and link
/// checkers cannot verify it against the repository. GitLab's `RelativeLinks` Vale rule
/// fails them.
///
/// ## Example
/// ````markdown
/// See [status codes](https://docs.gitlab.com/ee/api/rest/troubleshooting.html#status-codes).
/// ````
///
/// Use instead:
/// ````markdown
/// See [status codes](rest/troubleshooting.md#status-codes).
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG013", name = "absolute-docs-link", category = Page, severity = Error, fix = None, since = "0.1.0", vale = "gitlab_docs.RelativeLinks")]
pub struct AbsoluteDocsLink;

impl Check for AbsoluteDocsLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for link in &ctx.page.links {
            let Some(path) = docs_path(&link.dest) else {
                continue;
            };
            let first = path.split(['/', '#', '?']).next().unwrap_or("");
            if OTHER_PROJECTS.contains(&first) {
                continue;
            }
            let page = path
                .strip_prefix("ee/")
                .or_else(|| path.strip_prefix("ce/"))
                .unwrap_or(path);
            let page = page.split(['#', '?']).next().unwrap_or("");
            let help = match page.strip_suffix(".html") {
                Some(stem) => format!("link to `doc/{stem}.md` with a path relative to this page"),
                None if page.is_empty() => "link to the page's `.md` file with a relative path".to_string(),
                None => format!(
                    "link to the `.md` file of `doc/{}` with a path relative to this page",
                    page.trim_end_matches('/')
                ),
            };
            out.push(
                ctx.report(&Self::META, link.range, format!("absolute link to `{}`", link.dest))
                    .with_label("links to GitLab's docs site")
                    .with_help(help),
            );
        }
    }
}

/// The path after `https://docs.gitlab.com/`, for a link to GitLab's docs site.
fn docs_path(dest: &str) -> Option<&str> {
    let rest = dest.strip_prefix("https://").or_else(|| dest.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    host.eq_ignore_ascii_case("docs.gitlab.com").then_some(path)
}
