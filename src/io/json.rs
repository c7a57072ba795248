//! JSON documents: an array of records, read one element at a time without parsing it
//! (depth, strings and escapes tracked, the element's text kept), or one record (an
//! object). And what both JSON formats make of a record's text: its syntax checked
//! ([`json_syntax`]), an entry, or a checked entry.

use std::io::Read;

use super::entry::{CheckedEntry, Entry, Input};
use super::error::{Next, ReadError, RecordError, RecordErrorKind};
use super::options::ReadOptions;
use super::parallel::Arena;
use super::source::{utf8, Source};
use crate::validate::Validator;
use crate::Record;

/// The reading of a JSON document.
#[derive(Default)]
pub(super) struct Document {
    phase: Phase,
    /// The line of the `[` or `{` that opens the document.
    open_line: u64,
    /// The position of the last element read in the array.
    position: u64,
    /// Whether the element read when the input ended is a whole value.
    complete: bool,
    /// The element being read (reused).
    buf: Vec<u8>,
    /// Whether the array is inside a larger document (a GeoJSON FeatureCollection's
    /// `features`): its reading ends at its `]`, what follows is the caller's.
    embedded: bool,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Phase {
    #[default]
    Start,
    Array,
    Single,
    /// The array's last element is read, the input has ended: the error is next.
    Unclosed,
    End,
}

/// How an array element ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Comma,
    Close,
}

impl Document {
    /// The reading of an array inside a larger document, after its `[` (on `open_line`):
    /// it ends at the array's `]`.
    #[cfg(feature = "geojson")]
    pub(super) fn in_array(open_line: u64) -> Document {
        Document {
            phase: Phase::Array,
            open_line,
            embedded: true,
            ..Document::default()
        }
    }

    /// Reads the next element of the document as an entry.
    pub(super) fn next_entry<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<Entry> {
        self.next(src, options, json_entry)
    }

    /// Reads the next element of the document and validates it as a `T`.
    pub(super) fn next_checked<R: Read, T: Record>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        validator: &Validator,
    ) -> Next<CheckedEntry<T>> {
        self.next(src, options, |text, at| json_checked(text, at, validator))
    }

    /// Reads the next element of the document whole, to be validated or made an entry
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

    /// Reads the next element of the document; `finish` makes the item of its text.
    pub(super) fn next<R: Read, T>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Next<T> {
        let max = options.max_record_bytes;
        loop {
            match self.phase {
                Phase::Start => {
                    let Some(b) = skip_ws(src)? else {
                        return Ok(None);
                    };
                    match b {
                        b'[' => {
                            src.advance(1, 0);
                            self.open_line = src.line;
                            self.phase = Phase::Array;
                        }
                        b'{' => {
                            self.open_line = src.line;
                            self.phase = Phase::Single;
                        }
                        _ => {
                            return Err(ReadError::NotArrayOrObject {
                                line: src.line,
                                found: src.first_char(),
                            })
                        }
                    }
                }
                Phase::Array => {
                    if skip_ws(src)?.is_none() {
                        return Err(ReadError::UnclosedArray {
                            line: self.open_line,
                            end: src.line,
                        });
                    }
                    let start = src.line;
                    let (end, too_large) = self.scan_element(src, max, false)?;
                    let end = match end {
                        Some(end) => end,
                        // The input ends after a whole element: it is read, then the
                        // error is given.
                        None if self.complete => {
                            self.phase = Phase::Unclosed;
                            End::Comma
                        }
                        None => {
                            return Err(ReadError::UnclosedArray {
                                line: self.open_line,
                                end: src.line,
                            })
                        }
                    };
                    let text_len = trim_json_ws(&self.buf).len();
                    if end == End::Close {
                        self.phase = Phase::End;
                        if text_len == 0 && !too_large {
                            // `[]`, or a trailing comma: no record.
                            continue;
                        }
                    }
                    self.position += 1;
                    let position = self.position;
                    if too_large {
                        return Ok(Some(Err(RecordError::too_large(
                            position,
                            Some(start),
                            max,
                        ))));
                    }
                    if text_len == 0 {
                        return Ok(Some(Err(RecordError::in_document(
                            position,
                            start,
                            RecordErrorKind::EmptyElement,
                            "élément vide dans le tableau JSON".to_string(),
                        ))));
                    }
                    return Ok(Some(self.finish_element(position, start, finish)));
                }
                Phase::Single => {
                    let start = src.line;
                    let (end, too_large) = self.scan_element(src, max, true)?;
                    if end.is_none() {
                        return Err(ReadError::UnclosedObject {
                            line: self.open_line,
                            end: src.line,
                        });
                    }
                    self.phase = Phase::End;
                    if too_large {
                        return Ok(Some(Err(RecordError::too_large(1, Some(start), max))));
                    }
                    return Ok(Some(self.finish_element(1, start, finish)));
                }
                Phase::Unclosed => {
                    return Err(ReadError::UnclosedArray {
                        line: self.open_line,
                        end: src.line,
                    })
                }
                Phase::End if self.embedded => return Ok(None),
                Phase::End => {
                    return match skip_ws(src)? {
                        None => Ok(None),
                        Some(_) => Err(ReadError::TrailingData { line: src.line }),
                    };
                }
            }
        }
    }

    /// The element in the buffer, at `position`, made an item by `finish`.
    fn finish_element<T>(
        &self,
        position: u64,
        start: u64,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Result<T, RecordError> {
        let text = trim_json_ws(&self.buf);
        // UTF-8 was checked by scan_element.
        let text = std::str::from_utf8(text).unwrap_or_default();
        finish(
            text,
            JsonAt {
                line: position,
                start,
                in_document: true,
            },
        )
    }

    /// Reads one element of the array (up to a `,` or the `]` at its level, which is
    /// consumed), or the whole object (`single`), into the buffer, tracking depth, strings
    /// and escapes ([`Nesting`]). Returns how it ended (`None`: the input ended first; then
    /// `self.complete` says whether what was read is a whole value, brackets and quotes
    /// closed) and whether it was larger than `max` (then the buffer holds only its
    /// beginning).
    fn scan_element<R: Read>(
        &mut self,
        src: &mut Source<R>,
        max: usize,
        single: bool,
    ) -> Result<(Option<End>, bool), ReadError> {
        let start = src.line;
        self.buf.clear();
        let mut too_large = false;
        let mut nesting = Nesting::default();
        loop {
            let chunk = src.fill()?;
            if chunk.is_empty() {
                self.complete =
                    nesting.closed() && (too_large || !trim_json_ws(&self.buf).is_empty());
                if self.complete && !too_large {
                    utf8(&self.buf, start)?;
                }
                return Ok((None, too_large));
            }
            let scanned = nesting.feed(chunk, single);
            let take = scanned.end.map_or(chunk.len(), |stop| stop.take);
            if !too_large {
                if self.buf.len() + take > max {
                    too_large = true;
                } else {
                    self.buf
                        .extend_from_slice(chunk.get(..take).unwrap_or_default());
                }
            }
            let skip = scanned.end.map_or(0, |stop| stop.skip);
            src.advance(take + skip, scanned.newlines);
            if let Some(stop) = scanned.end {
                if !too_large {
                    utf8(&self.buf, start)?;
                }
                return Ok((Some(stop.how), too_large));
            }
        }
    }
}

