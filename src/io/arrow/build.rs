//! Records into Arrow [`RecordBatch`]es: [`BatchBuilder`].

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, SchemaRef};
use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::schema::{columns, list_item, schema_of, Column, Role, Storage};
use crate::io::publication::Publication;
use crate::spec::FieldSpec;
use crate::Record;

/// Why a record cannot go into a [`RecordBatch`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArrowWriteError {
    /// A record of another type than the first.
    #[error("une table ne peut mêler deux types d’enregistrements ({first} puis {then})")]
    MixedRecords {
        /// The type of the first record.
        first: &'static str,
        /// The type of this one.
        then: &'static str,
    },
    /// A value that the column's type cannot hold (a field the schema does not know that
    /// was a number in the first records, and is text in this one). The record is not
    /// added.
    #[error("enregistrement {record} : la colonne « {column} » est de type {expected}, la valeur {value} n’y tient pas")]
    ColumnType {
        /// The record's position among those added (1-based).
        record: u64,
        /// The column.
        column: String,
        /// Its type.
        expected: &'static str,
        /// The value, as JSON.
        value: String,
    },
    /// A field the schema does not know that the table's columns, fixed by the first
    /// batch, do not have. The record is not added.
    #[error("enregistrement {record} : le champ « {column} » n’est pas une colonne de la table, fixée d’après les premiers enregistrements")]
    UnknownColumn {
        /// The record's position among those added (1-based).
        record: u64,
        /// The field.
        column: String,
    },
    /// A record that does not serialize as a JSON object.
    #[error("enregistrement impossible à écrire : {0}")]
    Json(#[from] serde_json::Error),
    /// Arrow refused the arrays.
    #[error("Arrow : {0}")]
    Arrow(#[from] ArrowError),
}

/// Builds [`RecordBatch`]es of records, in the export's layout ([`schema`](super::schema)),
/// followed by a column for each field of the records' `extra` that the schema does not
/// know.
///
/// The columns are fixed by the first batch: the schema's fields and the publication's
/// columns with their type, then the `extra` fields of the records of that batch, in the
/// order met, each stored by what its values are (all strings: UTF-8; all numbers: 64-bit
/// floats; all booleans; all lists of strings; anything else: each value's JSON text,
/// which the crate's readers read back as it was). A later record whose `extra` field has
/// no column, or a value its column cannot hold, is refused
/// ([`ArrowWriteError::UnknownColumn`], [`ArrowWriteError::ColumnType`]) and not added.
///
/// ```
/// use data_inclusion_schema::io::arrow::BatchBuilder;
/// use data_inclusion_schema::v1::Service;
///
/// let service: Service = serde_json::from_str(r#"{"source": "dora", "structure_id": "dora--s1",
///     "id": "dora--1", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14",
///     "thematiques": ["famille--garde-denfants"], "score_qualite": 0.5, "origine": "import"}"#)?;
/// let mut builder = BatchBuilder::new();
/// builder.push(&service)?;
/// builder.push(&service)?;
/// let batch = builder.finish()?.unwrap();
/// assert_eq!(batch.num_rows(), 2);
/// assert_eq!(batch.schema().fields().last().unwrap().name(), "origine");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct BatchBuilder {
    /// The column order asked for, if any.
    order: Option<Vec<String>>,
    /// The record type of the first record, and its fields.
    record: Option<(&'static str, &'static [FieldSpec])>,
    /// The columns, once fixed (at the first batch).
    columns: Option<Vec<Column>>,
    schema: Option<SchemaRef>,
    /// The records of the batch being built, as JSON objects.
    rows: Vec<Map<String, Value>>,
    /// How many records were added.
    added: u64,
    /// A column left out (a partition key).
    skip: Option<String>,
}

impl BatchBuilder {
    /// A builder whose columns are in the export's order.
    pub fn new() -> Self {
        BatchBuilder::default()
    }

