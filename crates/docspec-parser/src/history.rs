//! History notes: `> - [Introduced](link) in GitLab 16.10.` and their older forms.

use docspec_model::{
    find_tier_version, plain_text, walk_inlines, FlagDefault, HistoryEntry, Inline, Spanned, TextRange,
};

/// Verbs a history entry may use, longest first so `generally available` wins over shorter words.
pub const HISTORY_VERBS: &[&str] = &[
    "generally available",
    "enabled by default",
    "introduced",
    "deprecated",
    "recommended",
    "renamed",
    "removed",
    "changed",
    "enabled",
    "disabled",
    "updated",
    "moved",
    "added",
];

/// Whether a sentence reads like a history note: a verb and a GitLab version, also one
/// written with its tier (`in [GitLab Premium](...) 12.10`, as pages of 2019 to 2021 did).
pub fn looks_like_history(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    HISTORY_VERBS.iter().any(|v| lower.contains(v))
        && (find_version(text).is_some() || find_tier_version(text).is_some())
}

pub fn entry(inlines: &[Inline], range: TextRange) -> HistoryEntry {
    let text = plain_text(inlines).trim().to_string();
    let mut verb = None;
    let mut link = None;
    let mut subject = None;
    // The first link whose text starts with a verb carries both the verb and the link.
    for inline in inlines {
        if let Inline::Link { dest, children, range } = inline {
            let link_text = plain_text(children);
            if let Some(v) = leading_verb(&link_text) {
                verb = Some(Spanned::new(v.to_string(), *range));
                link = Some(Spanned::new(dest.clone(), *range));
                break;
            }
            if link.is_none() {
                link = Some(Spanned::new(dest.clone(), *range));
            }
        }
    }
    if verb.is_none() {
        verb = text_verb(inlines);
    }
    // A code span before the verb names the attribute the entry is about.
    let verb_start = verb.as_ref().map_or(usize::MAX, |v| v.range.start());
    for inline in inlines {
        if inline.range().start() >= verb_start {
            break;
        }
        if let Inline::Code { code, range } = inline {
            subject = Some(Spanned::new(code.clone(), *range));
            break;
        }
    }
    let version = version_in(inlines);
    let flag = flag_in(inlines);
    let lower = text.to_ascii_lowercase();
    let flag_default = if lower.contains("disabled by default") {
        Some(FlagDefault::Disabled)
    } else if lower.contains("enabled by default") {
        Some(FlagDefault::Enabled)
    } else {
        None
    };
    HistoryEntry {
        range,
        text,
        inlines: inlines.to_vec(),
        verb,
        subject,
        link,
        version,
        flag,
        flag_default,
    }
}

fn leading_verb(text: &str) -> Option<&'static str> {
    let lower = text.trim().to_ascii_lowercase();
    HISTORY_VERBS.iter().copied().find(|v| lower.starts_with(v))
}

/// A verb written in text that no link starts with, with its range: plain text, or
/// inside a link's text (`[Author email added to the response](...) in GitLab 15.9.`,
/// `[Feature flag removed](...) in GitLab 14.8.`). Code spans are never verbs.
///
/// `enabled by default` or `disabled by default` after other words describes a flag's
/// state (`..., disabled by default.`), not what happened; only at the start of the
/// entry is it the entry's verb.
fn text_verb(inlines: &[Inline]) -> Option<Spanned<String>> {
    let mut found = None;
    let mut before = String::new();
    walk_inlines(inlines, &mut |inline| {
        if found.is_some() {
            return;
        }
        match inline {
            Inline::Text { text, range } => {
                let lower = text.to_ascii_lowercase();
                let mut candidates: Vec<(usize, &str)> = HISTORY_VERBS
                    .iter()
                    .flat_map(|v| word_positions(&lower, v).into_iter().map(move |i| (i, *v)))
                    .collect();
                candidates.sort_by_key(|(i, v)| (*i, usize::MAX - v.len()));
                let at_start = |i: usize| before.trim().is_empty() && lower[..i].trim().is_empty();
                let state =
                    |i: usize, v: &str| v.ends_with("by default") || lower[i + v.len()..].starts_with(" by default");
                if let Some((i, v)) = candidates.into_iter().find(|(i, v)| at_start(*i) || !state(*i, v)) {
                    // The text of an inline may differ from its source (escapes): clamp.
                    let start = (range.start() + i).min(range.end());
                    let end = (start + v.len()).min(range.end());
                    found = Some(Spanned::new(v.to_string(), TextRange::new(start, end)));
                }
                before.push_str(text);
            }
            Inline::Code { code, .. } => before.push_str(code),
            _ => {}
        }
    });
    found
}

