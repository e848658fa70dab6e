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

#[cfg(test)]
mod tests {
    use super::*;

    /// A spool gives back what was written, from a temporary file or from memory (where
    /// it falls back when no temporary file can be made).
    #[test]
    fn both_spools_read_back_what_was_written() {
        let pieces: [&[u8]; 3] = [b"first,\n", b"", &[b'x'; 100_000]];
        for mut spool in [Spool::new(), Spool::Memory(Vec::new())] {
            for piece in pieces {
                spool.write_all(piece).unwrap();
            }
            let mut back = Vec::new();
            spool.into_reader().unwrap().read_to_end(&mut back).unwrap();
            assert_eq!(back, pieces.concat());
        }
    }
}
