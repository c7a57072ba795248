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
            Node::Object(pairs) => Value::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_value()))
                    .collect(),
            ),
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
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    crate::extra::write_str(out, key);
                    out.push(':');
                    value.write_raw(out);
                }
                out.push('}');
            }
        }
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
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let result = jiter
        .peek()
        .map_err(Failure::Jiter)
        .and_then(|peek| parse_value(&mut jiter, peek, text, 0))
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
            let value = parse_value(&mut jiter, peek, text, 1).ok()?;
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

fn parse_value<'a>(
    jiter: &mut jiter::Jiter<'_>,
    peek: jiter::Peek,
    text: &'a str,
    depth: usize,
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
                    items.push(parse_value(jiter, next, text, depth + 1)?);
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
                Some(k) => Some(text_of(k, text)?),
                None => None,
            };
            if let Some(mut key) = first {
                if depth >= MAX_DEPTH {
                    return Err(Failure::Depth(jiter.current_index()));
                }
                loop {
                    let peek = jiter.peek()?;
                    let value = parse_value(jiter, peek, text, depth + 1)?;
                    members.push((key, value));
                    match jiter.next_key_bytes()? {
                        Some(k) => key = text_of(k, text)?,
                        None => break,
                    }
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
