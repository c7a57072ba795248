//! The CSV state machine ([`Splitter`]): a row's bytes split into cells ([`Cells`]),
//! quotes, doubled quotes and quoted line breaks read as RFC 4180 says, leniently as most
//! readers do; the runs of bytes that only go into a cell found at once ([`crate::io::scan`]).

use crate::io::scan::{count_newlines, find_any3, find_byte};

/// The cells of one CSV row: their bytes end to end, and where each ends.
pub(super) struct Cells {
    pub(super) bytes: Vec<u8>,
    pub(super) ends: Vec<usize>,
    /// The row's bytes (syntax included) seen so far.
    seen: usize,
    limit: usize,
    /// The row is over the limit: nothing more is kept.
    pub(super) full: bool,
    /// The row is an empty line.
    pub(super) blank: bool,
}

impl Cells {
    pub(super) fn new(limit: usize) -> Self {
        Cells {
            bytes: Vec::new(),
            ends: Vec::new(),
            seen: 0,
            limit,
            full: false,
            blank: true,
        }
    }

    pub(super) fn reset(&mut self, limit: usize) {
        self.bytes.clear();
        self.ends.clear();
        self.seen = 0;
        self.limit = limit;
        self.full = false;
        self.blank = true;
    }

    fn see(&mut self) {
        self.seen += 1;
        if self.seen > self.limit {
            self.full = true;
        }
    }

    fn push(&mut self, b: u8) {
        self.blank = false;
        if !self.full {
            self.bytes.push(b);
        }
    }

    /// Sees then pushes each byte of `run` (non-empty), as [`Cells::see`] then
    /// [`Cells::push`] would byte by byte; when the run goes over the limit, none of it
    /// is kept (once full, the row's bytes no longer matter).
    fn extend(&mut self, run: &[u8]) {
        self.seen = self.seen.saturating_add(run.len());
        if self.seen > self.limit {
            self.full = true;
        }
        self.blank = false;
        if !self.full {
            self.bytes.extend_from_slice(run);
        }
    }

