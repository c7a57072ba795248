//! Arrow [`RecordBatch`]es read as records: each row's members, in the order of their
//! names, read as cells (strings borrowed from the arrays), then validated straight from
//! them (the single pass) or as a map (an [`Entry`](crate::io::Entry), the full check).

use std::borrow::Cow;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Decimal256Type, Float16Type, Float32Type, Float64Type,
    Int16Type, Int32Type, Int64Type, Int8Type, Time32MillisecondType, Time32SecondType,
    Time64MicrosecondType, Time64NanosecondType, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Field, TimeUnit};
use chrono::{NaiveDateTime, Timelike};
use serde_json::{Map, Number, Value};

use super::schema::JSON_TEXT_METADATA;
use crate::io::csv::cell::{cell_of, Cell, CellSyntax};
use crate::io::csv::row::RowSource;
use crate::io::publication::Publication;
use crate::spec::{FieldSpec, TypeSpec};
use crate::validate::{Checked, Validator};
use crate::Record;

/// Why the columns of a batch cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("colonne « {column} » : type Arrow {data_type} non pris en charge")]
#[non_exhaustive]
pub struct UnsupportedColumn {
    /// The column.
    pub column: String,
    /// Its Arrow type, as Arrow writes it.
    pub data_type: String,
}

/// What the reader does with a column.
#[derive(Clone, Copy)]
enum Role {
    Field(&'static FieldSpec),
    /// A column of the publication: read by its type when it holds text.
    Published(&'static FieldSpec),
    Extra,
}

/// Strings of a column, borrowed.
enum Strings<'b> {
    Utf8(&'b arrow_array::StringArray),
    LargeUtf8(&'b arrow_array::LargeStringArray),
    View(&'b arrow_array::StringViewArray),
    /// A dictionary of strings: each row's index into the values.
    Dictionary {
        keys: &'b [usize],
        values: Box<Strings<'b>>,
    },
}

impl<'b> Strings<'b> {
    /// The strings of an array, when it holds strings (`keys`: a dictionary's keys, as
    /// [`dictionary_keys`] gives them).
    fn of(array: &'b dyn Array, keys: Option<&'b [usize]>) -> Option<Strings<'b>> {
        Some(match array.data_type() {
            DataType::Utf8 => Strings::Utf8(array.as_string_opt::<i32>()?),
            DataType::LargeUtf8 => Strings::LargeUtf8(array.as_string_opt::<i64>()?),
            DataType::Utf8View => Strings::View(array.as_string_view_opt()?),
            DataType::Dictionary(_, _) => {
                let dictionary = array.as_any_dictionary_opt()?;
                Strings::Dictionary {
                    keys: keys?,
                    values: Box::new(Strings::of(dictionary.values().as_ref(), None)?),
                }
            }
            _ => return None,
        })
    }

    /// The string at `i` (`None` when it is null); `array` is the array they come from.
    fn get(&self, array: &dyn Array, i: usize) -> Option<&'b str> {
        if array.is_null(i) {
            return None;
        }
        self.value(i)
    }

    fn value(&self, i: usize) -> Option<&'b str> {
        match self {
            Strings::Utf8(a) => (!a.is_null(i)).then(|| a.value(i)),
            Strings::LargeUtf8(a) => (!a.is_null(i)).then(|| a.value(i)),
            Strings::View(a) => (!a.is_null(i)).then(|| a.value(i)),
            Strings::Dictionary { keys, values } => values.value(*keys.get(i)?),
        }
    }
}

/// The keys of a dictionary array as indexes into its values (`None` for another array).
fn dictionary_keys(array: &dyn Array) -> Option<Vec<usize>> {
    let dictionary = array.as_any_dictionary_opt()?;
    Some(if dictionary.values().is_empty() {
        // Every key is null.
        vec![0; array.len()]
    } else {
        dictionary.normalized_keys()
    })
}

/// How a column of a batch is read.
struct ColumnPlan {
    name: String,
    role: Role,
    /// A dictionary's keys, as indexes.
    keys: Option<Vec<usize>>,
    /// Whether it holds strings (borrowed as they are).
    strings: bool,
    /// Its strings are JSON texts ([`JSON_TEXT_METADATA`]).
    json_text: bool,
}

/// How the columns of a batch are read: owned, made once per batch.
pub(crate) struct Plan {
    columns: Vec<ColumnPlan>,
    /// The columns' indexes in the order of their names (the unnamed left out).
    order: Vec<usize>,
}

impl Plan {
    /// The plan of `batch`, read by `fields` (`None`: every column as it is typed); an
    /// error for a column whose type is not read.
    pub(crate) fn new(
        batch: &RecordBatch,
        fields: Option<&'static [FieldSpec]>,
    ) -> Result<Plan, UnsupportedColumn> {
        let schema = batch.schema_ref();
        let publication = fields.map(Publication::of_fields);
        let mut columns = Vec::with_capacity(batch.num_columns());
        for (field, array) in schema.fields().iter().zip(batch.columns()) {
            check_type(field)?;
            let name = field.name().as_str();
            let role = match fields.and_then(|f| f.iter().find(|s| s.name == name)) {
                Some(spec) => Role::Field(spec),
                None => match publication.and_then(|p| p.column(name)) {
                    Some(spec) => Role::Published(spec),
                    None => Role::Extra,
                },
            };
            let keys = dictionary_keys(array.as_ref());
            let strings = Strings::of(array.as_ref(), keys.as_deref()).is_some();
            columns.push(ColumnPlan {
                name: name.to_string(),
                role,
                keys,
                strings,
                json_text: field.metadata().contains_key(JSON_TEXT_METADATA),
            });
        }
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by(|&a, &b| columns[a].name.cmp(&columns[b].name));
        order.retain(|&i| !columns[i].name.is_empty());
        Ok(Plan { columns, order })
    }
}

/// The rows of a batch, read as records by a [`Plan`].
pub(crate) struct BatchRows<'b> {
    batch: &'b RecordBatch,
    plan: &'b Plan,
}

