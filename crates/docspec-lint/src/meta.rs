//! What every rule declares once, through `#[derive(RuleMeta)]`.

use docspec_diagnostics::Severity;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// docspec itself: unreadable files, parse problems, suppressions.
    Docspec,
    /// Page-wide conventions: front matter, fences, alerts, links.
    Page,
    /// The parts every method must have.
    Structure,
    /// The request line.
    Request,
    /// The request attribute table.
    Attributes,
    /// The response table and example.
    Response,
    /// The success sentence and its status code.
    Status,
    /// The cURL example.
    Curl,
    /// History notes and deprecations.
    History,
    /// Tier, offering and status wording.
    Availability,
    /// Checks across pages.
    Project,
    /// What `docspec openapi` could not carry into the spec (reported by that command).
    Openapi,
    /// The pages against an API spec (`docspec drift`); raised outside lint.
    Drift,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::Docspec,
        Category::Page,
        Category::Structure,
        Category::Request,
        Category::Attributes,
        Category::Response,
        Category::Status,
        Category::Curl,
        Category::History,
        Category::Availability,
        Category::Project,
        Category::Openapi,
        Category::Drift,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Docspec => "docspec",
            Category::Page => "page",
            Category::Structure => "structure",
            Category::Request => "request",
            Category::Attributes => "attributes",
            Category::Response => "response",
            Category::Status => "status",
            Category::Curl => "curl",
            Category::History => "history",
            Category::Availability => "availability",
            Category::Project => "project",
            Category::Openapi => "openapi",
            Category::Drift => "drift",
        }
    }

    /// Whether another command than `lint` finds this category's problems and hands them
    /// to [`crate::finish_external`]; `lint` itself never reports them.
    pub fn is_external(self) -> bool {
        matches!(self, Category::Openapi | Category::Drift)
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct RuleMetadata {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    pub since: &'static str,
    /// The markdownlint rules this rule also checks (code, alias): markdownlint's
    /// suppression comments for them suppress it too.
    #[serde(skip)]
    pub markdownlint: &'static [(&'static str, &'static str)],
    /// The Vale rules of GitLab's docs (`gitlab_base.CodeBlockNesting`) this rule also
    /// checks: Vale's comments that turn them off (`<!-- vale gitlab_base.X = NO -->`,
    /// `<!-- vale off -->`) suppress it too.
    #[serde(skip)]
    pub vale: &'static [&'static str],
    /// The first sentence of "What it does".
    pub summary: &'static str,
    /// The whole doc comment, Markdown.
    pub docs: &'static str,
    #[serde(skip)]
    pub file: &'static str,
}

impl RuleMetadata {
    /// `MD003 (heading-style), MD026 (no-trailing-punctuation)`, or `None`.
    pub fn markdownlint_twins(&self) -> Option<String> {
        let twins: Vec<String> = self
            .markdownlint
            .iter()
            .map(|(code, alias)| format!("{code} ({alias})"))
            .collect();
        (!twins.is_empty()).then(|| twins.join(", "))
    }

    /// `gitlab_base.CodeBlockNesting, ...`, or `None`.
    pub fn vale_twins(&self) -> Option<String> {
        (!self.vale.is_empty()).then(|| self.vale.join(", "))
    }

    /// The Markdown block under `## Example` (before `Use instead:`).
    pub fn example(&self) -> Option<&'static str> {
        let section = self.docs.split("## Example").nth(1)?;
        let before = section.split("Use instead:").next()?;
        markdown_block(before)
    }

    /// The Markdown block after `Use instead:`.
    pub fn use_instead(&self) -> Option<&'static str> {
        let after = self.docs.split("Use instead:").nth(1)?;
        markdown_block(after)
    }

    /// Whether a code, name or category selects this rule.
    pub fn matches(&self, selector: &str) -> bool {
        self.code.eq_ignore_ascii_case(selector)
            || self.name == selector
            || self.category.as_str() == selector
            || (selector.len() < self.code.len()
                && self.code.starts_with(selector)
                && selector.chars().all(|c| c.is_ascii_uppercase()))
    }
}

/// The content of the first ```` ```markdown ```` fence in `text`; the fence may be
/// longer than three backticks so that the example can hold fences itself.
fn markdown_block(text: &'static str) -> Option<&'static str> {
    let at = text.find("```markdown")?;
    let ticks = text[..at].chars().rev().take_while(|&c| c == '`').count() + 3;
    let fence = "`".repeat(ticks);
    let start = at + "```markdown".len();
    let rest = &text[start..];
    let rest = rest.strip_prefix('\n').unwrap_or(rest);
    let closing = format!("\n{fence}");
    let mut from = 0;
    while let Some(i) = rest[from..].find(&closing) {
        let end = from + i;
        let after = rest[end + closing.len()..].chars().next();
        if after.is_none_or(|c| c != '`') {
            return Some(&rest[..=end]);
        }
        from = end + closing.len();
    }
    None
}

/// Implemented by `#[derive(RuleMeta)]`.
pub trait RuleMeta {
    const META: RuleMetadata;
    /// A `'static` reference to `META` (constant promotion).
    const META_REF: &'static RuleMetadata = &Self::META;
}
