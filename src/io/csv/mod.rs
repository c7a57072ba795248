//! CSV: the header ([`header`]), then one row at a time, split into cells ([`splitter`]),
//! checked (as many cells as names, UTF-8: a row that is not is that record's error, and
//! the next rows are read), and read as a record ([`row`], its cells by [`cell`]): a map
//! for an entry, or validated straight from its cells.

pub(super) mod cell;
mod header;
pub(super) mod row;
mod splitter;

use std::io::Read;
use std::ops::Range;
use std::sync::Arc;

use self::cell::CellSyntax;
use self::header::{Column, Header};
use self::row::Row;
use self::splitter::{Cells, Splitter};
use super::entry::{CheckedEntry, Entry, Input};
use super::error::{Next, NotUtf8Records, ReadError, RecordError, RecordErrorKind};
use super::options::ReadOptions;
use super::parallel::Arena;
use super::source::{fast_utf8, Source, Utf8Scan};
use crate::validate::Validator;
use crate::Record;

/// The reading of CSV.
pub(super) struct Csv {
    header: Option<Header>,
    /// What each column holds, by the reader's fields (`None`: to map again).
    columns: Option<Vec<Column>>,
    /// The cells of the row being read (reused).
    cells: Cells,
    /// The UTF-8 check of the row's bytes, as they are read.
    utf8: Utf8Scan,
    /// The rows that are not UTF-8.
    not_utf8: NotUtf8Records,
    /// What the rows read whole ([`Csv::next_owned`]) share, made once the columns are
    /// mapped (`None`: to make again).
    shape: Option<Arc<Shape>>,
}

impl Default for Csv {
    fn default() -> Self {
        Csv {
            header: None,
            columns: None,
            cells: Cells::new(0),
            utf8: Utf8Scan::default(),
            not_utf8: NotUtf8Records::default(),
            shape: None,
        }
    }
}

/// What every row of a file shares, to read a row away from the reader (on another
/// thread): the header's names and order, the columns and how cells are written.
pub(crate) struct Shape {
    names: Vec<String>,
    order: Vec<usize>,
    columns: Vec<Column>,
    list_separators: Vec<char>,
    decimal_comma: bool,
}

/// A row that can be read ([`Csv::next_owned`]: as many cells as names, UTF-8), its
/// text and cells' ends in its batch's [`Arena`] (with the shape the rows share):
/// validated or made an entry as the reader would, anywhere.
pub(crate) struct OwnedRow {
    line: u64,
    text: Range<usize>,
    ends: Range<usize>,
}

impl OwnedRow {
    fn row<'a>(&self, arena: &'a Arena) -> Row<'a> {
        let (names, order, columns, list_separators, decimal_comma) = match &arena.shape {
            Some(shape) => (
                &shape.names[..],
                &shape.order[..],
                &shape.columns[..],
                &shape.list_separators[..],
                shape.decimal_comma,
            ),
            None => (&[][..], &[][..], &[][..], &[][..], false),
        };
        Row {
            names,
            order,
            columns,
            text: arena.text.get(self.text.clone()).unwrap_or_default(),
            ends: arena.ends.get(self.ends.clone()).unwrap_or_default(),
            syntax: CellSyntax {
                list_separators,
                decimal_comma,
            },
        }
    }

    /// The row validated as a `T`, as [`Csv::next_checked`] validates it.
    pub(crate) fn check<T: Record>(&self, arena: &Arena, validator: &Validator) -> CheckedEntry<T> {
        CheckedEntry {
            line: self.line,
            checked: self.row(arena).check(validator),
        }
    }

    /// [`OwnedRow::check`] without the record ([`Validator::verdict_json`]).
    pub(crate) fn verdict<T: Record>(
        &self,
        arena: &Arena,
        validator: &Validator,
    ) -> CheckedEntry<()> {
        CheckedEntry {
            line: self.line,
            checked: self.row(arena).verdict::<T>(validator),
        }
    }

    /// The row as an entry, as [`Csv::next_entry`] makes it.
    pub(crate) fn entry(&self, arena: &Arena) -> Entry {
        Entry {
            line: self.line,
            input: Input::Fields(self.row(arena).map()),
        }
    }
}

impl Csv {
    /// The header's names, when it is read.
    pub(super) fn names(&self) -> Option<&[String]> {
        self.header.as_ref().map(|h| &h.names[..])
    }

    /// The header's names as written (duplicates not renamed), when it is read.
    pub(super) fn written_names(&self) -> Option<&[String]> {
        self.header.as_ref().map(|h| &h.written[..])
    }

    /// The line of the header, once read.
    pub(super) fn header_line(&self) -> Option<u64> {
        self.header.as_ref().map(|h| h.line)
    }

    /// Reads the header, unless it is read (it stays unread when the input ends first).
    pub(super) fn read_header<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Result<(), ReadError> {
        if self.header.is_none() {
            self.header = Header::read(src, options.max_record_bytes)?;
        }
        Ok(())
    }

    /// Maps the header's columns to the fields the options read the cells by.
    pub(super) fn map_columns(&mut self, options: &ReadOptions) {
        if let Some(header) = &self.header {
            self.columns = Some(header.columns(options.csv_fields(&header.names)));
        }
    }

    /// Forgets the columns' mapping: the fields changed.
    pub(super) fn forget_columns(&mut self) {
        self.columns = None;
        self.shape = None;
    }

