//! What the schema says of each field, as data: the descriptors generated beside every
//! record type, which validation, CSV flattening and documentation read.
//!
//! Each record type has a constant `FIELDS` (see [`Record::FIELDS`]) listing its fields in
//! the schema's order with their [`TypeSpec`] and constraints, exactly as the JSON Schema
//! states them.
//!
//! ```
//! use data_inclusion_schema::spec::{Record, TypeSpec};
//! use data_inclusion_schema::v1::Structure;
//!
//! let nom = Structure::FIELDS.iter().find(|f| f.name == "nom").unwrap();
//! assert!(nom.required);
//! match nom.ty {
//!     TypeSpec::String(s) => assert_eq!((s.min_length, s.max_length), (Some(3), Some(150))),
//!     _ => unreachable!(),
//! }
//! ```

use serde::de::DeserializeOwned;
use serde::Serialize;

/// A record type of the schema (`Structure`, `Service`), with its field descriptors.
pub trait Record: Serialize + DeserializeOwned + Clone + std::fmt::Debug {
    /// The name of the record in the schema (`"Structure"`).
    const NAME: &'static str;
    /// The fields, in the order of the schema's `properties`.
    const FIELDS: &'static [FieldSpec];

    /// The fields of the input that the schema does not know, kept as they were.
    fn extra(&self) -> &serde_json::Map<String, serde_json::Value>;
    /// Mutable access to the fields the schema does not know.
    fn extra_mut(&mut self) -> &mut serde_json::Map<String, serde_json::Value>;

    /// The index in [`Self::FIELDS`] of the property named `name`. The generated types
    /// answer with a `match`; this default searches the list.
    fn field_index(name: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| f.name == name)
    }

    /// Builds the record from validated values, one per field of [`Self::FIELDS`] in
    /// order, and the unknown fields. The generated types build it directly; this
    /// default goes through JSON.
    #[doc(hidden)]
    fn from_slots(
        slots: Vec<Slot>,
        extra: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, SlotError> {
        let mut map = extra;
        for (spec, slot) in Self::FIELDS.iter().zip(slots) {
            map.insert(spec.name.to_string(), slot.into_json());
        }
        serde_json::from_value(serde_json::Value::Object(map)).map_err(|_| SlotError("record"))
    }

    /// The single-pass validator (see `validate::fast`), over JSON text or `serde_json`
    /// values: the record when it has nothing to report, `None` when the full check must
    /// decide. The generated types have one (with `codegen::Settings::fast_validation`);
    /// this default always defers to the full check.
    #[cfg(feature = "validate")]
    #[doc(hidden)]
    fn fast_read<'t, S: crate::validate::fast::Source<'t>>(cx: &mut S) -> Option<Self> {
        let _ = cx;
        None
    }
}

/// One property of a record.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct FieldSpec {
    /// The property's name in the schema (`"date_maj"`).
    pub name: &'static str,
    /// The schema's `title`, if any.
    pub title: Option<&'static str>,
    /// Whether the schema lists the property in `required`.
    pub required: bool,
    /// Whether `null` is allowed (an `anyOf` with `{"type": "null"}`).
    pub nullable: bool,
    /// The type of a non-null value.
    pub ty: TypeSpec,
}

/// The type and constraints of a (non-null) value.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum TypeSpec {
    /// A string, with its constraints.
    String(StringSpec),
    /// A number (`"type": "number"`).
    Number {
        /// `minimum`, inclusive.
        minimum: Option<f64>,
    },
    /// An integer (`"type": "integer"`).
    Integer {
        /// `minimum`, inclusive.
        minimum: Option<i64>,
    },
    /// A boolean.
    Boolean,
    /// A date (`"format": "date"`), `YYYY-MM-DD`.
    Date,
    /// A date and time (`"format": "date-time"`).
    DateTime,
    /// One value of a referential.
    Referential {
        /// The name of the referential (`"Thematique"`).
        name: &'static str,
        /// Its values, in the schema's order.
        values: &'static [&'static str],
    },
    /// A list.
    List {
        /// The type of each item.
        item: &'static TypeSpec,
        /// `minItems`.
        min_items: Option<usize>,
        /// `uniqueItems`.
        unique_items: bool,
    },
    /// Any one of several types (`anyOf`).
    AnyOf(&'static [TypeSpec]),
    /// Anything (the schema says nothing, or nothing this crate types).
    Any,
}

