//! The bytes of the input: one fixed buffer over the reader, the physical line and the
//! offset reached ([`Source`]), the byte-order mark, and the UTF-8 checks: of a whole
//! input (whose error says at which line it stops being UTF-8 and what it seems encoded
//! in), and of one record's bytes as they are read ([`Utf8Scan`]).

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
    /// The bytes consumed: the offset in the input of the next byte.
    pub(super) offset: u64,
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
            offset: 0,
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
        let to = (self.pos + n).min(self.len);
        self.offset += (to - self.pos) as u64;
        self.pos = to;
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
pub(super) fn fast_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
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

/// The UTF-8 check of one record's bytes, given in pieces as they are read (a CSV row may
/// span chunks of the input): the first byte that is not UTF-8, and its offset in the
/// input. A character cut between two pieces is checked once the next piece comes.
#[derive(Default)]
pub(super) struct Utf8Scan {
    /// The first bytes of a character cut at the end of the last piece (at most 3).
    cut: Vec<u8>,
    /// The offset of `cut`'s first byte.
    cut_at: u64,
    /// The first byte that is not UTF-8: its offset in the input, and its value.
    pub(super) bad: Option<(u64, u8)>,
}

impl Utf8Scan {
    /// Ready for the next record.
    pub(super) fn reset(&mut self) {
        self.cut.clear();
        self.bad = None;
    }

    /// Checks the next piece of the record, whose first byte is at offset `at`.
    pub(super) fn feed(&mut self, mut bytes: &[u8], mut at: u64) {
        if self.bad.is_some() || bytes.is_empty() {
            return;
        }
        if let Some(&lead) = self.cut.first() {
            // The rest of the cut character: its length is told by its first byte (a
            // valid lead byte, or it would not have been kept).
            let len = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let take = (len - self.cut.len()).min(bytes.len());
            self.cut
                .extend_from_slice(bytes.get(..take).unwrap_or_default());
            bytes = bytes.get(take..).unwrap_or_default();
            at += take as u64;
            match std::str::from_utf8(&self.cut) {
                Ok(_) => self.cut.clear(),
                Err(e) if e.error_len().is_some() => {
                    let i = e.valid_up_to();
                    self.bad = Some((self.cut_at + i as u64, self.cut[i]));
                    return;
                }
                // Still cut: this piece was too short to complete it.
                Err(_) => return,
            }
        }
        if let Err(e) = fast_utf8(bytes) {
            let i = e.valid_up_to();
            let rest = bytes.get(i..).unwrap_or_default();
            match e.error_len() {
                Some(_) => self.bad = rest.first().map(|&b| (at + i as u64, b)),
                None => {
                    self.cut.extend_from_slice(rest);
                    self.cut_at = at + i as u64;
                }
            }
        }
    }

    /// The end of the record: a character still cut is not UTF-8.
    pub(super) fn finish(&mut self) {
        if self.bad.is_none() {
            if let Some(&b) = self.cut.first() {
                self.bad = Some((self.cut_at, b));
            }
        }
        self.cut.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first byte of `bytes` that is not UTF-8, by the standard library.
    fn first_bad(bytes: &[u8]) -> Option<(u64, u8)> {
        std::str::from_utf8(bytes)
            .err()
            .map(|e| (e.valid_up_to() as u64, bytes[e.valid_up_to()]))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Wherever the bytes are cut into pieces, the scan finds the byte the standard
        /// library finds on the whole, at its offset.
        #[test]
        fn the_scan_in_pieces_finds_what_the_whole_check_finds(
            bytes in prop::collection::vec(
                prop::sample::select(vec![b'a', b'"', b'\n', 0x00, 0x80, 0xA9, 0xBF, 0xC3, 0xC0, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]),
                0..40,
            ),
            cuts in prop::collection::vec(any::<usize>(), 0..6),
            start in 0u64..1000,
        ) {
            let mut bounds: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
            bounds.push(0);
            bounds.push(bytes.len());
            bounds.sort_unstable();
            let mut scan = Utf8Scan::default();
            for w in bounds.windows(2) {
                scan.feed(&bytes[w[0]..w[1]], start + w[0] as u64);
            }
            scan.finish();
            prop_assert_eq!(scan.bad, first_bad(&bytes).map(|(i, b)| (start + i, b)));
        }
    }

    #[test]
    fn a_character_cut_between_pieces_is_whole() {
        let mut scan = Utf8Scan::default();
        scan.feed(b"cr\xC3", 10);
        scan.feed(b"\xA8che", 13);
        scan.finish();
        assert_eq!(scan.bad, None);
        scan.reset();
        scan.feed(b"cr\xE8", 10);
        scan.feed(b"che", 13);
        scan.finish();
        assert_eq!(scan.bad, Some((12, 0xE8)));
    }
}
