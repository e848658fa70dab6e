use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::{Heading, TextRange};

/// ## What it does
/// Checks that the page starts with a `---` front matter block that holds a non-empty
/// `title:`. A page whose title is an H1 heading (`# Title`) instead is reported too,
/// with the heading text to move.
///
/// ## Why is this bad?
/// GitLab's docs site takes the page title from the front matter: its CI fails a page
/// whose first line is not `---` (`lint-docs-metadata.sh`), and the `FrontMatter` Vale
/// rule fails one whose front matter is not closed or has no `title:`. The H1 heading
/// moved into `title:`; a page that keeps it has no title on the site.
///
/// ## Example
/// ````markdown
/// # Widgets API
///
/// Use this API to manage widgets.
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Use this API to manage widgets.
/// ````
#[derive(RuleMeta)]
#[rule(code = "PG001", name = "missing-front-matter-title", category = Page, severity = Error, fix = None, since = "0.1.0", vale = "gitlab_docs.FrontMatter")]
pub struct MissingFrontMatterTitle;

impl Check for MissingFrontMatterTitle {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        if ctx.source.text().trim().is_empty() {
            return; // DS004 reports empty pages.
        }
        let h1 = page.headings.iter().find(|h| h.level == 1);
        let Some(fm) = &page.front_matter else {
            let help = match h1 {
                Some(h) => format!(
                    "start the page with front matter and move the H1 into it: `---`, `title: {}`, `---`",
                    h.text
                ),
                None => "start the page with front matter: `---`, `title: <page title>`, `---`".to_string(),
            };
            out.push(with_h1(
                ctx.report(&Self::META, TextRange::empty(0), "page has no front matter")
                    .with_help(help),
                h1,
            ));
            return;
        };
        if !fm.closed {
            return; // DS001 reports front matter that is never closed.
        }
        if fm.range.start() > 0 {
            out.push(
                ctx.report(
                    &Self::META,
                    TextRange::empty(0),
                    "front matter does not start on the first line",
                )
                .with_secondary(Label::with_message(fm.range, "front matter"))
                .with_help("move the `---` line of the front matter to the first line of the page"),
            );
        }
        if let Some(title) = &fm.title {
            if title.value.trim().is_empty() {
                out.push(
                    ctx.report(
                        &Self::META,
                        title_line(ctx, title.range),
                        "front matter `title` is empty",
                    )
                    .with_help(match h1 {
                        Some(h) => format!("write the page title, `title: {}`, and delete the H1", h.text),
                        None => "write the page title after `title:`".to_string(),
                    }),
                );
            }
            return;
        }
        let title_key = fm.keys.iter().find(|k| k.value.eq_ignore_ascii_case("title"));
        match title_key {
            // `title:` with nothing after it.
            Some(key) if key_value_is_empty(ctx.text(key.range)) => out.push(
                ctx.report(&Self::META, key.range, "front matter `title` is empty")
                    .with_help(match h1 {
                        Some(h) => format!("write the page title, `title: {}`, and delete the H1", h.text),
                        None => "write the page title after `title:`".to_string(),
                    }),
            ),
            // A title that is not a string: DS001 reports it.
            Some(_) => {}
            None => {
                let help = match h1 {
                    Some(h) => format!(
                        "move the H1 into the front matter as `title: {}` and delete the heading",
                        h.text
                    ),
                    None => "add `title: <page title>` to the front matter".to_string(),
                };
                out.push(with_h1(
                    ctx.report(&Self::META, fm.range, "front matter has no `title`")
                        .with_help(help),
                    h1,
                ));
            }
        }
    }
}

/// Points a secondary label at the H1 the page uses as its title.
fn with_h1(d: Diagnostic, h1: Option<&Heading>) -> Diagnostic {
    match h1 {
        Some(h) => d.with_secondary(Label::with_message(h.range, "the title is an H1 heading")),
        None => d,
    }
}

/// The line holding the title value, for an empty value (`title: ""`).
fn title_line(ctx: &LintContext<'_>, value: TextRange) -> TextRange {
    let lines = ctx.source.lines();
    lines.line_range(ctx.source.text(), lines.line_of(value.start()))
}

fn key_value_is_empty(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(_, value)| value.trim().trim_matches(['"', '\'']).trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::raw::run;

    #[test]
    fn reports_each_way_of_missing_the_title() {
        assert_eq!(run("PG001", "Text.\n"), ["1:1 page has no front matter"]);
        assert_eq!(
            run("PG001", "# Widgets API\n\nText.\n"),
            ["1:1 page has no front matter"]
        );
        assert_eq!(
            run("PG001", "---\nstage: Create\n---\n\nText.\n"),
            ["1:1 front matter has no `title`"]
        );
        assert_eq!(
            run("PG001", "---\ntitle:\n---\n\nText.\n"),
            ["2:1 front matter `title` is empty"]
        );
        assert_eq!(
            run("PG001", "---\ntitle: \"\"\n---\n\nText.\n"),
            ["2:1 front matter `title` is empty"]
        );
        assert_eq!(
            run("PG001", "\n---\ntitle: Widgets\n---\n\nText.\n"),
            ["1:1 front matter does not start on the first line"]
        );
    }

    #[test]
    fn accepts_a_title_and_leaves_other_problems_to_ds001() {
        assert!(run("PG001", "---\ntitle: Widgets API\n---\n\nText.\n").is_empty());
        assert!(run("PG001", "---\nTitle: Widgets API\n---\n").is_empty());
        assert!(
            run("PG001", "---\ntitle: Widgets API\n\nText.\n").is_empty(),
            "unclosed"
        );
        assert!(run("PG001", "").is_empty(), "empty page");
    }
}