/// Where the scan of an element stands: its depth of arrays and objects, whether it is in
/// a string, and after a backslash there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Nesting {
    depth: usize,
    in_string: bool,
    escape: bool,
}

/// Where an element ends in the bytes read: its bytes (`take`), then `skip` bytes consumed
/// with it (the `,` or `]` after an array element).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stop {
    take: usize,
    how: End,
    skip: usize,
}

/// What [`Nesting::feed`] read.
struct Scanned {
    /// Where the element ends, if it does in the bytes read.
    end: Option<Stop>,
    /// The `\n` read (up to the end).
    newlines: u64,
}

impl Nesting {
    /// Whether what was read is a whole value, brackets and quotes closed.
    fn closed(&self) -> bool {
        self.depth == 0 && !self.in_string
    }

    /// Reads the byte `b`, at `i` in the bytes read: where the element ends if it does
    /// there (in an array, at a `,` or the `]` at its level; the whole object, `single`, at
    /// its closing brace).
    fn step(&mut self, b: u8, i: usize, single: bool) -> Option<Stop> {
        if self.in_string {
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
            }
            return None;
        }
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth = self.depth.saturating_add(1),
            b'}' | b']' if self.depth > 0 => {
                self.depth -= 1;
                if self.depth == 0 && single {
                    return Some(Stop {
                        take: i + 1,
                        how: End::Close,
                        skip: 0,
                    });
                }
            }
            b']' if !single => {
                return Some(Stop {
                    take: i,
                    how: End::Close,
                    skip: 1,
                })
            }
            b',' if self.depth == 0 && !single => {
                return Some(Stop {
                    take: i,
                    how: End::Comma,
                    skip: 1,
                })
            }
            _ => {}
        }
        None
    }

    /// Reads `bytes` up to the element's end: as [`Nesting::step`] on each byte, but the
    /// runs of bytes in a string that change nothing (up to the next quote, backslash or
    /// line break) are skipped at once, with `memchr3` (strings hold most of a record's
    /// bytes, in runs long enough for its vector search).
    fn feed(&mut self, bytes: &[u8], single: bool) -> Scanned {
        let mut newlines = 0;
        let mut i = 0;
        while let Some(rest) = bytes.get(i..) {
            if self.in_string && !self.escape {
                i += memchr::memchr3(b'"', b'\\', b'\n', rest).unwrap_or(rest.len());
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b == b'\n' {
                newlines += 1;
            }
            if let Some(stop) = self.step(b, i, single) {
                return Scanned {
                    end: Some(stop),
                    newlines,
                };
            }
            i += 1;
        }
        Scanned {
            end: None,
            newlines,
        }
    }
}