/// Every byte position of `word` in `text` as a whole word.
fn word_positions(text: &str, word: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = word_at(&text[from..], word).map(|i| from + i) {
        out.push(at);
        from = at + word.len();
    }
    out
}

/// The byte position of `word` in `text` as a whole word.
fn word_at(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `GitLab 16.10` in a text; else a GitLab project's own version (`GitLab Runner 16.1`).
/// A tier or an offering between (`GitLab Premium 12.10`, `GitLab Dedicated 17.1`) is
/// not a project.
pub fn find_version(text: &str) -> Option<(usize, usize)> {
    let starts = || text.match_indices("GitLab ").map(|(i, _)| i + "GitLab ".len());
    starts()
        .find_map(|start| version_end(text, start).map(|end| (start, end)))
        .or_else(|| {
            starts().find_map(|start| {
                let after = start + project_name(&text[start..])?;
                version_end(text, after).map(|end| (after, end))
            })
        })
}

/// Where a project name at the start of `text` (`Runner `, `Pages `) and its space end:
/// one capitalised word that is not a tier, an offering or a product line.
fn project_name(text: &str) -> Option<usize> {
    const NOT_PROJECTS: &[&str] = &[
        "Free",
        "Premium",
        "Ultimate",
        "Core",
        "Starter",
        "Bronze",
        "Silver",
        "Gold",
        "Dedicated",
        "Duo",
        "Enterprise",
        "Community",
    ];
    let word_end = text.find(' ')?;
    let word = &text[..word_end];
    let capitalised =
        word.starts_with(|c: char| c.is_ascii_uppercase()) && word.chars().all(|c| c.is_ascii_alphabetic());
    (capitalised && !NOT_PROJECTS.contains(&word)).then_some(word_end + 1)
}

/// The end of a `major.minor` version starting at `start`.
fn version_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > s
    };
    if !digits(&mut i) {
        return None;
    }
    if i < bytes.len() && bytes[i] == b'.' && digits(&mut { i + 1 }) {
        i += 1;
        digits(&mut i);
    }
    Some(i)
}

fn version_in(inlines: &[Inline]) -> Option<Spanned<String>> {
    for inline in inlines {
        if let Inline::Text { text, range } = inline {
            if let Some((s, e)) = find_version(text) {
                return Some(Spanned::new(text[s..e].to_string(), range.sub(s, e)));
            }
        }
    }
    // A tier move: `... to GitLab Premium in 11.8.`
    for inline in inlines {
        if let Inline::Text { text, range } = inline {
            if let Some(i) = text.rfind(" in ") {
                if let Some(e) = version_end(text, i + 4) {
                    if text[i + 4..e].contains('.') {
                        return Some(Spanned::new(text[i + 4..e].to_string(), range.sub(i + 4, e)));
                    }
                }
            }
        }
    }
    None
}

/// The flag in `named `flag``, `Feature flag `flag` removed.` or `behind the `flag` flag`,
/// also inside a link's text.
fn flag_in(inlines: &[Inline]) -> Option<Spanned<String>> {
    let mut pieces = Vec::new();
    flatten(inlines, &mut pieces);
    let text_at = |i: usize| match pieces.get(i) {
        Some(Piece::Text(t)) => t.to_ascii_lowercase(),
        _ => String::new(),
    };
    for (i, piece) in pieces.iter().enumerate() {
        let Piece::Code(code, range) = piece else { continue };
        let before = if i > 0 { text_at(i - 1) } else { String::new() };
        let before = before.trim_end();
        let named_before = before.ends_with("named") || before.ends_with("flag");
        let after = text_at(i + 1);
        let after = after.trim_start();
        let flag_after = ["flag", "feature flag"].iter().any(|w| {
            after
                .strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        });
        let flag_like = !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if named_before || (flag_after && flag_like) {
            return Some(Spanned::new((*code).clone(), **range));
        }
    }
    None
}

