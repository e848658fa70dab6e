use super::shared::{histories, Flat};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::{find_tier_version, inlines_range, walk_inlines, HistoryEntry, Inline, TextRange};

/// ## What it does
/// Checks that each history entry has a history verb, its release as `in GitLab X.Y`
/// and a final period (the link to the issue is `history-entry-link`).
///
/// The verbs are `introduced`, `added`, `enabled`, `deprecated`, `changed`, `moved`,
/// `recommended`, `removed`, `renamed`, `generally available` and the like; a tier move
/// may write `from GitLab Ultimate to GitLab Premium in X.Y`. Each missing part is one
/// finding.
///
/// The verb and the version are required: the docs site builds its version history from
/// them. History does not name tiers nor link
/// to the pricing page: a version written with the tier (`in GitLab Premium 12.5`), a
/// tier named as availability (`for Premium`, `Premium and Ultimate only`, `(PREMIUM)`,
/// `in GitLab Ultimate`; a `moved` entry names the tiers it moves between) and a link to
/// `about.gitlab.com/pricing` are reported.
///
/// ## Why is this bad?
/// An entry without its verb or version does not say what changed or when, and the site
/// cannot render it as version history.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > - Introduced in 16.1
/// > - Widget colors.
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
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.1.
/// > - Widget colors [added](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 16.3.
///
/// ```plaintext
/// GET /widgets
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI002", name = "history-entry-incomplete", category = History, severity = Warning, fix = None, since = "0.1.0")]
pub struct HistoryEntryIncomplete;

impl Check for HistoryEntryIncomplete {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for history in histories(ctx.page) {
            for entry in &history.entries {
                check_entry(ctx, entry, out);
            }
        }
    }
}

fn check_entry(ctx: &LintContext<'_>, entry: &HistoryEntry, out: &mut Vec<Diagnostic>) {
    let meta = &<HistoryEntryIncomplete as RuleMeta>::META;
    let whole = inlines_range(&entry.inlines).unwrap_or(entry.range);
    if entry.text.is_empty() {
        out.push(
            ctx.report(meta, entry.range, "the history entry is empty")
                .with_help("write the entry, or remove the empty item"),
        );
        return;
    }
    if entry.verb.is_none() {
        out.push(
            ctx.report(meta, whole, "the history entry has no history verb")
                .with_help(
                    "say what happened with `introduced`, `added`, `enabled`, `deprecated`, `changed`, `moved`, \
                     `recommended`, `removed`, `renamed` or `generally available`, for example \
                     `[Introduced](https://link-to-issue) in GitLab X.Y.`",
                ),
        );
    }
    let tier_in_version = check_version(ctx, entry, whole, out);
    check_pricing_and_tier(ctx, entry, tier_in_version, out);
    if !entry.text.ends_with('.') {
        let last = entry.inlines.last().map_or(whole, Inline::range);
        out.push(
            ctx.report(meta, last, "the history entry does not end with a period")
                .with_help("end the entry with `.`"),
        );
    }
}

/// `in GitLab X.Y`: present, without a tier, with `GitLab`, with a minor version.
/// Returns whether the version was written with a tier (`in GitLab Premium 12.5`).
fn check_version(ctx: &LintContext<'_>, entry: &HistoryEntry, whole: TextRange, out: &mut Vec<Diagnostic>) -> bool {
    let meta = &<HistoryEntryIncomplete as RuleMeta>::META;
    let Some(version) = &entry.version else {
        let flat = Flat::new(&entry.inlines);
        if let Some((start, number, end)) = find_tier_version(&flat.text) {
            let written = &flat.text[start..end];
            let number = &flat.text[number..end];
            out.push(
                ctx.report(
                    meta,
                    flat.source_range(start, end),
                    format!("the version is written `{written}`"),
                )
                .with_help(format!(
                    "write `in GitLab {number}`: history does not name the subscription tier"
                )),
            );
            return true;
        }
        out.push(
            ctx.report(meta, whole, "the history entry gives no version")
                .with_help("say when it happened: `in GitLab X.Y`"),
        );
        return false;
    };
    let moved = entry.verb.as_ref().is_some_and(|v| v.value == "moved");
    let before = ctx.text(TextRange::new(
        whole.start().min(version.range.start()),
        version.range.start(),
    ));
    // `in GitLab Runner 16.1`: "for external projects, the name of the project".
    let names_project = before
        .trim_end()
        .rsplit_once(' ')
        .is_some_and(|(head, word)| head.ends_with("GitLab") && word.starts_with(|c: char| c.is_ascii_uppercase()));
    if !before.ends_with("GitLab ") && !names_project && !moved {
        out.push(
            ctx.report(
                meta,
                version.range,
                format!("the version `{}` is written without `GitLab`", version.value),
            )
            .with_help(format!("write `in GitLab {}`", version.value)),
        );
    } else if !version.value.contains('.') {
        out.push(
            ctx.report(
                meta,
                version.range,
                format!("the version `{}` has no minor version", version.value),
            )
            .with_help("write the release as `X.Y`, for example `17.0`"),
        );
    }
    false
}

