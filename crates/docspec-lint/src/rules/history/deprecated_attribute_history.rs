use super::shared::{code, deprecated_rows, version_at, word_positions, DeprecatedRow, Flat, PieceKind};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::HistoryEntry;

/// ## What it does
/// Checks that an attribute marked deprecated in its description has a history entry
/// that deprecates it by name, in the history of its method, its resource or the page.
///
/// The description marks the attribute deprecated when it starts with
/// `[Deprecated](...)` or `Deprecated`, when a sentence starts with "deprecated" or
/// `**Deprecated:**`, with `(deprecated, ...)`, or with `` `name` is deprecated ``. The
/// history entry reads `` > - `name` [deprecated](...) in GitLab X.Y. ``; an entry that
/// names the attribute as renamed, replaced or removed (`` > - `name` [renamed](...) to
/// `new_name` in GitLab X.Y. ``) records it too, but not the attribute that takes over
/// (`new_name`). Request and
/// response attributes are both checked; an attribute written as a path (`[].name`,
/// `parts[].name`) may be named in the history by its path or by its last segment
/// (`name`). Values of the attribute marked deprecated
/// (`` `No+Label` (Deprecated) ``, `` Deprecated values: `timeout`, ... ``, `` the `x` value
/// is deprecated ``) are not the attribute.
///
/// ## Why is this bad?
/// The style guide deprecates an attribute in two steps: a history entry that says in
/// which release it was deprecated, and the inline text in the description. Without the
/// entry the method's history does not show the change, and readers who check the
/// history for what changed in their release miss it.
///
/// ## Example
/// ````markdown
/// ## Create a widget
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 14.1.
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute     | Type   | Required | Description |
/// |---------------|--------|----------|-------------|
/// | `widget_name` | string | No       | [Deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 14.7 and is planned for removal in 15.4. Use `widget_id` instead. |
/// ````
///
/// Use instead:
/// ````markdown
/// ## Create a widget
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 14.1.
/// > - `widget_name` [deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 14.7.
///
/// ```plaintext
/// POST /widgets
/// ```
///
/// | Attribute     | Type   | Required | Description |
/// |---------------|--------|----------|-------------|
/// | `widget_name` | string | No       | [Deprecated](https://gitlab.com/gitlab-org/gitlab/-/issues/2) in GitLab 14.7 and is planned for removal in 15.4. Use `widget_id` instead. |
/// ````
#[derive(RuleMeta)]
#[rule(code = "HI004", name = "deprecated-attribute-history", category = History, severity = Warning, fix = None, since = "0.1.0")]
pub struct DeprecatedAttributeHistory;

impl Check for DeprecatedAttributeHistory {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        for DeprecatedRow {
            resource,
            method,
            name,
            flat,
            mark,
        } in deprecated_rows(page)
        {
            let documented = method
                .history
                .iter()
                .chain(&resource.history)
                .chain(&page.history)
                .flat_map(|h| h.entries.iter())
                .any(|e| deprecates(e, &name.name));
            if documented {
                continue;
            }
            // `[Deprecated](...) in GitLab X.Y`: the release of the deprecation.
            let version = flat.text[mark.flat_end..]
                .strip_prefix(" in GitLab ")
                .and_then(version_at)
                .map_or("X.Y", |(v, _)| v);
            let first = name.name.split('/').next().unwrap_or(&name.name);
            let first = without_root(first.trim());
            out.push(
                ctx.report(
                    &Self::META,
                    name.range,
                    format!("`{}` is deprecated, but no history entry deprecates it", name.name),
                )
                .with_help(format!(
                    "add {} to the history of \"{}\"",
                    code(&format!(
                        "> - `{first}` [deprecated](https://link-to-issue) in GitLab {version}."
                    )),
                    method.title.value
                )),
            );
        }
    }
}

/// Words of a history entry that retire an attribute.
const RETIRING: &[&str] = &["deprecated", "renamed", "replaced", "removed"];

/// Words right before a code span that make it the attribute that takes over, not the one
/// retired: `renamed to `x``, `replaced by `x``, `in favor of `x``, `use `x``.
const TAKING_OVER: &[&str] = &[" to", " by", " with", " of", " use", " instead"];

