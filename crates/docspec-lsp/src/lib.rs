//! `docspec server`: a language server over stdio. It lints the page being edited
//! through the same library calls as `docspec lint` (`check_page`, `check_project`,
//! `finish`; configuration discovered with `docspec-config`), with the cross-page rules
//! run over the files on disk plus the open buffers, and offers the rules' fixes,
//! suppressions, hover and an outline.
//!
//! The transport is our own (`transport.rs`) over `lsp-server`'s message types: a
//! malformed message gets a JSON-RPC error instead of ending the server, and a
//! `Content-Length` is never trusted with an allocation.

mod actions;
mod analysis;
mod convert;
mod documents;
mod hover;
mod lines;
mod server;
mod symbols;
mod transport;

pub use server::Options;

use std::io::{BufRead, Write};

/// Serves on standard input and output. `Ok(true)` after `shutdown` then `exit`,
/// `Ok(false)` when the client left without `shutdown`.
pub fn run_stdio() -> std::io::Result<bool> {
    let stdin = std::io::stdin();
    serve(std::io::BufReader::new(stdin), std::io::stdout())
}

/// Serves on any pair of streams (tests use pipes).
pub fn serve<R, W>(reader: R, writer: W) -> std::io::Result<bool>
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let (incoming, outgoing, writer_thread) = transport::start(reader, writer);
    let clean = server::Server::new(outgoing).run(&incoming);
    writer_thread
        .join()
        .map_err(|_| std::io::Error::other("the writer thread panicked"))??;
    Ok(clean)
}
