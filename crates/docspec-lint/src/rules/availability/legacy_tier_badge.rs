use crate::rules::helpers::attribute_tables;
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;

/// ## What it does
/// Reports the older tier badges at the end of headings, like `## Title **(PREMIUM
/// SELF)**`, and in attribute tables, like `` `mirror` **(STARTER)** `` or a
/// description that starts with `**(PREMIUM)**`.
///
/// ## Why is this bad?
/// GitLab replaced heading badges with availability details under the heading
/// (`DETAILS:` with `**Tier:**` and `**Offering:**` lines, or `{{< details >}}`), and
/// badges in tables with the tiers at the end of the description (`Premium and
/// Ultimate only.`). The badges no longer render, their tier words (`FREE SELF`,
/// `PREMIUM SAAS`) do not say which higher tiers also have the feature, and the
/// names used before 2021 (`CORE`, `STARTER`, `BRONZE`, `SILVER`, `GOLD`) are gone.
///
/// ## Example
/// ```markdown
/// ## List widgets **(PREMIUM SELF)**
/// ```
///
/// Use instead:
/// ```markdown
/// ## List widgets
///
/// DETAILS:
/// **Tier:** Premium, Ultimate
/// **Offering:** GitLab Self-Managed
/// ```
#[derive(RuleMeta)]
#[rule(code = "AV003", name = "legacy-tier-badge", category = Availability, severity = Warning, fix = None, since = "0.1.0")]
pub struct LegacyTierBadge;

impl Check for LegacyTierBadge {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        for heading in &ctx.page.headings {
            for badge in &heading.badges {
                out.push(
                    ctx.report(&Self::META, badge.range, format!("heading badge `{}`", badge.value))
                        .with_help("remove the badge and add `DETAILS:` with `**Tier:**` and `**Offering:**` lines under the heading"),
                );
            }
        }
        for (_, table, _) in attribute_tables(ctx.page) {
            for badge in table.rows.iter().flat_map(|row| &row.badges) {
                out.push(
                    ctx.report(&Self::META, badge.range, format!("attribute badge `{}`", badge.value))
                        .with_help("remove the badge and end the description with the tiers that have the attribute, like `Premium and Ultimate only.`"),
                );
            }
        }
    }
}