    /// A builder whose columns are in this order (the columns of a file being converted,
    /// say): the named columns first, the schema's fields that it does not name after
    /// them, in the export's order, then the other `extra` fields met.
    pub fn with_columns<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        BatchBuilder {
            order: Some(columns.into_iter().map(Into::into).collect()),
            ..BatchBuilder::default()
        }
    }

    /// Leaves the column `name` out of the batches (the partition key of a dataset).
    pub(crate) fn skip_column(&mut self, name: Option<String>) {
        self.skip = name;
    }

    /// How many records wait for [`BatchBuilder::finish`].
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no record waits.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The schema of the batches, once the first is built.
    pub fn schema(&self) -> Option<SchemaRef> {
        self.schema.clone()
    }

    /// Adds a record to the batch being built; a record that cannot go in is refused (the
    /// builder can go on).
    pub fn push<R: Record>(&mut self, record: &R) -> Result<(), ArrowWriteError> {
        match self.record {
            Some((name, _)) if name != R::NAME => {
                return Err(ArrowWriteError::MixedRecords {
                    first: name,
                    then: R::NAME,
                })
            }
            Some(_) => {}
            None => self.record = Some((R::NAME, R::FIELDS)),
        }
        let Value::Object(mut row) = serde_json::to_value(record)? else {
            return Err(ArrowWriteError::Json(serde::ser::Error::custom(
                "un enregistrement doit s’écrire en objet JSON",
            )));
        };
        if let Some(skip) = &self.skip {
            row.remove(skip);
        }
        let position = self.added + 1;
        let fields = R::FIELDS;
        let publication = Publication::of_fields(fields);
        match &self.columns {
            Some(columns) => {
                for (key, value) in &row {
                    match columns.iter().find(|c| c.name == *key) {
                        Some(c) => fits(c, value, position)?,
                        None if value.is_null() => {}
                        None => {
                            return Err(ArrowWriteError::UnknownColumn {
                                record: position,
                                column: key.clone(),
                            })
                        }
                    }
                }
            }
            None => {
                // The fields and the publication's columns have their type already.
                for (key, value) in &row {
                    if fields.iter().any(|f| f.name == key) {
                        continue;
                    }
                    if let Some(spec) = publication.column(key) {
                        let column = Column {
                            name: key.clone(),
                            role: Role::Extra,
                            storage: Storage::of(&spec.ty),
                        };
                        fits(&column, value, position)?;
                    }
                }
            }
        }
        self.rows.push(row);
        self.added += 1;
        Ok(())
    }

    /// The batch of the records added since the last call (`None` when there is none).
    /// The first call fixes the columns.
    pub fn finish(&mut self) -> Result<Option<RecordBatch>, ArrowWriteError> {
        let Some((_, fields)) = self.record else {
            return Ok(None);
        };
        if self.rows.is_empty() && self.columns.is_some() {
            return Ok(None);
        }
        let columns = match &self.columns {
            Some(columns) => columns,
            None => {
                let columns = self.fix_columns(fields);
                self.schema = Some(Arc::new(schema_of(&columns)));
                self.columns.insert(columns)
            }
        };
        let schema = match &self.schema {
            Some(schema) => schema.clone(),
            None => Arc::new(schema_of(columns)),
        };
        let rows = std::mem::take(&mut self.rows);
        let arrays: Vec<ArrayRef> = columns.iter().map(|c| build(c, &rows)).collect();
        Ok(Some(RecordBatch::try_new(schema, arrays)?))
    }

    /// The columns: the fields and publication columns, in the order asked for or the
    /// export's, then the `extra` fields of the rows waiting, each stored by its values.
    fn fix_columns(&self, fields: &'static [FieldSpec]) -> Vec<Column> {
        let publication = Publication::of_fields(fields);
        let mut columns = columns(fields, self.order.as_deref());
        if let Some(skip) = &self.skip {
            columns.retain(|c| c.name != *skip);
        }
        // The columns named in the order that the schema does not know: stored by their
        // values.
        for c in columns.iter_mut() {
            if matches!(c.role, Role::Extra) && publication.column(&c.name).is_none() {
                c.storage = infer(&self.rows, &c.name);
            }
        }
        // The publication's columns that the records have, in the export's order, then
        // the others, in the order met.
        for spec in publication.columns {
            let had = self.rows.iter().any(|r| r.contains_key(spec.name));
            if had && !columns.iter().any(|c| c.name == spec.name) {
                columns.push(Column {
                    name: spec.name.to_string(),
                    role: Role::Extra,
                    storage: Storage::of(&spec.ty),
                });
            }
        }
        for row in &self.rows {
            for key in row.keys() {
                if columns.iter().any(|c| c.name == *key) {
                    continue;
                }
                columns.push(Column {
                    name: key.clone(),
                    role: Role::Extra,
                    storage: infer(&self.rows, key),
                });
            }
        }
        columns
    }
}

/// How the values of `key` in `rows` are best stored.
fn infer(rows: &[Map<String, Value>], key: &str) -> Storage {
    let mut storage: Option<Storage> = None;
    for value in rows.iter().filter_map(|r| r.get(key)) {
        let this = match value {
            Value::Null => continue,
            Value::String(_) => Storage::Utf8,
            Value::Number(_) => Storage::Float64,
            Value::Bool(_) => Storage::Boolean,
            Value::Array(items) if items.iter().all(|i| i.is_string()) => Storage::ListUtf8,
            _ => return Storage::JsonText,
        };
        match storage {
            None => storage = Some(this),
            Some(s) if s == this => {}
            Some(_) => return Storage::JsonText,
        }
    }
    storage.unwrap_or(Storage::Utf8)
}

