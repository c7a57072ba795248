//! Records as read: [`Entry`] (before validation), [`CheckedEntry`] (validated), and the
//! record itself, [`Input`].

use serde_json::{Map, Value};

use crate::validate::{Checked, Validator};
use crate::Record;

/// One record as read, before validation.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where the record is: for JSON Lines and CSV, the 1-based physical line where it
    /// starts (a CSV header is line 1); for a JSON array, the record's 1-based position
    /// in the array; for a document holding one object, 1.
    pub line: u64,
    /// The record.
    pub input: Input,
}

/// One record as read and validated ([`Reader::next_checked`](super::Reader::next_checked)).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedEntry<R> {
    /// Where the record is, as [`Entry::line`].
    pub line: u64,
    /// The verdict: what [`Input::check`] gives for the record.
    pub checked: Checked<R>,
}

/// A record as read, not yet validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// The raw JSON text of one record (from JSON or JSON Lines); syntactically valid
    /// JSON, not necessarily an object.
    Json(String),
    /// A CSV row, flattened back: lists as arrays, numbers as numbers where they parse,
    /// the columns the schema does not know as strings; empty cells of the schema's
    /// columns left out.
    Fields(Map<String, Value>),
}

impl Input {
    /// Validates the record ([`Validator::check_json`] for JSON text,
    /// [`Validator::check_value`] for a CSV row).
    ///
    /// ```
    /// use data_inclusion_schema::io::Input;
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let input = Input::Json(r#"{"source": "dora", "id": "dora--1", "nom": "M", "date_maj": "2025-02-14"}"#.into());
    /// let checked = input.check::<Structure>(&Validator::new());
    /// assert_eq!(checked.problems[0].code(), "string_too_short");
    /// ```
    pub fn check<R: Record>(&self, validator: &Validator) -> Checked<R> {
        match self {
            Input::Json(text) => validator.check_json(text),
            Input::Fields(map) => validator.check_map(map),
        }
    }

    /// [`Input::check`] without the record ([`Validator::verdict_json`]).
    pub(crate) fn verdict<R: Record>(&self, validator: &Validator) -> Checked<()> {
        match self {
            Input::Json(text) => validator.verdict_json::<R>(text),
            Input::Fields(map) => validator.check_map::<R>(map).without_record(),
        }
    }

    /// Whether the record (a JSON object, or a CSV row with a non-empty cell) has this
    /// key, whatever its value; a peek at the keys that parses nothing else.
    ///
    /// ```
    /// use data_inclusion_schema::io::Input;
    ///
    /// let input = Input::Json(r#"{"id": "dora--1", "structure_id": "dora--s1"}"#.into());
    /// assert!(input.has_key("structure_id"));
    /// assert!(!input.has_key("siret"));
    /// ```
    pub fn has_key(&self, key: &str) -> bool {
        match self {
            Input::Json(text) => json_has_key(text, key),
            Input::Fields(map) => map.contains_key(key),
        }
    }
}

/// Whether the top-level object of `text` has `key` (false when it is not an object).
fn json_has_key(text: &str, key: &str) -> bool {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let mut found = match jiter.next_object() {
        Ok(Some(k)) => k == key,
        _ => return false,
    };
    loop {
        if found {
            return true;
        }
        if jiter.next_skip().is_err() {
            return false;
        }
        found = match jiter.next_key() {
            Ok(Some(k)) => k == key,
            _ => return false,
        };
    }
}
