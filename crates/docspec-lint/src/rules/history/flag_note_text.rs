use super::flags::{flag_sections, section_of};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix, Label};
use docspec_model::{Alert, AlertForm, TextRange};

/// ## What it does
/// Checks a flag note (`FLAG:`, `{{< alert type="flag" >}}`, `> [!flag]`): its text is
/// "The availability of this feature is controlled by a feature flag." and "For more
/// information, see the history.", then at most the optional sentence "This feature is
/// available for testing, but not ready for production use."; and it comes right below
/// the section's history.
///
/// ## Why is this bad?
/// The feature-flag guide fixes the note's words so that every flagged feature reads the
/// same and the details live in one place, the history. Older notes ("On self-managed
/// GitLab, by default this feature is not available. To make it available, an
/// administrator can enable the feature flag named ...") repeat the history and go stale
/// when it changes.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
///
/// FLAG:
/// On GitLab Self-Managed, by default this feature is not available. To make it
/// available, an administrator can enable the feature flag named `widgets_api`.
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
///
/// FLAG:
/// The availability of this feature is controlled by a feature flag.
/// For more information, see the history.
/// ````
///
/// ## Fix safety
/// A `FLAG:` note whose flag the section's history names is rewritten to the standard
/// text: the history keeps what the old note said. Other notes are not fixed.
#[derive(RuleMeta)]
#[rule(code = "HI009", name = "flag-note-text", category = History, severity = Warning, fix = Sometimes, since = "0.2.0")]
pub struct FlagNoteText;

const FIRST: &str = "The availability of this feature is controlled by a feature flag.";
const SECOND: &str = "For more information, see the history.";
const OPTIONAL: &str = "This feature is available for testing, but not ready for production use.";

impl Check for FlagNoteText {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let sections = flag_sections(ctx.page);
        // `FLAG:` notes only: a `NOTE:` that mentions a flag may say anything.
        for alert in ctx.page.alerts.iter().filter(|a| a.kind == "flag") {
            let heading = section_of(ctx.page, alert.range.start());
            let section = sections.iter().find(|s| s.heading == heading);
            let first_line = first_line(ctx, alert.range);
            if !standard(&alert.text) {
                let names_history_flag = section.is_some_and(|s| {
                    s.flags
                        .iter()
                        .any(|(flag, _)| alert.text.contains(&format!("`{flag}`")) || alert.text.contains(flag))
                });
                let fix = names_history_flag.then(|| rewrite(ctx, alert)).flatten();
                out.push(
                    ctx.report(&Self::META, first_line, "the flag note does not have the standard text")
                        .with_help(format!(
                            "write \"{FIRST} {SECOND}\" (and, for a feature not ready for production, \"{OPTIONAL}\"); the history gives the flag's name and state"
                        ))
                        .with_fix(fix),
                );
            }
            let Some(section) = section else { continue };
            let history = section.history.range;
            let between = ctx.source.text().get(history.end()..alert.range.start()).unwrap_or("x");
            if alert.range.start() < history.start() || !between.trim().is_empty() {
                out.push(
                    ctx.report(&Self::META, first_line, "the flag note is not right below the history")
                        .with_secondary(Label::with_message(
                            TextRange::new(history.start(), history.start()),
                            "the history",
                        ))
                        .with_help("move the note to just below the history, at the start of the topic"),
                );
            }
        }
    }
}

/// The two fixed sentences, then at most the optional one (spacing and line breaks aside).
fn standard(text: &str) -> bool {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(rest) = words.strip_prefix(FIRST).map(str::trim_start) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(SECOND).map(str::trim) else {
        return false;
    };
    rest.is_empty() || rest == OPTIONAL
}

/// The label note with the standard text in place of its own.
fn rewrite(ctx: &LintContext<'_>, alert: &Alert) -> Option<Fix> {
    if alert.form != AlertForm::Label || alert.text_on_label_line {
        return None;
    }
    let text = ctx.text(alert.range);
    let label_end = text.find('\n')? + 1;
    let newline = if text[..label_end].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let body = TextRange::new(alert.range.start() + label_end, alert.range.end());
    let trimmed_end = body.start() + ctx.text(body).trim_end().len();
    Fix::safe(
        "Write the standard flag note",
        vec![Edit::replacement(
            TextRange::new(body.start(), trimmed_end),
            format!("{FIRST}{newline}{SECOND}"),
        )],
    )
}

fn first_line(ctx: &LintContext<'_>, range: TextRange) -> TextRange {
    let text = ctx.text(range);
    let line = text.split('\n').next().unwrap_or("").trim_end();
    TextRange::new(range.start(), range.start() + line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_text() {
        assert!(standard(
            "The availability of this feature is controlled by a feature flag.\nFor more information, see the history."
        ));
        assert!(standard(&format!("{FIRST} {SECOND}\n{OPTIONAL}")));
        assert!(!standard(&format!(
            "{FIRST} {SECOND} This feature is not ready for production use."
        )));
        assert!(!standard(
            "On GitLab Self-Managed, by default this feature is not available."
        ));
    }
}
