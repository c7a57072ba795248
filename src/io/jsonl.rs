//! JSON Lines: one record per line, blank lines skipped; a line over the size limit is
//! skipped without being held in memory; a line that is not UTF-8 is that record's error,
//! and the next lines are read.

use std::io::Read;

use super::entry::{CheckedEntry, Entry, Input};
use super::error::{Next, NotUtf8Records, RecordError};
use super::json::{
    json_checked, json_entry, json_record_syntax, json_ws_trimmed, JsonAt, OwnedJson,
};
use super::options::ReadOptions;
use super::parallel::{Arena, BATCH_BYTES};
use super::source::{fast_utf8, Source};
use crate::validate::Validator;
use crate::Record;

/// The reading of JSON Lines.
#[derive(Default)]
pub(super) struct Lines {
    /// The line being read (reused).
    buf: Vec<u8>,
    /// The lines that are not UTF-8.
    not_utf8: NotUtf8Records,
}

impl Lines {
    /// Reads the next line holding a record, as an entry. A line of [`BATCH_BYTES`] or
    /// more becomes the entry's text as it is, not copied.
    pub(super) fn next_entry<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<Entry> {
        let (text, at) = match self.read(src, options)? {
            None => return Ok(None),
            Some(Err(e)) => return Ok(Some(Err(e))),
            Some(Ok(read)) => read,
        };
        if text.len() < BATCH_BYTES {
            return Ok(Some(json_entry(text, at)));
        }
        if let Err(e) = json_record_syntax(text, at) {
            return Ok(Some(Err(e)));
        }
        let range = json_ws_trimmed(&self.buf);
        let text = match self.take_line(Vec::new()) {
            Some(mut line) => {
                line.truncate(range.end);
                line.drain(..range.start);
                line
            }
            None => String::from_utf8_lossy(&self.buf[range]).into_owned(),
        };
        Ok(Some(Ok(Entry {
            line: at.line,
            input: Input::Json(text),
        })))
    }

    /// Reads the next line holding a record and validates it as a `T`.
    pub(super) fn next_checked<R: Read, T: Record>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        validator: &Validator,
    ) -> Next<CheckedEntry<T>> {
        self.next(src, options, |text, at| json_checked(text, at, validator))
    }

    /// Reads the next line holding a record whole, to be validated or made an entry
    /// elsewhere ([`OwnedJson`]).
    ///
    /// A line that fills a batch by itself ([`BATCH_BYTES`] or more) and starts one (the
    /// arena is empty) becomes the arena's text as it is, not copied: a record just under
    /// the size limit costs its size once while it is read, not twice.
    pub(super) fn next_owned<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        arena: &mut Arena,
    ) -> Next<OwnedJson> {
        let (text, at) = match self.read(src, options)? {
            None => return Ok(None),
            Some(Err(e)) => return Ok(Some(Err(e))),
            Some(Ok(read)) => read,
        };
        if !arena.text.is_empty() || text.len() < BATCH_BYTES {
            return Ok(Some(Ok(OwnedJson::push(arena, text, at))));
        }
        let range = json_ws_trimmed(&self.buf);
        let spare = std::mem::take(&mut arena.text).into_bytes();
        match self.take_line(spare) {
            Some(line) => {
                arena.text = line;
                Ok(Some(Ok(OwnedJson::in_arena(range, at))))
            }
            None => {
                let text = String::from_utf8_lossy(&self.buf[range]);
                Ok(Some(Ok(OwnedJson::push(arena, &text, at))))
            }
        }
    }

    /// The line read, taken as a `String` (`buf` is left with `spare`); `None`, `buf`
    /// kept, if it is not UTF-8, which [`Lines::read`] has made sure of (its trimmed text
    /// checked, the rest JSON whitespace).
    fn take_line(&mut self, spare: Vec<u8>) -> Option<String> {
        let line = std::mem::replace(&mut self.buf, spare);
        match String::from_utf8(line) {
            Ok(line) => Some(line),
            Err(e) => {
                self.buf = e.into_bytes();
                None
            }
        }
    }

    /// Reads the next line holding a record; `finish` makes the item of its text.
    fn next<R: Read, T>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Next<T> {
        Ok(match self.read(src, options)? {
            None => None,
            Some(Err(e)) => Some(Err(e)),
            Some(Ok((text, at))) => Some(finish(text, at)),
        })
    }

    /// Reads the next line holding a record into `buf`: its text (JSON whitespace
    /// trimmed, UTF-8 checked), and where it is in the input.
    fn read<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<(&str, JsonAt)> {
        let max = options.max_record_bytes;
        loop {
            let start = src.line;
            let offset = src.offset;
            self.buf.clear();
            let mut too_large = false;
            let mut any = false;
            loop {
                let chunk = src.fill()?;
                if chunk.is_empty() {
                    break;
                }
                any = true;
                let (take, newline) = match memchr::memchr(b'\n', chunk) {
                    Some(i) => (i, true),
                    None => (chunk.len(), false),
                };
                if !too_large {
                    if self.buf.len() + take > max {
                        too_large = true;
                    } else {
                        self.buf.extend_from_slice(&chunk[..take]);
                    }
                }
                src.advance(take + usize::from(newline), u64::from(newline));
                if newline {
                    break;
                }
            }
            if !any {
                return Ok(None);
            }
            if too_large {
                return Ok(Some(Err(RecordError::too_large(start, None, max))));
            }
            let range = json_ws_trimmed(&self.buf);
            if range.is_empty() {
                continue;
            }
            let at = JsonAt {
                line: start,
                start,
                in_document: false,
            };
            let Lines { buf, not_utf8 } = self;
            return Ok(Some(match fast_utf8(&buf[range]) {
                Ok(text) => Ok((text, at)),
                Err(e) => Err(not_utf8_error(
                    not_utf8,
                    buf,
                    start,
                    offset,
                    e.valid_up_to(),
                )),
            }));
        }
    }
}

/// The error of the line `buf`, starting on `line` at `offset` in the input, whose
/// trimmed text is UTF-8 up to `valid` bytes.
fn not_utf8_error(
    records: &mut NotUtf8Records,
    buf: &[u8],
    line: u64,
    offset: u64,
    valid: usize,
) -> RecordError {
    // Where the trimmed text starts in the line (JSON whitespace is ASCII).
    let lead = buf
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .count();
    let at = lead + valid;
    let byte = buf.get(at).copied().unwrap_or(0);
    records.error(line, offset + at as u64, byte, buf)
}
