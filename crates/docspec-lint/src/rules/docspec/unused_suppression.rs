use crate::suppress::Suppression;
use crate::{Check, LintContext, LintSettings, RuleMeta, RuleMetadata};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::TextRange;

/// ## What it does
/// Reports a `docspec-disable` comment that suppressed no finding, or that names a
/// rule docspec does not have.
///
/// ## Why is this bad?
/// Stale suppressions hide future findings on lines that are now correct, and a
/// misspelt code suppresses nothing at all while looking as if it did.
///
/// ## Example
/// ```markdown
/// <!-- docspec-disable-next-line -->
/// Text without any finding.
/// ```
///
/// Use instead:
/// ```markdown
/// Text without any finding.
/// ```
///
/// ## Fix safety
/// Removing an unused suppression comment is safe: it suppressed nothing.
#[derive(RuleMeta)]
#[rule(code = "DS002", name = "unused-suppression", category = Docspec, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct UnusedSuppression;

pub const META: RuleMetadata = <UnusedSuppression as RuleMeta>::META;

/// The finding for one suppression that did nothing, if it did nothing.
pub fn report(s: &Suppression, settings: &LintSettings, text: &str) -> Option<Diagnostic> {
    // markdownlint's comments are for markdownlint first: not docspec's to remove.
    if s.foreign {
        return None;
    }
    if let Some((unknown, suggestion)) = s.first_unknown() {
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "run `docspec rules` for the list of codes and names".to_string(),
        };
        return Some(
            Diagnostic::new(
                META.code,
                META.name,
                META.default_severity,
                format!("suppression names unknown rule `{unknown}`"),
                s.comment,
            )
            .with_help(help),
        );
    }
    // A suppression of rules that are all off cannot be judged.
    if s.used || (!s.codes.is_empty() && s.codes.iter().all(|c| !settings.rules.is_enabled(c))) {
        return None;
    }
    let what = if s.codes.is_empty() {
        "all rules".to_string()
    } else {
        s.codes.join(", ")
    };
    let fix = Fix::safe(
        "Remove the unused suppression",
        vec![Edit::deletion(whole_line(s.comment, text))],
    );
    Some(
        Diagnostic::new(
            META.code,
            META.name,
            META.default_severity,
            format!("suppression of {what} suppresses nothing"),
            s.comment,
        )
        .with_help("remove the comment")
        .with_fix(fix),
    )
}

impl Check for UnusedSuppression {
    fn check(&self, _ctx: &LintContext<'_>, _out: &mut Vec<Diagnostic>) {
        // Judged by the runner once every other rule has run (see `report`).
    }
}

/// The comment's range, grown to its whole line when nothing else is on it, or over the
/// spaces before it when it ends a line (`## Title <!-- ... -->`).
fn whole_line(range: TextRange, text: &str) -> TextRange {
    let line_start = text[..range.start()].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end()..]
        .find('\n')
        .map_or(text.len(), |i| range.end() + i + 1);
    let ends_line = text[range.end()..line_end].trim().is_empty();
    let before = &text[line_start..range.start()];
    if ends_line && before.trim().is_empty() {
        TextRange::new(line_start, line_end)
    } else if ends_line {
        TextRange::new(line_start + before.trim_end().len(), range.end())
    } else {
        range
    }
}
