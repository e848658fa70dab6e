use std::path::PathBuf;

/// How a run ended: 0 clean, 1 findings at or above the threshold, 2 usage, config or I/O error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Findings,
    Usage,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Usage => 2,
        }
    }
}

/// Errors that stop a run (exit code 2). Findings are not errors.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}: no such file or directory")]
    NotFound(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    #[error(transparent)]
    Config(#[from] docspec_config::ConfigError),
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Render(#[from] docspec_html::RenderError),
}

impl From<docspec_workspace::FileError> for CliError {
    fn from(e: docspec_workspace::FileError) -> Self {
        match e {
            docspec_workspace::FileError::NotFound(path) => CliError::NotFound(path),
            docspec_workspace::FileError::Io { path, source } => CliError::Io { path, source },
        }
    }
}

impl CliError {
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
