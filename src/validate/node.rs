//! The untyped input that validation reads: one tree for JSON text (parsed by jiter, as
//! the official package parses it: see [`parse`]), `serde_json::Value` and CSV rows.

use std::borrow::Cow;

use serde_json::Value;

use crate::RawJson;

/// An input value. Strings borrow from the input where they can.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer beyond `i64`, as its decimal text.
    BigInt(String),
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// In input order, repeated keys included: whoever reads it lets the last one win (as
    /// the official package reads duplicate keys).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
    /// Consecutive members of the record's object that the schema does not know, read
    /// (their syntax checked as the tree's would be) but not built: their text as written,
    /// from the first one's key to the last one's value, the commas and whitespace between
    /// included. In the record's [`Node::Object`], the value of a pair whose key is empty
    /// (one pair for the whole run, whatever its length); read back with
    /// [`members_of`]. They only go to the record's `extra`, so that a huge unknown field,
    /// or a million unknown keys, cost their text, not a tree many times its size.
    Members(&'a str),
}

impl<'a> Node<'a> {
    /// Reads a `serde_json::Value`, borrowing its strings.
    pub(crate) fn from_value(value: &'a Value) -> Node<'a> {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Node::Int(i)
                } else if let Some(u) = n.as_u64() {
                    Node::BigInt(u.to_string())
                } else {
                    Node::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => Node::Str(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::from_value).collect()),
            Value::Object(map) => Node::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// Reads a JSON object's members (a CSV row), borrowing its strings.
    pub(crate) fn from_map(map: &'a serde_json::Map<String, Value>) -> Node<'a> {
        Node::Object(
            map.iter()
                .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_value(v)))
                .collect(),
        )
    }

    /// The value as JSON, for reports and for the fields the schema does not know.
    /// Non-finite numbers, which JSON cannot hold, become `null` (as the official
    /// package writes them).
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(i) => Value::from(*i),
            Node::BigInt(s) => s
                .parse::<u64>()
                .map(Value::from)
                .or_else(|_| s.parse::<f64>().map(Value::from))
                .unwrap_or(Value::Null),
            Node::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Node::Str(s) => Value::String(s.to_string()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(pairs) => {
                let mut map = serde_json::Map::new();
                for (k, v) in pairs {
                    match v {
                        Node::Members(text) => members_of(text, |k, raw| {
                            map.insert(k.into_owned(), raw.to_value());
                        }),
                        _ => {
                            map.insert(k.to_string(), v.to_value());
                        }
                    }
                }
                Value::Object(map)
            }
            // Not a value: only found among an object's pairs.
            Node::Members(_) => Value::Null,
        }
    }
}

impl Node<'_> {
    /// The value as compact JSON text, for the fields the schema does not know: strings
    /// escaped as serde_json escapes them, integers of any size as they were written,
    /// non-finite numbers as `null` (JSON cannot hold them), the members of an object in
    /// their order, repeated keys included.
    pub(crate) fn to_raw(&self) -> RawJson {
        let mut out = String::new();
        self.write_raw(&mut out);
        RawJson::from_compact(out)
    }

    fn write_raw(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Int(i) => out.push_str(&i.to_string()),
            Node::BigInt(digits) => out.push_str(digits),
            Node::Float(f) => crate::extra::write_f64(out, *f),
            Node::Str(s) => crate::extra::write_str(out, s),
            Node::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_raw(out);
                }
                out.push(']');
            }
            Node::Object(members) => {
                out.push('{');
                let mut first = true;
                let mut member = |out: &mut String, key: &str| {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    crate::extra::write_str(out, key);
                    out.push(':');
                };
                for (key, value) in members {
                    match value {
                        Node::Members(text) => members_of(text, |key, raw| {
                            member(out, &key);
                            out.push_str(raw.get());
                        }),
                        _ => {
                            member(out, key);
                            value.write_raw(out);
                        }
                    }
                }
                out.push('}');
            }
            // Not a value: only found among an object's pairs.
            Node::Members(_) => out.push_str("null"),
        }
    }
}

