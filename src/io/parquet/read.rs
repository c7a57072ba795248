//! The reading of a Parquet file, one row at a time, batch by batch (within the row groups
//! asked for): what [`Reader`](crate::io::Reader) asks for the next record.

use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use super::source::Chunks;
use super::{ParquetFile, BATCH_ROWS};
use crate::io::arrow::rows::{BatchRows, Plan};
use crate::io::entry::{CheckedEntry, Entry, Input};
use crate::io::error::{Next, ReadError, RecordError, RecordErrorKind};
use crate::io::options::{CsvCells, ReadOptions};
use crate::spec::FieldSpec;
use crate::validate::Validator;
use crate::Record;

/// The reading of a Parquet input.
pub(crate) enum Rows {
    /// The input is to be read into memory first (a Parquet file is read from its end).
    Pending,
    /// Reading.
    Open(Box<Open>),
    /// Read to its end, or stopped.
    Done,
}

/// A Parquet file being read.
pub(crate) struct Open {
    file: ParquetFile,
    /// The row groups to read, in order.
    groups: Vec<usize>,
    /// The next of `groups` to read.
    next_group: usize,
    /// The batches of the row group being read.
    batches: Option<ParquetRecordBatchReader>,
    /// The batch being read, its plan, and the next row in it.
    batch: Option<(RecordBatch, Plan)>,
    row: usize,
    /// The row number (1-based, in the file) of the batch's first row.
    batch_first: u64,
    /// The row number of the next row of the row group being read.
    group_next: u64,
    /// The fields the columns are read by, for the plans.
    fields: Option<&'static [FieldSpec]>,
}

impl Rows {
    /// The reading of `groups` of `file`.
    pub(crate) fn of_file(file: ParquetFile, groups: Vec<usize>) -> Rows {
        Rows::Open(Box::new(Open {
            file,
            groups,
            next_group: 0,
            batches: None,
            batch: None,
            row: 0,
            batch_first: 1,
            group_next: 1,
            fields: None,
        }))
    }

    /// The file, once open.
    pub(crate) fn file(&self) -> Option<&ParquetFile> {
        match self {
            Rows::Open(open) => Some(&open.file),
            _ => None,
        }
    }

    /// Opens the input when it is pending: `bytes` reads it all.
    pub(crate) fn open_with(
        &mut self,
        bytes: impl FnOnce() -> Result<Vec<u8>, ReadError>,
    ) -> Result<(), ReadError> {
        if let Rows::Pending = self {
            *self = Rows::Done;
            let file = ParquetFile::from_chunks(Chunks::Bytes(bytes()?.into()))?;
            let groups = (0..file.row_groups().len()).collect();
            *self = Rows::of_file(file, groups);
        }
        Ok(())
    }

    /// Reads the next row as an entry.
    pub(crate) fn next_entry(&mut self, options: &ReadOptions) -> Next<Entry> {
        self.next(options, |rows, i, line| {
            rows.map(i)
                .map(|map| Entry {
                    line,
                    input: Input::Fields(map),
                })
                .map_err(|message| RecordError::new(line, RecordErrorKind::InvalidValue, message))
        })
    }

    /// Reads the next row and validates it as a `T`, straight from its cells.
    pub(crate) fn next_checked<T: Record>(
        &mut self,
        options: &ReadOptions,
        validator: &Validator,
    ) -> Next<CheckedEntry<T>> {
        self.next(options, |rows, i, line| {
            rows.check::<T>(i, validator)
                .map(|checked| CheckedEntry { line, checked })
                .map_err(|message| RecordError::new(line, RecordErrorKind::InvalidValue, message))
        })
    }

    /// The next row, made an item by `make` (the rows of the batch, the row's index in
    /// it, its number in the file).
    fn next<T>(
        &mut self,
        options: &ReadOptions,
        make: impl FnOnce(&BatchRows<'_>, usize, u64) -> Result<T, RecordError>,
    ) -> Next<T> {
        let Rows::Open(open) = self else {
            return Ok(None);
        };
        let fields = match options.csv_cells {
            CsvCells::AsStrings => None,
            CsvCells::ByFields(fields) => Some(fields),
            CsvCells::ByDetectedKind => {
                Some(crate::io::Kind::of_columns(open.file.columns()).fields())
            }
        };
        match open.next_row(fields) {
            Ok(Some((batch, plan, i, line))) => {
                let rows = BatchRows::new(batch, plan);
                Ok(Some(make(&rows, i, line)))
            }
            Ok(None) => {
                *self = Rows::Done;
                Ok(None)
            }
            Err(e) => {
                *self = Rows::Done;
                Err(e)
            }
        }
    }
}

impl Open {
    /// The next row: its batch, the batch's plan, its index in the batch and its number
    /// in the file.
    fn next_row(
        &mut self,
        fields: Option<&'static [FieldSpec]>,
    ) -> Result<Option<(&RecordBatch, &Plan, usize, u64)>, ReadError> {
        if self.fields.map(|f| f as *const [FieldSpec]) != fields.map(|f| f as *const [FieldSpec]) {
            // Read by other fields from now on: the plan again.
            self.fields = fields;
            if let Some((batch, _)) = self.batch.take() {
                let plan = Plan::new(&batch, fields).map_err(ReadError::parquet)?;
                self.batch = Some((batch, plan));
            }
        }
        loop {
            let exhausted = match &self.batch {
                Some((batch, _)) => self.row >= batch.num_rows(),
                None => true,
            };
            if !exhausted {
                break;
            }
            let Some(batch) = self.next_batch()? else {
                return Ok(None);
            };
            let plan = Plan::new(&batch, self.fields).map_err(ReadError::parquet)?;
            self.batch_first = self.group_next;
            self.group_next += batch.num_rows() as u64;
            self.batch = Some((batch, plan));
            self.row = 0;
        }
        let i = self.row;
        self.row += 1;
        let line = self.batch_first + i as u64;
        Ok(self
            .batch
            .as_ref()
            .map(|(batch, plan)| (batch, plan, i, line)))
    }

    /// The next batch of the row groups asked for.
    fn next_batch(&mut self) -> Result<Option<RecordBatch>, ReadError> {
        loop {
            if let Some(batches) = &mut self.batches {
                match batches.next() {
                    Some(Ok(batch)) => return Ok(Some(batch)),
                    Some(Err(e)) => return Err(ReadError::parquet_at(self.group_next, e)),
                    None => self.batches = None,
                }
            }
            let Some(&group) = self.groups.get(self.next_group) else {
                return Ok(None);
            };
            self.next_group += 1;
            self.group_next = self
                .file
                .row_groups()
                .get(group)
                .map_or(self.group_next, |g| g.first_row);
            let builder = ParquetRecordBatchReaderBuilder::new_with_metadata(
                self.file.chunks.clone(),
                self.file.metadata.clone(),
            );
            let batches = builder
                .with_batch_size(BATCH_ROWS)
                .with_row_groups(vec![group])
                .build()
                .map_err(|e| ReadError::parquet_at(self.group_next, e))?;
            self.batches = Some(batches);
        }
    }
}
