use crate::args::ServerArgs;
use crate::{CliError, ExitStatus};

/// The language server on standard input and output, until the client says `exit`.
pub fn run(_args: &ServerArgs) -> Result<ExitStatus, CliError> {
    match docspec_lsp::run_stdio() {
        Ok(true) => Ok(ExitStatus::Success),
        // The client went away without `shutdown`: the protocol's exit code 1.
        Ok(false) => Ok(ExitStatus::Findings),
        Err(e) => Err(CliError::Output(e)),
    }
}
