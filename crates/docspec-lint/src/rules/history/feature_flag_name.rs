use super::shared::{histories, word_positions, Flat};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::HistoryEntry;

/// ## What it does
/// Checks that a history entry that mentions a feature flag names the flag in
/// backticks, and that an entry that introduces something behind a flag states the
/// flag's default.
///
/// An entry mentions a flag with `[with a flag](...)`, "feature flag" or "behind a
/// flag"; it names it as `` named `flag_name` `` or `` Feature flag `flag_name` removed. ``.
/// An entry with `with a flag` or `behind a (feature) flag` says whether it is disabled or
/// enabled by default: `Disabled by default.` in the guide's template, or in the
/// entry's own words (`..., disabled by default.`). "Feature flags" and "feature flag
/// user lists" (the product feature) are not flags.
///
/// An entry that refers to a flag already there without naming it (`[Feature flag
/// removed](...) in GitLab 14.8.`) is read as naming the one flag the other entries of its
/// history name, as the guide's own `[Enabled on GitLab.com](...)` entries do; it is
/// reported only when its history names no flag, or more than one (the help lists them).
/// An entry that puts something behind a flag (`with a flag`) names its own.
///
/// ## Why is this bad?
/// Administrators enable a feature by the flag's name; an entry that says "behind a
/// feature flag" without the name, or without saying whether the flag is on, leaves
/// them unable to turn the feature on or to know that it is off. These are the forms of
/// GitLab's guide to documenting features behind flags. The guide offers them as
/// "possible history entries" that "you can adjust to suit your needs", so a finding is a
/// warning, not an error.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1 [with a flag](../administration/feature_flags.md).
/// > - [Feature flag removed](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 16.4.
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
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1 [with a flag](../administration/feature_flags.md) named `widget_list`. Disabled by default.
/// > - [Generally available](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 16.4. Feature flag `widget_list` removed.
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI003", name = "feature-flag-name", category = History, severity = Warning, fix = None, since = "0.1.0")]
pub struct FeatureFlagName;

impl Check for FeatureFlagName {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for history in histories(ctx.page) {
            // Every flag the history names, once each, in order.
            let mut named: Vec<&str> = Vec::new();
            for flag in history.entries.iter().filter_map(|e| e.flag.as_ref()) {
                if !named.contains(&flag.value.as_str()) {
                    named.push(&flag.value);
                }
            }
            for entry in &history.entries {
                check_entry(ctx, entry, &named, out);
            }
        }
    }
}

/// Phrases that say the entry is about a feature flag.
const FLAG_PHRASES: &[&str] = &["feature flag", "with a flag", "behind a flag"];
/// Phrases that say something was introduced behind a flag.
const INTRODUCING_PHRASES: &[&str] = &["with a flag", "behind a flag", "behind a feature flag"];

/// `named`: the flags the entry's history names.
fn check_entry(ctx: &LintContext<'_>, entry: &HistoryEntry, named: &[&str], out: &mut Vec<Diagnostic>) {
    let meta = &<FeatureFlagName as RuleMeta>::META;
    let flat = Flat::new(&entry.inlines);
    let lower = flat.text.to_ascii_lowercase();
    // Where the entry mentions the flag: a link about the flag, or the phrase.
    // Whole words only: "feature flags" and "flag user lists" name the product feature.
    let link_mention = flat.pieces.iter().find_map(|p| {
        p.link
            .as_ref()
            .filter(|l| {
                let text = l.1.to_ascii_lowercase();
                let found =
                    word_positions(&text, "flag").any(|at| !text[at + "flag".len()..].starts_with(" user list"));
                found
            })
            .map(|l| l.2)
    });
    let phrase_mention = FLAG_PHRASES
        .iter()
        .filter_map(|p| {
            word_positions(&lower, p)
                .find(|&at| !lower[at + p.len()..].starts_with(" user list"))
                .map(|at| flat.source_range(at, at + p.len()))
        })
        .min_by_key(|r| r.start());
    let Some(mention) = link_mention.or(phrase_mention) else {
        return;
    };
    let flag_range = entry.flag.as_ref().map(|f| f.range);
    let introducing = INTRODUCING_PHRASES.iter().any(|p| lower.contains(p));
    // `[Feature flag removed](...) in GitLab 14.8.` under an entry that names the flag: the
    // entry refers to the one flag of its history.
    let refers_to_the_one_flag = !introducing && named.len() == 1;
    if entry.flag.is_none() && !refers_to_the_one_flag {
        match unquoted_name(&flat) {
            Some((start, end)) => {
                let name = &flat.text[start..end];
                out.push(
                    ctx.report(
                        meta,
                        flat.source_range(start, end),
                        format!("the flag name `{name}` is not in backticks"),
                    )
                    .with_help(format!("write the name as code: `` named `{name}` ``")),
                );
            }
            None => {
                let help = if named.len() > 1 && !introducing {
                    let list: Vec<String> = named.iter().map(|f| format!("`{f}`")).collect();
                    format!(
                        "name the flag it refers to in backticks, one of {} (this history names more than one): \
                         `` Feature flag `{}` removed. ``",
                        list.join(", "),
                        named[0]
                    )
                } else {
                    "name the flag in backticks: `` [with a flag](../administration/feature_flags.md) named \
                     `flag_name` ``, or `` Feature flag `flag_name` removed. ``"
                        .to_string()
                };
                out.push(
                    ctx.report(meta, mention, "the entry mentions a feature flag but does not name it")
                        .with_help(help),
                );
            }
        }
    }
    if !introducing {
        return;
    }
    // The guide's template gives the default a sentence of its own, and lets writers
    // adjust it: `..., disabled by default.` states it too.
    if ["disabled by default", "enabled by default"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return;
    }
    out.push(
        ctx.report(
            meta,
            flag_range.unwrap_or(mention),
            "the entry does not say whether the flag is enabled by default",
        )
        .with_help("add `Disabled by default.` or `Enabled by default.` after the flag name"),
    );
}

/// `named flag_name` without backticks: the flat range of the name.
fn unquoted_name(flat: &Flat) -> Option<(usize, usize)> {
    let lower = flat.text.to_ascii_lowercase();
    let at = lower.find("named ")? + "named ".len();
    let rest = &flat.text[at..];
    if rest.starts_with('`') {
        return None;
    }
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..len];
    // A flag name is snake case: `named after the feature` is not a name.
    (len > 0 && name.contains('_')).then_some((at, at + len))
}