enum Piece<'a> {
    Text(String),
    Code(&'a String, &'a TextRange),
}

/// Text and code spans in reading order, with adjacent text joined.
fn flatten<'a>(inlines: &'a [Inline], out: &mut Vec<Piece<'a>>) {
    for inline in inlines {
        match inline {
            Inline::Code { code, range } => out.push(Piece::Code(code, range)),
            Inline::Text { text, .. } => push_text(out, text),
            other if !other.children().is_empty() => flatten(other.children(), out),
            other => push_text(out, &plain_text(std::slice::from_ref(other))),
        }
    }
}

fn push_text(out: &mut Vec<Piece<'_>>, text: &str) {
    match out.last_mut() {
        Some(Piece::Text(t)) => t.push_str(text),
        _ => out.push(Piece::Text(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, at: usize) -> Inline {
        Inline::Text {
            text: t.to_string(),
            range: TextRange::new(at, at + t.len()),
        }
    }

    fn code(c: &str, at: usize) -> Inline {
        Inline::Code {
            code: c.to_string(),
            range: TextRange::new(at, at + c.len() + 2),
        }
    }

    fn link(t: &str, dest: &str, at: usize) -> Inline {
        Inline::Link {
            dest: dest.to_string(),
            children: vec![text(t, at + 1)],
            range: TextRange::new(at, at + t.len() + dest.len() + 4),
        }
    }

    #[test]
    fn versions_of_gitlab_and_its_projects() {
        fn version(t: &str) -> Option<&str> {
            find_version(t).map(|(s, e)| &t[s..e])
        }
        assert_eq!(version("Introduced in GitLab 16.10."), Some("16.10"));
        assert_eq!(version("Introduced in GitLab Runner 16.1."), Some("16.1"));
        assert_eq!(version("Moved to GitLab Premium 12.10."), None);
        assert_eq!(version("Introduced in GitLab Runner."), None);
        assert_eq!(
            version("Dropped GitLab Runner 15.0 support in GitLab 16.1."),
            Some("16.1")
        );
        assert_eq!(version("Available in GitLab Duo 17.0."), None);
        assert_eq!(version("Introduced on GitLab Dedicated 17.1."), None);
    }

    #[test]
    fn reads_flag_entry() {
        // [Introduced](https://i) in GitLab 16.2 [with a flag](../f.md) named `my_flag`. Disabled by default.
        let inlines = vec![
            link("Introduced", "https://i", 0),
            text(" in GitLab 16.2 ", 23),
            link("with a flag", "../f.md", 39),
            text(" named ", 61),
            code("my_flag", 68),
            text(". Disabled by default.", 77),
        ];
        let e = entry(&inlines, TextRange::new(0, 99));
        assert_eq!(e.verb.unwrap().value, "introduced");
        assert_eq!(e.link.unwrap().value, "https://i");
        assert_eq!(e.version.unwrap().value, "16.2");
        assert_eq!(e.flag.unwrap().value, "my_flag");
        assert_eq!(e.flag_default, Some(FlagDefault::Disabled));
        assert!(e.subject.is_none());
    }

    #[test]
    fn reads_a_flag_named_inside_a_link_or_before_the_word_flag() {
        let behind = vec![
            link("Introduced", "https://i", 0),
            text(" in GitLab 15.4. ", 23),
            Inline::Link {
                dest: "../f.md".to_string(),
                children: vec![text("Deployed behind the ", 41), code("roles", 61), text(" flag", 68)],
                range: TextRange::new(40, 83),
            },
            text(", disabled by default.", 83),
        ];
        assert_eq!(flag_in(&behind).unwrap().value, "roles");
        let removed = vec![Inline::Link {
            dest: "https://i".to_string(),
            children: vec![text("Feature flag ", 1), code("old_flag", 14), text(" removed", 24)],
            range: TextRange::new(0, 45),
        }];
        assert_eq!(flag_in(&removed).unwrap().value, "old_flag");
        // A command-line flag is not a feature flag.
        let cli = vec![text("Added the ", 0), code("--dry-run", 10), text(" flag.", 21)];
        assert!(flag_in(&cli).is_none());
    }

    #[test]
    fn reads_attribute_entry() {
        let inlines = vec![
            code("widget_name", 0),
            text(" ", 13),
            link("deprecated", "https://i", 14),
            text(" in GitLab 14.7.", 37),
        ];
        let e = entry(&inlines, TextRange::new(0, 53));
        assert_eq!(e.subject.unwrap().value, "widget_name");
        assert_eq!(e.verb.unwrap().value, "deprecated");
        assert_eq!(e.version.unwrap().value, "14.7");
    }

    #[test]
    fn reads_unlinked_verb_and_tier_move() {
        let inlines = vec![text("Moved from GitLab Ultimate to GitLab Premium in 11.8.", 0)];
        let e = entry(&inlines, TextRange::new(0, 53));
        assert_eq!(e.verb.unwrap().value, "moved");
        assert!(e.link.is_none());
        assert_eq!(e.version.unwrap().value, "11.8");
    }

    #[test]
    fn reads_a_verb_inside_link_text() {
        // [Feature flag removed](https://i) in GitLab 14.8.
        let inlines = vec![
            link("Feature flag removed", "https://i", 0),
            text(" in GitLab 14.8.", 33),
        ];
        let e = entry(&inlines, TextRange::new(0, 49));
        let verb = e.verb.unwrap();
        assert_eq!(verb.value, "removed");
        assert_eq!(verb.range, TextRange::new(14, 21));
        assert_eq!(e.link.unwrap().value, "https://i");
        assert_eq!(e.version.unwrap().value, "14.8");
    }

    #[test]
    fn an_earlier_plain_verb_wins_over_one_inside_a_later_link() {
        // Support added for [things now removed](../x.md) in GitLab 15.3.
        let inlines = vec![
            text("Support added for ", 0),
            link("things now removed", "../x.md", 18),
            text(" in GitLab 15.3.", 48),
        ];
        let e = entry(&inlines, TextRange::new(0, 64));
        let verb = e.verb.unwrap();
        assert_eq!(verb.value, "added");
        assert_eq!(verb.range, TextRange::new(8, 13));
    }

    #[test]
    fn a_flag_default_after_other_words_is_not_the_verb() {
        // [Deployed behind a feature flag](../f.md) named `x`, disabled by default.
        let inlines = vec![
            link("Deployed behind a feature flag", "../f.md", 0),
            text(" named ", 41),
            code("x", 48),
            text(", disabled by default.", 51),
        ];
        let e = entry(&inlines, TextRange::new(0, 73));
        assert!(e.verb.is_none());
        assert_eq!(e.flag_default, Some(FlagDefault::Disabled));
        let inlines = vec![text("Enabled by default in GitLab 16.0.", 0)];
        assert_eq!(
            entry(&inlines, TextRange::new(0, 34)).verb.unwrap().value,
            "enabled by default"
        );
        let inlines = vec![text("Disabled on GitLab.com by default in GitLab 16.0.", 0)];
        assert_eq!(entry(&inlines, TextRange::new(0, 49)).verb.unwrap().value, "disabled");
    }

    #[test]
    fn code_spans_are_never_verbs() {
        let inlines = vec![code("removed", 0), text(" in GitLab 15.3.", 9)];
        let e = entry(&inlines, TextRange::new(0, 25));
        assert!(e.verb.is_none());
    }

    #[test]
    fn history_sentence_detection() {
        assert!(looks_like_history("Introduced in GitLab 13.1."));
        assert!(looks_like_history("Introduced in GitLab Premium 12.10."));
        assert!(!looks_like_history("Introduced in GitLab Premium."));
        assert!(!looks_like_history("Available in GitLab Premium 12."));
        assert!(!looks_like_history("**Deprecation:** The pipelines attribute"));
    }
}
