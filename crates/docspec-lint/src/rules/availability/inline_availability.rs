use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks the availability sentence at the end of attribute descriptions: tiers as
/// `Ultimate only.` or `Premium and Ultimate only.` (a Premium attribute is also
/// available in Ultimate), offerings as `GitLab.com`, `GitLab Self-Managed` and
/// `GitLab Dedicated`, and both combined as `GitLab Self-Managed, Premium and Ultimate
/// only.` Old names (`Self-managed`, `SaaS`, `Starter`, `Silver`, `Gold`, ...) and
/// lower-case tiers are reported, and so is the attribute's availability stated anywhere
/// else in the description ("Available in Ultimate."): it belongs in the closing
/// `... only.` sentence. A tier that conditions part of the behaviour ("[GitLab
/// Premium](...) customers can specify group milestones") stays where it is, but must
/// name Ultimate with Premium and no retired tier.
///
/// ## Why is this bad?
/// The style guide fixes this wording so readers recognize it on every page; "Premium
/// only" wrongly reads as "not in Ultimate", and retired names point at tiers that no
/// longer exist.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute   | Type          | Required | Description |
/// |-------------|---------------|----------|-------------|
/// | `label_ids` | integer array | No       | IDs of labels. Premium only. |
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
/// | Attribute   | Type          | Required | Description |
/// |-------------|---------------|----------|-------------|
/// | `label_ids` | integer array | No       | IDs of labels. Premium and Ultimate only. |
/// ````
///
/// ## Fix safety
/// The rewrite keeps the same tiers and offerings in their fixed wording; it is safe.
#[derive(RuleMeta)]
#[rule(code = "AV001", name = "inline-availability", category = Availability, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct InlineAvailability;

/// Words that make a phrase ending in "only" an availability statement.
const TRIGGERS: &[&str] = &[
    "free",
    "premium",
    "ultimate",
    "gitlab.com",
    "self-managed",
    "self managed",
    "dedicated",
    "saas",
    "starter",
    "bronze",
    "silver",
    "gold",
    "core",
];

impl Check for InlineAvailability {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for (_, table, _) in attribute_tables(ctx.page) {
            for row in &table.rows {
                let Some(description) = &row.description else { continue };
                let source = ctx.text(description.range);
                let phrases = only_phrases(source);
                for (start, word) in loose_tiers(source) {
                    if phrases.iter().any(|(s, p)| (*s..s + p.len()).contains(&start)) {
                        continue;
                    }
                    let range = description.range.sub(start, start + word.len());
                    if states_availability(source, start) {
                        out.push(
                            ctx.report(
                                &Self::META,
                                range,
                                format!("the tier `{word}` is named in the middle of the description"),
                            )
                            .with_help(
                                "end the description with the availability sentence, like `Premium and Ultimate only.`",
                            ),
                        );
                    } else if let Some((message, help)) = clause_tier(source, word) {
                        out.push(ctx.report(&Self::META, range, message).with_help(help));
                    }
                }
                for (start, phrase) in phrases {
                    let Some(canonical) = canonical(phrase) else { continue };
                    if canonical == phrase {
                        continue;
                    }
                    let range = description.range.sub(start, start + phrase.len());
                    let fix = if canonical.is_empty() {
                        None
                    } else {
                        Fix::safe(
                            format!("Write `{canonical}`"),
                            vec![Edit::replacement(range, canonical.clone())],
                        )
                    };
                    let help = if canonical.is_empty() {
                        "write the tiers as `Ultimate only.` or `Premium and Ultimate only.`, offerings as `GitLab.com`, `GitLab Self-Managed`, `GitLab Dedicated`".to_string()
                    } else {
                        format!("write `{canonical}`")
                    };
                    out.push(
                        ctx.report(&Self::META, range, format!("availability is written `{phrase}`"))
                            .with_help(help)
                            .with_fix(fix),
                    );
                }
            }
        }
    }
}

