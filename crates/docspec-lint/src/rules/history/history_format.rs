use super::shared::histories;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{History, HistoryForm, TextRange};

/// ## What it does
/// Checks the form of history notes: a list with one entry per line, each line starting
/// with `> - ` (or `- ` inside `{{< history >}}`), and a blank line after the block.
/// Reports the older single-quote form (`> Introduced in GitLab 13.1.`), a history
/// shortcode without a list, and a history quote that a following line continues
/// without `>` (the block is not closed).
///
/// ## Why is this bad?
/// The docs site renders history from the `> - ` list (GitLab's Vale rule
/// `HistoryItems`, an error in their CI). A quote without the list renders as a plain
/// paragraph, and a line right after the last entry is read as part of that entry, so
/// the description of the method ends up inside the history.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// > Introduced in GitLab 16.1.
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// ## Get a widget
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.2.
/// Gets one widget.
///
/// ```plaintext
/// GET /widgets/:id
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// > - Introduced in GitLab 16.1.
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// ## Get a widget
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 16.2.
///
/// Gets one widget.
///
/// ```plaintext
/// GET /widgets/:id
/// ```
/// ````
///
/// ## Fix safety
/// A quote written one entry per line gets `- ` after each `> `: the words stay the
/// same and the quote becomes the list the site renders. A line that continues the
/// history without `>` gets a blank line before it; that fix is unsafe because the
/// line may have been meant as part of the last entry.
#[derive(RuleMeta)]
#[rule(code = "HI001", name = "history-format", category = History, severity = Error, fix = Sometimes, since = "0.1.0", vale = "gitlab_docs.HistoryItems")]
pub struct HistoryFormat;

impl Check for HistoryFormat {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for history in histories(ctx.page) {
            match history.form {
                HistoryForm::Blockquote => out.push(quote_form(ctx, history)),
                HistoryForm::Shortcode if history.entries.is_empty() => out.push(
                    ctx.report(
                        &Self::META,
                        first_line(ctx, history.range),
                        "the history shortcode holds no list",
                    )
                    .with_help("write each entry as a `- ` list item, one per line, inside `{{< history >}}`"),
                ),
                _ => {}
            }
            if history.form != HistoryForm::Shortcode {
                if let Some(d) = unclosed(ctx, history) {
                    out.push(d);
                }
            }
        }
    }
}

fn first_line(ctx: &LintContext<'_>, range: TextRange) -> TextRange {
    let lines = ctx.source.lines();
    lines.line_range(ctx.source.text(), lines.line_of(range.start()))
}

/// The zero-based lines a range covers.
fn lines_of(ctx: &LintContext<'_>, range: TextRange) -> std::ops::RangeInclusive<usize> {
    let lines = ctx.source.lines();
    let first = lines.line_of(range.start());
    let last = lines.line_of(range.end().saturating_sub(1).max(range.start()));
    first..=last
}

/// `> Introduced in GitLab 13.1.`: a quote, not a list.
fn quote_form(ctx: &LintContext<'_>, history: &History) -> Diagnostic {
    let meta = &<HistoryFormat as RuleMeta>::META;
    let d = ctx
        .report(
            meta,
            first_line(ctx, history.range),
            "history is written as a quote, not a list",
        )
        .with_help("start each entry with `> - `, one entry per line");
    d.with_fix(list_fix(ctx, history))
}

/// Inserts `- ` after the `> ` of each line that starts an entry, when every entry starts
/// a line and every line of the quote starts with `>`.
fn list_fix(ctx: &LintContext<'_>, history: &History) -> Option<Fix> {
    let text = ctx.source.text();
    let lines = ctx.source.lines();
    let mut starts = Vec::new();
    for line in lines_of(ctx, history.range) {
        let range = lines.line_range(text, line);
        let line_text = ctx.text(range);
        let indent = line_text.len() - line_text.trim_start_matches(' ').len();
        let rest = &line_text[indent..];
        let after_marker = rest.strip_prefix('>')?;
        let spaced = after_marker.starts_with(' ');
        let content = range.start() + indent + 1 + usize::from(spaced);
        starts.push((content, spaced));
    }
    let mut edits = Vec::new();
    for entry in &history.entries {
        let (at, spaced) = starts.iter().find(|(content, _)| *content == entry.range.start())?;
        edits.push(Edit::insertion(*at, if *spaced { "- " } else { " - " }));
    }
    if edits.is_empty() {
        return None;
    }
    Fix::safe("Write the history as a `> - ` list", edits)
}

/// A line inside the quote's range that does not start with `>`: a lazy continuation,
/// so the history block is not closed by a blank line.
fn unclosed(ctx: &LintContext<'_>, history: &History) -> Option<Diagnostic> {
    let meta = &<HistoryFormat as RuleMeta>::META;
    let text = ctx.source.text();
    let lines = ctx.source.lines();
    let lazy = lines_of(ctx, history.range).skip(1).find(|&line| {
        let line_text = ctx.text(lines.line_range(text, line));
        !line_text.trim().is_empty() && !line_text.trim_start().starts_with('>')
    })?;
    let range = lines.line_range(text, lazy);
    let newline = if text[..range.start()].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Some(
        ctx.report(
            meta,
            range,
            "this line continues the history without `>`: the history block is not closed",
        )
        .with_help("leave a blank line between the history and the text after it")
        .with_fix(Fix::unsafe_(
            "Close the history with a blank line",
            vec![Edit::insertion(range.start(), newline)],
        )),
    )
}
