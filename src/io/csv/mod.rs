//! CSV: the header ([`header`]), then one row at a time, split into cells ([`splitter`]),
//! checked (as many cells as names, UTF-8), and read as a record ([`row`], its cells by
//! [`cell`]): a map for an entry, or validated straight from its cells.

pub(super) mod cell;
mod header;
pub(super) mod row;
mod splitter;

use std::io::Read;

use self::cell::CellSyntax;
use self::header::{Column, Header};
use self::row::Row;
use self::splitter::{Cells, Splitter};
use super::entry::{CheckedEntry, Entry, Input};
use super::error::{Next, ReadError, RecordError, RecordErrorKind};
use super::options::ReadOptions;
use super::source::{utf8, Source};
use crate::validate::Validator;
use crate::Record;

/// The reading of CSV.
pub(super) struct Csv {
    header: Option<Header>,
    /// What each column holds, by the reader's fields (`None`: to map again).
    columns: Option<Vec<Column>>,
    /// The cells of the row being read (reused).
    cells: Cells,
}

impl Default for Csv {
    fn default() -> Self {
        Csv {
            header: None,
            columns: None,
            cells: Cells::new(0),
        }
    }
}

impl Csv {
    /// The header's names, when it is read.
    pub(super) fn names(&self) -> Option<&[String]> {
        self.header.as_ref().map(|h| &h.names[..])
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
        if self.header.is_none() {
            self.read_header(src, options)?;
            if self.header.is_none() {
                return Ok(None);
            }
        }
        if self.columns.is_none() {
            self.map_columns(options);
        }
        let max = options.max_record_bytes;
        let Some(header) = &self.header else {
            return Ok(None);
        };
        let mut splitter = Splitter::new(header.delimiter);
        let cells = &mut self.cells;
        loop {
            cells.reset(max);
            splitter.reset();
            let start = src.line;
            let mut consumed = 0usize;
            let mut ended = false;
            loop {
                let chunk = src.fill()?;
                if chunk.is_empty() {
                    break;
                }
                let fed = splitter.feed(chunk, cells);
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
            let columns = self.columns.as_deref().unwrap_or_default();
            let row = row_of(header, columns, cells, start, options)?;
            return Ok(Some(row.map(|row| make(&row, start))));
        }
    }
}

/// A row's cells, checked: as many as the header has names, UTF-8.
fn row_of<'a>(
    header: &'a Header,
    columns: &'a [Column],
    cells: &'a Cells,
    start: u64,
    options: &'a ReadOptions,
) -> Result<Result<Row<'a>, RecordError>, ReadError> {
    if cells.full {
        return Ok(Err(RecordError::too_large(
            start,
            None,
            options.max_record_bytes,
        )));
    }
    if cells.ends.len() != header.names.len() {
        let found = cells.ends.len();
        return Ok(Err(RecordError::new(
            start,
            RecordErrorKind::CellCount,
            format!(
                "la ligne a {found} cellule{}, l’en-tête en a {}",
                if found > 1 { "s" } else { "" },
                header.names.len()
            ),
        )));
    }
    let text = utf8(&cells.bytes, start)?;
    let syntax = CellSyntax {
        list_separators: &options.csv_list_separators,
        decimal_comma: header.delimiter == b';',
    };
    Ok(Ok(Row {
        names: &header.names,
        order: &header.order,
        columns,
        text,
        ends: &cells.ends,
        syntax,
    }))
}
