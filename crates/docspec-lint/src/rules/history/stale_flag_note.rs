use super::flags::flag_sections;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::TextRange;

/// ## What it does
/// Reports a flag note (`FLAG:`, `{{< alert type="flag" >}}`, `> [!flag]`) in a section
/// whose history removes every flag it names (`[Generally available](...) in GitLab
/// 14.0. Feature flag `forti_token_cloud` removed.`). A note that names a flag the
/// history does not list is left alone.
///
/// ## Why is this bad?
/// When the flag is removed, "Ensure that you delete the `FLAG` note as well." A note
/// left behind tells readers the feature may be off on their instance when it no longer
/// can be.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
/// > - [Generally available](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 17.4. Feature flag `widgets_api` removed.
///
/// FLAG:
/// The availability of this feature is controlled by a feature flag.
/// For more information, see the history.
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
/// > - [Generally available](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 17.4. Feature flag `widgets_api` removed.
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI010", name = "stale-flag-note", category = History, severity = Warning, fix = None, since = "0.2.0")]
pub struct StaleFlagNote;

impl Check for StaleFlagNote {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for section in flag_sections(ctx.page) {
            if section.flags.is_empty() || section.flags.iter().any(|(_, removed)| !removed) {
                continue;
            }
            for note in section.notes.iter().filter(|n| n.kind == "flag") {
                // A note about a flag the history does not list may still hold.
                let text = ctx.text(note.range);
                if names_other_flag(text, &section.flags) {
                    continue;
                }
                let line = text.split('\n').next().unwrap_or("").trim_end();
                let names: Vec<&str> = section.flags.iter().map(|(f, _)| *f).collect();
                out.push(
                    ctx.report(
                        &Self::META,
                        TextRange::new(note.range.start(), note.range.start() + line.len()),
                        format!(
                            "the history removes the flag `{}`, but the flag note is still here",
                            names.join("`, `")
                        ),
                    )
                    .with_secondary(Label::with_message(
                        TextRange::new(section.history.range.start(), section.history.range.start()),
                        "the history",
                    ))
                    .with_help("delete the flag note: the feature is no longer behind a flag"),
                );
            }
        }
    }
}

/// Whether a note names, in backticks, a flag other than the history's.
fn names_other_flag(text: &str, flags: &[(&str, bool)]) -> bool {
    text.split('`')
        .skip(1)
        .step_by(2)
        .any(|name| name.contains('_') && !flags.iter().any(|(f, _)| *f == name))
}
