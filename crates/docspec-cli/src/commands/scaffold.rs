use crate::args::ScaffoldArgs;
use crate::{CliError, ExitStatus};
use std::io::Write;

pub fn run(_args: &ScaffoldArgs, _out: &mut dyn Write, _err: &mut dyn Write) -> Result<ExitStatus, CliError> {
    Err(CliError::Usage("scaffold: in progress".to_string()))
}
