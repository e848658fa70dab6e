//! The `docspec` command line. Only this crate knows terminals, colors and exit codes.

mod adoption;
mod args;
mod cache;
mod commands;
mod emit;
mod error;
mod files;
mod fingerprint;
mod stream;
mod workspace;

pub use args::{Args, Command, ServerArgs};
pub use error::{CliError, ExitStatus};

#[doc(hidden)]
pub use emit::human::drawn_as_miette;

use std::io::Write;

/// Runs one command, writing to `out` and `err`; never panics on user input.
pub fn run(args: Args, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let result = match args.command {
        Command::Lint(a) => commands::lint::run(&a, out, err),
        Command::Inspect(a) => commands::inspect::run(&a, out),
        Command::Rules(a) => commands::rules::run(&a, out),
        Command::Explain(a) => commands::explain::run(&a, out),
        Command::Openapi(a) => commands::openapi::run(&a, out, err),
        Command::Render(a) => commands::render::run(&a, err),
        Command::Build(a) => commands::build::run(&a, out, err),
        Command::Server(a) => commands::server::run(&a),
        Command::Drift(a) => commands::drift::run(&a, out, err),
        Command::Scaffold(a) => commands::scaffold::run(&a, out, err),
    };
    match result {
        Ok(status) => status,
        Err(e) => {
            if e.is_broken_pipe() {
                return ExitStatus::Success;
            }
            let _ = writeln!(err, "docspec: error: {e}");
            ExitStatus::Usage
        }
    }
}

/// `docspec server`: runs on the process's standard input and output, which the caller
/// must not hold locked.
pub fn serve(args: &ServerArgs) -> ExitStatus {
    match commands::server::run(args) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("docspec: error: {e}");
            ExitStatus::Usage
        }
    }
}
