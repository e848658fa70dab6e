use super::shared::histories;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{contains_ignore_ascii_case, version_at, History, HistoryEntry, HistoryForm, TextRange};
use serde::Deserialize;

/// ## What it does
/// Given the current GitLab version (the `current-version` option), reports history
/// entries about a release that GitLab no longer supports: older than the current major
/// version and the two before it. Without the option, the rule reports nothing.
///
/// A feature flag's entries are reported only once the flag is removed and every entry
/// about it is in an unsupported release; while a flag's story goes on, an entry about
/// the whole feature (one that names no attribute, such as `Introduced in GitLab 13.11.`)
/// stays too, since readers should know when a flagged feature was introduced.
/// Deprecation entries are not reported: while the page documents a deprecated
/// attribute, `deprecated-attribute-history` asks for its entry.
///
/// ## Why is this bad?
/// The style guide removes history items that refer to unsupported versions: readers
/// on a supported release do not need them, and a long history pushes the method's
/// description down the page. GitLab removes them when a new major version ships
/// ("Removing versions" and "Timing version removals" in the availability details
/// guide), so this is information for that pass, not an error.
///
/// ## Example
/// With `current-version: "17.8"` (17, 16 and 15 are supported):
///
/// ````markdown
/// ## List widgets
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 13.1.
/// > - `color` attribute [added](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 16.4.
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// > - `color` attribute [added](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 16.4.
/// ````
///
/// ## Fix safety
/// Removing the entry's line is unsafe: it deletes text. It is offered only while other
/// entries of the history stay; when every entry is outdated, remove the whole history
/// by hand.
///
/// ## Options
/// - `current-version` (a version such as `"17.8"` or `17`; no default): the GitLab
///   release the docs describe. Only its major version counts.
///
/// ```yaml
/// rules:
///   outdated-history:
///     options:
///       current-version: "17.8"
/// ```
#[derive(RuleMeta)]
#[rule(code = "HI007", name = "outdated-history", category = History, severity = Info, fix = Sometimes, since = "0.2.0")]
pub struct OutdatedHistory;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", default, deny_unknown_fields)]
struct Options {
    current_version: Option<CurrentVersion>,
}

/// The major version of `17.8`, `"17.8"`, `"17.8.1"`, `17` or `"17"`.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(try_from = "VersionInput")]
struct CurrentVersion {
    major: u32,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum VersionInput {
    Text(String),
    Number(f64),
}

impl TryFrom<VersionInput> for CurrentVersion {
    type Error = String;

    fn try_from(input: VersionInput) -> Result<Self, String> {
        let major = match &input {
            VersionInput::Text(text) => {
                let parts: Vec<&str> = text.split('.').collect();
                let numeric = parts.len() <= 3
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
                numeric.then(|| parts[0].parse().ok()).flatten()
            }
            // YAML reads `17.8` as a number: its whole part is the major version.
            VersionInput::Number(n) if n.is_finite() && *n >= 1.0 && *n < 1000.0 => Some(n.trunc() as u32),
            VersionInput::Number(_) => None,
        };
        major
            .map(|major| CurrentVersion { major })
            .ok_or_else(|| "expected a GitLab version such as \"17.8\" or 17".to_string())
    }
}

impl Check for OutdatedHistory {
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), crate::OptionError> {
        crate::options::check::<Options>(options)
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let options: Options = ctx.options(&Self::META);
        let Some(current) = options.current_version else {
            return;
        };
        let oldest = current.major.saturating_sub(2);
        for history in histories(ctx.page) {
            let outdated = outdated_entries(history, oldest);
            let all_outdated = outdated.len() == history.entries.len();
            for (entry, written) in outdated {
                let message = format!(
                    "history entry about GitLab {written}, an unsupported version (the supported \
                     major versions are {}, {} and {oldest})",
                    current.major,
                    current.major.saturating_sub(1),
                );
                let help = if all_outdated {
                    "every entry of this history is about an unsupported version: remove the history"
                } else {
                    "remove the entry: the style guide removes history about unsupported versions"
                };
                let fix = (!all_outdated)
                    .then(|| remove_line(ctx, history, entry))
                    .flatten()
                    .and_then(|line| Fix::unsafe_("Remove the history entry", vec![Edit::deletion(line)]));
                out.push(
                    ctx.report(&Self::META, entry.range, message)
                        .with_help(help)
                        .with_fix(fix),
                );
            }
        }
    }
}

