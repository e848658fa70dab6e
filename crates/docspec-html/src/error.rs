//! What can go wrong while loading a theme or writing a site.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("theme file {}: {reason}", path.display())]
    ThemeFile { path: PathBuf, reason: String },

    #[error("refusing to overwrite {}: eject into an empty folder or remove the file first", path.display())]
    WouldOverwrite { path: PathBuf },

    #[error("template {file} does not parse: {source}")]
    TemplateSyntax {
        file: String,
        #[source]
        source: Box<minijinja::Error>,
    },

    #[error("rendering {page} failed in template {file}: {detail}")]
    Render {
        page: String,
        file: String,
        /// The error with the template line it is on.
        detail: String,
        #[source]
        source: Box<minijinja::Error>,
    },

    #[error("page path {path:?} cannot be written inside the output folder: {reason}")]
    PagePath { path: String, reason: &'static str },

    #[error("pages {first:?} and {second:?} would both be written to {output}")]
    PathCollision {
        first: String,
        second: String,
        output: String,
    },

    #[error("cannot serialize the search index: {0}")]
    SearchIndex(#[from] serde_json::Error),
}

impl RenderError {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        RenderError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