    fn end_cell(&mut self) {
        if !self.full {
            self.ends.push(self.bytes.len());
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CsvSt {
    StartCell,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: the end of the quotes, or the first of `""`.
    QuoteInQuoted,
}

/// The CSV state machine (RFC 4180, lenient as most readers: a quote inside an unquoted
/// cell, or text after a closing quote, is kept as text).
pub(super) struct Splitter {
    delimiter: u8,
    state: CsvSt,
    pending_cr: bool,
}

impl Splitter {
    pub(super) fn new(delimiter: u8) -> Self {
        Splitter {
            delimiter,
            state: CsvSt::StartCell,
            pending_cr: false,
        }
    }

    pub(super) fn reset(&mut self) {
        self.state = CsvSt::StartCell;
        self.pending_cr = false;
    }

    pub(super) fn in_quotes(&self) -> bool {
        self.state == CsvSt::Quoted
    }

    /// Reads bytes up to the end of the row (its `\n`, read): as [`Splitter::step`] on
    /// each byte, but the runs of bytes that only go into the cell (in a quoted cell, up to
    /// the next quote; in an unquoted one, up to the next delimiter or line break) are
    /// found with a word-at-a-time search and copied at once.
    pub(super) fn feed(&mut self, bytes: &[u8], cells: &mut Cells) -> Fed {
        let mut i = 0;
        let mut newlines = 0u64;
        while let Some(rest) = bytes.get(i..).filter(|rest| !rest.is_empty()) {
            let run = match self.state {
                // Every byte up to the quote is cell text, a line break included.
                CsvSt::Quoted => find_byte(rest, b'"'),
                // Every byte up to a delimiter or a line break is cell text, a quote
                // included (kept as text, leniently); a `\r` waiting for its `\n` is
                // left to `step`.
                CsvSt::Unquoted if !self.pending_cr => {
                    find_any3(rest, self.delimiter, b'\n', b'\r')
                }
                _ => 0,
            };
            if run > 0 {
                let text = rest.get(..run).unwrap_or_default();
                if self.state == CsvSt::Quoted {
                    newlines += count_newlines(text);
                }
                cells.extend(text);
                i += run;
                continue;
            }
            let b = rest[0];
            i += 1;
            if b == b'\n' {
                newlines += 1;
            }
            if self.step(b, cells) {
                return Fed {
                    used: i,
                    ended: true,
                    newlines,
                };
            }
        }
        Fed {
            used: i,
            ended: false,
            newlines,
        }
    }

    /// Reads one byte; true at the end of the row (its `\n`).
    fn step(&mut self, b: u8, cells: &mut Cells) -> bool {
        if b != b'\n' || self.state == CsvSt::Quoted {
            cells.see();
        }
        if self.state == CsvSt::Quoted {
            if b == b'"' {
                self.state = CsvSt::QuoteInQuoted;
                cells.blank = false;
            } else {
                cells.push(b);
            }
            return false;
        }
        if self.pending_cr {
            self.pending_cr = false;
            if b != b'\n' {
                cells.push(b'\r');
                self.state = CsvSt::Unquoted;
            }
        }
        match b {
            b'\n' => {
                cells.end_cell();
                self.state = CsvSt::StartCell;
                return true;
            }
            b'\r' => {
                self.pending_cr = true;
                return false;
            }
            _ => {}
        }
        if b == self.delimiter {
            cells.blank = false;
            cells.end_cell();
            self.state = CsvSt::StartCell;
            return false;
        }
        match (self.state, b) {
            (CsvSt::StartCell, b'"') => {
                cells.blank = false;
                self.state = CsvSt::Quoted;
            }
            (CsvSt::QuoteInQuoted, b'"') => {
                cells.push(b'"');
                self.state = CsvSt::Quoted;
            }
            _ => {
                cells.push(b);
                self.state = CsvSt::Unquoted;
            }
        }
        false
    }

    /// Ends the last row at the end of the input (no final line break).
    pub(super) fn finish(&mut self, cells: &mut Cells) {
        self.pending_cr = false;
        cells.end_cell();
    }
}

/// What [`Splitter::feed`] read.
pub(super) struct Fed {
    /// The bytes read.
    pub(super) used: usize,
    /// Whether the row ended (its `\n` is the last byte read).
    pub(super) ended: bool,
    /// The `\n` read.
    pub(super) newlines: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes CSV syntax cares about, and text around them (ASCII and not).
    fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![
            b'a', b'b', b' ', b'"', b',', b';', b'\t', b'\n', b'\r', 0xC3, 0xA9, 0x80,
        ]);
        prop::collection::vec(byte, 0..200)
    }

    /// The bytes and cell ends kept (when not full), the bytes seen, full, blank.
    type Snapshot = (Option<(Vec<u8>, Vec<usize>)>, usize, bool, bool);

    /// Everything a row leaves in its cells, compared whole.
    fn snapshot(cells: &Cells) -> Snapshot {
        let kept = (!cells.full).then(|| (cells.bytes.clone(), cells.ends.clone()));
        (kept, cells.seen, cells.full, cells.blank)
    }

    /// A row: its cells, whether a quote is open, its line breaks.
    type Row = (Snapshot, bool, u64);

    /// The rows of `input`, byte by byte with `step` (the reference).
    fn rows_by_byte(input: &[u8], delimiter: u8, limit: usize) -> Vec<Row> {
        let mut splitter = Splitter::new(delimiter);
        let mut cells = Cells::new(limit);
        let mut rows = Vec::new();
        let mut newlines = 0;
        for &b in input {
            if b == b'\n' {
                newlines += 1;
            }
            if splitter.step(b, &mut cells) {
                rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
                cells.reset(limit);
                splitter.reset();
                newlines = 0;
            }
        }
        rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
        rows
    }

    /// The rows of `input` with `feed`, given in pieces cut at `cuts`.
    fn rows_fed(input: &[u8], cuts: &[usize], delimiter: u8, limit: usize) -> Vec<Row> {
        let mut splitter = Splitter::new(delimiter);
        let mut cells = Cells::new(limit);
        let mut rows = Vec::new();
        let mut newlines = 0;
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c % (input.len() + 1)).collect();
        bounds.push(input.len());
        bounds.sort_unstable();
        let mut at = 0;
        for end in bounds {
            while at < end {
                let fed = splitter.feed(&input[at..end], &mut cells);
                assert!(fed.used > 0 && at + fed.used <= end);
                at += fed.used;
                newlines += fed.newlines;
                if fed.ended {
                    assert_eq!(input[at - 1], b'\n');
                    rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
                    cells.reset(limit);
                    splitter.reset();
                    newlines = 0;
                }
            }
        }
        rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
        rows
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// `feed` splits every input as `step` does byte by byte: the same rows, cells,
        /// bytes seen, limit, blank lines, open quotes and line breaks, wherever the
        /// input is cut into chunks.
        #[test]
        fn feed_is_step_byte_by_byte(
            input in csv_bytes(),
            cuts in prop::collection::vec(any::<usize>(), 0..4),
            delimiter in prop::sample::select(vec![b',', b';', b'\t']),
            limit in prop::sample::select(vec![0, 1, 5, 17, 64, usize::MAX]),
        ) {
            prop_assert_eq!(
                rows_fed(&input, &cuts, delimiter, limit),
                rows_by_byte(&input, delimiter, limit)
            );
        }
    }
}