/// The characters of a list held in a text column (never used: a text cell of a
/// publication column is read as a scalar).
const NO_SEPARATORS: &[char] = &[];

impl<'b> BatchRows<'b> {
    /// The rows of `batch`, read by `plan` (made for it).
    pub(crate) fn new(batch: &'b RecordBatch, plan: &'b Plan) -> BatchRows<'b> {
        BatchRows { batch, plan }
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.batch.num_rows()
    }

    /// The members of row `i`, in the order of their names: every column, a null as
    /// `null`. An error (a binary value that is not UTF-8, a date out of range) makes the
    /// row unreadable.
    pub(crate) fn members(&self, i: usize) -> Result<Vec<(&'b str, Cell<'b>)>, String> {
        let mut members = Vec::with_capacity(self.plan.order.len());
        for &c in &self.plan.order {
            let (Some(column), Some(array)) =
                (self.plan.columns.get(c), self.batch.columns().get(c))
            else {
                continue;
            };
            members.push((column.name.as_str(), cell(column, array.as_ref(), i)?));
        }
        Ok(members)
    }

    /// Row `i` as a map (what an [`Entry`](crate::io::Entry) holds).
    pub(crate) fn map(&self, i: usize) -> Result<Map<String, Value>, String> {
        Ok(self
            .members(i)?
            .into_iter()
            .map(|(name, cell)| (name.to_string(), cell.into_value()))
            .collect())
    }

    /// Row `i` validated as an `R`: straight from its cells, its map built only when the
    /// single pass gives up (the same verdict as [`Validator::check_map`] on
    /// [`BatchRows::map`]).
    pub(crate) fn check<R: Record>(
        &self,
        i: usize,
        validator: &Validator,
    ) -> Result<Checked<R>, String> {
        let members = self.members(i)?;
        let map = || -> Map<String, Value> {
            members
                .iter()
                .map(|(name, cell)| (name.to_string(), cell.clone().into_value()))
                .collect()
        };
        let mut source = RowSource::new(members.iter().cloned(), R::NAME, validator);
        Ok(validator.check_source(&mut source, map))
    }
}

/// Whether the crate reads a column of this type.
fn check_type(field: &Field) -> Result<(), UnsupportedColumn> {
    fn supported(t: &DataType) -> bool {
        match t {
            DataType::Null
            | DataType::Boolean
            | DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64
            | DataType::Float16
            | DataType::Float32
            | DataType::Float64
            | DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Binary
            | DataType::LargeBinary
            | DataType::BinaryView
            | DataType::FixedSizeBinary(_)
            | DataType::Date32
            | DataType::Date64
            | DataType::Timestamp(_, _)
            | DataType::Time32(_)
            | DataType::Time64(_)
            | DataType::Decimal128(_, _)
            | DataType::Decimal256(_, _) => true,
            DataType::List(item) | DataType::LargeList(item) | DataType::FixedSizeList(item, _) => {
                supported(item.data_type())
            }
            DataType::Struct(fields) => fields.iter().all(|f| supported(f.data_type())),
            DataType::Dictionary(_, values) => supported(values),
            _ => false,
        }
    }
    if supported(field.data_type()) {
        Ok(())
    } else {
        Err(UnsupportedColumn {
            column: field.name().clone(),
            data_type: field.data_type().to_string(),
        })
    }
}

