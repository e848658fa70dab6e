use crate::{LintContext, ProjectContext, RuleMeta, RuleMetadata};
use docspec_diagnostics::Diagnostic;

/// The check of one rule; `#[derive(RuleMeta)]` supplies the rest.
pub trait Check {
    /// Looks at one page and pushes findings. Rules whose findings another command makes
    /// (`Category::is_external`) keep this empty default.
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
        let _ = (ctx, out);
    }

    /// Looks at all pages of a run together (duplicate operations, index coverage).
    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>) {
        let _ = (project, out);
    }
}

/// A registered rule: its metadata and its check.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMetadata;
    fn check(&self, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>);
    fn check_project(&self, project: &ProjectContext<'_>, out: &mut Vec<(usize, Diagnostic)>);
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
}
