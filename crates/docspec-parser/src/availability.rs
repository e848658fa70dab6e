//! Availability details: `DETAILS:` blocks, `{{< details >}}` lists, heading badges.

use docspec_model::{Availability, AvailabilityForm, AvailabilityLine, Inline, Spanned, TextRange};

/// Splits inlines into lines at breaks.
pub fn lines(inlines: &[Inline]) -> Vec<&[Inline]> {
    inlines
        .split(|i| matches!(i, Inline::Break { .. }))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether a paragraph is a `DETAILS:` block.
pub fn is_details(inlines: &[Inline]) -> bool {
    matches!(inlines.first(), Some(Inline::Text { text, .. }) if text.trim() == "DETAILS:")
}

/// `DETAILS:` then `**Tier:** Free, Premium, Ultimate` lines.
pub fn from_details(inlines: &[Inline], range: TextRange) -> Availability {
    let lines = lines(inlines).into_iter().skip(1).filter_map(key_value_line).collect();
    Availability {
        range,
        form: AvailabilityForm::Details,
        lines,
    }
}

/// One `{{< details >}}` list item: `Tier: Free, Premium, Ultimate`, or a `DETAILS:` line.
pub fn key_value_line(line: &[Inline]) -> Option<AvailabilityLine> {
    let range = docspec_model::inlines_range(line)?;
    match line {
        [Inline::Strong {
            children,
            range: key_range,
        }, rest @ ..] => {
            let key = docspec_model::plain_text(children);
            let key = key.trim().trim_end_matches(':').trim().to_string();
            let value_range = docspec_model::inlines_range(rest).unwrap_or(TextRange::empty(key_range.end()));
            let value = docspec_model::plain_text(rest);
            Some(AvailabilityLine {
                range,
                key: Spanned::new(key, *key_range),
                value: trimmed(value, value_range),
            })
        }
        [Inline::Text {
            text,
            range: text_range,
        }, ..] => {
            let colon = text.find(':')?;
            let key = text[..colon].trim().to_string();
            let full = docspec_model::plain_text(line);
            let value = full[full.find(':').map_or(0, |c| c + 1)..].to_string();
            let value_range = TextRange::new(text_range.start() + colon + 1, range.end());
            Some(AvailabilityLine {
                range,
                key: Spanned::new(key, text_range.sub(0, colon)),
                value: trimmed(value, value_range),
            })
        }
        _ => None,
    }
}

fn trimmed(value: String, range: TextRange) -> Spanned<String> {
    let lead = value.len() - value.trim_start().len();
    let trimmed = value.trim().to_string();
    let start = (range.start() + lead).min(range.end());
    Spanned::new(
        trimmed.clone(),
        TextRange::new(start, (start + trimmed.len()).min(range.end())),
    )
}

/// Words of older `**(FREE SELF)**` badges, with the tier names GitLab used before
/// 2021 (`CORE`, `STARTER`; `BRONZE`, `SILVER`, `GOLD` on GitLab.com).
pub fn is_badge(text: &str) -> bool {
    let inner = match text.trim().strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(i) => i,
        None => return false,
    };
    let mut words = inner.split_whitespace();
    matches!(
        words.next(),
        Some("FREE" | "PREMIUM" | "ULTIMATE" | "CORE" | "STARTER" | "BRONZE" | "SILVER" | "GOLD")
    ) && words.all(|w| w.chars().all(|c| c.is_ascii_uppercase()))
}

/// Availability read from a badge: `(PREMIUM SELF)` gives tier `PREMIUM`, offering `SELF`.
pub fn from_badge(badge: &Spanned<String>) -> Availability {
    let inner = badge.value.trim_matches(|c| c == '(' || c == ')');
    let mut words = inner.split_whitespace();
    let mut lines = Vec::new();
    if let Some(tier) = words.next() {
        lines.push(AvailabilityLine {
            range: badge.range,
            key: Spanned::new("Tier".to_string(), badge.range),
            value: Spanned::new(tier.to_string(), badge.range),
        });
    }
    let rest: Vec<&str> = words.collect();
    if !rest.is_empty() {
        lines.push(AvailabilityLine {
            range: badge.range,
            key: Spanned::new("Offering".to_string(), badge.range),
            value: Spanned::new(rest.join(" "), badge.range),
        });
    }
    Availability {
        range: badge.range,
        form: AvailabilityForm::Badge,
        lines,
    }
}
