use super::flags::{enclosing_sections, flag_sections, is_flag_note, section_of};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{AlertForm, HistoryForm, Page};

/// ## What it does
/// Reports a section whose history puts the section's own feature behind a feature flag
/// (`[Introduced](...) in GitLab 16.7 [with a flag](...) named `x`.`, or `[Deployed behind
/// a feature flag](...) named `x``) when no later entry removes the flag (`Feature flag
/// `x` removed.`, `[Generally available](...)`) and no flag note follows the history
/// (`FLAG:`, `{{< alert type="flag" >}}`, `> [!flag]`). Entries about one attribute behind
/// a flag (`` `name` in response [introduced](...) ``) are left alone: whether the whole
/// topic needs the note is judgment. A flag note that an enclosing topic gives before
/// its subsections (the page's introduction: "The availability of these endpoints is
/// controlled by a feature flag") covers the sections under it.
///
/// ## Why is this bad?
/// "Add this feature flag note at the start of the topic, just below the history." The
/// note tells readers, before they try the endpoint, that it may be switched off on
/// their instance; the history alone is easy to skip.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
///
/// ```plaintext
/// GET /widgets
/// ```
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
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
///
/// ## Fix safety
/// The fix adds the note in the alert form the page already uses, right below the
/// history. It states what the history says, but it adds text to the page: unsafe.
#[derive(RuleMeta)]
#[rule(code = "HI008", name = "missing-flag-note", category = History, severity = Warning, fix = Always, since = "0.2.0")]
pub struct MissingFlagNote;

const NOTE: &str =
    "The availability of this feature is controlled by a feature flag.\nFor more information, see the history.";

impl Check for MissingFlagNote {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for section in flag_sections(ctx.page) {
            let after_history = section
                .notes
                .iter()
                .any(|n| n.range.start() >= section.history.range.end());
            let Some((entry, flag)) = section.flagged.first() else {
                continue;
            };
            if after_history || covered_by_enclosing_note(ctx.page, section.heading) {
                continue;
            }
            let (at, insertion) = insertion(
                ctx.source.text(),
                section.history.range.end(),
                &note_for(ctx.page, section.history.form),
            );
            out.push(
                ctx.report(
                    &Self::META,
                    entry.range,
                    format!("the history puts this feature behind the flag `{flag}`, and no flag note follows it"),
                )
                .with_help("add the flag note right below the history: `FLAG:` (or the page's alert form) with \"The availability of this feature is controlled by a feature flag. For more information, see the history.\"")
                .with_fix(Fix::unsafe_("Add the flag note below the history", vec![Edit::insertion(at, insertion)])),
            );
        }
    }
}

/// A flag note in the part of an enclosing section before its subsections (the page's
/// introduction, or `## Manage registries` above `### List registries`) already tells
/// the reader that the endpoints under it are flagged.
fn covered_by_enclosing_note(page: &Page, heading: Option<usize>) -> bool {
    let enclosing = enclosing_sections(page, heading);
    page.alerts
        .iter()
        .any(|a| is_flag_note(a) && enclosing.contains(&section_of(page, a.range.start())))
}

/// Where and what to insert so that the note stands alone right after the history's
/// last line, with a blank line on each side.
fn insertion(text: &str, history_end: usize, note: &str) -> (usize, String) {
    let newline = docspec_model::newline_of(text);
    let last = history_end.saturating_sub(1);
    let line_end = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let at = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let rest = text.get(line_end + 1..).unwrap_or("");
    let blank_after = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n') || rest.trim().is_empty();
    let mut out = format!("{newline}{newline}{}", note.replace('\n', newline));
    if !blank_after {
        out.push_str(newline);
    }
    (at, out)
}

/// The note in the alert form the page uses (its other alerts, or its history's form).
fn note_for(page: &Page, history: HistoryForm) -> String {
    let form = page.alerts.first().map(|a| a.form).unwrap_or(match history {
        HistoryForm::Shortcode => AlertForm::Shortcode,
        _ => AlertForm::Label,
    });
    match form {
        AlertForm::Label => format!("FLAG:\n{NOTE}"),
        AlertForm::Shortcode => format!("{{{{< alert type=\"flag\" >}}}}\n\n{NOTE}\n\n{{{{< /alert >}}}}"),
        AlertForm::Gfm => format!("> [!flag]\n> {}", NOTE.replace('\n', "\n> ")),
    }
}
