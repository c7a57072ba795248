//! The fields of a record that the schema does not know ([`Extra`]), each kept as its JSON
//! text ([`RawJson`]).
//!
//! The official API and the open-data export add columns of their own (`score_qualite`,
//! `adresse_certifiee`, `doublons`, …) and producers add theirs. A record keeps them, in
//! the order of the input, and writes them back. Each value is kept as compact JSON text
//! rather than as a tree of `serde_json::Value`s: a hostile record whose unknown field
//! holds millions of small values costs about its own size, not twenty times more.
//!
//! ```
//! use data_inclusion_schema::v1::Service;
//!
//! let json = r#"{"source": "dora", "structure_id": "dora--s1", "id": "dora--1", "nom": "Atelier CV",
//!     "description": "Un atelier.", "date_maj": "2025-02-14",
//!     "score_qualite": 0.5, "doublons": [{"id": "x", "source": "y"}]}"#;
//! let service: Service = serde_json::from_str(json)?;
//! assert_eq!(service.extra.get("score_qualite").and_then(|v| v.as_f64()), Some(0.5));
//! assert_eq!(service.extra.get("doublons").unwrap().get(), r#"[{"id":"x","source":"y"}]"#);
//! assert_eq!(service.extra.keys().collect::<Vec<_>>(), ["score_qualite", "doublons"]);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One JSON value, kept as its compact text (as `serde_json::to_string` writes it: no
/// whitespace, strings escaped as serde_json escapes them).
///
/// Two `RawJson` are equal when their texts are: the same value read twice gives the same
/// text, but `{"a":1,"b":2}` and `{"b":2,"a":1}` differ (the order of an object's members
/// is kept).
///
/// ```
/// use data_inclusion_schema::RawJson;
///
/// let raw = RawJson::from_value(&serde_json::json!({"a": [1, 2.5, "é"]}));
/// assert_eq!(raw.get(), r#"{"a":[1,2.5,"é"]}"#);
/// assert_eq!(raw.to_value()["a"][1], 2.5);
/// assert_eq!(RawJson::string("0.5").as_str().as_deref(), Some("0.5"));
/// assert_eq!(RawJson::string("0.5").as_f64(), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RawJson(Box<str>);

impl RawJson {
    /// `null`.
    pub fn null() -> RawJson {
        RawJson("null".into())
    }

    /// A JSON string holding `s`.
    pub fn string(s: &str) -> RawJson {
        let mut text = String::with_capacity(s.len() + 2);
        write_str(&mut text, s);
        RawJson(text.into())
    }

    /// A JSON number, or `null` for a non-finite one (which JSON cannot hold).
    pub fn number(f: f64) -> RawJson {
        let mut text = String::new();
        write_f64(&mut text, f);
        RawJson(text.into())
    }

    /// The compact text of a `serde_json::Value`.
    pub fn from_value(value: &Value) -> RawJson {
        RawJson(value.to_string().into())
    }

    /// Any serializable value, as JSON.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<RawJson, serde_json::Error> {
        serde_json::to_string(value).map(|text| RawJson(text.into()))
    }

    /// Checks `text` and keeps it in compact form: `None` when it is not one JSON value.
    ///
    /// ```
    /// use data_inclusion_schema::RawJson;
    ///
    /// assert_eq!(RawJson::parse("[1, 2]").unwrap().get(), "[1,2]");
    /// assert!(RawJson::parse("[1, 2").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<RawJson> {
        let mut out = Vec::with_capacity(text.len());
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde_transcode::transcode(
            &mut deserializer,
            &mut serde_json::Serializer::new(&mut out),
        )
        .ok()?;
        deserializer.end().ok()?;
        String::from_utf8(out).ok().map(|t| RawJson(t.into()))
    }

    /// Text that is already compact JSON as serde_json writes it (the validator writes it
    /// so).
    #[cfg(feature = "validate")]
    pub(crate) fn from_compact(text: String) -> RawJson {
        RawJson(text.into())
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        &self.0
    }

    /// The value as a `serde_json::Value` (built on each call).
    pub fn to_value(&self) -> Value {
        serde_json::from_str(&self.0).unwrap_or(Value::Null)
    }

    /// The value deserialized as a `T`.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        &*self.0 == "null"
    }

    /// The string, when the value is a JSON string.
    pub fn as_str(&self) -> Option<Cow<'_, str>> {
        if !self.0.starts_with('"') {
            return None;
        }
        let inner = &self.0[1..self.0.len() - 1];
        if inner.contains('\\') {
            serde_json::from_str::<String>(&self.0).ok().map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(inner))
        }
    }

    /// The number, when the value is a JSON number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.0.as_bytes().first()? {
            b'-' | b'0'..=b'9' => self.0.parse().ok(),
            _ => None,
        }
    }

    /// The integer, when the value is a JSON number without fraction nor exponent that
    /// fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The boolean, when the value is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match &*self.0 {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for RawJson {
    /// The JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Value> for RawJson {
    fn from(value: Value) -> RawJson {
        RawJson::from_value(&value)
    }
}

