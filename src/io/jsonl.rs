//! JSON Lines: one record per line, blank lines skipped; a line over the size limit is
//! skipped without being held in memory; a line that is not UTF-8 is that record's error,
//! and the next lines are read.

use std::io::Read;

use super::entry::{CheckedEntry, Entry};
use super::error::{Next, NotUtf8Records, RecordError};
use super::json::{json_checked, json_entry, trim_json_ws, JsonAt, OwnedJson};
use super::options::ReadOptions;
use super::parallel::Arena;
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
    /// Reads the next line holding a record, as an entry.
    pub(super) fn next_entry<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<Entry> {
        self.next(src, options, json_entry)
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
    pub(super) fn next_owned<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        arena: &mut Arena,
    ) -> Next<OwnedJson> {
        self.next(src, options, |text, at| {
            Ok(OwnedJson::push(arena, text, at))
        })
    }

    /// Reads the next line holding a record; `finish` makes the item of its text.
    fn next<R: Read, T>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Next<T> {
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
            let text = trim_json_ws(&self.buf);
            if text.is_empty() {
                continue;
            }
            let text = match fast_utf8(text) {
                Ok(text) => text,
                Err(e) => return Ok(Some(Err(self.not_utf8(start, offset, e.valid_up_to())))),
            };
            return Ok(Some(finish(
                text,
                JsonAt {
                    line: start,
                    start,
                    in_document: false,
                },
            )));
        }
    }

    /// The error of the line in `buf`, starting on `line` at `offset` in the input, whose
    /// trimmed text is UTF-8 up to `valid` bytes.
    fn not_utf8(&mut self, line: u64, offset: u64, valid: usize) -> RecordError {
        // Where the trimmed text starts in the line (JSON whitespace is ASCII).
        let lead = self
            .buf
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        let at = lead + valid;
        let byte = self.buf.get(at).copied().unwrap_or(0);
        self.not_utf8
            .error(line, offset + at as u64, byte, &self.buf)
    }
}