/// Each member of a [`Node::Members`] span, in order (repeated keys included): its key
/// and its value as compact JSON text, written as the single pass's tokenizer reads it
/// (no tree), or, where the tokenizer gives up (`NaN`, integers beyond `i64`, control
/// characters), as jiter reads it, each value from jiter's tree of that value alone. The
/// text was read once already: it is members of an object.
pub(crate) fn members_of(text: &str, mut member: impl FnMut(Cow<'_, str>, RawJson)) {
    if super::fast::members(text, &mut member) {
        return;
    }
    let wrapped = format!("{{{text}}}");
    let mut jiter = jiter::Jiter::new(wrapped.as_bytes()).with_allow_inf_nan();
    let Ok(mut key) = jiter.next_object_bytes() else {
        return;
    };
    while let Some(k) = key {
        let Ok(k) = text_of(k, &wrapped) else { return };
        let Ok(peek) = jiter.peek() else { return };
        let start = jiter.current_index();
        if skip_value(&mut jiter, peek, &wrapped, 1).is_err() {
            return;
        }
        let end = jiter.current_index();
        member(k, raw_of(wrapped.get(start..end).unwrap_or("null")));
        key = match jiter.next_key_bytes() {
            Ok(key) => key,
            Err(_) => return,
        };
    }
}

/// The compact JSON text of one value of a [`Node::Members`] span: written as it is read
/// by the single pass's tokenizer (no tree), or, where the tokenizer gives up (`NaN`,
/// integers beyond `i64`), from jiter's tree of that value alone. The text was read once
/// already: it is JSON.
fn raw_of(text: &str) -> RawJson {
    if let Some(raw) = super::fast::raw_of(text) {
        return raw;
    }
    match parse(text) {
        Ok(node) => node.to_raw(),
        Err(_) => RawJson::null(),
    }
}

/// The deepest nesting of non-empty arrays and objects that the official package's
/// parser (jiter, in pydantic-core) accepts; deeper is a JSON error.
pub(crate) const MAX_DEPTH: usize = 200;

/// Parses JSON text straight into a [`Node`] with jiter's token API (no intermediate
/// tree), accepting what the official package accepts: `NaN` and `Infinity`, integers of
/// any size, nesting up to [`MAX_DEPTH`], the last of duplicate keys. Strings without
/// escapes borrow from `text`. On failure, jiter's description of the error
/// (`"… at line L column C"`).
pub(crate) fn parse(text: &str) -> Result<Node<'_>, String> {
    parse_with(text, None)
}

/// Parses a record's JSON text as [`parse`] does, but the members of the record's object
/// whose key `index` does not know are read without being built: each run of them is one
/// [`Node::Members`] span. The errors are [`parse`]'s.
pub(crate) fn parse_record(
    text: &str,
    index: fn(&str) -> Option<usize>,
) -> Result<Node<'_>, String> {
    parse_with(text, Some(index))
}

fn parse_with(text: &str, index: Option<fn(&str) -> Option<usize>>) -> Result<Node<'_>, String> {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let result = jiter
        .peek()
        .map_err(Failure::Jiter)
        .and_then(|peek| parse_value(&mut jiter, peek, text, 0, index))
        .and_then(|node| jiter.finish().map(|()| node).map_err(Failure::Jiter));
    result.map_err(|failure| match failure {
        Failure::Jiter(e) => e.description(&jiter),
        Failure::Depth(index) => format!(
            "recursion limit exceeded at {}",
            jiter.error_position(index)
        ),
        Failure::Escape(index) => format!("invalid escape at {}", jiter.error_position(index)),
    })
}

/// The members of the top-level object of `text` named in `wanted`, as an object node
/// (the others skipped, not built); `None` when `text` is not an object. For advice,
/// which reads a few fields of records the single pass has already accepted.
#[cfg(feature = "advice")]
pub(crate) fn parse_members<'a>(text: &'a str, wanted: &[&str]) -> Option<Node<'a>> {
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let mut members = Vec::new();
    let mut key = jiter.next_object().ok()?.map(str::to_string);
    while let Some(k) = key {
        if wanted.contains(&k.as_str()) {
            let peek = jiter.peek().ok()?;
            let value = parse_value(&mut jiter, peek, text, 1, None).ok()?;
            members.push((Cow::Owned(k), value));
        } else {
            jiter.next_skip().ok()?;
        }
        key = jiter.next_key().ok()?.map(str::to_string);
    }
    Some(Node::Object(members))
}

enum Failure {
    Jiter(jiter::JiterError),
    Depth(usize),
    Escape(usize),
}

impl From<jiter::JiterError> for Failure {
    fn from(e: jiter::JiterError) -> Self {
        Failure::Jiter(e)
    }
}

/// A string or key as jiter scanned it (the raw bytes between the quotes, escapes and
/// control characters already checked): borrowed from `text` (which is valid UTF-8, and
/// the quotes are ASCII, so the slice is too; no second UTF-8 validation), and decoded
/// only when it has escapes.
fn text_of<'a>(raw: &[u8], text: &'a str) -> Result<Cow<'a, str>, Failure> {
    let start = (raw.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let end = start.wrapping_add(raw.len());
    let Some(slice) = text.get(start..end) else {
        return Err(Failure::Escape(start));
    };
    if !raw.contains(&b'\\') {
        return Ok(Cow::Borrowed(slice));
    }
    let quoted = text
        .get(start.wrapping_sub(1)..end.wrapping_add(1))
        .ok_or(Failure::Escape(start))?;
    serde_json::from_str::<String>(quoted)
        .map(Cow::Owned)
        .map_err(|_| Failure::Escape(start))
}

