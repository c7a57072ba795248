//! The options of a [`Reader`](super::Reader).

use super::format::Kind;
use crate::spec::FieldSpec;
use crate::Record;

/// How a [`Reader`](super::Reader) reads the cells of a CSV row.
///
/// A CSV row is a flattened record: reading it back needs the record's fields, to tell
/// the lists, the numbers and the booleans from the strings.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum CsvCells {
    /// By the fields of the kind of record the header shows ([`Kind::of_columns`]: a
    /// `structure_id` column means services): the default.
    #[default]
    ByDetectedKind,
    /// By these fields ([`Record::FIELDS`]). [`Reader::checked`](super::Reader::checked)
    /// reads by its record type's fields.
    ByFields(&'static [FieldSpec]),
    /// Every cell as a string, no column required (to look at a file as it is written).
    AsStrings,
}

/// Options of a [`Reader`](super::Reader).
///
/// ```
/// use data_inclusion_schema::io::{CsvCells, Kind, ReadOptions};
///
/// let options = ReadOptions::for_kind(Kind::Services).with_max_record_bytes(1 << 20);
/// assert_eq!(options.max_record_bytes, 1 << 20);
/// assert_eq!(options.csv_list_separators, [',', '|']);
/// assert_eq!(ReadOptions::default().csv_cells, CsvCells::ByDetectedKind);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The largest record read, in bytes (default 16 MiB): a larger one is a
    /// [`RecordError`](super::RecordError), skipped without being held in memory.
    pub max_record_bytes: usize,
    /// The characters that separate the items of a CSV list cell written plainly
    /// (`a,b`, `a | b`); default `,` and `|`. JSON arrays and Python list literals are
    /// read whatever these are.
    pub csv_list_separators: Vec<char>,
    /// How CSV cells are read (by default, by the fields of the kind the header shows).
    /// JSON ignores it.
    pub csv_cells: CsvCells,
}

/// 16 MiB.
const DEFAULT_MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            csv_list_separators: vec![',', '|'],
            csv_cells: CsvCells::ByDetectedKind,
        }
    }
}

impl ReadOptions {
    /// The default options with the fields of the record type `R`.
    pub fn for_record<R: Record>() -> Self {
        ReadOptions::default().with_fields(R::FIELDS)
    }

    /// The default options with the fields of `kind`.
    pub fn for_kind(kind: Kind) -> Self {
        ReadOptions::default().with_fields(kind.fields())
    }

    /// Sets [`ReadOptions::max_record_bytes`].
    pub fn with_max_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes;
        self
    }

    /// Sets [`ReadOptions::csv_list_separators`].
    pub fn with_csv_list_separators(mut self, separators: impl IntoIterator<Item = char>) -> Self {
        self.csv_list_separators = separators.into_iter().collect();
        self
    }

    /// Reads CSV cells by these fields ([`CsvCells::ByFields`]).
    pub fn with_fields(mut self, fields: &'static [FieldSpec]) -> Self {
        self.csv_cells = CsvCells::ByFields(fields);
        self
    }

    /// Sets [`ReadOptions::csv_cells`].
    pub fn with_csv_cells(mut self, cells: CsvCells) -> Self {
        self.csv_cells = cells;
        self
    }

    /// The fields CSV cells are read by, for a header whose columns are `names`: `None`
    /// for strings.
    pub(crate) fn csv_fields(&self, names: &[String]) -> Option<&'static [FieldSpec]> {
        match self.csv_cells {
            CsvCells::ByDetectedKind => Some(Kind::of_columns(names).fields()),
            CsvCells::ByFields(fields) => Some(fields),
            CsvCells::AsStrings => None,
        }
    }
}
