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
#[derive(Clone)]
pub struct RawJson(Repr);

/// The text of a [`RawJson`]: up to [`INLINE`] bytes held in place (no allocation: a
/// record's many small unknown values, `0` or `"oui"`, cost 16 bytes each), longer on
/// the heap.
#[derive(Clone)]
enum Repr {
    Heap(Box<str>),
    /// The text, then [`PAD`] bytes (which UTF-8 text never holds) up to the end.
    Inline([u8; INLINE]),
}

/// The longest text a [`RawJson`] holds in place.
const INLINE: usize = 8;

/// The byte after an inline text: never found in UTF-8.
const PAD: u8 = 0xff;

impl RawJson {
    /// Keeps `text` (compact JSON).
    fn of_str(text: &str) -> RawJson {
        match inline(text) {
            Some(bytes) => RawJson(Repr::Inline(bytes)),
            None => RawJson(Repr::Heap(text.into())),
        }
    }

    /// Keeps `text` (compact JSON).
    fn of_string(text: String) -> RawJson {
        match inline(&text) {
            Some(bytes) => RawJson(Repr::Inline(bytes)),
            None => RawJson(Repr::Heap(text.into_boxed_str())),
        }
    }

    /// `null`.
    pub fn null() -> RawJson {
        RawJson::of_str("null")
    }

    /// A JSON string holding `s`.
    pub fn string(s: &str) -> RawJson {
        let mut text = String::with_capacity(s.len() + 2);
        write_str(&mut text, s);
        RawJson::of_string(text)
    }

    /// A JSON number, or `null` for a non-finite one (which JSON cannot hold).
    pub fn number(f: f64) -> RawJson {
        let mut text = String::new();
        write_f64(&mut text, f);
        RawJson::of_string(text)
    }

    /// The compact text of a `serde_json::Value`.
    pub fn from_value(value: &Value) -> RawJson {
        RawJson::of_string(value.to_string())
    }

    /// Any serializable value, as JSON.
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<RawJson, serde_json::Error> {
        serde_json::to_string(value).map(RawJson::of_string)
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
        String::from_utf8(out).ok().map(RawJson::of_string)
    }

    /// Text that is already compact JSON as serde_json writes it (the validator writes it
    /// so).
    #[cfg(feature = "validate")]
    pub(crate) fn from_compact(text: String) -> RawJson {
        RawJson::of_string(text)
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        match &self.0 {
            Repr::Heap(text) => text,
            Repr::Inline(bytes) => {
                let len = bytes.iter().position(|&b| b == PAD).unwrap_or(INLINE);
                // Copied from a `str`, cut at its end: UTF-8.
                std::str::from_utf8(&bytes[..len]).unwrap_or_default()
            }
        }
    }

    /// The value as a `serde_json::Value` (built on each call).
    pub fn to_value(&self) -> Value {
        serde_json::from_str(self.get()).unwrap_or(Value::Null)
    }

    /// The value deserialized as a `T`.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.get())
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        self.get() == "null"
    }

    /// The string, when the value is a JSON string.
    pub fn as_str(&self) -> Option<Cow<'_, str>> {
        let text = self.get();
        if !text.starts_with('"') {
            return None;
        }
        let inner = &text[1..text.len() - 1];
        if inner.contains('\\') {
            serde_json::from_str::<String>(text).ok().map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(inner))
        }
    }

    /// The number, when the value is a JSON number.
    pub fn as_f64(&self) -> Option<f64> {
        let text = self.get();
        match text.as_bytes().first()? {
            b'-' | b'0'..=b'9' => text.parse().ok(),
            _ => None,
        }
    }

    /// The integer, when the value is a JSON number without fraction nor exponent that
    /// fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        self.get().parse().ok()
    }

    /// The boolean, when the value is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.get() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }
}

/// `text` held in place, when it is short enough.
fn inline(text: &str) -> Option<[u8; INLINE]> {
    let mut bytes = [PAD; INLINE];
    bytes
        .get_mut(..text.len())?
        .copy_from_slice(text.as_bytes());
    Some(bytes)
}

impl PartialEq for RawJson {
    /// The same text.
    fn eq(&self, other: &RawJson) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl std::hash::Hash for RawJson {
    /// The text's hash.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.get().hash(state);
    }
}

