//! Not public API: what the generated code calls (`Record::from_slots`, the single-pass
//! validators, the referentials' `Deserialize`). It may change in any release.

use std::fmt;

use crate::referential::{OtherValue, Referential};
#[cfg(feature = "validate")]
pub use crate::validate::fast::{FastField, FastItem, Number, Peek, Source, State};

/// A validated value on its way into a typed record (used by the generated
/// [`Record::from_slots`](crate::Record::from_slots); not meant to be used directly).
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
#[derive(Debug)]
pub struct SlotError(pub &'static str);

/// A field type that a validated [`Slot`] converts into.
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

impl<R: Referential> FromSlot for R {
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

/// Deserializes a referential from a string through its [`Referential::from_value`]: a
/// value this version does not list is kept (used by the generated `Deserialize` impls).
pub fn deserialize_referential<'de, R, D>(deserializer: D) -> Result<R, D::Error>
where
    R: Referential,
    D: serde::Deserializer<'de>,
{
    struct Visitor<R>(std::marker::PhantomData<R>);

    impl<R: Referential> serde::de::Visitor<'_> for Visitor<R> {
        type Value = R;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a value of the referential {} (a string)", R::NAME)
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<R, E> {
            Ok(R::from_value(value))
        }
    }

    deserializer.deserialize_str(Visitor(std::marker::PhantomData))
}

/// An [`OtherValue`] (for the generated `from_value`, after the listed values).
pub fn other_value(value: &str) -> OtherValue {
    OtherValue::new(value)
}

/// A key of a record's object, borrowed from the input when the deserializer can lend it
/// (for the generated `Deserialize` impls).
pub struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key, owned.
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name (a string)")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_string())))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

/// The JSON Schema of a record from the official schema's text (for the generated
/// `JsonSchema` impls): its definitions (`$defs`, `definitions`) move to the generator's,
/// and the references to them follow.
#[cfg(feature = "schemars")]
pub fn official_schema(generator: &mut schemars::SchemaGenerator, text: &str) -> schemars::Schema {
    use serde_json::Value;

    fn rewrite_refs(value: &mut Value, target: &str) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        Value::String(s) if key == "$ref" => {
                            for prefix in ["#/$defs/", "#/definitions/"] {
                                if let Some(name) = s.strip_prefix(prefix) {
                                    *s = format!("{target}{name}");
                                    break;
                                }
                            }
                        }
                        other => rewrite_refs(other, target),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| rewrite_refs(v, target)),
            _ => {}
        }
    }

    let mut value: Value = serde_json::from_str(text).unwrap_or(Value::Bool(true));
    let path = generator.settings().definitions_path.to_string();
    let target = format!("#/{}/", path.trim_start_matches('#').trim_matches('/'));
    let mut defs = serde_json::Map::new();
    if let Value::Object(map) = &mut value {
        for key in ["$defs", "definitions"] {
            if let Some(Value::Object(d)) = map.remove(key) {
                defs.extend(d);
            }
        }
    }
    rewrite_refs(&mut value, &target);
    for (name, mut def) in defs {
        rewrite_refs(&mut def, &target);
        generator.definitions_mut().entry(name).or_insert(def);
    }
    schemars::Schema::try_from(value).unwrap_or_default()
}