impl From<&Value> for RawJson {
    fn from(value: &Value) -> RawJson {
        RawJson::from_value(value)
    }
}

impl PartialEq<Value> for RawJson {
    /// The same value (`serde_json::Value`'s equality).
    fn eq(&self, other: &Value) -> bool {
        self.to_value() == *other
    }
}

impl PartialEq<str> for RawJson {
    /// A JSON string equal to `other` (as `serde_json::Value` compares with a `str`).
    fn eq(&self, other: &str) -> bool {
        self.as_str().is_some_and(|s| s == other)
    }
}

impl PartialEq<&str> for RawJson {
    /// A JSON string equal to `other`.
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<f64> for RawJson {
    /// A JSON number equal to `other`.
    fn eq(&self, other: &f64) -> bool {
        self.as_f64() == Some(*other)
    }
}

impl PartialEq<i64> for RawJson {
    /// A JSON integer equal to `other`.
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl PartialEq<bool> for RawJson {
    /// `true` or `false`, as `other`.
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

impl From<&str> for RawJson {
    /// A JSON string (see [`RawJson::string`]; [`RawJson::parse`] reads JSON text).
    fn from(s: &str) -> RawJson {
        RawJson::string(s)
    }
}

impl From<String> for RawJson {
    /// A JSON string.
    fn from(s: String) -> RawJson {
        RawJson::string(&s)
    }
}

impl From<f64> for RawJson {
    /// A JSON number (`null` when not finite).
    fn from(f: f64) -> RawJson {
        RawJson::number(f)
    }
}

impl From<i64> for RawJson {
    /// A JSON integer.
    fn from(i: i64) -> RawJson {
        RawJson(i.to_string().into())
    }
}

impl From<bool> for RawJson {
    /// `true` or `false`.
    fn from(b: bool) -> RawJson {
        RawJson(if b { "true" } else { "false" }.into())
    }
}

impl Serialize for RawJson {
    /// The value, read from its text as it is written (no tree is built).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(&self.0);
        serde_transcode::transcode(&mut deserializer, serializer)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    /// Any value, written as compact JSON as it is read (no tree is built).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawJson, D::Error> {
        let mut out = Vec::new();
        serde_transcode::transcode(deserializer, &mut serde_json::Serializer::new(&mut out))
            .map_err(de::Error::custom)?;
        String::from_utf8(out)
            .map(|t| RawJson(t.into()))
            .map_err(de::Error::custom)
    }
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it.
pub(crate) fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[start..i]);
        match escape {
            Some(e) => out.push_str(e),
            None => {
                out.push_str("\\u00");
                out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
                out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xf)]));
            }
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Writes a number as serde_json writes an `f64` (`null` when it is not finite).
pub(crate) fn write_f64(out: &mut String, f: f64) {
    match serde_json::Number::from_f64(f) {
        Some(n) => out.push_str(&n.to_string()),
        None => out.push_str("null"),
    }
}

/// The fields of a record that the schema does not know, in the order they were read
/// (or inserted), each with its value as JSON text. A key appears once: inserting it
/// again replaces its value where it stands (as JSON readers let the last of duplicate
/// keys win).
///
/// ```
/// use data_inclusion_schema::{Extra, RawJson};
///
/// let mut extra = Extra::new();
/// extra.insert("score_qualite", 0.5);
/// extra.insert("source_url", "https://exemple.fr");
/// extra.insert("score_qualite", RawJson::number(0.75));
/// assert_eq!(extra["source_url"], "https://exemple.fr");
/// assert_eq!(extra.len(), 2);
/// assert_eq!(extra.get("score_qualite").unwrap().as_f64(), Some(0.75));
/// assert_eq!(serde_json::to_string(&extra).unwrap(), r#"{"score_qualite":0.75,"source_url":"https://exemple.fr"}"#);
/// ```
#[derive(Clone, Default)]
pub struct Extra {
    entries: Vec<(String, RawJson)>,
    /// Where each key is, once there are enough keys for a linear search to cost.
    index: Option<HashMap<String, usize>>,
}

/// Up to this many keys, a key is looked for by a linear search.
const LINEAR_UP_TO: usize = 16;