/// The cell of `column` (of `array`) at row `i`.
fn cell<'b>(column: &'b ColumnPlan, array: &'b dyn Array, i: usize) -> Result<Cell<'b>, String> {
    if column.strings {
        let strings = Strings::of(array, column.keys.as_deref())
            .ok_or_else(|| format!("colonne « {} » : valeur illisible", column.name))?;
        let Some(s) = strings.get(array, i) else {
            return Ok(Cell::Value(Value::Null));
        };
        if column.json_text {
            return serde_json::from_str::<Value>(s)
                .map(Cell::Value)
                .map_err(|e| format!("colonne « {} » : JSON invalide ({e})", column.name));
        }
        return Ok(match column.role {
            // A publication column stored as text (`score_qualite` from a CSV): by its
            // type, text when it does not read so.
            Role::Published(spec) => cell_of(
                s,
                &spec.ty,
                &CellSyntax {
                    list_separators: NO_SEPARATORS,
                    decimal_comma: false,
                },
            ),
            _ => Cell::Str(s),
        });
    }
    let value = value_at(array, i).map_err(|e| format!("colonne « {} » : {e}", column.name))?;
    Ok(Cell::Value(match (column.role, value) {
        // An integer stored as a float (pandas' nullable integers): the integer, when the
        // float is one.
        (Role::Field(spec), Value::Number(n)) if is_integer(&spec.ty) => integral(n),
        (_, value) => value,
    }))
}

fn is_integer(ty: &TypeSpec) -> bool {
    matches!(ty, TypeSpec::Integer { .. })
}

/// `n` as an integer when it is a float with an integral value that an `i64` holds.
fn integral(n: Number) -> Value {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15 => Value::from(f as i64),
        _ => Value::Number(n),
    }
}

/// A float as a JSON number; NaN and the infinities (pandas' missing values) as null.
fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// A 32-bit float as the number it is written as (`0.1`, not `0.10000000149011612`).
fn float32(f: f32) -> Value {
    if !f.is_finite() {
        return Value::Null;
    }
    f.to_string().parse::<f64>().map_or(Value::Null, float)
}

/// A date and time as the validator reads a date: `YYYY-MM-DD` at midnight, with its time
/// otherwise (which a date field refuses, as pydantic refuses an inexact datetime).
fn datetime(dt: NaiveDateTime) -> Value {
    if dt.num_seconds_from_midnight() == 0 && dt.nanosecond() == 0 {
        Value::String(dt.date().to_string())
    } else {
        Value::String(dt.format("%Y-%m-%dT%H:%M:%S%.f").to_string())
    }
}

/// A timestamp's offset from UTC in seconds, from its Arrow time zone: `+02:00`-like
/// offsets; UTC and the named zones (which need a time zone database) as UTC.
fn offset_seconds(tz: &str) -> i64 {
    let t = tz.trim();
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'+') => (1, &t[1..]),
        Some(b'-') => (-1, &t[1..]),
        _ => return 0,
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits[..2].parse::<i64>().unwrap_or(0), 0),
        4 => (
            digits[..2].parse::<i64>().unwrap_or(0),
            digits[2..].parse::<i64>().unwrap_or(0),
        ),
        _ => return 0,
    };
    sign * (h * 3600 + m * 60)
}

