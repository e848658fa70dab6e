use crate::{LintContext, OptionError, ProjectContext, RuleMeta, RuleMetadata};
use docspec_diagnostics::Diagnostic;

/// The check of one rule; `#[derive(RuleMeta)]` supplies the rest.
pub trait Check {
    /// Looks at one page and pushes findings.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);

    /// Looks at all pages of a run together (duplicate operations, index coverage).
    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>) {
        let _ = (project, out);
    }

    /// Checks the `options:` the configuration gives the rule; a rule without options
    /// accepts none. Rules with options use [`crate::options::check`].
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError> {
        crate::options::none(options)
    }
}

/// A registered rule: its metadata and its check.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMetadata;
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>);
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError>;
}

impl<T: RuleMeta + Check + Send + Sync> Rule for T {
    fn meta(&self) -> &'static RuleMetadata {
        <T as RuleMeta>::META_REF
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        Check::check(self, ctx, out);
    }

    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>) {
        Check::check_project(self, project, out);
    }

    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError> {
        Check::check_options(self, options)
    }
}
