//! The options of a [`Reader`](super::Reader).

use super::format::Kind;
use crate::spec::FieldSpec;
use crate::Record;

/// Options of a [`Reader`](super::Reader).
///
/// ```
/// use data_inclusion_schema::io::{Kind, ReadOptions};
///
/// let options = ReadOptions::for_kind(Kind::Services).with_max_record_bytes(1 << 20);
/// assert_eq!(options.max_record_bytes, 1 << 20);
/// assert_eq!(options.csv_list_separators, [',', '|']);
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
    /// The fields of the record type ([`Record::FIELDS`]), which CSV reading needs to
    /// tell lists, numbers and required columns. Without them (the default), every CSV
    /// cell is read as a string, and no column is required. JSON ignores them.
    pub fields: Option<&'static [FieldSpec]>,
}

/// 16 MiB.
const DEFAULT_MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            csv_list_separators: vec![',', '|'],
            fields: None,
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

    /// Sets [`ReadOptions::fields`].
    pub fn with_fields(mut self, fields: &'static [FieldSpec]) -> Self {
        self.fields = Some(fields);
        self
    }
}
