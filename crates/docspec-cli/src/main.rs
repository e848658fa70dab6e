use clap::Parser;

// Parsing allocates many small strings; mimalloc serves them much faster than glibc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = docspec_cli::Args::parse();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let status = docspec_cli::run(args, &mut out, &mut err);
    ExitCode::from(status.code())
}
