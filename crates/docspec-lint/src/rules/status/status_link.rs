use crate::rules::helpers::status_codes_link;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Edit, Fix};

/// ## What it does
/// Checks that the status in the success sentence links to the status-codes table:
/// `[`200 OK`](rest/troubleshooting.md#status-codes)` (relative to the page; `../rest/...`
/// one folder down).
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
        for success in ctx.page.methods().flat_map(|m| m.success.iter()) {
            let Some(text) = &success.status_text else { continue };
            match &success.link {
                Some(link) if link.value.ends_with("troubleshooting.md#status-codes") => {}
                Some(link) => out.push(
                    ctx.report(&Self::META, link.range, format!("the status links to `{}`", link.value))
                        .with_help(format!("link to `{target}`")),
                ),
                None => {
                    let written = ctx.text(text.range);
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
    }
}
