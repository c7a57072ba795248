//! The Arrow schema of a record type, from its field descriptors: the layout of the
//! data.gouv.fr export's Parquet files.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema};

use crate::io::publication::{export_order, Publication};
use crate::spec::{FieldSpec, TypeSpec};
use crate::Record;

/// The metadata key of an Arrow field whose strings are JSON texts (values of a column
/// that are neither all strings, all numbers, all booleans nor all lists of strings): the
/// readers of this crate read them back as the JSON values they were.
pub const JSON_TEXT_METADATA: &str = "data-inclusion:json";

/// How the values of a column are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Storage {
    /// UTF-8 strings; any other value as its JSON text.
    Utf8,
    /// UTF-8 strings holding each value's JSON text ([`JSON_TEXT_METADATA`]).
    JsonText,
    /// 64-bit floats.
    Float64,
    /// Booleans.
    Boolean,
    /// Dates (days since 1970-01-01).
    Date32,
    /// Lists of UTF-8 strings.
    ListUtf8,
}

impl Storage {
    /// How a value of type `ty` is stored in the export's layout.
    pub(crate) fn of(ty: &TypeSpec) -> Storage {
        match ty {
            TypeSpec::String(_) | TypeSpec::Referential { .. } | TypeSpec::DateTime => {
                Storage::Utf8
            }
            // pandas reads an integer column with nulls as float64 (`nombre_semaines`),
            // which pyarrow writes as DOUBLE.
            TypeSpec::Number { .. } | TypeSpec::Integer { .. } => Storage::Float64,
            TypeSpec::Boolean => Storage::Boolean,
            TypeSpec::Date => Storage::Date32,
            TypeSpec::List { item, .. } if textual(item) => Storage::ListUtf8,
            ty if textual(ty) => Storage::Utf8,
            _ => Storage::JsonText,
        }
    }

    /// The Arrow field of a column so stored (nullable, as pandas writes every column).
    pub(crate) fn field(self, name: &str) -> Field {
        match self {
            Storage::Utf8 => Field::new(name, DataType::Utf8, true),
            Storage::JsonText => Field::new(name, DataType::Utf8, true).with_metadata(
                HashMap::from([(JSON_TEXT_METADATA.to_string(), "true".to_string())]),
            ),
            Storage::Float64 => Field::new(name, DataType::Float64, true),
            Storage::Boolean => Field::new(name, DataType::Boolean, true),
            Storage::Date32 => Field::new(name, DataType::Date32, true),
            Storage::ListUtf8 => Field::new(name, list_of_utf8(), true),
        }
    }
}

/// Whether the values of a type are text (strings, referential values, or a choice of
/// them: `zone_eligibilite`'s codes).
fn textual(ty: &TypeSpec) -> bool {
    match ty {
        TypeSpec::String(_) | TypeSpec::Referential { .. } | TypeSpec::DateTime => true,
        TypeSpec::AnyOf(types) => !types.is_empty() && types.iter().all(textual),
        _ => false,
    }
}

/// The item field of a list of strings: `element`, as pyarrow writes Parquet lists (the
/// name the Parquet format's specification gives).
pub(crate) fn list_item() -> Arc<Field> {
    Arc::new(Field::new("element", DataType::Utf8, true))
}

/// A list of nullable UTF-8 strings.
pub(crate) fn list_of_utf8() -> DataType {
    DataType::List(list_item())
}

/// A column of a table of records: its name, what it holds, how it is stored.
#[derive(Clone, Debug)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) role: Role,
    pub(crate) storage: Storage,
}

/// What a column holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Role {
    /// A field of the schema.
    Field,
    /// A column of the publication, or a field the schema does not know.
    Extra,
}

/// The columns of a table of records of `fields`: the schema's fields in the export's
/// order, or in `order` when given (its columns first, those the schema does not know
/// included, in their places; then the fields it does not name, in the export's order).
/// The columns of the records' `extra` that `order` does not name are added by the caller.
pub(crate) fn columns(fields: &'static [FieldSpec], order: Option<&[String]>) -> Vec<Column> {
    let publication = Publication::of_fields(fields);
    let mut out: Vec<Column> = Vec::new();
    let given = order.unwrap_or_default();
    let names = given.iter().map(String::as_str).chain(export_order(fields));
    for name in names {
        if name.is_empty() || out.iter().any(|c| c.name == name) {
            continue;
        }
        if let Some(spec) = fields.iter().find(|f| f.name == name) {
            out.push(Column {
                name: name.to_string(),
                role: Role::Field,
                storage: Storage::of(&spec.ty),
            });
        } else if given.iter().any(|g| g == name) {
            // A column the schema does not know, in its place: a publication column has
            // its type, another is stored by its values (the caller infers it).
            out.push(Column {
                name: name.to_string(),
                role: Role::Extra,
                storage: publication
                    .column(name)
                    .map_or(Storage::Utf8, |spec| Storage::of(&spec.ty)),
            });
        }
    }
    out
}

/// The Arrow schema of a table of `R` records in the export's layout: the schema's fields
/// in the export's order, each nullable; strings
/// (and referential values, and `date-time`s) as UTF-8, lists of them as lists of UTF-8
/// (items named `element`), `date_maj` as a date (`Date32`), numbers and integers as
/// 64-bit floats (pandas reads an integer column with nulls as `float64`, and pyarrow
/// writes it so). The columns of the records' `extra` come after these when the records
/// have them, the publication's first, with their type (`score_qualite`, a 64-bit float,
/// last as in the export; see [`BatchBuilder`](super::BatchBuilder)).
///
/// ```
/// use data_inclusion_schema::io::arrow::{self, arrow_schema::DataType};
/// use data_inclusion_schema::v1::Service;
///
/// let schema = arrow::schema::<Service>();
/// let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
/// assert_eq!(names[..4], ["id", "structure_id", "source", "nom"]);
/// assert_eq!(names.last(), Some(&"nombre_semaines"));
/// assert_eq!(schema.field_with_name("date_maj").unwrap().data_type(), &DataType::Date32);
/// assert_eq!(schema.field_with_name("nombre_semaines").unwrap().data_type(), &DataType::Float64);
/// assert!(matches!(schema.field_with_name("thematiques").unwrap().data_type(), DataType::List(_)));
/// ```
pub fn schema<R: Record>() -> Schema {
    schema_of(&columns(R::FIELDS, None))
}

/// The Arrow schema of these columns.
pub(crate) fn schema_of(columns: &[Column]) -> Schema {
    Schema::new(
        columns
            .iter()
            .map(|c| c.storage.field(&c.name))
            .collect::<Vec<_>>(),
    )
}
