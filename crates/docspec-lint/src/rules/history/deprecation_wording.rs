use super::shared::{code, deprecated_rows, version_at, Flat, Mark, MarkKind};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Checks the deprecation text of attribute descriptions (request and response tables)
/// against the style guide's sentence, which gives the release of the deprecation, the
/// planned removal and the replacement.
///
/// The sentence is
/// `` [Deprecated](link) in GitLab X.Y and is planned for removal in A.B. Use `x` instead. ``:
/// a link whose text is `Deprecated`, the release it was deprecated in, the release it
/// is planned to be removed in (later than the first) or the REST API version it goes
/// with (`API version 5`, `API v5`, `v5 of the API`: REST removals are planned by API
/// version), and the replacement. The planned removal may be worded otherwise (`, and scheduled for removal
/// in [API version 5](...)`, `and will be removed in 17.0`, or a next sentence
/// `Scheduled to be removed in GitLab 17.0.`): it is the fact that counts. When
/// nothing replaces the attribute, write `There is no replacement.` instead of the last
/// sentence; a missing replacement is its own finding. The replacement may be named in
/// the words it needs (`` Use `a` or `b` instead. ``, `Use the [motors API](...) instead.`). The sentence may stand anywhere
/// in the description: the guide says to add it to the description, and only its example
/// puts it first.
///
/// Other ways of marking a deprecation (`**Deprecated:** Scheduled to be removed in
/// GitLab 16.0`, `` Deprecated: Use `x` instead. ``, `(deprecated, [scheduled for
/// removal](...) in API version 5)`, `` `name` is deprecated in favor of `x` ``) are
/// reported once, at the words that mark it. Values of the attribute marked deprecated
/// (`` Deprecated values: `timeout`, ... ``, `` `x` (deprecated) ``, `` the `x` value is
/// deprecated ``) are not the attribute, and are not held to this sentence.
///
/// ## Why is this bad?
/// Readers scan descriptions for the word "Deprecated" and need three facts: since when,
/// until when, and what to use instead. Free wording leaves out one of them, usually
/// the removal release, and cannot be read by tools that list deprecations.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute     | Type   | Required | Description |
/// |---------------|--------|----------|-------------|
/// | `widget_name` | string | No       | **Deprecated:** Scheduled to be removed in GitLab 16.0. The name of the widget. |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute     | Type   | Required | Description |
/// |---------------|--------|----------|-------------|
/// | `widget_name` | string | No       | [Deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 14.7 and is planned for removal in 16.0. Use `widget_id` instead. The name of the widget. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI005", name = "deprecation-wording", category = History, severity = Warning, fix = None, since = "0.1.0")]
pub struct DeprecationWording;

const TEMPLATE: &str = "[Deprecated](https://link-to-issue) in GitLab X.Y and is planned for removal in A.B.";

impl Check for DeprecationWording {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for row in deprecated_rows(ctx.page) {
            if row.mark.kind == MarkKind::Link {
                check_sentence(ctx, &row.flat, &row.mark, out);
            } else {
                out.push(other_wording(ctx, &row.flat, &row.mark));
            }
        }
    }
}

/// The replacement named after the mark: `` Use `x` instead `` or `` in favor of `x` ``.
fn replacement(text: &str) -> Option<&str> {
    ["Use `", "use `", "in favor of `", "renamed to `"]
        .iter()
        .find_map(|lead| {
            let at = text.find(lead)? + lead.len();
            let len = text[at..].find('`')?;
            Some(&text[at..at + len])
        })
}

fn other_wording(ctx: &LintContext<'_>, flat: &Flat, mark: &Mark) -> Diagnostic {
    let meta = &<DeprecationWording as RuleMeta>::META;
    let written = ctx.text(mark.range).trim();
    let shown = crate::rules::helpers::shortened(written, 60);
    let instead = match replacement(&flat.text[mark.flat_start..]) {
        Some(x) => code(&format!("{TEMPLATE} Use `{x}` instead.")),
        None => format!(
            "{} (or `There is no replacement.` as the last sentence)",
            code(&format!("{TEMPLATE} Use `x` instead."))
        ),
    };
    ctx.report(meta, mark.range, format!("the deprecation is written {}", code(&shown)))
        .with_help(format!("write it as {instead}"))
}

