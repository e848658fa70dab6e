use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::{Link, PageAnchors, TextRange};

/// ## What it does
/// Reports a link to an anchor of the same page (`[text](#anchor)`) that no heading of
/// the page has. A heading's anchor is its text in lower case, with punctuation taken
/// out and spaces turned into hyphens (`## Get a single widget` is `#get-a-single-widget`);
/// a second heading with the same text gets `-1`, a third `-2`. Anchors an HTML element
/// sets with `id` or `name`, and `#top`, are anchors too. A link that only differs from
/// an anchor in case is reported with the anchor to write.
///
/// ## Why is this bad?
/// The link goes nowhere: the reader lands at the top of the page. Headings are renamed
/// more often than the links to them are checked. markdownlint's `link-fragments`
/// (MD051), which GitLab's docs CI runs with every default rule on, fails such a link.
///
/// ## Example
/// ````markdown
/// ## List all widgets
///
/// To get one widget, see [Get a widget](#get-widget).
///
/// ## Get a single widget
/// ````
///
/// Use instead:
/// ````markdown
/// ## List all widgets
///
/// To get one widget, see [Get a widget](#get-a-single-widget).
///
/// ## Get a single widget
/// ````
///
/// ## Fix safety
/// An anchor written in another case is replaced with the page's anchor, when the
/// destination is written in the link itself: only one heading matches it. Other broken
/// anchors are not fixed; the help names the closest anchor of the page, if one is close.
///
/// Links to anchors of other pages are not checked: the page they point to is often not
/// part of the run (`docspec lint doc/api` next to links into `doc/user`).
#[derive(RuleMeta)]
#[rule(code = "PG019", name = "broken-anchor-link", category = Page, severity = Warning, fix = Sometimes, since = "0.2.0", markdownlint = "MD051 link-fragments")]
pub struct BrokenAnchorLink;

impl Check for BrokenAnchorLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut links = ctx
            .page
            .links
            .iter()
            .filter(|l| l.dest.len() > 1 && l.dest.starts_with('#'))
            .peekable();
        if links.peek().is_none() {
            return;
        }
        let mut anchors: Option<PageAnchors> = None;
        for link in links {
            let fragment = &link.dest[1..];
            // Most links name a heading's anchor as the page makes it.
            if ctx.page.headings.iter().any(|h| h.anchor == fragment) {
                continue;
            }
            let anchors = anchors.get_or_insert_with(|| PageAnchors::of(ctx.page, ctx.source.text()));
            if anchors.resolves(fragment) {
                continue;
            }
            let same_but_case = anchors.in_other_case(fragment);
            let diagnostic = match same_but_case {
                Some(anchor) => ctx
                    .report(
                        &Self::META,
                        link.range,
                        format!("link to `#{fragment}` differs in case from the heading's anchor `#{anchor}`"),
                    )
                    .with_help(format!("write the anchor as the page has it: `#{anchor}`"))
                    .with_fix(case_fix(ctx, link, anchor)),
                None => {
                    let report = ctx.report(
                        &Self::META,
                        link.range,
                        format!("link to `#{fragment}`: no heading of this page has that anchor"),
                    );
                    let heading_anchors = ctx.page.headings.iter().map(|h| h.anchor.as_str());
                    let nearest = docspec_model::nearest_anchors(fragment, heading_anchors);
                    if nearest.is_empty() {
                        report.with_help(
                            "link to an existing heading (its text in lower case, punctuation removed, spaces as hyphens), or remove the link",
                        )
                    } else {
                        let names: Vec<String> = nearest.iter().map(|a| format!("`#{a}`")).collect();
                        report.with_help(format!(
                            "did you mean {}? A heading's anchor is its text in lower case, punctuation removed, spaces as hyphens",
                            names.join(" or ")
                        ))
                    }
                }
            };
            out.push(diagnostic);
        }
    }
}

/// The anchor in the page's case, when the destination is written verbatim in the link.
fn case_fix(ctx: &LintContext<'_>, link: &Link, anchor: &str) -> Option<Fix> {
    let source = ctx.text(link.range);
    let at = source.rfind(&format!("]({}", link.dest))? + 3;
    let start = link.range.start() + at;
    let range = TextRange::new(start, start + link.dest.len() - 1);
    (ctx.text(range) == &link.dest[1..])
        .then(|| {
            Fix::safe(
                "Write the anchor in the page's case",
                vec![Edit::replacement(range, anchor)],
            )
        })
        .flatten()
}