impl PartialOrd for RawJson {
    fn partial_cmp(&self, other: &RawJson) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RawJson {
    /// The texts' order.
    fn cmp(&self, other: &RawJson) -> std::cmp::Ordering {
        self.get().cmp(other.get())
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl fmt::Display for RawJson {
    /// The JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
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
        RawJson::of_string(i.to_string())
    }
}

impl From<bool> for RawJson {
    /// `true` or `false`.
    fn from(b: bool) -> RawJson {
        RawJson::of_str(if b { "true" } else { "false" })
    }
}

impl Serialize for RawJson {
    /// The value, read from its text as it is written (no tree is built).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(self.get());
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
            .map(RawJson::of_string)
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
///
/// Kept compact, as a record holding a million unknown keys must be: the keys one after
/// the other in one string, the values in place when short ([`RawJson`]), and, past a
/// few keys, an index of a few bytes a key.
#[derive(Clone, Default)]
pub struct Extra {
    /// The keys, one after the other.
    keys: String,
    /// Where each key ends in `keys`.
    ends: Vec<u32>,
    /// The value of each key.
    values: Vec<RawJson>,
    /// Where each key is, once there are enough keys for a linear search to cost.
    index: Option<Index>,
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
        self.values.len()
    }

    /// Whether there is no field.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The key of the `i`-th field.
    fn key(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        &self.keys[start..self.ends[i] as usize]
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(self, key).ok(),
            None => (0..self.len()).find(|&i| self.key(i) == key),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&RawJson> {
        self.position(key).map(|i| &self.values[i])
    }

    /// Whether there is a field `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets the value of `key`: where it stands if it is there (returning the value it
    /// replaces), at the end otherwise.
    ///
    /// # Panics
    ///
    /// When the keys, together, would pass 4 GiB.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<RawJson>) -> Option<RawJson> {
        let (key, value) = (key.into(), value.into());
        let slot = match &self.index {
            Some(index) => match index.find(self, &key) {
                Ok(i) => return Some(std::mem::replace(&mut self.values[i], value)),
                Err(slot) => Some(slot),
            },
            None => {
                if let Some(i) = self.position(&key) {
                    return Some(std::mem::replace(&mut self.values[i], value));
                }
                None
            }
        };
        self.push(&key, value);
        let i = self.len() - 1;
        let len = self.len();
        match (slot, &mut self.index) {
            // At most 7/8 of the slots taken; beyond, an index twice as large.
            (Some(slot), Some(index)) if len * 8 <= index.places.len() * 7 => {
                index.fill(slot, i);
            }
            _ if len > LINEAR_UP_TO => self.reindex(),
            _ => {}
        }
        None
    }

    /// Appends a field (whose key is not there).
    fn push(&mut self, key: &str, value: RawJson) {
        self.keys.push_str(key);
        let end = u32::try_from(self.keys.len()).expect("the keys of an Extra pass 4 GiB");
        self.ends.push(end);
        self.values.push(value);
    }

    /// Builds the index anew (or drops it, for few keys).
    fn reindex(&mut self) {
        self.index = None;
        if self.len() > LINEAR_UP_TO {
            self.index = Some(Index::of(self));
        }
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<RawJson> {
        let i = self.position(key)?;
        let value = std::mem::replace(&mut self.values[i], RawJson::null());
        let mut n = 0;
        self.retain(|_, _| {
            n += 1;
            n - 1 != i
        });
        Some(value)
    }

    /// Keeps the fields for which `keep` is true, in their order.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &RawJson) -> bool) {
        let Extra {
            keys, ends, values, ..
        } = std::mem::take(self);
        let mut start = 0;
        for (end, value) in ends.into_iter().zip(values) {
            let key = &keys[start..end as usize];
            start = end as usize;
            if keep(key, &value) {
                self.push(key, value);
            }
        }
        self.reindex();
    }

    /// Removes every field.
    pub fn clear(&mut self) {
        *self = Extra::default();
    }

    /// The fields, in order.
    pub fn iter(&self) -> ExtraIter<'_> {
        ExtraIter {
            extra: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.key(i))
    }

    /// The fields as a `serde_json` map (built on each call).
    pub fn to_map(&self) -> serde_json::Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_string(), v.to_value()))
            .collect()
    }
}

