use std::path::PathBuf;

/// A path that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