/// `[Deprecated](link)` then `in GitLab X.Y and is planned for removal in A.B. Use `x` instead.`
fn check_sentence(ctx: &LintContext<'_>, flat: &Flat, mark: &Mark, out: &mut Vec<Diagnostic>) {
    let meta = &<DeprecationWording as RuleMeta>::META;
    let text = flat.text.as_str();
    let mut at = mark.flat_end;
    let mut deprecated_in = None;
    if let Some((written, version)) = text[at..].strip_prefix(" in GitLab ").and_then(version_at) {
        at += " in GitLab ".len() + written.len();
        deprecated_in = Some(version);
    } else {
        out.push(
            ctx.report(meta, mark.range, "the deprecation does not say in which release")
                .with_help("write `in GitLab X.Y` after `[Deprecated](...)`"),
        );
    }
    if let Some(start) = removal_clause(text, at) {
        match removal_target(&text[start..]) {
            Some(Removal::Release(offset, written, removal)) => {
                let version_start = start + offset;
                let end = version_start + written.len();
                if deprecated_in.is_some_and(|d| removal <= d) {
                    out.push(
                        ctx.report(
                            meta,
                            flat.source_range(version_start, end),
                            format!("removal in `{written}` is not after the deprecation"),
                        )
                        .with_help("the removal release comes after the release of the deprecation"),
                    );
                }
                at = end;
            }
            Some(Removal::ApiVersion(len)) => at = start + len,
            None => {
                let end = text[start..].find(". ").map_or(text.len(), |i| start + i);
                out.push(
                    ctx.report(
                        meta,
                        flat.source_range(start, end),
                        "the removal is not given as a GitLab release or an API version",
                    )
                    .with_help(
                        "write `and is planned for removal in A.B.` with a GitLab version, or `in API version N`",
                    ),
                );
                at = end;
            }
        }
    } else {
        let end = sentence_end(text, at);
        out.push(
            ctx.report(
                meta,
                flat.source_range(at, end.max(at + 1).min(text.len())),
                "the deprecation does not say when the attribute is planned for removal",
            )
            .with_help("continue the sentence with `and is planned for removal in A.B.`"),
        );
    }
    let sentence_end = sentence_end(text, at);
    let tail = text[sentence_end..].trim_start();
    if !names_replacement(tail) && !tail.starts_with("There is no replacement.") {
        out.push(
            ctx.report(
                meta,
                flat.source_range(mark.flat_start, sentence_end),
                "the deprecation does not name a replacement",
            )
            .with_help("follow it with `` Use `x` instead. ``, naming the replacement, or `There is no replacement.`"),
        );
    }
}

/// Whether the sentence at the start of `tail` names what to use instead: the guide's
/// `` Use `x` instead. `` or the same fact worded for the replacement at hand (`` Use `a`
/// or `b` instead. ``, `` Use the `form` attribute instead. ``, `Use the [motors
/// API](...) instead.`, `` Instead, use `x`. ``).
fn names_replacement(tail: &str) -> bool {
    let sentence = tail.split(". ").next().unwrap_or(tail).to_ascii_lowercase();
    let used = sentence
        .strip_prefix("use ")
        .and_then(|rest| rest.find(" instead").map(|i| &rest[..i]));
    let named = used.or_else(|| {
        ["instead, use ", "instead use "]
            .iter()
            .find_map(|lead| sentence.strip_prefix(lead))
    });
    named.is_some_and(|n| !n.trim_matches(['.', ' ']).is_empty())
}

/// Ways of saying the attribute is planned for removal, after `and` or as the next sentence.
const REMOVAL_LEADS: &[&str] = &[
    "planned for removal in ",
    "scheduled for removal in ",
    "planned to be removed in ",
    "scheduled to be removed in ",
    "will be removed in ",
    "to be removed in ",
];

/// Where the planned removal's release starts, when the text at `at` (right after the
/// release of the deprecation) says the attribute is planned for removal: the guide's
/// ` and is planned for removal in `, or the same said another way (`, and scheduled for
/// removal in `, ` and will be removed in `, `. Scheduled to be removed in `).
fn removal_clause(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let lower = rest.to_ascii_lowercase();
    let mut i = lower.len() - lower.trim_start_matches([',', ' ']).len();
    if i == 0 {
        // The next sentence may say it: `in GitLab 15.1. Scheduled to be removed in 18.0.`
        i = lower.strip_prefix(". ").map_or(0, |_| 2);
    }
    let skip = |i: &mut usize, word: &str| {
        if lower[*i..].starts_with(word) {
            *i += word.len();
        }
    };
    skip(&mut i, "and ");
    skip(&mut i, "it ");
    skip(&mut i, "is ");
    let lead = REMOVAL_LEADS.iter().find(|l| lower[i..].starts_with(*l))?;
    Some(at + i + lead.len())
}

/// What the attribute is planned to be removed in.
enum Removal<'t> {
    /// A GitLab release: where it is written, as written, and read.
    Release(usize, &'t str, (u32, u32)),
    /// A version of the REST API (`API version 5`, `API v5`): REST removals are planned by
    /// API version. The length written.
    ApiVersion(usize),
}