/// The value at `i` of any supported array, as JSON.
fn value_at(array: &dyn Array, i: usize) -> Result<Value, String> {
    if array.is_null(i) {
        return Ok(Value::Null);
    }
    let missing = || "valeur illisible".to_string();
    macro_rules! int {
        ($t:ty) => {
            Value::from(array.as_primitive_opt::<$t>().ok_or_else(missing)?.value(i))
        };
    }
    Ok(match array.data_type() {
        DataType::Null => Value::Null,
        DataType::Boolean => Value::Bool(array.as_boolean_opt().ok_or_else(missing)?.value(i)),
        DataType::Int8 => int!(Int8Type),
        DataType::Int16 => int!(Int16Type),
        DataType::Int32 => int!(Int32Type),
        DataType::Int64 => int!(Int64Type),
        DataType::UInt8 => int!(UInt8Type),
        DataType::UInt16 => int!(UInt16Type),
        DataType::UInt32 => int!(UInt32Type),
        DataType::UInt64 => int!(UInt64Type),
        DataType::Float16 => float32(
            array
                .as_primitive_opt::<Float16Type>()
                .ok_or_else(missing)?
                .value(i)
                .to_f32(),
        ),
        DataType::Float32 => float32(
            array
                .as_primitive_opt::<Float32Type>()
                .ok_or_else(missing)?
                .value(i),
        ),
        DataType::Float64 => float(
            array
                .as_primitive_opt::<Float64Type>()
                .ok_or_else(missing)?
                .value(i),
        ),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Strings::of(array, None)
            .and_then(|strings| strings.get(array, i))
            .map_or(Value::Null, |s| Value::String(s.to_string())),
        DataType::Dictionary(_, _) => {
            let dictionary = array.as_any_dictionary_opt().ok_or_else(missing)?;
            let values = dictionary.values();
            if values.is_empty() {
                return Ok(Value::Null);
            }
            let key = value_at(dictionary.keys(), i)?
                .as_u64()
                .and_then(|k| usize::try_from(k).ok())
                .filter(|&k| k < values.len())
                .ok_or_else(missing)?;
            value_at(values.as_ref(), key)?
        }
        DataType::Binary => utf8(array.as_binary_opt::<i32>().ok_or_else(missing)?.value(i))?,
        DataType::LargeBinary => utf8(array.as_binary_opt::<i64>().ok_or_else(missing)?.value(i))?,
        DataType::BinaryView => utf8(array.as_binary_view_opt().ok_or_else(missing)?.value(i))?,
        DataType::FixedSizeBinary(_) => utf8(
            array
                .as_fixed_size_binary_opt()
                .ok_or_else(missing)?
                .value(i),
        )?,
        DataType::Date32 => {
            let days = array
                .as_primitive_opt::<Date32Type>()
                .ok_or_else(missing)?
                .value(i);
            let dt = arrow_array::temporal_conversions::date32_to_datetime(days)
                .ok_or_else(|| format!("date hors limites ({days} jours)"))?;
            Value::String(dt.date().to_string())
        }
        DataType::Date64 => {
            let ms = array
                .as_primitive_opt::<Date64Type>()
                .ok_or_else(missing)?
                .value(i);
            let dt = arrow_array::temporal_conversions::date64_to_datetime(ms)
                .ok_or_else(|| format!("date hors limites ({ms} ms)"))?;
            datetime(dt)
        }
        DataType::Timestamp(unit, tz) => {
            let v = match unit {
                TimeUnit::Second => array
                    .as_primitive_opt::<TimestampSecondType>()
                    .map(|a| a.value(i)),
                TimeUnit::Millisecond => array
                    .as_primitive_opt::<TimestampMillisecondType>()
                    .map(|a| a.value(i)),
                TimeUnit::Microsecond => array
                    .as_primitive_opt::<TimestampMicrosecondType>()
                    .map(|a| a.value(i)),
                TimeUnit::Nanosecond => array
                    .as_primitive_opt::<TimestampNanosecondType>()
                    .map(|a| a.value(i)),
            }
            .ok_or_else(missing)?;
            let utc = match unit {
                TimeUnit::Second => arrow_array::temporal_conversions::timestamp_s_to_datetime(v),
                TimeUnit::Millisecond => {
                    arrow_array::temporal_conversions::timestamp_ms_to_datetime(v)
                }
                TimeUnit::Microsecond => {
                    arrow_array::temporal_conversions::timestamp_us_to_datetime(v)
                }
                TimeUnit::Nanosecond => {
                    arrow_array::temporal_conversions::timestamp_ns_to_datetime(v)
                }
            }
            .ok_or_else(|| format!("horodatage hors limites ({v})"))?;
            let offset = tz.as_deref().map_or(0, offset_seconds);
            let local = utc
                .checked_add_signed(chrono::Duration::seconds(offset))
                .ok_or_else(|| format!("horodatage hors limites ({v})"))?;
            datetime(local)
        }
        DataType::Time32(_) | DataType::Time64(_) => {
            let time = match array.data_type() {
                DataType::Time32(TimeUnit::Second) => array
                    .as_primitive_opt::<Time32SecondType>()
                    .and_then(|a| arrow_array::temporal_conversions::time32s_to_time(a.value(i))),
                DataType::Time32(_) => array
                    .as_primitive_opt::<Time32MillisecondType>()
                    .and_then(|a| arrow_array::temporal_conversions::time32ms_to_time(a.value(i))),
                DataType::Time64(TimeUnit::Microsecond) => array
                    .as_primitive_opt::<Time64MicrosecondType>()
                    .and_then(|a| arrow_array::temporal_conversions::time64us_to_time(a.value(i))),
                _ => array
                    .as_primitive_opt::<Time64NanosecondType>()
                    .and_then(|a| arrow_array::temporal_conversions::time64ns_to_time(a.value(i))),
            };
            Value::String(time.ok_or_else(missing)?.to_string())
        }
        DataType::Decimal128(_, scale) => {
            let v = array
                .as_primitive_opt::<Decimal128Type>()
                .ok_or_else(missing)?
                .value(i);
            decimal(&v.to_string(), *scale)
        }
        DataType::Decimal256(_, scale) => {
            let v = array
                .as_primitive_opt::<Decimal256Type>()
                .ok_or_else(missing)?
                .value(i);
            decimal(&v.to_string(), *scale)
        }
        DataType::List(_) => {
            let list = array.as_list_opt::<i32>().ok_or_else(missing)?;
            items(list.value(i).as_ref())?
        }
        DataType::LargeList(_) => {
            let list = array.as_list_opt::<i64>().ok_or_else(missing)?;
            items(list.value(i).as_ref())?
        }
        DataType::FixedSizeList(_, _) => {
            let list = array.as_fixed_size_list_opt().ok_or_else(missing)?;
            items(list.value(i).as_ref())?
        }
        DataType::Struct(fields) => {
            let s = array.as_struct_opt().ok_or_else(missing)?;
            let mut object = Map::new();
            for (field, column) in fields.iter().zip(s.columns()) {
                object.insert(field.name().clone(), value_at(column.as_ref(), i)?);
            }
            Value::Object(object)
        }
        other => return Err(format!("type Arrow {other} non pris en charge")),
    })
}

