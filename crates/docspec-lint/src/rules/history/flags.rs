//! What the flag-note rules share: each section's history read for the flags it
//! introduces and removes, and the flag notes of the section.

use docspec_model::{Alert, History, HistoryEntry, Page};

/// A heading section (or the page's top) with history.
pub struct FlagSection<'p> {
    /// Index into `Page::headings`; `None` before the first heading.
    pub heading: Option<usize>,
    pub history: &'p History,
    /// Entries that put the section's own feature behind a flag, with no later entry
    /// that removes the flag.
    pub flagged: Vec<(&'p HistoryEntry, &'p str)>,
    /// Every flag the history names, and whether a later entry removes each.
    pub flags: Vec<(&'p str, bool)>,
    /// Alerts of the section (after its heading, before the next) that are flag notes.
    pub notes: Vec<&'p Alert>,
}

/// The heading whose section holds `offset` (`None` before the first).
pub fn section_of(page: &Page, offset: usize) -> Option<usize> {
    page.headings.iter().rposition(|h| h.range.start() <= offset)
}

/// The sections that hold the one at `heading`: each heading of a lower level before
/// it, nearest first, then the page's top (`None`).
pub fn enclosing_sections(page: &Page, heading: Option<usize>) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    if let Some(h) = heading {
        let mut level = page.headings[h].level;
        for i in (0..h).rev() {
            if page.headings[i].level < level {
                level = page.headings[i].level;
                out.push(Some(i));
            }
        }
        out.push(None);
    }
    out
}

/// Whether an alert is a flag note: the `flag` kind, or older notes about a flag.
pub fn is_flag_note(alert: &Alert) -> bool {
    alert.kind == "flag" || alert.text.to_ascii_lowercase().contains("feature flag")
}

/// Every section of the page that has history, first history of each, in source order.
pub fn flag_sections(page: &Page) -> Vec<FlagSection<'_>> {
    let mut histories: Vec<&History> = page.all_history().collect();
    histories.sort_by_key(|h| h.range.start());
    let mut out: Vec<FlagSection<'_>> = Vec::new();
    for history in histories {
        let heading = section_of(page, history.range.start());
        if out.iter().any(|s| s.heading == heading) {
            continue;
        }
        let notes = page
            .alerts
            .iter()
            .filter(|a| section_of(page, a.range.start()) == heading && is_flag_note(a))
            .collect();
        let entries = &history.entries;
        let removed_later = |i: usize, flag: &str| entries[i + 1..].iter().any(|e| removes(e, flag));
        let flagged = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| introduces_feature(e))
            .filter_map(|(i, e)| e.flag.as_ref().map(|f| (i, e, f.value.as_str())))
            .filter(|(i, _, flag)| !removed_later(*i, flag))
            .map(|(_, e, flag)| (e, flag))
            .collect();
        let mut flags: Vec<(&str, bool)> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let Some(flag) = entry.flag.as_ref().map(|f| f.value.as_str()) else {
                continue;
            };
            let gone = removes(entry, flag) || removed_later(i, flag);
            match flags.iter_mut().find(|(f, _)| *f == flag) {
                Some(seen) => seen.1 |= gone,
                None => flags.push((flag, gone)),
            }
        }
        out.push(FlagSection {
            heading,
            history,
            flagged,
            flags,
            notes,
        });
    }
    out
}

/// `[Introduced](...) in GitLab 16.7 [with a flag](...) named `x``, or `[Deployed behind a
/// feature flag](...) named `x``: the entry puts the section's own feature behind a
/// flag (no attribute or sub-feature named before it).
fn introduces_feature(entry: &HistoryEntry) -> bool {
    let Some(flag) = &entry.flag else { return false };
    // Without a verb the parser takes the first code span for the subject: here, the flag.
    if entry.subject.as_ref().is_some_and(|s| s.value != flag.value) {
        return false;
    }
    let lower = entry.text.trim_start().to_ascii_lowercase();
    ["introduced in ", "introduced as ", "deployed behind a feature flag"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Whether an entry removes `flag`: `Feature flag `x` removed.`, `[Feature flag
/// removed](...) in GitLab 14.8.` (no name: the section's flag), or the feature made
/// generally available as a whole without naming a flag.
pub(crate) fn removes(entry: &HistoryEntry, flag: &str) -> bool {
    let lower = entry.text.to_ascii_lowercase();
    let names_flag = entry.flag.as_ref().map_or(lower.contains("flag"), |f| f.value == flag);
    let whole_ga =
        entry.subject.is_none() && entry.flag.is_none() && lower.trim_start().starts_with("generally available");
    (names_flag && lower.contains("removed")) || whole_ga
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each section's flagged flags, its flags with whether they are removed, its notes.
    type Summary = (Vec<String>, Vec<(String, bool)>, usize);

    fn sections(markdown: &str) -> Vec<Summary> {
        let page = docspec_parser::parse_str(markdown);
        flag_sections(&page)
            .into_iter()
            .map(|s| {
                (
                    s.flagged.iter().map(|(_, f)| f.to_string()).collect(),
                    s.flags.iter().map(|(f, gone)| (f.to_string(), *gone)).collect(),
                    s.notes.len(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_flags_introduced_and_removed() {
        let page = "## A\n\n> - [Introduced](https://x/1) in GitLab 16.7 [with a flag](../f.md) named `a`. Disabled by default.\n\n\
                    ## B\n\n> - [Introduced](https://x/1) in GitLab 16.0 [with a flag](../f.md) named `b`. Disabled by default.\n\
                    > - [Generally available](https://x/2) in GitLab 16.1. Feature flag `b` removed.\n\n\
                    ## D\n\n> - [Introduced](https://x/1) in GitLab 14.7 [with a flag](../f.md) named `d`. Disabled by default.\n\
                    > - [Feature flag removed](https://x/2) in GitLab 14.8.\n\n\
                    ## C\n\n> - `name` [introduced](https://x/1) in GitLab 15.11 [with a flag](../f.md) named `c`. Disabled by default.\n\n\
                    FLAG:\nThe availability of this feature is controlled by a feature flag.\n";
        assert_eq!(
            sections(page),
            [
                (vec!["a".to_string()], vec![("a".to_string(), false)], 0),
                (vec![], vec![("b".to_string(), true)], 0),
                (vec![], vec![("d".to_string(), true)], 0),
                (vec![], vec![("c".to_string(), false)], 1),
            ]
        );
    }
}