/// The entries of `history` about a major version before `oldest`, each with its
/// version as written. The guide keeps a feature flag's story until the flag is removed
/// (as `flags::removes` reads it) and every event of it is in an unsupported release, and readers should know when a
/// flagged feature was introduced; deprecations stay (`deprecated-attribute-history`
/// asks for them while the page documents the attribute).
fn outdated_entries(history: &History, oldest: u32) -> Vec<(&HistoryEntry, &str)> {
    let is_old = |e: &HistoryEntry| major(e).is_some_and(|(_, m)| m < oldest);
    let flag_entries: Vec<&HistoryEntry> = history.entries.iter().filter(|e| is_about_a_flag(e)).collect();
    // Every flag the history names is removed by some entry, as the flag-note rules read
    // it; a history that names none, by an entry about an unnamed flag.
    let removed = |flag: &str| history.entries.iter().any(|e| super::flags::removes(e, flag));
    let named: Vec<&str> = history
        .entries
        .iter()
        .filter_map(|e| e.flag.as_ref())
        .map(|f| f.value.as_str())
        .collect();
    let flag_removed = if named.is_empty() {
        removed("")
    } else {
        named.iter().all(|f| removed(f))
    };
    let flag_done = !flag_entries.is_empty() && flag_removed && flag_entries.iter().all(|e| is_old(e));
    let flag_goes_on = !flag_entries.is_empty() && !flag_done;
    history
        .entries
        .iter()
        .filter(|e| !contains_ignore_ascii_case(&e.text, "deprecat"))
        .filter(|e| {
            if is_about_a_flag(e) {
                flag_done
            } else {
                // Without a subject, the entry is about the whole feature, which may be
                // the one behind the flag.
                !(flag_goes_on && e.subject.is_none())
            }
        })
        .filter_map(|e| match major(e) {
            Some((written, m)) if m < oldest => Some((e, written)),
            _ => None,
        })
        .collect()
}

/// An entry's version as written (`13.1`) and its major version.
fn major(entry: &HistoryEntry) -> Option<(&str, u32)> {
    let version = entry.version.as_ref()?;
    version_at(&version.value).map(|(written, (major, _))| (written, major))
}

/// Whether an entry is part of a feature flag's story: it names a flag or a default,
/// or says the feature was enabled, disabled or made available (`Enabled on GitLab.com
/// in GitLab 14.5.` follows a flag's introduction without naming it).
fn is_about_a_flag(entry: &HistoryEntry) -> bool {
    entry.flag.is_some()
        || entry.flag_default.is_some()
        || ["flag", "enabled", "disabled", "available"]
            .iter()
            .any(|word| contains_ignore_ascii_case(&entry.text, word))
}

/// The whole source line of a list entry, line break included, if the entry is alone on
/// its line: the single-quote form has no line of its own to remove.
fn remove_line(ctx: &LintContext<'_>, history: &History, entry: &HistoryEntry) -> Option<TextRange> {
    if history.form == HistoryForm::Blockquote {
        return None;
    }
    let lines = ctx.source.lines();
    let line = lines.line_of(entry.range.start());
    let last = entry.range.end().max(entry.range.start() + 1) - 1;
    if lines.line_of(last) != line {
        return None;
    }
    let start = lines.line_start(line);
    let end = if line + 1 < lines.line_count() {
        lines.line_start(line + 1)
    } else {
        ctx.source.text().len()
    };
    Some(TextRange::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(options: serde_json::Value) -> Result<Option<u32>, crate::OptionError> {
        let map = serde_json::Map::from_iter([("current-version".to_string(), options.clone())]);
        OutdatedHistory.check_options(&map)?;
        let read: Options = serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default();
        Ok(read.current_version.map(|v| v.major))
    }

    #[test]
    fn the_current_version_is_read_as_written_in_yaml_or_json() {
        assert_eq!(read(serde_json::json!("17.8")), Ok(Some(17)));
        assert_eq!(read(serde_json::json!("17")), Ok(Some(17)));
        assert_eq!(read(serde_json::json!("17.8.1")), Ok(Some(17)));
        assert_eq!(read(serde_json::json!(17.8)), Ok(Some(17)));
        assert_eq!(read(serde_json::json!(18)), Ok(Some(18)));
        for bad in [
            serde_json::json!("17.x"),
            serde_json::json!("17..1"),
            serde_json::json!("latest"),
            serde_json::json!(0.5),
            serde_json::json!(true),
        ] {
            let err = read(bad.clone()).unwrap_err();
            assert_eq!(err.key, "current-version", "{bad}");
        }
    }
}
