use clap::Parser;

// Pages are many small allocations; jemalloc serves them with far fewer instructions
// than the system allocator and gives freed memory back.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = docspec_cli::Args::parse();
    // The language server writes to stdout from its own thread: no lock may be held here.
    if let docspec_cli::Command::Server(server) = &args.command {
        return ExitCode::from(docspec_cli::serve(server).code());
    }
    // Reports are many small writes: buffer them instead of a syscall per line. The
    // handles stay unlocked between writes: held here, they would make any `eprintln!`
    // on a worker thread wait for this thread, which waits for the workers.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut err = std::io::BufWriter::new(std::io::stderr());
    let status = docspec_cli::run(args, &mut out, &mut err);
    use std::io::Write;
    // A closed pipe (`docspec lint | head`) is not an error.
    let _ = out.flush();
    let _ = err.flush();
    ExitCode::from(status.code())
}