/// Skips JSON whitespace; the next byte, not consumed (`None` at the end).
pub(super) fn skip_ws<R: Read>(src: &mut Source<R>) -> Result<Option<u8>, ReadError> {
    loop {
        let chunk = src.fill()?;
        if chunk.is_empty() {
            return Ok(None);
        }
        let mut newlines = 0;
        let mut found = None;
        let mut i = 0;
        while i < chunk.len() {
            match chunk[i] {
                b'\n' => newlines += 1,
                b' ' | b'\t' | b'\r' => {}
                b => {
                    found = Some(b);
                    break;
                }
            }
            i += 1;
        }
        src.advance(i, newlines);
        if found.is_some() {
            return Ok(found);
        }
    }
}

/// Trims JSON whitespace at both ends.
pub(super) fn trim_json_ws(bytes: &[u8]) -> &[u8] {
    bytes.get(json_ws_trimmed(bytes)).unwrap_or_default()
}

/// Where `bytes` without the JSON whitespace around them are.
pub(super) fn json_ws_trimmed(bytes: &[u8]) -> std::ops::Range<usize> {
    let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let start = bytes.iter().position(|b| !ws(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !ws(b)).map_or(start, |i| i + 1);
    start..end
}

/// Where a JSON record is: `line` as [`Entry::line`]; `start`, the physical line where it
/// starts; `in_document`, whether `line` is a position in a JSON document.
#[derive(Clone, Copy)]
pub(super) struct JsonAt {
    pub(super) line: u64,
    pub(super) start: u64,
    pub(super) in_document: bool,
}

/// Whether `text` is one JSON value (`NaN` and `Infinity` allowed, as validation reads
/// them); otherwise the French message, with the physical line when `with_line` (the
/// value starts on line `start`).
fn json_syntax(text: &str, start: u64, with_line: bool) -> Result<(), String> {
    if crate::validate::fast::plainly_json(text) {
        return Ok(());
    }
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let result = jiter.next_skip().and_then(|()| jiter.finish());
    result.map_err(|e| {
        let at = jiter::LinePosition::find(text.as_bytes(), e.index);
        let line = start + at.line as u64 - 1;
        let limit = match e.error_type {
            jiter::JiterErrorType::JsonError(jiter::JsonErrorType::RecursionLimitExceeded) => {
                " (plus de 200 niveaux de tableaux et d’objets imbriqués)"
            }
            jiter::JiterErrorType::JsonError(jiter::JsonErrorType::NumberOutOfRange) => {
                " (un entier a au plus 4300 chiffres)"
            }
            _ => "",
        };
        if with_line {
            format!(
                "JSON invalide (ligne {line}, colonne {}) : {}{limit}",
                at.column, e.error_type
            )
        } else {
            format!(
                "JSON invalide (colonne {}) : {}{limit}",
                at.column, e.error_type
            )
        }
    })
}

/// Whether the text of a JSON record is JSON, as a [`RecordError`] where it is not.
pub(super) fn json_record_syntax(text: &str, at: JsonAt) -> Result<(), RecordError> {
    json_syntax(text, at.start, at.in_document).map_err(|message| {
        if at.in_document {
            RecordError::in_document(at.line, at.start, RecordErrorKind::InvalidJson, message)
        } else {
            RecordError::new(at.line, RecordErrorKind::InvalidJson, message)
        }
    })
}

/// The text of a JSON record as an entry, or why it is not JSON.
pub(super) fn json_entry(text: &str, at: JsonAt) -> Result<Entry, RecordError> {
    json_record_syntax(text, at)?;
    Ok(Entry {
        line: at.line,
        input: Input::Json(text.to_string()),
    })
}

/// The text of a JSON record validated as a `T`: what [`json_entry`] then [`Input::check`]
/// give, without the entry's copy of the text, and without a separate syntax check when
/// the single pass accepts the record. The record's text is validated where it lies: its
/// syntax is checked apart only when the single pass gives up (which it does on anything
/// jiter would refuse).
pub(super) fn json_checked<T: Record>(
    text: &str,
    at: JsonAt,
    validator: &Validator,
) -> Result<CheckedEntry<T>, RecordError> {
    let checked = validator.check_json_read(text, || json_record_syntax(text, at))?;
    Ok(CheckedEntry {
        line: at.line,
        checked,
    })
}

/// [`json_checked`] without the record ([`Validator::verdict_json`]).
pub(super) fn json_verdict<T: Record>(
    text: &str,
    at: JsonAt,
    validator: &Validator,
) -> Result<CheckedEntry<()>, RecordError> {
    let checked = validator.verdict_json_read::<T, _>(text, || json_record_syntax(text, at))?;
    Ok(CheckedEntry {
        line: at.line,
        checked,
    })
}

/// The text of a JSON record read whole, in its batch's [`Arena`]: validated or made an
/// entry as the reader would ([`json_checked`], [`json_entry`]), anywhere (on another
/// thread).
pub(crate) struct OwnedJson {
    text: std::ops::Range<usize>,
    at: JsonAt,
}

impl OwnedJson {
    /// The record whose text is already in its arena, at `text`.
    pub(super) fn in_arena(text: std::ops::Range<usize>, at: JsonAt) -> OwnedJson {
        OwnedJson { text, at }
    }

    /// The record's `text` written at the end of `arena`.
    pub(super) fn push(arena: &mut Arena, text: &str, at: JsonAt) -> OwnedJson {
        let start = arena.text.len();
        arena.text.push_str(text);
        OwnedJson {
            text: start..arena.text.len(),
            at,
        }
    }

    /// Its text, in the arena it was written to.
    fn text<'a>(&self, arena: &'a Arena) -> &'a str {
        arena.text.get(self.text.clone()).unwrap_or_default()
    }

    /// The record validated as a `T` ([`json_checked`]).
    pub(crate) fn check<T: Record>(
        &self,
        arena: &Arena,
        validator: &Validator,
    ) -> Result<CheckedEntry<T>, RecordError> {
        json_checked(self.text(arena), self.at, validator)
    }

    /// The record's verdict and problems ([`json_verdict`]).
    pub(crate) fn verdict<T: Record>(
        &self,
        arena: &Arena,
        validator: &Validator,
    ) -> Result<CheckedEntry<()>, RecordError> {
        json_verdict::<T>(self.text(arena), self.at, validator)
    }

    /// The record as an entry ([`json_entry`]).
    pub(crate) fn entry(self, arena: &Arena) -> Result<Entry, RecordError> {
        json_entry(self.text(arena), self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes JSON syntax cares about, and text around them (ASCII and not).
    fn json_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![
            b'a', b' ', b'"', b'\\', b'\n', b'[', b']', b'{', b'}', b',', b':', 0xC3, 0xA9,
        ]);
        prop::collection::vec(byte, 0..200)
    }

    /// An element: where it ends in the input (`None`: the input ended first), how, its
    /// line breaks, and the scan's state there.
    type Element = (usize, Option<End>, u64, Nesting);

    /// The elements of `input`, byte by byte with `step` (the reference).
    fn elements_by_byte(input: &[u8], single: bool) -> Vec<Element> {
        let mut elements = Vec::new();
        let (mut nesting, mut newlines, mut from, mut i) = (Nesting::default(), 0, 0, 0);
        while let Some(&b) = input.get(i) {
            if b == b'\n' {
                newlines += 1;
            }
            match nesting.step(b, i - from, single) {
                Some(stop) => {
                    elements.push((from + stop.take, Some(stop.how), newlines, nesting));
                    from += stop.take + stop.skip;
                    (nesting, newlines, i) = (Nesting::default(), 0, from);
                }
                None => i += 1,
            }
        }
        elements.push((input.len(), None, newlines, nesting));
        elements
    }

    /// The elements of `input` with `feed`, given in pieces cut at `cuts`.
    fn elements_fed(input: &[u8], cuts: &[usize], single: bool) -> Vec<Element> {
        let mut elements = Vec::new();
        let (mut nesting, mut newlines, mut at) = (Nesting::default(), 0, 0);
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c % (input.len() + 1)).collect();
        bounds.push(input.len());
        bounds.sort_unstable();
        for end in bounds {
            while at < end {
                let scanned = nesting.feed(&input[at..end], single);
                newlines += scanned.newlines;
                match scanned.end {
                    Some(stop) => {
                        assert!(stop.take + stop.skip > 0 && at + stop.take + stop.skip <= end);
                        elements.push((at + stop.take, Some(stop.how), newlines, nesting));
                        at += stop.take + stop.skip;
                        (nesting, newlines) = (Nesting::default(), 0);
                    }
                    None => at = end,
                }
            }
        }
        elements.push((input.len(), None, newlines, nesting));
        elements
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// `feed` ends every element where `step` does byte by byte, with the same line
        /// breaks and the same state, wherever the input is cut into chunks.
        #[test]
        fn feed_is_step_byte_by_byte(
            input in json_bytes(),
            cuts in prop::collection::vec(any::<usize>(), 0..4),
            single in any::<bool>(),
        ) {
            prop_assert_eq!(elements_fed(&input, &cuts, single), elements_by_byte(&input, single));
        }
    }
}
