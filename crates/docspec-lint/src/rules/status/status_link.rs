use crate::rules::helpers::{api_folder, status_codes_link};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};
use docspec_model::SuccessForm;

/// ## What it does
/// Checks that the status in the success sentence links to the status-codes table:
/// `[`200 OK`](rest/troubleshooting.md#status-codes)` (relative to the page; `../rest/...`
/// one folder down). When the page's path has an `api` folder, the link must lead from
/// the page to that folder's `rest/troubleshooting.md`: one that climbs the wrong
/// number of folders is broken on the docs site (the fix writes the right one).
///
/// ## Why is this bad?
/// The link explains what the code means and which other codes the endpoint can answer;
/// a link elsewhere, or none, leaves readers without that.
///
/// ## Example
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns `200 OK`.
/// ````
///
/// Use instead:
/// ````markdown
/// ## Get a widget
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// If successful, returns [`200 OK`](rest/troubleshooting.md#status-codes).
/// ````
///
/// ## Fix safety
/// The link is built relative to the page's place under `doc/api/`; check it when your
/// docs are laid out differently, hence unsafe.
#[derive(RuleMeta)]
#[rule(code = "SC003", name = "status-link", category = Status, severity = Warning, fix = Sometimes, since = "0.1.0")]
pub struct StatusLink;

impl Check for StatusLink {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let target = status_codes_link(ctx.source.path());
        for success in ctx
            .page
            .methods()
            .flat_map(|m| m.success.iter())
            .filter(|s| s.form == SuccessForm::Template)
        {
            let Some(text) = &success.status_text else { continue };
            match &success.link {
                Some(link) if link.value.ends_with("troubleshooting.md#status-codes") => {
                    if let Some(wrong) = wrong_depth(ctx, &link.value) {
                        let dest = dest_range(ctx, link);
                        let fix = dest.and_then(|d| {
                            Fix::safe(
                                format!("Link to `{target}`"),
                                vec![Edit::replacement(d, target.clone())],
                            )
                        });
                        out.push(
                            ctx.report(
                                &Self::META,
                                dest.unwrap_or(link.range),
                                format!("`{}` {wrong}", link.value),
                            )
                            .with_label("broken on the docs site")
                            .with_help(format!("from this page, link to `{target}`"))
                            .with_fix(fix),
                        );
                    }
                }
                Some(link) => out.push(
                    ctx.report(&Self::META, link.range, format!("the status links to `{}`", link.value))
                        .with_help(format!("link to `{target}`")),
                ),
                None => {
                    let written = canonical_status(ctx.text(text.range));
                    let fix = written.starts_with('`').then(|| {
                        Fix::unsafe_(
                            "Link the status to the status-codes table",
                            vec![Edit::replacement(text.range, format!("[{written}]({target})"))],
                        )
                    });
                    out.push(
                        ctx.report(
                            &Self::META,
                            text.range,
                            "the status does not link to the status-codes table",
                        )
                        .with_help(format!("write [{written}]({target})"))
                        .with_fix(fix.flatten()),
                    );
                }
            }
        }
    }
}

/// Whether a status link that ends right misses the table from this page, when the
/// page's place under `doc/api/` is known: it must reach `rest/troubleshooting.md` of
/// that `api` folder.
fn wrong_depth(ctx: &LintContext<'_>, dest: &str) -> Option<&'static str> {
    let path = ctx.source.path();
    let (api, _) = api_folder(path)?;
    let folder: Vec<&str> = path.split(['/', '\\']).collect();
    let folder = &folder[..folder.len().saturating_sub(1)];
    let file = dest.split('#').next().unwrap_or(dest);
    if file.starts_with('/') || file.contains("://") {
        return None;
    }
    let mut reached: Vec<&str> = folder.to_vec();
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." if reached.last().is_some_and(|p| *p != ".." && !p.is_empty()) => {
                reached.pop();
            }
            other => reached.push(other),
        }
    }
    let mut wanted = api;
    wanted.extend(["rest", "troubleshooting.md"]);
    (reached != wanted).then_some("does not lead to the status-codes table from this page")
}

/// The range of a link's destination in the source, when it is written inline.
fn dest_range(ctx: &LintContext<'_>, link: &docspec_model::Spanned<String>) -> Option<docspec_model::TextRange> {
    let text = ctx.text(link.range);
    let at = text.rfind(&format!("]({}", link.value))? + 2;
    let start = link.range.start() + at;
    Some(docspec_model::TextRange::new(start, start + link.value.len()))
}

/// `` `200: OK` `` or `` `204 No content` `` as the template writes it (`` `200 OK` ``,
/// `` `204 No Content` ``); other text as it is.
fn canonical_status(written: &str) -> String {
    let inner = written.trim_matches('`');
    let digits: String = inner.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse().ok().and_then(docspec_model::status_reason) {
        Some(reason) if written.starts_with('`') && digits.len() == 3 => format!("`{digits} {reason}`"),
        _ => written.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::helpers::status_codes_link;

    #[test]
    fn link_follows_the_folder_depth() {
        assert_eq!(
            status_codes_link("doc/api/branches.md"),
            "rest/troubleshooting.md#status-codes"
        );
        assert_eq!(
            status_codes_link("doc/api/releases/_index.md"),
            "../rest/troubleshooting.md#status-codes"
        );
        assert_eq!(status_codes_link("widgets.md"), "rest/troubleshooting.md#status-codes");
        assert_eq!(
            status_codes_link("/home/myapi/gitlab/doc/api/packages/npm.md"),
            "../rest/troubleshooting.md#status-codes"
        );
    }

    fn findings(path: &str, link: &str) -> Vec<String> {
        let text = format!(
            "## Get a widget\n\n```plaintext\nGET /widgets/:id\n```\n\nIf successful, returns [`200 OK`]({link}).\n"
        );
        let mut rules = crate::RuleSelection::none();
        rules.set("SC003", Some(docspec_diagnostics::Severity::Warning));
        let settings = crate::LintSettings {
            rules,
            ..crate::LintSettings::default()
        };
        let source = docspec_model::SourceFile::new(path, text);
        let page = docspec_parser::parse(&source);
        crate::lint_page(&source, &page, &settings)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_link_that_climbs_the_wrong_number_of_folders_is_broken() {
        let top = "doc/api/widgets.md";
        let nested = "../gitlab/doc/api/releases/_index.md";
        assert!(findings(top, "rest/troubleshooting.md#status-codes").is_empty());
        assert!(findings(top, "../api/rest/troubleshooting.md#status-codes").is_empty());
        assert!(findings(nested, "../rest/troubleshooting.md#status-codes").is_empty());
        assert_eq!(
            findings(top, "../rest/troubleshooting.md#status-codes"),
            ["`../rest/troubleshooting.md#status-codes` does not lead to the status-codes table from this page"]
        );
        assert_eq!(findings(nested, "rest/troubleshooting.md#status-codes").len(), 1);
        // Without an `api` folder in the path the depth is unknown: no finding.
        assert!(findings("widgets.md", "../rest/troubleshooting.md#status-codes").is_empty());
    }
}