impl Extra {
    /// No field.
    pub fn new() -> Extra {
        Extra::default()
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no field.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&RawJson> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// Whether there is a field `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets the value of `key`: where it stands if it is there (returning the value it
    /// replaces), at the end otherwise.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<RawJson>) -> Option<RawJson> {
        let (key, value) = (key.into(), value.into());
        if let Some(i) = self.position(&key) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.entries.len());
        } else if self.entries.len() >= LINEAR_UP_TO {
            let mut index: HashMap<String, usize> = self
                .entries
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
            index.insert(key.clone(), self.entries.len());
            self.index = Some(index);
        }
        self.entries.push((key, value));
        None
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<RawJson> {
        let i = self.position(key)?;
        let (_, value) = self.entries.remove(i);
        self.index = None;
        if self.entries.len() > LINEAR_UP_TO {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            );
        }
        Some(value)
    }

    /// Keeps the fields for which `keep` is true, in their order.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &RawJson) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
        self.index = None;
        if self.entries.len() > LINEAR_UP_TO {
            self.index = Some(
                self.entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.clone(), i))
                    .collect(),
            );
        }
    }

    /// Removes every field.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &RawJson)> + '_ {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The fields as a `serde_json` map (built on each call).
    pub fn to_map(&self) -> serde_json::Map<String, Value> {
        self.entries
            .iter()
            .map(|(k, v)| (k.clone(), v.to_value()))
            .collect()
    }
}

impl PartialEq for Extra {
    /// The same fields in the same order.
    fn eq(&self, other: &Extra) -> bool {
        self.entries == other.entries
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Into<String>> FromIterator<(K, RawJson)> for Extra {
    fn from_iter<I: IntoIterator<Item = (K, RawJson)>>(iter: I) -> Extra {
        let mut extra = Extra::new();
        extra.extend(iter);
        extra
    }
}

impl<K: Into<String>> Extend<(K, RawJson)> for Extra {
    fn extend<I: IntoIterator<Item = (K, RawJson)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl From<serde_json::Map<String, Value>> for Extra {
    fn from(map: serde_json::Map<String, Value>) -> Extra {
        map.into_iter()
            .map(|(k, v)| (k, RawJson::from_value(&v)))
            .collect()
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a str, &'a RawJson);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, RawJson)>,
        fn(&'a (String, RawJson)) -> (&'a str, &'a RawJson),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl std::ops::Index<&str> for Extra {
    type Output = RawJson;

    /// The value of `key`; panics when there is none (see [`Extra::get`]).
    fn index(&self, key: &str) -> &RawJson {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no field {key:?} among the unknown fields"),
        }
    }
}

impl Serialize for Extra {
    /// A map of the fields, in order.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Extra {
    /// A map; each value kept as its JSON text.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Extra, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of fields")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut extra = Extra::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<RawJson>()?;
                    extra.insert(key, value);
                }
                Ok(extra)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Extra {
    fn schema_name() -> Cow<'static, str> {
        "Extra".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "object" })
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for RawJson {
    fn schema_name() -> Cow<'static, str> {
        "RawJson".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Strings are written as serde_json writes them.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "\\PC*|[\u{0}-\u{1f}\"\\\\a]{0,12}") {
            let mut out = String::new();
            write_str(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }

        /// Many keys: the index gives what a linear search gives.
        #[test]
        fn many_keys_are_found(keys in proptest::collection::vec("[a-e]{1,3}", 0..60)) {
            let mut extra = Extra::new();
            let mut plain: Vec<(String, usize)> = Vec::new();
            for (i, k) in keys.iter().enumerate() {
                extra.insert(k.clone(), RawJson::number(i as f64));
                match plain.iter_mut().find(|(key, _)| key == k) {
                    Some((_, v)) => *v = i,
                    None => plain.push((k.clone(), i)),
                }
            }
            proptest::prop_assert_eq!(extra.len(), plain.len());
            for (k, v) in &plain {
                proptest::prop_assert_eq!(extra.get(k).and_then(RawJson::as_f64), Some(*v as f64));
            }
            proptest::prop_assert_eq!(extra.keys().collect::<Vec<_>>(), plain.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn values_go_through_serde_as_they_are() {
        let text = r#"{"a":[1,2.5,-0.0,1e300,"x\u0001y",{"b":null}],"c":true}"#;
        let raw: RawJson = serde_json::from_str(text).unwrap();
        assert_eq!(
            raw.get(),
            serde_json::to_string(&serde_json::from_str::<Value>(text).unwrap()).unwrap()
        );
        assert_eq!(serde_json::to_string(&raw).unwrap(), raw.get());
        assert_eq!(RawJson::number(f64::NAN).get(), "null");
    }
}
