//! The untyped input that validation reads: one tree for JSON text (parsed by jiter, as
//! the official package parses it), `serde_json::Value` and CSV rows.

use std::borrow::Cow;

use serde_json::Value;

/// Objects up to this many keys find duplicates by a linear scan; larger ones by hashing.
const SMALL_OBJECT: usize = 48;

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
    /// In input order; a repeated key is kept once, with its last value (as the official
    /// package reads duplicate keys).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    /// Reads jiter's tree.
    pub(crate) fn from_jiter(value: jiter::JsonValue<'a>) -> Node<'a> {
        use jiter::JsonValue as J;
        match value {
            J::Null => Node::Null,
            J::Bool(b) => Node::Bool(b),
            J::Int(i) => Node::Int(i),
            J::BigInt(b) => Node::BigInt(b.to_string()),
            J::Float(f) => Node::Float(f),
            J::Str(s) => Node::Str(s),
            J::Array(items) => {
                let items = std::sync::Arc::try_unwrap(items).unwrap_or_else(|a| (*a).clone());
                Node::Array(items.into_iter().map(Node::from_jiter).collect())
            }
            J::Object(pairs) => {
                let pairs = std::sync::Arc::try_unwrap(pairs).unwrap_or_else(|a| (*a).clone());
                let mut out: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(pairs.len());
                if pairs.len() <= SMALL_OBJECT {
                    for (k, v) in pairs {
                        let v = Node::from_jiter(v);
                        match out.iter_mut().find(|(key, _)| *key == k) {
                            Some(slot) => slot.1 = v,
                            None => out.push((k, v)),
                        }
                    }
                } else {
                    let mut index: std::collections::HashMap<Cow<'a, str>, usize> =
                        std::collections::HashMap::with_capacity(pairs.len());
                    for (k, v) in pairs {
                        let v = Node::from_jiter(v);
                        match index.get(&k) {
                            Some(&i) => out[i].1 = v,
                            None => {
                                index.insert(k.clone(), out.len());
                                out.push((k, v));
                            }
                        }
                    }
                }
                Node::Object(out)
            }
        }
    }

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
