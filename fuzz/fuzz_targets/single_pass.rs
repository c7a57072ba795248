//! The single pass against the full check (`check_text`): the same record, the same
//! problems, the same verdict as `is_valid_json`, for `Service` and `Structure`, strict
//! or not, and the verdict-only pass (`fast_verdict`) answering where `fast_read` builds
//! the record; and, when the text is JSON, `check_value` against `check_value_fully` and
//! against `check_json` of the value's text. Two kinds of input:
//!
//! - any text (an input whose first byte is not 0x01), JSON or not;
//! - after a first byte 0x01, a structure-aware record (`arbitrary`): a record of the
//!   fixtures, valid or not, with fields set to values drawn from the referentials,
//!   dates, URLs, e-mails, codes, edge numbers, nested values, near-misses of every
//!   value, lists; removed; unknown fields; written as JSON text, plainly or escaped
//!   (`\u00e9`, `\/`). These reach the checks past the first field, which raw bytes
//!   rarely do.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use data_inclusion_fuzz::{check_text, escape, field_names, hash, records, words};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value};

#[derive(Arbitrary, Debug)]
struct Case {
    service: bool,
    base: u8,
    edits: Vec<Edit>,
    strict: bool,
    escaped: bool,
}

#[derive(Arbitrary, Debug)]
enum Edit {
    Set(Field, Json),
    Remove(Field),
    List(Field, Vec<Json>),
}

#[derive(Arbitrary, Debug)]
enum Field {
    Known(u8),
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Json {
    Null,
    Bool(bool),
    Small(i8),
    Int(i64),
    Uint(u64),
    Float(f64),
    Edge(u8),
    /// A word: a referential value, a field name, an interesting string.
    Word(u16),
    /// A word with a character replaced (0), inserted (1) or removed (2).
    Near(u16, u8, u8, char),
    /// A character repeated (the length limits).
    Repeat(u16, char),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

fn name(field: &Field) -> String {
    match field {
        Field::Known(i) => field_names()[usize::from(*i) % field_names().len()].to_string(),
        Field::Other(s) => s.clone(),
    }
}

fn word(i: u16) -> &'static str {
    let words = words();
    &words[usize::from(i) % words.len()]
}

fn value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::from(*b),
        Json::Small(n) => Value::from(*n),
        Json::Int(n) => Value::from(*n),
        Json::Uint(n) => Value::from(*n),
        Json::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Json::Edge(i) => {
            let edges = [
                0.5,
                1.0,
                2.5,
                -0.0,
                1e300,
                9.0e15,
                4.0,
                1e-300,
                9007199254740993.0,
            ];
            Value::from(edges[usize::from(*i) % edges.len()])
        }
        Json::Word(i) => Value::from(word(*i)),
        Json::Near(i, at, how, c) => {
            let mut chars: Vec<char> = word(*i).chars().collect();
            let at = usize::from(*at) % (chars.len() + 1);
            let end = (at + 1).min(chars.len());
            match how % 3 {
                0 => drop(chars.splice(at..end, [*c])),
                1 => chars.insert(at, *c),
                _ => drop(chars.drain(at..end)),
            }
            Value::from(chars.into_iter().collect::<String>())
        }
        Json::Repeat(n, c) => Value::from(c.to_string().repeat(usize::from(*n) % 400)),
        Json::Str(s) => Value::from(s.as_str()),
        Json::Array(items) => Value::Array(items.iter().map(value).collect()),
        Json::Object(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), value(v)))
                .collect::<Map<_, _>>(),
        ),
    }
}

fn structured(case: Case) {
    let records = records();
    let pool = if case.service {
        &records.services
    } else {
        &records.structures
    };
    let mut record = pool[usize::from(case.base) % pool.len()].clone();
    let Some(map) = record.as_object_mut() else {
        return;
    };
    for edit in &case.edits {
        match edit {
            Edit::Set(field, json) => {
                map.insert(name(field), value(json));
            }
            Edit::Remove(field) => {
                map.remove(&name(field));
            }
            Edit::List(field, items) => {
                map.insert(name(field), Value::Array(items.iter().map(value).collect()));
            }
        }
    }
    let text = record.to_string();
    let text = if case.escaped { escape(&text) } else { text };
    check_text(&text, case.strict);
}

fuzz_target!(|data: &[u8]| match data.split_first() {
    Some((1, rest)) => {
        if let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(rest)) {
            structured(case);
        }
    }
    _ => {
        let text = String::from_utf8_lossy(data);
        check_text(&text, hash(data).is_multiple_of(2));
    }
});