    /// Reads the next row whole, to be validated or made an entry elsewhere
    /// ([`OwnedRow`]): what [`Csv::next_checked`] and [`Csv::next_entry`] read, the same
    /// errors, without reading the cells.
    pub(crate) fn next_owned<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        arena: &mut Arena,
    ) -> Next<OwnedRow> {
        // A batch's rows all have the shape of its first row (made once the header is
        // read, and again after a change of the columns).
        if arena.shape.is_none() && self.prepared(src, options)? {
            arena.shape = Some(self.shape(options));
        }
        self.next(src, options, |row, line| {
            let (text, ends) = (arena.text.len(), arena.ends.len());
            arena.text.push_str(row.text);
            arena.ends.extend_from_slice(row.ends);
            OwnedRow {
                line,
                text: text..arena.text.len(),
                ends: ends..arena.ends.len(),
            }
        })
    }

    /// The header read and its columns mapped, once; `false` when the input has no
    /// header (it is empty).
    fn prepared<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Result<bool, ReadError> {
        self.read_header(src, options)?;
        if self.header.is_none() {
            return Ok(false);
        }
        if self.columns.is_none() {
            self.map_columns(options);
        }
        Ok(true)
    }

    /// The rows' shape, made once the columns are mapped.
    fn shape(&mut self, options: &ReadOptions) -> Arc<Shape> {
        if let Some(shape) = &self.shape {
            return Arc::clone(shape);
        }
        let (names, order, decimal_comma) = match &self.header {
            Some(h) => (h.names.clone(), h.order.clone(), h.delimiter == b';'),
            None => Default::default(),
        };
        let shape = Arc::new(Shape {
            names,
            order,
            columns: self.columns.clone().unwrap_or_default(),
            list_separators: options.csv_list_separators.clone(),
            decimal_comma,
        });
        self.shape = Some(Arc::clone(&shape));
        shape
    }

    /// Reads the next row as an entry.
    pub(super) fn next_entry<R: Read>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
    ) -> Next<Entry> {
        self.next(src, options, |row, line| Entry {
            line,
            input: Input::Fields(row.map()),
        })
    }

    /// Reads the next row and validates it as a `T`, straight from its cells.
    pub(super) fn next_checked<R: Read, T: Record>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        validator: &Validator,
    ) -> Next<CheckedEntry<T>> {
        self.next(src, options, |row, line| CheckedEntry {
            line,
            checked: row.check(validator),
        })
    }

    /// Reads the next row (skipping blank lines), which `make` turns into an item when it
    /// can be read.
    fn next<R: Read, T>(
        &mut self,
        src: &mut Source<R>,
        options: &ReadOptions,
        make: impl FnOnce(&Row<'_>, u64) -> T,
    ) -> Next<T> {
        if !self.prepared(src, options)? {
            return Ok(None);
        }
        let max = options.max_record_bytes;
        let Some(header) = &self.header else {
            return Ok(None);
        };
        let mut splitter = Splitter::new(header.delimiter);
        let cells = &mut self.cells;
        let utf8 = &mut self.utf8;
        loop {
            cells.reset(max);
            splitter.reset();
            utf8.reset();
            let start = src.line;
            let row_offset = src.offset;
            let mut consumed = 0usize;
            let mut ended = false;
            loop {
                let at = src.offset;
                let chunk = src.fill()?;
                if chunk.is_empty() {
                    break;
                }
                let fed = splitter.feed(chunk, cells);
                utf8.feed(chunk.get(..fed.used).unwrap_or_default(), at);
                consumed += fed.used;
                src.advance(fed.used, fed.newlines);
                if fed.ended {
                    ended = true;
                    break;
                }
            }
            if !ended {
                if consumed == 0 {
                    return Ok(None);
                }
                if splitter.in_quotes() {
                    return Err(ReadError::UnclosedQuote { line: start });
                }
                splitter.finish(cells);
            }
            if cells.blank {
                continue;
            }
            utf8.finish();
            let columns = self.columns.as_deref().unwrap_or_default();
            let records = &mut self.not_utf8;
            let not_utf8 = |offset: u64, byte: u8| records.error(start, offset, byte, &cells.bytes);
            let row = row_of(
                header, columns, cells, utf8, row_offset, options, start, not_utf8,
            );
            return Ok(Some(row.map(|row| make(&row, start))));
        }
    }
}

/// A row's cells, checked: as many as the header has names, UTF-8 (`utf8`, the check of
/// the row's bytes as read; `not_utf8` makes the error of the first byte that is not, from
/// its offset in the input and its value).
#[allow(clippy::too_many_arguments)]
fn row_of<'a>(
    header: &'a Header,
    columns: &'a [Column],
    cells: &'a Cells,
    utf8: &Utf8Scan,
    row_offset: u64,
    options: &'a ReadOptions,
    start: u64,
    not_utf8: impl FnOnce(u64, u8) -> RecordError,
) -> Result<Row<'a>, RecordError> {
    if cells.full {
        return Err(RecordError::too_large(
            start,
            None,
            options.max_record_bytes,
        ));
    }
    if cells.ends.len() != header.names.len() {
        let found = cells.ends.len();
        return Err(RecordError::new(
            start,
            RecordErrorKind::CellCount,
            format!(
                "la ligne a {found} cellule{}, l’en-tête en a {}",
                if found > 1 { "s" } else { "" },
                header.names.len()
            ),
        ));
    }
    if let Some((offset, byte)) = utf8.bad {
        return Err(not_utf8(offset, byte));
    }
    // The cells are the row's bytes but for ASCII syntax (quotes, delimiters): UTF-8 when
    // the row is. (Were they not, the error would be at the row's start.)
    let text = fast_utf8(&cells.bytes).map_err(|e| {
        let byte = cells.bytes.get(e.valid_up_to()).copied().unwrap_or(0);
        not_utf8(row_offset, byte)
    })?;
    let syntax = CellSyntax {
        list_separators: &options.csv_list_separators,
        decimal_comma: header.delimiter == b';',
    };
    Ok(Row {
        names: &header.names,
        order: &header.order,
        columns,
        text,
        ends: &cells.ends,
        syntax,
    })
}