/// An empty slot of an [`Index`] where a key would go, with its hash's tag (the hash
/// computed once for the search and the filling).
#[derive(Clone, Copy)]
struct Vacant {
    slot: usize,
    tag: u8,
}

/// Where each key of an [`Extra`] is: open addressing with linear probing over slots that
/// hold a field's place (4 bytes) and 7 bits of its key's hash (1 byte), at most 7/8 of
/// them taken (the keys' hashes are keyed at random, as `HashMap`'s are).
#[derive(Clone)]
struct Index {
    /// A field's place + 1 in each slot, 0 in an empty one.
    places: Vec<u32>,
    /// Seven bits of the hash of the key in each slot.
    tags: Vec<u8>,
    hasher: std::collections::hash_map::RandomState,
}

impl Index {
    /// The index of the fields of `extra`.
    fn of(extra: &Extra) -> Index {
        let slots = (extra.len() * 8 / 7 + 1).next_power_of_two().max(32);
        let mut index = Index {
            places: vec![0; slots],
            tags: vec![0; slots],
            hasher: std::collections::hash_map::RandomState::new(),
        };
        for i in 0..extra.len() {
            let key = extra.key(i);
            if let Err(slot) = index.find(extra, key) {
                index.fill(slot, i);
            }
        }
        index
    }