/// Whether `value` fits the column (`Ok`), or the error that refuses the record.
fn fits(column: &Column, value: &Value, record: u64) -> Result<(), ArrowWriteError> {
    let ok = match (column.storage, value) {
        (_, Value::Null) => true,
        (Storage::Utf8 | Storage::JsonText, _) => true,
        (Storage::Float64, Value::Number(_)) => true,
        (Storage::Boolean, Value::Bool(_)) => true,
        (Storage::Date32, Value::String(s)) => s.parse::<NaiveDate>().is_ok(),
        (Storage::ListUtf8, Value::Array(_)) => true,
        _ => false,
    };
    if ok {
        return Ok(());
    }
    let expected = match column.storage {
        Storage::Float64 => "nombre",
        Storage::Boolean => "booléen",
        Storage::Date32 => "date",
        Storage::ListUtf8 => "liste de chaînes",
        Storage::Utf8 | Storage::JsonText => "texte",
    };
    let mut shown = value.to_string();
    if shown.len() > 80 {
        let cut = (0..=80)
            .rev()
            .find(|&i| shown.is_char_boundary(i))
            .unwrap_or(0);
        shown.truncate(cut);
        shown.push('…');
    }
    Err(ArrowWriteError::ColumnType {
        record,
        column: column.name.clone(),
        expected,
        value: shown,
    })
}

/// A value as text in a UTF-8 column: a string as it is, anything else as its JSON text.
fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The days from 1970-01-01 to `date`.
fn days(date: NaiveDate) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// The array of a column, from the rows (whose values were checked by [`fits`]).
fn build(column: &Column, rows: &[Map<String, Value>]) -> ArrayRef {
    let values = rows
        .iter()
        .map(|r| r.get(&column.name).unwrap_or(&Value::Null));
    match column.storage {
        Storage::Utf8 => {
            let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
            for v in values {
                match v {
                    Value::Null => b.append_null(),
                    Value::String(s) => b.append_value(s),
                    other => b.append_value(other.to_string()),
                }
            }
            Arc::new(b.finish())
        }
        Storage::JsonText => {
            let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
            for v in values {
                match v {
                    Value::Null => b.append_null(),
                    other => b.append_value(other.to_string()),
                }
            }
            Arc::new(b.finish())
        }
        Storage::Float64 => {
            let mut b = Float64Builder::with_capacity(rows.len());
            for v in values {
                b.append_option(v.as_f64());
            }
            Arc::new(b.finish())
        }
        Storage::Boolean => {
            let mut b = BooleanBuilder::with_capacity(rows.len());
            for v in values {
                b.append_option(v.as_bool());
            }
            Arc::new(b.finish())
        }
        Storage::Date32 => {
            let mut b = Date32Builder::with_capacity(rows.len());
            for v in values {
                b.append_option(
                    v.as_str()
                        .and_then(|s| s.parse::<NaiveDate>().ok())
                        .and_then(days),
                );
            }
            Arc::new(b.finish())
        }
        Storage::ListUtf8 => {
            let mut b = ListBuilder::with_capacity(StringBuilder::new(), rows.len())
                .with_field(list_item());
            for v in values {
                match v {
                    Value::Array(items) => {
                        for item in items {
                            match item {
                                Value::Null => b.values().append_null(),
                                other => b.values().append_value(text(other)),
                            }
                        }
                        b.append(true);
                    }
                    _ => b.append(false),
                }
            }
            Arc::new(b.finish())
        }
    }
}

/// The records as one [`RecordBatch`] ([`BatchBuilder`]): `None` when there is none.
///
/// ```
/// use data_inclusion_schema::io::arrow;
/// use data_inclusion_schema::v1::Structure;
///
/// let structure: Structure = serde_json::from_str(
///     r#"{"source": "dora", "id": "dora--1", "nom": "CCAS", "date_maj": "2025-02-14"}"#,
/// )?;
/// let batch = arrow::to_record_batch(&[structure.clone(), structure])?.unwrap();
/// assert_eq!((batch.num_rows(), batch.num_columns()), (2, 20));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_record_batch<R: Record>(records: &[R]) -> Result<Option<RecordBatch>, ArrowWriteError> {
    let mut builder = BatchBuilder::new();
    for record in records {
        builder.push(record)?;
    }
    builder.finish()
}
