//! One item of a reading: [`Item`].

use super::error::{ReadError, RecordError};

/// One item of a [`Reader`](super::Reader) (an [`Entry`](super::Entry)) or of its
/// [`checked`](super::Reader::checked) iterator (a [`CheckedEntry`](super::CheckedEntry)):
/// a record read, a record that cannot be read, or the error that ends the reading.
///
/// Every record of the input gives one item, [`Item::Record`] or [`Item::Unreadable`], and
/// reading goes on after an unreadable record: one bad record hides no other. An
/// [`Item::Stopped`] is the last item: the input cannot be read further (a JSON document
/// that is not UTF-8, a JSON array that never closes, …); the records before it were all
/// given.
///
/// ```
/// use data_inclusion_schema::io::{Format, Item, Reader};
/// use data_inclusion_schema::v1::Service;
/// use data_inclusion_schema::validate::Validator;
///
/// let jsonl = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV", "description": "Un atelier.", "date_maj": "2025-02-14"}
/// {"source": "dora",
/// {"source": "dora", "structure_id": "dora--s1", "id": "dora--2", "nom": "G", "description": "Une crèche.", "date_maj": "2025-02-14"}
/// "#;
/// let validator = Validator::new();
/// let (mut valid, mut invalid, mut unreadable) = (0, 0, 0);
/// for item in Reader::new(jsonl.as_bytes(), Format::JsonLines).checked::<Service>(&validator) {
///     match item {
///         Item::Record(entry) if entry.checked.is_valid() => valid += 1,
///         Item::Record(entry) => {
///             invalid += 1;
///             assert_eq!(entry.line, 3);
///         }
///         Item::Unreadable(error) => {
///             unreadable += 1;
///             assert_eq!(error.line, 2);
///         }
///         Item::Stopped(error) => return Err(error.into()),
///     }
/// }
/// assert_eq!((valid, invalid, unreadable), (1, 1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
#[must_use = "an item is a record, a record that cannot be read, or the error that stops the reading"]
pub enum Item<T> {
    /// A record read.
    Record(T),
    /// A record that cannot be read (a line that is not JSON, a CSV row with too many
    /// cells, a record over the size limit, a JSON line or a CSV row that is not UTF-8, …);
    /// reading goes on after it.
    Unreadable(RecordError),
    /// The error that ends the reading: the last item.
    Stopped(ReadError),
}

impl<T> Item<T> {
    /// The record, if the item is one.
    pub fn record(self) -> Option<T> {
        match self {
            Item::Record(record) => Some(record),
            _ => None,
        }
    }

    /// The record, if the item is one, by reference.
    pub fn as_record(&self) -> Option<&T> {
        match self {
            Item::Record(record) => Some(record),
            _ => None,
        }
    }

    /// Whether this is the error that ends the reading.
    pub fn is_stopped(&self) -> bool {
        matches!(self, Item::Stopped(_))
    }

    /// The item as nested results: `Err` for the error that ends the reading, `Ok(Err)`
    /// for a record that cannot be read.
    pub fn into_result(self) -> Result<Result<T, RecordError>, ReadError> {
        match self {
            Item::Record(record) => Ok(Ok(record)),
            Item::Unreadable(error) => Ok(Err(error)),
            Item::Stopped(error) => Err(error),
        }
    }

    /// The item with `f` applied to its record.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Item<U> {
        match self {
            Item::Record(record) => Item::Record(f(record)),
            Item::Unreadable(error) => Item::Unreadable(error),
            Item::Stopped(error) => Item::Stopped(error),
        }
    }
}

impl<T> From<Result<Result<T, RecordError>, ReadError>> for Item<T> {
    fn from(result: Result<Result<T, RecordError>, ReadError>) -> Item<T> {
        match result {
            Ok(Ok(record)) => Item::Record(record),
            Ok(Err(error)) => Item::Unreadable(error),
            Err(error) => Item::Stopped(error),
        }
    }
}