    fn hash(&self, key: &str) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one(key)
    }

    /// The place of `key` in `extra`, or the empty slot where it would go.
    fn find(&self, extra: &Extra, key: &str) -> Result<usize, Vacant> {
        let hash = self.hash(key);
        let tag = (hash >> 57) as u8;
        let mask = self.places.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.places[slot] {
                0 => return Err(Vacant { slot, tag }),
                place => {
                    let i = place as usize - 1;
                    if self.tags[slot] == tag && extra.key(i) == key {
                        return Ok(i);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Puts the field `i` in the `vacant` slot found for its key.
    fn fill(&mut self, vacant: Vacant, i: usize) {
        self.places[vacant.slot] = u32::try_from(i + 1).expect("an Extra of 4 billion keys");
        self.tags[vacant.slot] = vacant.tag;
    }
}

impl PartialEq for Extra {
    /// The same fields in the same order.
    fn eq(&self, other: &Extra) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
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

/// The fields of an [`Extra`], in order ([`Extra::iter`]).
#[derive(Clone)]
pub struct ExtraIter<'a> {
    extra: &'a Extra,
    front: usize,
    back: usize,
}

impl<'a> Iterator for ExtraIter<'a> {
    type Item = (&'a str, &'a RawJson);

    fn next(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        let i = self.front;
        self.front += 1;
        Some((self.extra.key(i), &self.extra.values[i]))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for ExtraIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some((self.extra.key(self.back), &self.extra.values[self.back]))
    }
}

impl ExactSizeIterator for ExtraIter<'_> {}

impl std::iter::FusedIterator for ExtraIter<'_> {}

impl fmt::Debug for ExtraIter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a str, &'a RawJson);
    type IntoIter = ExtraIter<'a>;

    fn into_iter(self) -> ExtraIter<'a> {
        self.iter()
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
    use std::hash::BuildHasher;

    proptest::proptest! {
        /// Strings are written as serde_json writes them.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "\\PC*|[\u{0}-\u{1f}\"\\\\a]{0,12}") {
            let mut out = String::new();
            write_str(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }

        /// Many keys, repeated, removed, kept: the fields are those of a plain list of
        /// pairs where a key is looked for from the start (the reference), in its order,
        /// found by the index as by a linear search, written as the list writes them.
        #[test]
        fn fields_are_those_of_a_list_of_pairs(
            ops in proptest::collection::vec(
                (0u8..10, "[a-e]{1,3}|k[0-9]{1,3}|é|", proptest::sample::select(vec![
                    "0", "null", "\"oui\"", "\"éé\"", "[1,2]", "1234567", "12345678",
                    "123456789", "{\"a\":[true,false]}",
                ])),
                0..300,
            ),
        ) {
            let mut extra = Extra::new();
            let mut plain: Vec<(String, RawJson)> = Vec::new();
            for (op, key, value) in &ops {
                let value = RawJson::parse(value).unwrap();
                match op {
                    0 => {
                        let removed = extra.remove(key);
                        let at = plain.iter().position(|(k, _)| k == key);
                        proptest::prop_assert_eq!(removed, at.map(|i| plain.remove(i).1));
                    }
                    1 if key.len() == 1 => {
                        extra.retain(|k, _| !k.starts_with(key.as_str()));
                        plain.retain(|(k, _)| !k.starts_with(key.as_str()));
                    }
                    2 if key.is_empty() => {
                        extra.clear();
                        plain.clear();
                    }
                    _ => {
                        let old = extra.insert(key.as_str(), value.clone());
                        let was = match plain.iter_mut().find(|(k, _)| k == key) {
                            Some((_, v)) => Some(std::mem::replace(v, value)),
                            None => {
                                plain.push((key.clone(), value));
                                None
                            }
                        };
                        proptest::prop_assert_eq!(old, was);
                    }
                }
                proptest::prop_assert_eq!(extra.len(), plain.len());
            }
            for (k, v) in &plain {
                proptest::prop_assert_eq!(extra.get(k), Some(v));
                proptest::prop_assert!(extra.contains_key(k));
            }
            for (_, key, _) in &ops {
                proptest::prop_assert_eq!(extra.get(key), plain.iter().find(|(k, _)| k == key).map(|(_, v)| v));
            }
            fn pairs<'a>(it: impl Iterator<Item = (&'a str, &'a RawJson)>) -> Vec<(String, RawJson)> { it.map(|(k, v)| (k.to_string(), v.clone())).collect() }
            proptest::prop_assert_eq!(&pairs(extra.iter()), &plain);
            let mut backwards = pairs(extra.iter().rev());
            backwards.reverse();
            proptest::prop_assert_eq!(&backwards, &plain);
            proptest::prop_assert_eq!(extra.keys().collect::<Vec<_>>(), plain.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
            let mut written = String::from("{");
            for (i, (k, v)) in plain.iter().enumerate() {
                if i > 0 {
                    written.push(',');
                }
                write_str(&mut written, k);
                written.push(':');
                written.push_str(v.get());
            }
            written.push('}');
            proptest::prop_assert_eq!(serde_json::to_string(&extra).unwrap(), written);
            let read: Extra = serde_json::from_str(&serde_json::to_string(&extra).unwrap()).unwrap();
            proptest::prop_assert_eq!(&read, &extra);
            proptest::prop_assert_eq!(extra.clone(), plain.iter().cloned().collect::<Extra>());
        }

        /// A text held in place is the same value as one on the heap.
        #[test]
        fn short_texts_are_values_like_long_ones(a in "[aé\"\\\\]{0,6}", b in "[aé]{0,6}") {
            let (ra, rb) = (RawJson::string(&a), RawJson::string(&b));
            proptest::prop_assert_eq!(ra.get(), serde_json::to_string(&a).unwrap());
            proptest::prop_assert_eq!(ra.as_str().unwrap(), a.as_str());
            proptest::prop_assert_eq!(ra == rb, a == b);
            proptest::prop_assert_eq!(ra.cmp(&rb), ra.get().cmp(rb.get()));
            let state = std::collections::hash_map::RandomState::new();
            proptest::prop_assert_eq!(state.hash_one(&ra), state.hash_one(ra.get()));
        }
    }

    #[test]
    fn a_hundred_thousand_keys_repeated_stay_compact() {
        let mut extra = Extra::new();
        for round in 0..3 {
            for i in 0..100_000 {
                extra.insert(format!("k{i}"), RawJson::from(i64::from(i + round)));
            }
        }
        assert_eq!(extra.len(), 100_000);
        assert_eq!(extra["k99999"], 100_001i64);
        assert_eq!(extra.keys().nth(5), Some("k5"));
        assert_eq!(
            extra.keys.len(),
            (0..100_000).map(|i| format!("k{i}").len()).sum::<usize>()
        );
        assert_eq!(std::mem::size_of::<RawJson>(), 16);
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
