use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// ## What it does
/// Reports a page that documents methods but has no availability details under its
/// title: no `DETAILS:` block, `{{< details >}}` list or older H1 badge before its first
/// section.
///
/// ## Why is this bad?
/// "Most H1 topic titles" get availability details: the tier, offering and status that
/// apply to the whole API. Without them readers cannot tell which subscriptions and
/// installations have the API, and the sections below have nothing to differ from. It is
/// information only: the guide says "most", and some pages are deliberately without.
/// A page that declares its API internal-only has no tier or offering to state.
///
/// ## Example
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// Use this API to manage widgets.
///
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// Example request:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// Example response:
///
/// ```json
/// [{ "id": 1 }]
/// ```
/// ````
///
/// Use instead:
/// ````markdown
/// ---
/// title: Widgets API
/// ---
///
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed, GitLab Dedicated
///
/// Use this API to manage widgets.
///
/// ## List widgets
///
/// ```plaintext
/// GET /widgets
/// ```
///
/// Example request:
///
/// ```shell
/// curl --url "https://gitlab.example.com/api/v4/widgets"
/// ```
///
/// Example response:
///
/// ```json
/// [{ "id": 1 }]
/// ```
/// ````
#[derive(RuleMeta)]
#[rule(code = "AV004", name = "missing-page-availability", category = Availability, severity = Info, fix = None, since = "0.2.0")]
pub struct MissingPageAvailability;

impl Check for MissingPageAvailability {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        // An internal-only API has no tier or offering to state.
        if !page.availability.is_empty() || !page.is_reference() || crate::project::declares_internal(page) {
            return;
        }
        // A method right under the title holds the page's details.
        let first_section = page
            .headings
            .iter()
            .find(|h| h.level >= 2)
            .map_or(usize::MAX, |h| h.range.start());
        if page
            .methods()
            .any(|m| m.range.start() < first_section && !m.availability.is_empty())
        {
            return;
        }
        let at = page.title.as_ref().map_or(TextRange::empty(0), |t| t.range);
        out.push(
            ctx.report(&Self::META, at, "the page has no availability details under its title")
                .with_help(
                    "add `DETAILS:` with `**Tier:**` and `**Offering:**` lines (or a `{{< details >}}` list) \
                     for the whole API before the first section",
                ),
        );
    }
}