/// Whether a history entry records that `name` was retired: a retiring word
/// (`deprecated`, `renamed`, `replaced`, `removed`) and a code span naming it that is not
/// what replaces it (`` `sha` and `ref` [renamed](...) to `content_ref` and `dry_run_ref` ``
/// retires `sha` and `ref`).
fn deprecates(entry: &HistoryEntry, name: &str) -> bool {
    let flat = Flat::new(&entry.inlines);
    let lower = flat.text.to_ascii_lowercase();
    if !RETIRING.iter().any(|w| word_positions(&lower, w).next().is_some()) {
        return false;
    }
    let mut taking_over = false;
    let mut after_previous = 0;
    for piece in &flat.pieces {
        let PieceKind::Code(code) = &piece.kind else { continue };
        let between = lower[after_previous..piece.start].trim_end();
        let continues_list = matches!(between.trim_start(), "," | "and" | ", and" | "or" | ", or");
        if !continues_list {
            let padded = format!(" {between}");
            taking_over = TAKING_OVER.iter().any(|w| padded.ends_with(w));
        }
        after_previous = piece.end;
        if !taking_over && names(code, name) {
            return true;
        }
    }
    false
}

/// Whether `code`, written in a history entry, names the attribute of the row `name`:
/// the whole name, one of the names of `a/b`, its path without the leading `[].` of a
/// response array, or its last segment (`merge_status` for `[].merge_status`,
/// `weight` for `parts[].weight`, `destination_name` for `entities[destination_name]`).
fn names(code: &str, name: &str) -> bool {
    let code = without_root(code.trim());
    code == name.trim()
        || name
            .split('/')
            .map(|part| without_root(part.trim()))
            .any(|part| part == code || last_segment(part) == code)
}

/// `[].name` → `name`: the leading segment of a response that is an array.
fn without_root(path: &str) -> &str {
    path.strip_prefix("[].").unwrap_or(path)
}

/// The last segment of an attribute path: `a.b[].c` → `c`, `a[b]` → `b`, `a:b` → `b`,
/// `labels[]` → `labels`.
fn last_segment(path: &str) -> &str {
    let mut path = path;
    while let Some(p) = path.strip_suffix("[]") {
        path = p;
    }
    let path = path.strip_suffix(']').unwrap_or(path);
    path.rsplit(['.', ':', '[']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_names_an_attribute_by_its_path_or_its_last_segment() {
        assert!(names("merge_status", "[].merge_status"));
        assert!(names("weight", "[].parts[].weight"));
        assert!(names("parts[].weight", "[].parts[].weight"));
        assert!(names("[].parts[].weight", "[].parts[].weight"));
        assert!(names("destination_name", "entities[destination_name]"));
        assert!(names("labels", "labels[]"));
        assert!(names("iid", "issue_iid/iid"));
        assert!(!names("parts", "[].parts[].weight"));
        assert!(!names("weight", "[].parts[].weight_unit"));
    }

    fn entry(markdown: &str) -> HistoryEntry {
        let page = docspec_parser::parse_str(&format!("## A\n\n> - {markdown}\n\n```plaintext\nGET /a\n```\n"));
        let entry = page.all_history().next().unwrap().entries[0].clone();
        entry
    }

    #[test]
    fn an_entry_that_renames_replaces_or_removes_records_the_deprecation() {
        let renamed =
            entry("`sha` and `ref` [renamed](https://x/1) to `content_ref` and `dry_run_ref` in GitLab 16.10.");
        assert!(deprecates(&renamed, "sha"));
        assert!(deprecates(&renamed, "ref"));
        assert!(!deprecates(&renamed, "content_ref"));
        assert!(!deprecates(&renamed, "dry_run_ref"));
        let favor =
            entry("`merge_status` [deprecated](https://x/1) in favor of `detailed_merge_status` in GitLab 15.6.");
        assert!(deprecates(&favor, "merge_status"));
        assert!(!deprecates(&favor, "detailed_merge_status"));
        assert!(deprecates(
            &entry("`a` [replaced](https://x/1) by `b` in GitLab 16.3."),
            "a"
        ));
        assert!(deprecates(
            &entry("Parameter `a` [removed](https://x/1) in GitLab 16.0."),
            "a"
        ));
        assert!(deprecates(&entry("[Deprecated](https://x/1) `a` in GitLab 16.0."), "a"));
        assert!(!deprecates(
            &entry("`a` [introduced](https://x/1) in GitLab 16.0."),
            "a"
        ));
    }
}