/// Where the key that jiter scanned as `raw` starts in `text`: its opening quote.
fn quote_of(raw: &[u8], text: &str) -> usize {
    (raw.as_ptr() as usize)
        .wrapping_sub(text.as_ptr() as usize)
        .wrapping_sub(1)
}

/// The pair of a [`Node::Members`] span: `text[start..end]` under an empty key.
pub(crate) fn members_pair(text: &str, start: usize, end: usize) -> (Cow<'_, str>, Node<'_>) {
    (
        Cow::Borrowed(""),
        Node::Members(text.get(start..end).unwrap_or_default()),
    )
}

/// Parses a value at `depth`; with `index`, the members of the object whose key `index`
/// does not know are [`Node::Members`] spans (`index` is given for the record's object
/// alone).
fn parse_value<'a>(
    jiter: &mut jiter::Jiter<'_>,
    peek: jiter::Peek,
    text: &'a str,
    depth: usize,
    index: Option<fn(&str) -> Option<usize>>,
) -> Result<Node<'a>, Failure> {
    use jiter::{NumberAny, NumberInt, Peek};
    Ok(match peek {
        Peek::Null => {
            jiter.known_null()?;
            Node::Null
        }
        Peek::True | Peek::False => Node::Bool(jiter.known_bool(peek)?),
        Peek::String => Node::Str(text_of(jiter.known_bytes()?, text)?),
        Peek::Array => {
            let mut items = Vec::new();
            if let Some(mut next) = jiter.known_array()? {
                if depth >= MAX_DEPTH {
                    return Err(Failure::Depth(jiter.current_index()));
                }
                loop {
                    items.push(parse_value(jiter, next, text, depth + 1, None)?);
                    match jiter.array_step()? {
                        Some(p) => next = p,
                        None => break,
                    }
                }
            }
            Node::Array(items)
        }
        Peek::Object => {
            let mut members: Vec<(Cow<'a, str>, Node<'a>)> = Vec::new();
            let first = match jiter.next_object_bytes()? {
                Some(k) => Some((text_of(k, text)?, quote_of(k, text))),
                None => None,
            };
            if let Some((mut key, key_start)) = first {
                if depth >= MAX_DEPTH {
                    return Err(Failure::Depth(jiter.current_index()));
                }
                // The run of unknown members being read: where its first key starts,
                // where its last value ends.
                let mut run: Option<(usize, usize)> = None;
                let mut key_start = key_start;
                loop {
                    let peek = jiter.peek()?;
                    match index {
                        Some(index) if index(&key).is_none() => {
                            skip_value(jiter, peek, text, depth + 1)?;
                            let end = jiter.current_index();
                            run = Some((run.map_or(key_start, |(start, _)| start), end));
                        }
                        _ => {
                            if let Some((start, end)) = run.take() {
                                members.push(members_pair(text, start, end));
                            }
                            members.push((key, parse_value(jiter, peek, text, depth + 1, None)?));
                        }
                    }
                    match jiter.next_key_bytes()? {
                        Some(k) => {
                            key_start = quote_of(k, text);
                            key = text_of(k, text)?;
                        }
                        None => break,
                    }
                }
                if let Some((start, end)) = run {
                    members.push(members_pair(text, start, end));
                }
            }
            Node::Object(members)
        }
        _ => match jiter.known_number(peek)? {
            NumberAny::Int(NumberInt::Int(i)) => Node::Int(i),
            NumberAny::Int(NumberInt::BigInt(b)) => Node::BigInt(b.to_string()),
            NumberAny::Float(f) => Node::Float(f),
        },
    })
}

