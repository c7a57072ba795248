//! The bytes of a Parquet file, read at any offset: a file read in place (positional
//! reads, so that readers of its row groups on several threads do not disturb one
//! another), or bytes in memory.

use std::fs::File;
use std::io::{self, Read};
use std::sync::Arc;

use bytes::Bytes;
use parquet::errors::ParquetError;
use parquet::file::reader::{ChunkReader, Length};

/// Where a Parquet file's bytes are.
#[derive(Clone, Debug)]
pub(crate) enum Chunks {
    /// A file, read in place.
    File { file: Arc<File>, len: u64 },
    /// Bytes in memory.
    Bytes(Bytes),
}

impl Chunks {
    pub(crate) fn file(file: File) -> io::Result<Chunks> {
        let len = file.metadata()?.len();
        Ok(Chunks::File {
            file: Arc::new(file),
            len,
        })
    }
}

/// Reads `buf.len()` bytes of `file` at `offset` (fewer at its end), without moving any
/// cursor.
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        std::os::windows::fs::FileExt::seek_read(file, buf, offset)
    }
    #[cfg(not(any(unix, windows)))]
    {
        use std::io::{Seek, SeekFrom};
        let mut f = file.try_clone()?;
        f.seek(SeekFrom::Start(offset))?;
        f.read(buf)
    }
}

/// A reader of a file from an offset, by positional reads.
pub(crate) struct FileRead {
    file: Arc<File>,
    at: u64,
}

impl Read for FileRead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = read_at(&self.file, buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

/// A reader of either source.
pub(crate) enum ChunkRead {
    File(io::BufReader<FileRead>),
    Bytes(bytes::buf::Reader<Bytes>),
}

impl Read for ChunkRead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            ChunkRead::File(r) => r.read(buf),
            ChunkRead::Bytes(r) => r.read(buf),
        }
    }
}

impl Length for Chunks {
    fn len(&self) -> u64 {
        match self {
            Chunks::File { len, .. } => *len,
            Chunks::Bytes(b) => b.len() as u64,
        }
    }
}

impl ChunkReader for Chunks {
    type T = ChunkRead;

    fn get_read(&self, start: u64) -> parquet::errors::Result<ChunkRead> {
        match self {
            Chunks::File { file, .. } => Ok(ChunkRead::File(io::BufReader::new(FileRead {
                file: file.clone(),
                at: start,
            }))),
            Chunks::Bytes(b) => b.get_read(start).map(ChunkRead::Bytes),
        }
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<Bytes> {
        match self {
            Chunks::File { file, .. } => {
                let mut buf = vec![0u8; length];
                let mut filled = 0;
                while filled < length {
                    let n = read_at(file, &mut buf[filled..], start + filled as u64)
                        .map_err(ParquetError::from)?;
                    if n == 0 {
                        return Err(ParquetError::EOF(format!(
                            "{length} octets attendus à l’octet {start}, {filled} lus"
                        )));
                    }
                    filled += n;
                }
                Ok(buf.into())
            }
            Chunks::Bytes(b) => b.get_bytes(start, length),
        }
    }
}