/// Sentences (or clauses) ending in `only.` that mention a tier or offering, with their
/// byte offset in `text`.
fn only_phrases(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // Each `.` closes a phrase when ` only` (any case) stands right before it.
    for dot in memchr::memchr_iter(b'.', bytes) {
        if dot < 5 || !bytes[dot - 5..dot].eq_ignore_ascii_case(b" only") {
            continue;
        }
        let end = dot + 1;
        let i = dot - 5;
        if i < from {
            continue;
        }
        let start = boundary_before(&text[..i], &['(', ')', '|', ';']);
        let phrase = text[start..end].trim_start();
        let phrase_start = end - phrase.len();
        let phrase_lower = phrase.to_ascii_lowercase();
        if TRIGGERS.iter().any(|t| phrase_lower.contains(t)) {
            out.push((phrase_start, phrase));
        }
        from = end;
    }
    out
}

/// Where the clause that ends `text` starts: after its last sentence end (a `.` before a
/// space, so `GitLab.com` goes on) or its last of `marks`.
fn boundary_before(text: &str, marks: &[char]) -> usize {
    let bytes = text.as_bytes();
    text.char_indices()
        .rev()
        .find(|&(i, c)| marks.contains(&c) || c == '.' && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The sentence around `at` states the attribute's own availability: it opens with
/// "Available" (or "Only available"), names the tier in parentheses, or after "for",
/// "in", "on" or "to" ("The score, for GitLab Ultimate customers.").
fn states_availability(text: &str, at: usize) -> bool {
    let sentence_start = boundary_before(&text[..at], &['|']);
    let sentence = text[sentence_start..at].trim_start().to_ascii_lowercase();
    let before = sentence.trim_end_matches('[').trim_end();
    let before = before.strip_suffix("gitlab").unwrap_or(before).trim_end();
    sentence.starts_with("available")
        || sentence.starts_with("only available")
        || before.ends_with('(')
        || [" for", " in", " on", " to"].iter().any(|p| before.ends_with(p))
}

/// A tier that conditions part of what the description says ("Premium customers can
/// specify group milestones"): only a retired name, or Premium without Ultimate (the
/// guide: a Premium feature is also available in Ultimate), is a finding.
fn clause_tier(text: &str, word: &str) -> Option<(String, String)> {
    match word {
        "Premium" if !text.contains("Ultimate") => Some((
            "`Premium` is named without `Ultimate`: what is in Premium is also in Ultimate".to_string(),
            "name both tiers here, like `Premium and Ultimate customers can ...`".to_string(),
        )),
        "Starter" | "Bronze" | "Silver" | "Gold" => Some((
            format!("`{word}` is a retired tier name"),
            "name the current tiers: `Premium and Ultimate` (Starter, Bronze, Silver) or `Ultimate` (Gold)".to_string(),
        )),
        _ => None,
    }
}

/// Tier names written as words of prose (capitalized, not part of a URL), with their
/// byte offset in `text`.
fn loose_tiers(text: &str) -> Vec<(usize, &str)> {
    const NAMES: &[&str] = &["Premium", "Ultimate", "Starter", "Bronze", "Silver", "Gold"];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // One pass over the capitals the names start with.
    for (i, b) in bytes.iter().enumerate() {
        if !matches!(b, b'P' | b'U' | b'S' | b'B' | b'G') {
            continue;
        }
        let Some(name) = NAMES.iter().find(|n| bytes[i..].starts_with(n.as_bytes())) else {
            continue;
        };
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        let word_start = before.is_none_or(|c| !(c.is_alphanumeric() || "/-_=.#".contains(c)));
        let word_end = after.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        if word_start && word_end {
            out.push((i, *name));
        }
    }
    out
}

/// The fixed wording of an availability phrase; empty when it cannot be read.
fn canonical(phrase: &str) -> Option<String> {
    let body = phrase.strip_suffix(" only.")?;
    let mut offerings: Vec<&str> = Vec::new();
    let mut tiers: Vec<&str> = Vec::new();
    for word in body
        .split([','])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        match word.to_ascii_lowercase().as_str() {
            "gitlab.com" | "saas" | "gitlab saas" => offerings.push("GitLab.com"),
            "gitlab self-managed" | "self-managed" | "self managed" | "gitlab self managed" => {
                offerings.push("GitLab Self-Managed")
            }
            "gitlab dedicated" | "dedicated" => offerings.push("GitLab Dedicated"),
            "premium" | "silver" | "starter" | "bronze" => tiers.push("Premium"),
            "ultimate" | "gold" => tiers.push("Ultimate"),
            "free" | "core" => tiers.push("Free"),
            _ => return Some(String::new()),
        }
    }
    offerings.sort_by_key(|o| crate::vocabulary::OFFERINGS.iter().position(|x| x == o));
    offerings.dedup();
    tiers.sort_by_key(|t| crate::vocabulary::TIERS.iter().position(|x| x == t));
    tiers.dedup();
    // A tier statement names the lowest tier and every one above it.
    let tier_text = match tiers.first() {
        None => None,
        Some(&"Ultimate") => Some("Ultimate"),
        Some(&"Premium") => Some("Premium and Ultimate"),
        Some(_) => return Some(String::new()),
    };
    let offering_text = match offerings.len() {
        0 => None,
        1 => Some(offerings[0].to_string()),
        _ => Some(format!(
            "{} and {}",
            offerings[..offerings.len() - 1].join(", "),
            offerings[offerings.len() - 1]
        )),
    };
    Some(match (offering_text, tier_text) {
        (Some(o), Some(t)) => format!("{o}, {t} only."),
        (Some(o), None) => format!("{o} only."),
        (None, Some(t)) => format!("{t} only."),
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("Premium only.").unwrap(), "Premium and Ultimate only.");
        assert_eq!(
            canonical("Premium and Ultimate only.").unwrap(),
            "Premium and Ultimate only."
        );
        assert_eq!(
            canonical("Self-managed, Premium and Ultimate only.").unwrap(),
            "GitLab Self-Managed, Premium and Ultimate only."
        );
        assert_eq!(canonical("GitLab.com only.").unwrap(), "GitLab.com only.");
        assert_eq!(canonical("ultimate only.").unwrap(), "Ultimate only.");
        assert_eq!(canonical("Free only.").unwrap(), "");
    }

    #[test]
    fn tiers_mid_sentence() {
        let text = "The milestones. [GitLab Premium](https://about.gitlab.com/pricing/) customers can specify group milestones.";
        assert_eq!(loose_tiers(text), vec![(24, "Premium")]);
        assert!(loose_tiers("Use the ultimate source, see https://x.example/Premium-plan.").is_empty());
    }

    #[test]
    fn gitlab_com_does_not_end_a_sentence() {
        let text = "If `true`, the gizmo runs faster. GitLab.com, Ultimate only.";
        let phrases = only_phrases(text);
        assert_eq!(
            phrases.iter().map(|(_, p)| *p).collect::<Vec<_>>(),
            ["GitLab.com, Ultimate only."]
        );
        assert_eq!(
            canonical("GitLab.com, Ultimate only.").as_deref(),
            Some("GitLab.com, Ultimate only.")
        );
        assert_eq!(boundary_before("a. b", &[]), 2);
        assert_eq!(boundary_before("see GitLab.com", &[]), 0);
        assert_eq!(boundary_before("x (GitLab.com", &['(']), 3);
    }

    #[test]
    fn phrases_are_found_after_the_sentence_start() {
        let text = "IDs of the users. Premium and Ultimate only.";
        assert_eq!(only_phrases(text), vec![(18, "Premium and Ultimate only.")]);
        assert!(only_phrases("Returns only. Nothing.").is_empty());
    }
}
