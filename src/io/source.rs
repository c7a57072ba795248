//! The bytes of the input: one fixed buffer over the reader and the physical line reached
//! ([`Source`]), the byte-order mark, and the UTF-8 checks whose error says at which line
//! the input stops being UTF-8 and what it seems encoded in.

use std::io::{self, Read};

use super::error::{windows_1252, Encoding, ReadError};

/// The size of the read buffer.
const CHUNK: usize = 64 * 1024;

/// A byte source: one fixed buffer over the reader, and the physical line reached.
///
/// The formats read it chunk by chunk ([`Source::fill`]), consume what they have read
/// ([`Source::advance`]) and count the line breaks they consume themselves, as they scan.
pub(super) struct Source<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    eof: bool,
    /// Whether the byte-order mark was looked for ([`Source::start`]).
    started: bool,
    /// The current physical line (1-based).
    pub(super) line: u64,
}

impl<R: Read> Source<R> {
    pub(super) fn new(inner: R) -> Self {
        Source {
            inner,
            buf: vec![0; CHUNK].into_boxed_slice(),
            pos: 0,
            len: 0,
            eof: false,
            started: false,
            line: 1,
        }
    }

    /// Skips a UTF-8 byte-order mark; refuses UTF-16. Once, before the first byte is
    /// read: later calls do nothing.
    pub(super) fn start(&mut self) -> Result<(), ReadError> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let line = self.line;
        let head = self.prefix(3)?;
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.advance(3, 0);
        } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(ReadError::NotUtf8 {
                line,
                byte: head[0],
                encoding: Some(Encoding::Utf16),
            });
        }
        Ok(())
    }

    /// The bytes available, read from the input when there are none (empty at the end).
    pub(super) fn fill(&mut self) -> Result<&[u8], ReadError> {
        if self.pos >= self.len && !self.eof {
            self.pos = 0;
            self.len = 0;
            let n =
                read_retrying(&mut self.inner, &mut self.buf).map_err(|source| ReadError::Io {
                    line: self.line,
                    source,
                })?;
            if n == 0 {
                self.eof = true;
            }
            self.len = n;
        }
        Ok(self.buf.get(self.pos..self.len).unwrap_or_default())
    }

    /// At least `n` bytes available, unless the input ends first.
    pub(super) fn prefix(&mut self, n: usize) -> Result<&[u8], ReadError> {
        self.prefix_io(n).map_err(|source| ReadError::Io {
            line: self.line,
            source,
        })?;
        Ok(self.buf.get(self.pos..self.len).unwrap_or_default())
    }

    fn prefix_io(&mut self, n: usize) -> io::Result<()> {
        if self.len - self.pos < n && !self.eof {
            self.buf.copy_within(self.pos..self.len, 0);
            self.len -= self.pos;
            self.pos = 0;
            while self.len < n && !self.eof {
                let got = read_retrying(&mut self.inner, &mut self.buf[self.len..])?;
                if got == 0 {
                    self.eof = true;
                }
                self.len += got;
            }
        }
        Ok(())
    }

    /// Consumes `n` bytes, holding `newlines` line breaks.
    pub(super) fn advance(&mut self, n: usize, newlines: u64) {
        self.pos = (self.pos + n).min(self.len);
        self.line += newlines;
    }

    /// Every byte left in the input (for a format read from its end: Parquet).
    #[cfg(feature = "parquet")]
    pub(super) fn read_to_end(&mut self) -> Result<Vec<u8>, ReadError> {
        let mut bytes = self
            .buf
            .get(self.pos..self.len)
            .unwrap_or_default()
            .to_vec();
        self.pos = self.len;
        if !self.eof {
            self.inner
                .read_to_end(&mut bytes)
                .map_err(|source| ReadError::Io {
                    line: self.line,
                    source,
                })?;
            self.eof = true;
        }
        Ok(bytes)
    }

    /// The next character, for a message (`'?'` when it is not UTF-8).
    pub(super) fn first_char(&mut self) -> char {
        match self.prefix(4) {
            Ok(bytes) => String::from_utf8_lossy(bytes).chars().next().unwrap_or('?'),
            Err(_) => '?',
        }
    }
}

fn read_retrying<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// `std::str::from_utf8`, with vector instructions for valid input (`simdutf8`); the
/// standard library describes the errors.
fn fast_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// The bytes as UTF-8, or the error at its line (`start` is the line of the first byte).
pub(super) fn utf8(bytes: &[u8], start: u64) -> Result<&str, ReadError> {
    fast_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = start + before.iter().filter(|&&b| b == b'\n').count() as u64;
        not_utf8(bytes, e, line)
    })
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, line: u64) -> ReadError {
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
    let encoding = if byte >= 0x80 && windows_1252(byte).is_some() {
        Some(Encoding::Windows1252)
    } else {
        None
    };
    ReadError::NotUtf8 {
        line,
        byte,
        encoding,
    }
}
