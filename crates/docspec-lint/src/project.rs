use crate::LintSettings;
use docspec_model::{Page, SourceFile};

/// One page of a multi-page run.
pub struct ProjectFile<'a> {
    pub source: &'a SourceFile,
    pub page: &'a Page,
    pub settings: &'a LintSettings,
}

/// All pages of a run, for checks that compare pages.
pub struct ProjectContext<'a> {
    pub files: &'a [ProjectFile<'a>],
    /// File name of the page that lists all resources (`api_resources.md`).
    pub index_page: Option<&'a str>,
}
