use crate::{Check, LintContext, RuleMeta};
use docspec_diagnostics::Diagnostic;
use docspec_model::TextRange;

/// ## What it does
/// Reports a Markdown file docspec could not read as a page: it is not UTF-8, or it is
/// larger than the size limit. The CLI raises it; no page content is checked.
///
/// ## Why is this bad?
/// The docs toolchain expects UTF-8 Markdown; a file in another encoding shows
/// garbled text, and a huge file is almost always generated output committed by
/// mistake.
///
/// ## Example
/// ```markdown
/// (a file saved as Latin-1: caf\xe9)
/// ```
///
/// Use instead:
/// ```markdown
/// (the same file saved as UTF-8: café)
/// ```
#[derive(RuleMeta)]
#[rule(code = "DS003", name = "unreadable-file", category = Docspec, severity = Error, fix = None, since = "0.1.0")]
pub struct UnreadableFile;

impl UnreadableFile {
    /// The finding for a file that could not be read, at its first byte.
    pub fn diagnostic(message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        let meta = &<Self as RuleMeta>::META;
        Diagnostic::new(
            meta.code,
            meta.name,
            meta.default_severity,
            message,
            TextRange::empty(0),
        )
        .with_help(help)
    }
}

impl Check for UnreadableFile {
    fn check(&self, _ctx: &LintContext<'_>, _out: &mut Vec<Diagnostic>) {
        // Raised by the CLI before parsing; a parsed page was readable.
    }
}
