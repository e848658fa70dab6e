use crate::rules::history::flags::{flag_sections, section_of};
use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::{Diagnostic, Label};
use docspec_model::{AvailabilityForm, FlagDefault, TextRange};

/// ## What it does
/// Reports availability details that list `GitLab Dedicated` in a section whose history
/// puts the section's feature behind a flag that is disabled by default
/// (`[Introduced](...) in GitLab 17.1 [with a flag](...) named `x`. Disabled by
/// default.`), with no later entry that enables it on GitLab Self-Managed
/// (`[Enabled on GitLab Self-Managed and GitLab Dedicated](...)`) and none that removes
/// it.
///
/// ## Why is this bad?
/// "For features disabled on GitLab Self-Managed, don't list `GitLab Dedicated` as the
/// feature's offering": GitLab Dedicated customers cannot enable a flag themselves, so
/// the feature is not available to them.
///
/// ## Example
/// ````markdown
/// ## List widgets
///
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed, GitLab Dedicated
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
/// ````
///
/// Use instead:
/// ````markdown
/// ## List widgets
///
/// DETAILS:
/// **Tier:** Free, Premium, Ultimate
/// **Offering:** GitLab.com, GitLab Self-Managed
///
/// > - [Introduced](https://gitlab.com/gitlab-org/gitlab/-/issues/1) in GitLab 17.1 [with a flag](../administration/feature_flags.md) named `widgets_api`. Disabled by default.
/// ````
#[derive(RuleMeta)]
#[rule(code = "AV006", name = "disabled-flag-offering", category = Availability, severity = Warning, fix = None, since = "0.2.0")]
pub struct DisabledFlagOffering;

impl Check for DisabledFlagOffering {
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let page = ctx.page;
        for section in flag_sections(page) {
            let entries = &section.history.entries;
            let disabled = section.flagged.iter().find(|(entry, _)| {
                let at = entries
                    .iter()
                    .position(|e| std::ptr::eq(e, *entry))
                    .unwrap_or(entries.len());
                entry.flag_default == Some(FlagDefault::Disabled)
                    && !entries[at..].iter().skip(1).any(|later| {
                        let lower = later.text.to_ascii_lowercase();
                        lower.contains("enabled") && lower.contains("self-managed")
                    })
            });
            let Some((entry, flag)) = disabled else { continue };
            for details in page
                .all_availability()
                .filter(|a| a.form != AvailabilityForm::Badge && section_of(page, a.range.start()) == section.heading)
            {
                let Some(line) = details
                    .get("Offering")
                    .filter(|l| l.value.value.contains("GitLab Dedicated"))
                else {
                    continue;
                };
                out.push(
                    ctx.report(
                        &Self::META,
                        line.value.range,
                        format!("the feature is behind the flag `{flag}`, disabled by default, but the offering lists GitLab Dedicated"),
                    )
                    .with_secondary(Label::with_message(
                        TextRange::new(entry.range.start(), entry.range.start()),
                        "disabled by default",
                    ))
                    .with_help("remove `GitLab Dedicated` until the flag is enabled on GitLab Self-Managed"),
                );
            }
        }
    }
}