/// "Do not link to the pricing page." and "Do not include the subscription tier.": a
/// link to `about.gitlab.com/pricing`, and a tier named as availability (`for Premium`,
/// `Premium and Ultimate only`, `(PREMIUM)`, `in GitLab Ultimate`), except in a `moved`
/// entry, which names the tiers it moves between.
fn check_pricing_and_tier(
    ctx: &LintContext<'_>,
    entry: &HistoryEntry,
    tier_in_version: bool,
    out: &mut Vec<Diagnostic>,
) {
    let meta = &<HistoryEntryIncomplete as RuleMeta>::META;
    walk_inlines(&entry.inlines, &mut |inline| {
        if let Inline::Link { dest, range, .. } = inline {
            if dest.contains("about.gitlab.com/pricing") {
                out.push(
                    ctx.report(meta, *range, "the history entry links to the pricing page")
                        .with_help(
                            "remove the link: history links the issue, merge request or epic, never the pricing page",
                        ),
                );
            }
        }
    });
    let moved = entry.verb.as_ref().is_some_and(|v| v.value == "moved");
    if moved || tier_in_version {
        return;
    }
    let flat = Flat::new(&entry.inlines);
    if let Some((start, end)) = tier_phrase(&flat.text) {
        out.push(
            ctx.report(
                meta,
                flat.source_range(start, end),
                format!("the history entry names the tier: `{}`", &flat.text[start..end]),
            )
            .with_help("remove the tier: the availability details say which tiers have the feature"),
        );
    }
}

/// A tier named as availability in an entry's text: its start and end.
fn tier_phrase(text: &str) -> Option<(usize, usize)> {
    const TIERS: &[&str] = &["Free", "Premium", "Ultimate"];
    let word_end = |at: usize| text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    for tier in TIERS {
        for (at, _) in text.match_indices(tier) {
            let end = at + tier.len();
            if !word_end(end) || text[..at].ends_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let before = &text[..at];
            // `for Premium`, `for GitLab Premium`, `in GitLab Premium` (no version after).
            for lead in ["for ", "for GitLab ", "in GitLab "] {
                if before.ends_with(lead) {
                    return Some((at - lead.len(), end));
                }
            }
            // `Premium and Ultimate only`, `Ultimate only`.
            let after = &text[end..];
            if let Some(rest) = after.strip_prefix(" only") {
                if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                    let start = before
                        .strip_suffix("Premium and ")
                        .or_else(|| before.strip_suffix("Free, Premium, and "))
                        .map_or(at, str::len);
                    return Some((start, end + " only".len()));
                }
            }
        }
        // `(PREMIUM)`, `(ULTIMATE SELF)`: the older badges.
        let upper = format!("({}", tier.to_ascii_uppercase());
        if let Some(at) = text.find(&upper) {
            let end = text[at..].find(')').map_or(at + upper.len(), |e| at + e + 1);
            return Some((at, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::tier_phrase;

    fn phrase(text: &str) -> Option<&str> {
        tier_phrase(text).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn tiers_named_as_availability() {
        assert_eq!(phrase("Introduced in GitLab 13.1 for Premium."), Some("for Premium"));
        assert_eq!(
            phrase("Introduced in GitLab 13.1 for GitLab Ultimate users."),
            Some("for GitLab Ultimate")
        );
        assert_eq!(
            phrase("Introduced in GitLab 13.1. Premium and Ultimate only."),
            Some("Premium and Ultimate only")
        );
        assert_eq!(
            phrase("Introduced in GitLab 13.1. Ultimate only."),
            Some("Ultimate only")
        );
        assert_eq!(
            phrase("Introduced in GitLab 13.1 (PREMIUM SELF)."),
            Some("(PREMIUM SELF)")
        );
        assert_eq!(
            phrase("Available in GitLab Ultimate since 13.1."),
            Some("in GitLab Ultimate")
        );
        assert_eq!(phrase("Introduced in GitLab 13.1."), None);
        assert_eq!(phrase("Free text search introduced in GitLab 13.1."), None);
        assert_eq!(phrase("Premiumness introduced in GitLab 13.1."), None);
    }
}
