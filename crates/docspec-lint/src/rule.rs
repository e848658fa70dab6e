use crate::{LintContext, OptionError, ProjectFile, ProjectInfo, RuleMeta, RuleMetadata};
use docspec_diagnostics::Diagnostic;

/// The check of one rule; `#[derive(RuleMeta)]` supplies the rest.
pub trait Check {
    /// Looks at one page and pushes findings.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);

    /// A checker that sees the pages of a run one by one, in order, for checks across
    /// pages (duplicate operations, index coverage). `None` for page-only rules.
    fn project(&self) -> Option<Box<dyn ProjectCheck>> {
        None
    }

    /// Checks the `options:` the configuration gives the rule; a rule without options
    /// accepts none. Rules with options use [`crate::options::check`].
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError> {
        crate::options::none(options)
    }
}

/// The cross-page state of one rule during one run. Pages come in run order, as small
/// summaries; a page's findings may depend on that page, the pages before it and the
/// run's index pages, so each page's report is complete when the page is handed in.
pub trait ProjectCheck: Send {
    fn page(&mut self, project: &ProjectInfo<'_>, file: &ProjectFile<'_>, out: &mut Vec<Diagnostic>);
}

/// A registered rule: its metadata and its check.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMetadata;
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
    fn project(&self) -> Option<Box<dyn ProjectCheck>>;
    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError>;
}

impl<T: RuleMeta + Check + Send + Sync> Rule for T {
    fn meta(&self) -> &'static RuleMetadata {
        <T as RuleMeta>::META_REF
    }

    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        Check::check(self, ctx, out);
    }

    fn project(&self) -> Option<Box<dyn ProjectCheck>> {
        Check::project(self)
    }

    fn check_options(&self, options: &serde_json::Map<String, serde_json::Value>) -> Result<(), OptionError> {
        Check::check_options(self, options)
    }
}