/// The items of a list.
fn items(values: &dyn Array) -> Result<Value, String> {
    (0..values.len())
        .map(|j| value_at(values, j))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// Bytes that hold text (Parquet files of some tools store strings as plain binary).
fn utf8(bytes: &[u8]) -> Result<Value, String> {
    std::str::from_utf8(bytes)
        .map(|s| Value::String(s.to_string()))
        .map_err(|_| "octets qui ne sont pas du texte UTF-8".to_string())
}

/// A decimal (its unscaled integer's digits and its scale) as a JSON number.
fn decimal(digits: &str, scale: i8) -> Value {
    let Ok(scale) = usize::try_from(scale) else {
        return digits
            .parse::<f64>()
            .map(|v| float(v * 10f64.powi(-i32::from(scale))))
            .unwrap_or(Value::Null);
    };
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let text: Cow<'_, str> = if scale == 0 {
        Cow::Owned(format!("{sign}{digits}"))
    } else {
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        Cow::Owned(format!("{sign}{int}.{frac}"))
    };
    if scale == 0 {
        if let Ok(i) = text.parse::<i64>() {
            return Value::from(i);
        }
    }
    text.parse::<f64>().map(float).unwrap_or(Value::Null)
}

/// The records of a batch validated as `R`, one per row, in order: a row that cannot be
/// read (a binary value that is not UTF-8, a date out of range) is an `Err` with the
/// reason, in French.
///
/// Each row is read as the crate reads a Parquet row ([`io::parquet`](crate::io#parquet)):
/// every column by its Arrow type, whatever the layout (strings, large strings and string
/// views, dictionary-encoded strings, lists of them, integers of any width, floats,
/// `date_maj` as a date or a timestamp at midnight), an integral float in an integer field
/// as the integer, the columns the schema does not know in `extra`.
///
/// ```
/// use data_inclusion_schema::io::arrow;
/// use data_inclusion_schema::v1::Service;
/// use data_inclusion_schema::validate::Validator;
///
/// let service: Service = serde_json::from_str(r#"{"source": "dora", "structure_id": "dora--s1",
///     "id": "dora--1", "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14",
///     "nombre_semaines": 4, "score_qualite": 0.5}"#)?;
/// let batch = arrow::to_record_batch(&[service.clone()])?.unwrap();
/// let rows = arrow::from_record_batch::<Service>(&batch, &Validator::new())?;
/// assert_eq!(rows[0].as_ref().unwrap().record.as_ref(), Some(&service));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_record_batch<R: Record>(
    batch: &RecordBatch,
    validator: &Validator,
) -> Result<Vec<Result<Checked<R>, String>>, UnsupportedColumn> {
    let plan = Plan::new(batch, Some(R::FIELDS))?;
    let rows = BatchRows::new(batch, &plan);
    Ok((0..rows.len()).map(|i| rows.check(i, validator)).collect())
}