/// Reads a value as [`parse_value`] does, with the same errors, building nothing.
fn skip_value(
    jiter: &mut jiter::Jiter<'_>,
    peek: jiter::Peek,
    text: &str,
    depth: usize,
) -> Result<(), Failure> {
    use jiter::Peek;
    match peek {
        Peek::Null => jiter.known_null()?,
        Peek::True | Peek::False => {
            jiter.known_bool(peek)?;
        }
        Peek::String => {
            text_of(jiter.known_bytes()?, text)?;
        }
        Peek::Array => {
            if let Some(mut next) = jiter.known_array()? {
                if depth >= MAX_DEPTH {
                    return Err(Failure::Depth(jiter.current_index()));
                }
                loop {
                    skip_value(jiter, next, text, depth + 1)?;
                    match jiter.array_step()? {
                        Some(p) => next = p,
                        None => break,
                    }
                }
            }
        }
        Peek::Object => {
            let first = match jiter.next_object_bytes()? {
                Some(k) => Some(text_of(k, text)?),
                None => None,
            };
            if first.is_some() {
                if depth >= MAX_DEPTH {
                    return Err(Failure::Depth(jiter.current_index()));
                }
                loop {
                    let peek = jiter.peek()?;
                    skip_value(jiter, peek, text, depth + 1)?;
                    match jiter.next_key_bytes()? {
                        Some(k) => {
                            text_of(k, text)?;
                        }
                        None => break,
                    }
                }
            }
        }
        _ => {
            jiter.known_number(peek)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v1::Structure;
    use crate::Record;

    /// A record's members, each `(key, value)` as written (keys quoted, some escaped).
    fn record_text(members: &[(&str, &str)], spaces: &[&str]) -> String {
        let space = |i: usize| spaces[i % spaces.len()];
        let mut text = String::from("{");
        for (i, (key, value)) in members.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            text.push_str(space(i));
            text.push_str(key);
            text.push_str(space(i + 1));
            text.push(':');
            text.push_str(space(i + 2));
            text.push_str(value);
            text.push_str(space(i + 3));
        }
        text.push('}');
        text
    }

    /// The members of a record node, the spans read back: each key with its value's
    /// compact text.
    fn expanded(node: &Node<'_>) -> Vec<(String, String)> {
        let Node::Object(pairs) = node else {
            panic!("not an object")
        };
        let mut out = Vec::new();
        for (key, value) in pairs {
            match value {
                Node::Members(text) => members_of(text, |k, raw| {
                    out.push((k.into_owned(), raw.get().to_string()))
                }),
                _ => out.push((key.to_string(), value.to_raw().get().to_string())),
            }
        }
        out
    }

    proptest::proptest! {
        /// A record read with its unknown members as spans (by the tokenizer or by
        /// jiter) gives back the members that the whole tree gives, in order, repeated
        /// keys included, the known ones as nodes; written whole, the same text.
        #[test]
        fn unknown_members_read_as_spans_are_the_members_of_the_tree(
            members in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        r#""nom""#, r#""id""#, r#""x""#, r#""k1""#, r#""""#, r#""n\u006fm""#,
                        r#""é\n""#, r#""score_qualite""#,
                    ]),
                    proptest::sample::select(vec![
                        "0", "-1.5e3", "null", "true", r#""a\"b\u0001""#, r#""ccas""#,
                        "[1, [2, {}], {\"a\": 1, \"a\": 2}]", "{ }", "NaN",
                        "123456789012345678901234567890", "1.0", "[ ]",
                    ]),
                ),
                0..12,
            ),
            spaces in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", "\n\t"]),
                1..4,
            ),
        ) {
            let members: Vec<(&str, &str)> = members;
            let text = record_text(&members, &spaces);
            let whole = parse(&text).unwrap();
            let spans = parse_record(&text, Structure::field_index).unwrap();
            proptest::prop_assert_eq!(expanded(&spans), expanded(&whole));
            proptest::prop_assert_eq!(spans.to_raw(), whole.to_raw());
            proptest::prop_assert_eq!(spans.to_value(), whole.to_value());
            let Node::Object(pairs) = &spans else { panic!() };
            for (i, (key, value)) in pairs.iter().enumerate() {
                let known = Structure::field_index(key).is_some();
                // Known members are nodes, runs of unknown ones one span each.
                proptest::prop_assert_eq!(known, !matches!(value, Node::Members(_)));
                if i > 0 {
                    proptest::prop_assert!(known || !matches!(pairs[i - 1].1, Node::Members(_)));
                }
            }
            if let Some(fast) = super::super::fast::parse_record(&text, Some(Structure::field_index)) {
                proptest::prop_assert_eq!(format!("{fast:?}"), format!("{spans:?}"));
            }
        }
    }

    #[test]
    fn a_thousand_unknown_members_are_one_span() {
        let members = (0..1000)
            .map(|i| format!(r#""k{i}": {i}"#))
            .collect::<Vec<_>>();
        let text = format!(
            r#"{{"nom": "M", {}, "id": "x", "k0": []}}"#,
            members.join(", ")
        );
        for tree in [
            parse_record(&text, Structure::field_index).unwrap(),
            super::super::fast::parse_record(&text, Some(Structure::field_index)).unwrap(),
        ] {
            let Node::Object(pairs) = &tree else { panic!() };
            assert_eq!(pairs.len(), 4);
            assert!(matches!(pairs[1].1, Node::Members(span) if span == members.join(", ")));
            assert_eq!(expanded(&tree).len(), 1003);
            assert_eq!(expanded(&tree)[1002], ("k0".to_string(), "[]".to_string()));
        }
    }
}
