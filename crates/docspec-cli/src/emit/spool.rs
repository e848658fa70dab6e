//! Report text that must wait for its document's head (JUnit's counts, SARIF's rule list
//! are known only once every page is linted): a temporary file, so memory stays flat
//! however many findings there are, or memory when no temporary file can be made.

use std::io::{BufRead, BufReader, BufWriter, Cursor, Seek, SeekFrom, Write};

pub enum Spool {
    File(BufWriter<std::fs::File>),
    Memory(Vec<u8>),
}

impl Spool {
    pub fn new() -> Self {
        match tempfile::tempfile() {
            Ok(file) => Spool::File(BufWriter::new(file)),
            Err(_) => Spool::Memory(Vec::new()),
        }
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Spool::File(file) => file.write_all(bytes),
            Spool::Memory(buffer) => {
                buffer.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// What was written, from its start.
    pub fn into_reader(self) -> std::io::Result<Box<dyn BufRead>> {
        Ok(match self {
            Spool::File(file) => {
                let mut file = file.into_inner().map_err(std::io::IntoInnerError::into_error)?;
                file.seek(SeekFrom::Start(0))?;
                Box::new(BufReader::with_capacity(1 << 16, file))
            }
            Spool::Memory(buffer) => Box::new(Cursor::new(buffer)),
        })
    }
}

/// Serializes `value` as serde_json's pretty printer writes it `spaces` deep in a
/// document: pretty JSON has no line end inside a string, so indenting each line is safe.
pub fn pretty_element(value: &impl serde::Serialize, spaces: usize, out: &mut Vec<u8>) {
    let mut text = Vec::new();
    // Serializing plain structs into a Vec cannot fail.
    let _ = serde_json::to_writer_pretty(&mut text, value);
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.resize(out.len() + spaces, b' ');
        out.extend_from_slice(line);
    }
}