/// The constraints of a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct StringSpec {
    /// `minLength`, in Unicode characters.
    pub min_length: Option<usize>,
    /// `maxLength`, in Unicode characters.
    pub max_length: Option<usize>,
    /// `pattern`, as written in the schema.
    pub pattern: Option<&'static str>,
    /// `format` (`"email"`, `"uri"`, …), other than dates, which have their own [`TypeSpec`].
    pub format: Option<&'static str>,
    /// `const`: the only value allowed.
    pub constant: Option<&'static str>,
}

impl FieldSpec {
    /// A field descriptor (as the generated code writes them).
    pub const fn new(
        name: &'static str,
        title: Option<&'static str>,
        required: bool,
        nullable: bool,
        ty: TypeSpec,
    ) -> Self {
        FieldSpec {
            name,
            title,
            required,
            nullable,
            ty,
        }
    }
}

impl StringSpec {
    /// A string descriptor (as the generated code writes them).
    pub const fn new(
        min_length: Option<usize>,
        max_length: Option<usize>,
        pattern: Option<&'static str>,
        format: Option<&'static str>,
        constant: Option<&'static str>,
    ) -> Self {
        StringSpec {
            min_length,
            max_length,
            pattern,
            format,
            constant,
        }
    }

    /// A string with no constraint.
    pub const ANY: StringSpec = StringSpec {
        min_length: None,
        max_length: None,
        pattern: None,
        format: None,
        constant: None,
    };
}

/// A validated value on its way into a typed record (used by the generated
/// [`Record::from_slots`]; not meant to be used directly).
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// Absent or `null`.
    Absent,
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A date.
    Date(chrono::NaiveDate),
    /// A value of a referential, as the schema writes it.
    Variant(&'static str),
    /// A list.
    List(Vec<Slot>),
    /// Anything else, as JSON.
    Json(serde_json::Value),
}

impl Slot {
    /// The value as JSON (for the generic path).
    pub fn into_json(self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Slot::Absent => Value::Null,
            Slot::Str(s) => Value::String(s),
            Slot::Int(i) => Value::from(i),
            Slot::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
            Slot::Bool(b) => Value::Bool(b),
            Slot::Date(d) => Value::String(d.to_string()),
            Slot::Variant(v) => Value::from(v),
            Slot::List(items) => Value::Array(items.into_iter().map(Slot::into_json).collect()),
            Slot::Json(v) => v,
        }
    }
}

/// A slot of the wrong kind for its field: a bug of the generator or the validator.
#[doc(hidden)]
#[derive(Debug)]
pub struct SlotError(pub &'static str);

/// A field type that a validated [`Slot`] converts into.
#[doc(hidden)]
pub trait FromSlot: Sized {
    /// The conversion.
    fn from_slot(slot: Slot) -> Result<Self, SlotError>;
}

impl FromSlot for String {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Str(s) => Ok(s),
            Slot::Variant(v) => Ok(v.to_string()),
            // A string field whose schema allows a date among other types (`anyOf` of
            // `date` and `date-time` in older schemas): the date as the schema writes it.
            Slot::Date(d) => Ok(d.to_string()),
            _ => Err(SlotError("string")),
        }
    }
}

impl FromSlot for f64 {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Float(f) => Ok(f),
            Slot::Int(i) => Ok(i as f64),
            _ => Err(SlotError("number")),
        }
    }
}

impl FromSlot for i64 {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Int(i) => Ok(i),
            _ => Err(SlotError("integer")),
        }
    }
}

impl FromSlot for bool {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Bool(b) => Ok(b),
            _ => Err(SlotError("boolean")),
        }
    }
}

impl FromSlot for chrono::NaiveDate {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Date(d) => Ok(d),
            _ => Err(SlotError("date")),
        }
    }
}

impl FromSlot for chrono::DateTime<chrono::FixedOffset> {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Str(s) => {
                chrono::DateTime::parse_from_rfc3339(&s).map_err(|_| SlotError("date-time"))
            }
            _ => Err(SlotError("date-time")),
        }
    }
}

impl FromSlot for serde_json::Value {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        Ok(slot.into_json())
    }
}

impl<R: crate::Referential> FromSlot for R {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Variant(v) => v.parse().map_err(|_| SlotError("referential")),
            Slot::Str(s) => s.parse().map_err(|_| SlotError("referential")),
            _ => Err(SlotError("referential")),
        }
    }
}

impl<T: FromSlot> FromSlot for Option<T> {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::Absent => Ok(None),
            other => T::from_slot(other).map(Some),
        }
    }
}

impl<T: FromSlot> FromSlot for Vec<T> {
    fn from_slot(slot: Slot) -> Result<Self, SlotError> {
        match slot {
            Slot::List(items) => items.into_iter().map(T::from_slot).collect(),
            _ => Err(SlotError("list")),
        }
    }
}