/// The release or API version at the start of `text`: `GitLab 17.0`, `17.0`,
/// `API version 5`, `API v5`, `the REST API v5`.
fn removal_target(text: &str) -> Option<Removal<'_>> {
    let lower = text.to_ascii_lowercase();
    let offset = if text.starts_with("GitLab ") {
        "GitLab ".len()
    } else {
        0
    };
    if let Some((written, version)) = version_at(&text[offset..]) {
        return Some(Removal::Release(offset, written, version));
    }
    let mut i = 0;
    for word in ["the ", "gitlab ", "rest "] {
        if lower[i..].starts_with(word) {
            i += word.len();
        }
    }
    if let Some(end) = version_of_the_api(&lower[i..]) {
        return Some(Removal::ApiVersion(i + end));
    }
    let after = lower[i..].strip_prefix("api ")?;
    i += "api ".len();
    let number_at = if after.starts_with("version ") {
        i + "version ".len()
    } else if after.starts_with('v') {
        i + 1
    } else {
        return None;
    };
    let digits = lower[number_at..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then_some(Removal::ApiVersion(number_at + digits))
}

/// `v5 of the API`, `version 5 of the REST API` (lower case): the length written.
fn version_of_the_api(lower: &str) -> Option<usize> {
    let number_at = if lower.starts_with("version ") {
        "version ".len()
    } else if lower.starts_with('v') {
        1
    } else {
        return None;
    };
    let digits = lower[number_at..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &lower[number_at + digits..];
    [
        "of the api",
        "of the rest api",
        "of the gitlab api",
        "of the gitlab rest api",
    ]
    .iter()
    .find(|phrase| {
        rest.strip_prefix(' ')
            .and_then(|r| r.strip_prefix(**phrase))
            .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
    .map(|phrase| number_at + digits + 1 + phrase.len())
}

/// The offset after the `.` that ends the sentence at or after `from`.
fn sentence_end(text: &str, from: usize) -> usize {
    let mut i = from;
    while let Some(dot) = text[i..].find('.') {
        let after = i + dot + 1;
        if text[after..].is_empty() || text[after..].starts_with(' ') {
            return after;
        }
        i = after;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replacement_may_be_worded_for_what_replaces() {
        for named in [
            "Use `x` instead.",
            "Use `x=true` instead.",
            "Use `hue` or `palette_id` instead. Color of the gizmo.",
            "Use `a`, `b`, or `c` instead.",
            "Use the `form` attribute instead.",
            "Use the gizmo motors API instead.",
            "Use the `POST /gizmos/:id/skip` endpoint instead.",
            "Instead, use `x`.",
        ] {
            assert!(names_replacement(named), "{named}");
        }
        for unnamed in [
            "Color of the gizmo.",
            "Use instead.",
            "Users should stop using it. Use `x` instead.",
            "",
        ] {
            assert!(!names_replacement(unnamed), "{unnamed}");
        }
    }

    #[test]
    fn the_planned_removal_may_be_worded_otherwise() {
        fn at(text: &str) -> Option<&str> {
            removal_clause(text, 0).map(|i| &text[i..])
        }
        assert_eq!(at(" and is planned for removal in 15.4."), Some("15.4."));
        assert_eq!(
            at(", and scheduled for removal in API version 5."),
            Some("API version 5.")
        );
        assert_eq!(at(" and will be removed in GitLab 17.0."), Some("GitLab 17.0."));
        assert_eq!(at(". Scheduled to be removed in 18.0."), Some("18.0."));
        assert_eq!(at(". It will be removed in 18.0."), Some("18.0."));
        assert_eq!(at(". Use `x` instead."), None);
        assert_eq!(at(" and removed in 16.0."), None);
        assert!(matches!(removal_target("API v5."), Some(Removal::ApiVersion(6))));
        assert!(matches!(
            removal_target("the REST API version 5"),
            Some(Removal::ApiVersion(22))
        ));
        assert!(matches!(
            removal_target("GitLab 17.0."),
            Some(Removal::Release(7, "17.0", (17, 0)))
        ));
        assert!(removal_target("a future release.").is_none());
        assert!(removal_target("API versions").is_none());
        assert!(matches!(
            removal_target("v5 of the API."),
            Some(Removal::ApiVersion(13))
        ));
        assert!(matches!(
            removal_target("version 5 of the REST API"),
            Some(Removal::ApiVersion(25))
        ));
        assert!(removal_target("v5 of the APIs").is_none());
        assert!(removal_target("v5 of the docs").is_none());
    }
}
