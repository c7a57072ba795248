//! The single-pass validator: the typed record is filled straight from the input — the
//! tokens of JSON text ([`Fast`]), `serde_json` values ([`ValueSource`]) or a CSV row's
//! cells (in `io`) — each key dispatched by the generated `field_index` to its field's
//! check, with no intermediate tree and strings borrowed from the input until they go
//! into the record.
//!
//! It is optimistic: it answers only for a record with nothing to report (no error, no
//! warning). At the first doubt — an error, a warning, a lax coercion (`"3"` for a number,
//! `4.0` for an integer), a duplicate in a long list, an integer beyond `i64` — it gives
//! up (`None`) and the full check (the tree walk of `Validator::check_node`) reads the
//! record again and reports everything. So the two cannot disagree on a verdict: a record
//! accepted here would be accepted, identical, by the full check, and anything else is
//! decided by the full check (the property tests here and in `tests/fuzz.rs`, and the
//! conformance corpus, hold both paths to the same outcome).
//!
//! The generated `Record::fast_read` of each record type calls this module (through
//! `crate::__private`); the entry points are `Validator`'s. Beside it, the generated
//! `Record::fast_verdict` answers for the verdict alone (`Validator::is_valid_json`): the
//! same walk, each field through [`Source::field_verdict`] and [`FastField::verdict`],
//! which check a value without building it (a string where the input lends it, a list's
//! items as borrowed strings), the fields the schema does not know skipped; `Some`
//! exactly when `fast_read` gives a record (the tests below and in `tests/fuzz.rs`).

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasher;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{node, rules, scalar};
use crate::spec::{FieldSpec, Rule, TypeSpec};
use crate::RawJson;
use crate::Referential;

/// The first token of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Peek {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A string.
    String,
    /// A number.
    Number,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Peek {
    /// The kind of a `serde_json` value.
    pub fn of_value(value: &Value) -> Peek {
        match value {
            Value::Null => Peek::Null,
            Value::Bool(_) => Peek::Bool,
            Value::Number(_) => Peek::Number,
            Value::String(_) => Peek::String,
            Value::Array(_) => Peek::Array,
            Value::Object(_) => Peek::Object,
        }
    }
}

/// A number as the parser of the official package (jiter) reads it.
pub enum Number {
    /// An integer within `i64`.
    Int(i64),
    /// A finite float.
    Float(f64),
}

impl Number {
    /// A `serde_json` number as the full check reads it (`Node::from_value`); `None` for
    /// an integer beyond `i64`, left to the full check.
    pub fn of_json(n: &serde_json::Number) -> Option<Number> {
        if let Some(i) = n.as_i64() {
            Some(Number::Int(i))
        } else if n.is_u64() {
            None
        } else {
            n.as_f64().map(Number::Float)
        }
    }
}

/// The state of one single-pass validation: a cursor over one record's JSON text.
///
/// The tokenizer reads standard JSON only, and gives up on what it does not need to read
/// fast (`NaN`, integers beyond `i64`, numbers of more than 100 characters, control
/// characters in strings): everything it accepts, jiter (the parser of the official
/// package and of the full check) accepts with the same value.
pub struct Fast<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    state: State,
}

/// What the checks need beside the value: the record, the reference date, the depth.
pub struct State {
    record: &'static str,
    today: NaiveDate,
    /// The nesting depth of the value being read (the record's fields are at depth 1).
    depth: usize,
    /// Only the verdict is wanted: the fields the schema does not know are read (their
    /// syntax checked) but not kept ([`Source::unknown`] gives `null` for them).
    pub(crate) verdict_only: bool,
}

impl State {
    /// The state at the start of a record of type `record` (`Record::NAME`).
    pub fn new(record: &'static str, today: NaiveDate) -> Self {
        State {
            record,
            today,
            depth: 1,
            verdict_only: false,
        }
    }

    /// The state for the verdict alone (`Validator::is_valid_json`): the record read is
    /// thrown away, so the fields the schema does not know are not kept.
    pub(crate) fn verdict_only(mut self) -> Self {
        self.verdict_only = true;
        self
    }
}

impl<'t> Fast<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str, state: State) -> Self {
        Fast {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            state,
        }
    }
}

impl<'t> ValueSource<'t> {
    /// A source over the members of `map`.
    pub fn of_map(map: &'t Map<String, Value>, state: State) -> Self {
        ValueSource {
            entries: Some(map.iter()),
            current: &Value::Null,
            state,
        }
    }
}

/// Whether `text` is one JSON value that jiter reads too, told by the single pass's
/// tokenizer without building anything; `false` when the tokenizer gives up (which does
/// not mean that jiter would). The readers check a record's syntax with it.
#[cfg(feature = "io")]
pub(crate) fn plainly_json(text: &str) -> bool {
    let mut cx = Fast {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        state: State::new("", NaiveDate::MIN),
    };
    cx.peek()
        .and_then(|peek| cx.skip(peek, 0))
        .and_then(|()| cx.end())
        .is_some()
}

/// The tree of the full check, read by the same tokenizer: `None` when the tokenizer
/// gives up (not standard JSON, `NaN`, integers beyond `i64`, …), and jiter must parse.
/// Where it answers, the tree is the one jiter's parse gives (`node::parse`).
#[cfg(test)]
pub(crate) fn parse_node(text: &str) -> Option<node::Node<'_>> {
    parse_record(text, None)
}

/// [`parse_node`], but with `index`, the members of the record's object whose key `index`
/// does not know are read without being built: each run of them is one
/// [`node::Node::Members`] span, as `node::parse_record` reads them.
pub(crate) fn parse_record(
    text: &str,
    index: Option<fn(&str) -> Option<usize>>,
) -> Option<node::Node<'_>> {
    let mut cx = Fast {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        state: State::new("", NaiveDate::MIN),
    };
    let peek = cx.peek()?;
    let tree = match (peek, index) {
        (Peek::Object, Some(index)) => node::Node::Object(cx.record_members(index)?),
        _ => cx.node(peek, 0)?,
    };
    cx.end()?;
    Some(tree)
}

/// Reads the members of a [`node::Node::Members`] span (`key: value` separated by commas,
/// read once already) with `member`, each value as compact JSON text (as [`Source::raw`]
/// writes it); `false`, having called `member` for none, when the tokenizer gives up.
pub(crate) fn members(text: &str, member: &mut impl FnMut(Cow<'_, str>, RawJson)) -> bool {
    // A first reading that builds nothing tells whether the tokenizer reads the whole
    // span (the second, which writes the values, reads the same grammar).
    let read = |write: bool, member: &mut dyn FnMut(Cow<'_, str>, RawJson)| -> Option<()> {
        let mut cx = Fast {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            state: State::new("", NaiveDate::MIN),
        };
        loop {
            let key = cx.key()?;
            let peek = cx.peek()?;
            if write {
                member(key, cx.raw(peek, 1)?);
            } else {
                cx.skip(peek, 1)?;
            }
            cx.skip_whitespace();
            match cx.bytes.get(cx.pos) {
                None => return Some(()),
                Some(b',') => cx.pos += 1,
                Some(_) => return None,
            }
        }
    };
    read(false, &mut |_, _| {}).is_some() && read(true, member).is_some()
}

/// The compact JSON text of one JSON value (an unknown member kept as text by
/// [`parse_record`]), written as it is read, without a tree (as [`Source::raw`]); `None`
/// when the tokenizer gives up.
pub(crate) fn raw_of(text: &str) -> Option<RawJson> {
    let mut cx = Fast {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        state: State::new("", NaiveDate::MIN),
    };
    let peek = cx.peek()?;
    let raw = cx.raw(peek, 1)?;
    cx.end()?;
    Some(raw)
}

/// Where the single-pass validator reads a record from: JSON text (`Fast`) or
/// `serde_json` values (`ValueSource`). The reading methods answer `None` (or `false`)
/// when the value is not what they read or the source gives up; the cursor stands on the
/// value that [`Source::peek`] describes.
pub trait Source<'t>: Sized {
    /// The kind of the current value.
    fn peek(&mut self) -> Option<Peek>;
    /// Reads `null`.
    fn null(&mut self) -> Option<()>;
    /// Reads a boolean.
    fn boolean(&mut self) -> Option<bool>;
    /// Reads a string.
    fn string(&mut self) -> Option<Cow<'t, str>>;
    /// Reads a number.
    fn number(&mut self) -> Option<Number>;
    /// Reads an array at `depth`, each item with `item`; `false` when it fails.
    fn array<F: FnMut(&mut Self, Peek) -> bool>(&mut self, depth: usize, item: F) -> bool;
    /// Reads any value at `depth`, as the full check builds a field of type `Any`.
    fn any(&mut self, peek: Peek, depth: usize) -> Option<Value>;

    /// Reads any value at `depth` as JSON text, as the full check keeps an unknown field
    /// (`Node::to_raw`). By default through [`Source::any`].
    fn raw(&mut self, peek: Peek, depth: usize) -> Option<RawJson> {
        self.any(peek, depth)
            .map(|value| RawJson::from_value(&value))
    }
    /// Opens the record: its first key, `Some(None)` when it has none.
    fn first_key(&mut self) -> Option<Option<Cow<'t, str>>>;
    /// The next key of the record, `Some(None)` at its end.
    fn next_key(&mut self) -> Option<Option<Cow<'t, str>>>;
    /// Nothing after the record.
    fn end(&mut self) -> Option<()>;
    /// The record, the reference date and the depth.
    fn state(&self) -> &State;
    /// Mutable access to [`Source::state`].
    fn state_mut(&mut self) -> &mut State;

    /// The value of a field of the schema, checked against its type, its constraints and
    /// the official package's rule for it.
    fn field<T: FastField>(&mut self, spec: &FieldSpec) -> Option<T> {
        let peek = self.peek()?;
        if peek == Peek::Null {
            // As the full check: `null` is absent for a nullable or optional field.
            if spec.required && !spec.nullable {
                return None;
            }
            self.null()?;
            return T::null();
        }
        let value = T::read(self, peek, &spec.ty)?;
        match spec.rule {
            Some(rule) => value.passes_rule(self.state(), rule).then_some(value),
            None => Some(value),
        }
    }

    /// The value of a field once every key is read: the one seen, or none for an optional
    /// field; a required field that is absent is for the full check to report.
    fn absent<T: FastField>(&self, spec: &FieldSpec, seen: Option<T>) -> Option<T> {
        match seen {
            Some(value) => Some(value),
            None if spec.required => None,
            None => T::null(),
        }
    }

    /// Reads any value at `depth` and forgets it, with the same outcome as
    /// [`Source::raw`] and [`Source::any`] (the verdict of a field of type `Any` is read
    /// with it). By default through [`Source::raw`].
    fn skip_any(&mut self, peek: Peek, depth: usize) -> Option<()> {
        self.raw(peek, depth).map(drop)
    }

    /// The value of a key the schema does not know, kept as JSON text (`null` when only
    /// the verdict is wanted: the value is read, not kept).
    fn unknown(&mut self) -> Option<RawJson> {
        if self.state().verdict_only {
            return self.skip_unknown().map(|()| RawJson::null());
        }
        let peek = self.peek()?;
        let depth = self.state().depth;
        self.raw(peek, depth)
    }

    /// The value of a key the schema does not know, read and forgotten, with the outcome
    /// of [`Source::unknown`].
    fn skip_unknown(&mut self) -> Option<()> {
        let peek = self.peek()?;
        let depth = self.state().depth;
        self.skip_any(peek, depth)
    }

    /// Whether the value of a field of the schema passes: `Some` exactly when
    /// [`Source::field`] gives a value, but the value is checked without being built
    /// where that matters ([`FastField::verdict`]). The generated `Record::fast_verdict`
    /// reads each field with it.
    fn field_verdict<T: FastField>(&mut self, spec: &FieldSpec) -> Option<()> {
        let peek = self.peek()?;
        if peek == Peek::Null {
            // As `field`.
            if spec.required && !spec.nullable {
                return None;
            }
            self.null()?;
            return T::null().map(drop);
        }
        T::verdict(self, peek, &spec.ty, spec.rule)
    }

    /// [`Source::absent`] for the verdict: `seen` when the field was read (and passed).
    fn absent_verdict<T: FastField>(&self, spec: &FieldSpec, seen: bool) -> Option<()> {
        match (seen, spec.required) {
            (true, _) => Some(()),
            (false, true) => None,
            (false, false) => T::null().map(drop),
        }
    }
}

/// A record given as `serde_json` values (a CSV row, a `serde_json::Value`).
pub struct ValueSource<'t> {
    entries: Option<serde_json::map::Iter<'t>>,
    current: &'t Value,
    state: State,
}

impl<'t> Source<'t> for ValueSource<'t> {
    fn peek(&mut self) -> Option<Peek> {
        Some(Peek::of_value(self.current))
    }

    fn null(&mut self) -> Option<()> {
        self.current.is_null().then_some(())
    }

    fn boolean(&mut self) -> Option<bool> {
        self.current.as_bool()
    }

    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.current.as_str().map(Cow::Borrowed)
    }

    fn number(&mut self) -> Option<Number> {
        match self.current {
            Value::Number(n) => Number::of_json(n),
            _ => None,
        }
    }

    fn array<F: FnMut(&mut Self, Peek) -> bool>(&mut self, depth: usize, mut item: F) -> bool {
        let Value::Array(items) = self.current else {
            return false;
        };
        if !items.is_empty() && depth >= node::MAX_DEPTH {
            return false;
        }
        for value in items {
            self.current = value;
            let Some(peek) = self.peek() else {
                return false;
            };
            if !item(self, peek) {
                return false;
            }
        }
        true
    }

    /// The value itself: what the full check keeps of a `serde_json` value is that value.
    fn any(&mut self, _peek: Peek, _depth: usize) -> Option<Value> {
        Some(self.current.clone())
    }

    fn raw(&mut self, _peek: Peek, _depth: usize) -> Option<RawJson> {
        Some(RawJson::from_value(self.current))
    }

    /// Nothing to read: the value is there, as [`Source::raw`] and [`Source::any`]
    /// always take it.
    fn skip_any(&mut self, _peek: Peek, _depth: usize) -> Option<()> {
        Some(())
    }

    fn first_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        self.next_key()
    }

    fn next_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        let entries = self.entries.as_mut()?;
        Some(entries.next().map(|(key, value)| {
            self.current = value;
            Cow::Borrowed(key.as_str())
        }))
    }

    fn end(&mut self) -> Option<()> {
        Some(())
    }

    fn state(&self) -> &State {
        &self.state
    }

    fn state_mut(&mut self) -> &mut State {
        &mut self.state
    }
}

/// The longest number the tokenizer reads (jiter limits the digits of integers and of
/// the integer part of floats; this stays far below).
const MAX_NUMBER_LEN: usize = 100;

/// Whether a byte ends the plain part of a string: a quote, a backslash or a control
/// character.
#[inline(always)]
fn stops_string(b: u8) -> bool {
    (b == b'"') | (b == b'\\') | (b < 0x20)
}

/// The bytes of `word` (little-endian) that [`stops_string`], as the high bit of each
/// byte: the usual bit tricks, whose lowest set bit is exact (a borrow only spreads upward
/// from a byte that is set itself).
#[inline(always)]
fn stop_mask(word: u64) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let quote = zero_byte(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(word ^ (ONES * u64::from(b'\\')));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    quote | backslash | control
}

/// The position of the first byte from `i` that [`stops_string`], or the end: eight bytes
/// at a time, then one at a time.
#[inline]
fn plain_string_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let mask = stop_mask(word);
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if stops_string(b) {
            return i;
        }
        i += 1;
    }
    i
}

impl<'t> Fast<'t> {
    /// Reads a value and forgets it, with `node::parse`'s depth rule.
    fn skip(&mut self, peek: Peek, depth: usize) -> Option<()> {
        match peek {
            Peek::Null => self.null(),
            Peek::Bool => self.boolean().map(drop),
            Peek::String => self.string().map(drop),
            Peek::Number => self.number().map(drop),
            Peek::Array => self
                .array(depth, |cx, peek| cx.skip(peek, depth + 1).is_some())
                .then_some(()),
            Peek::Object => self.object(depth, |cx, _, peek| cx.skip(peek, depth + 1)),
        }
    }

    /// A value as a tree (see [`parse_node`]), with `node::parse`'s depth rule.
    fn node(&mut self, peek: Peek, depth: usize) -> Option<node::Node<'t>> {
        use node::Node;
        Some(match peek {
            Peek::Null => {
                self.null()?;
                Node::Null
            }
            Peek::Bool => Node::Bool(self.boolean()?),
            Peek::String => Node::Str(self.string()?),
            Peek::Number => match self.number()? {
                Number::Int(i) => Node::Int(i),
                Number::Float(f) => Node::Float(f),
            },
            Peek::Array => {
                // A field's list is the largest part of a record's tree: its items are
                // counted first (a reading that builds nothing), so that the tree's
                // vector is allocated once at their number, not grown up to twice it.
                let count = match depth {
                    0 | 1 => self
                        .measured(|cx| cx.count_items(depth))
                        .map_or(0, |(_, n)| n),
                    _ => 0,
                };
                let mut items = Vec::with_capacity(count);
                let ok = self.array(depth, |cx, peek| match cx.node(peek, depth + 1) {
                    Some(node) => {
                        items.push(node);
                        true
                    }
                    None => false,
                });
                Node::Array(ok.then_some(items)?)
            }
            Peek::Object => {
                let mut members = Vec::new();
                self.object(depth, |cx, key, peek| {
                    members.push((key, cx.node(peek, depth + 1)?));
                    Some(())
                })?;
                Node::Object(members)
            }
        })
    }

    /// What `read` gives reading ahead, and how many bytes it read; the cursor stays
    /// where it is. `None` when `read` fails.
    fn measured<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<(usize, T)> {
        let start = self.pos;
        let read = read(self);
        let len = self.pos - start;
        self.pos = start;
        read.map(|read| (len, read))
    }

    /// The number of items of the array at `depth` under the cursor, each read as
    /// [`Fast::skip`] reads it.
    fn count_items(&mut self, depth: usize) -> Option<usize> {
        let mut count = 0;
        self.array(depth, |cx, peek| {
            count += 1;
            cx.skip(peek, depth + 1).is_some()
        })
        .then_some(count)
    }

    /// Writes a value as compact JSON (see [`Source::raw`]), with `node::parse`'s depth
    /// rule; the members of an object in their order, repeated keys included.
    fn write_raw(&mut self, peek: Peek, depth: usize, out: &mut String) -> Option<()> {
        match peek {
            Peek::Null => {
                self.null()?;
                out.push_str("null");
            }
            Peek::Bool => out.push_str(if self.boolean()? { "true" } else { "false" }),
            Peek::String => crate::extra::write_str(out, &self.string()?),
            Peek::Number => match self.number()? {
                Number::Int(i) => out.push_str(&i.to_string()),
                Number::Float(f) => crate::extra::write_f64(out, f),
            },
            Peek::Array => {
                out.push('[');
                let mut first = true;
                let ok = self.array(depth, |cx, peek| {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    cx.write_raw(peek, depth + 1, out).is_some()
                });
                if !ok {
                    return None;
                }
                out.push(']');
            }
            Peek::Object => {
                out.push('{');
                let mut first = true;
                self.object(depth, |cx, key, peek| {
                    if !std::mem::take(&mut first) {
                        out.push(',');
                    }
                    crate::extra::write_str(out, &key);
                    out.push(':');
                    cx.write_raw(peek, depth + 1, out)
                })?;
                out.push('}');
            }
        }
        Some(())
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Reads an object at `depth` (the cursor on its `{`), each member with `member`, under
    /// `node::parse`'s depth rule.
    fn object(
        &mut self,
        depth: usize,
        mut member: impl FnMut(&mut Self, Cow<'t, str>, Peek) -> Option<()>,
    ) -> Option<()> {
        self.pos += 1;
        self.skip_whitespace();
        if self.eat(b'}').is_some() {
            return Some(());
        }
        if depth >= node::MAX_DEPTH {
            return None;
        }
        let mut key = Some(self.key()?);
        while let Some(k) = key {
            let peek = self.peek()?;
            member(self, k, peek)?;
            key = self.next_key()?;
        }
        Some(())
    }

    /// Reads an array at `depth` into the items that `item` makes of its values.
    fn items<T>(
        &mut self,
        depth: usize,
        mut item: impl FnMut(&mut Self, Peek) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut items = Vec::new();
        let ok = self.array(depth, |cx, peek| match item(cx, peek) {
            Some(value) => {
                items.push(value);
                true
            }
            None => false,
        });
        ok.then_some(items)
    }

    /// The members of the record's object (the cursor on its `{`), read as
    /// [`Fast::object`] reads them at depth 0, but each run of members whose key `index`
    /// does not know read without being built: one [`node::Node::Members`] span.
    fn record_members(
        &mut self,
        index: fn(&str) -> Option<usize>,
    ) -> Option<Vec<(Cow<'t, str>, node::Node<'t>)>> {
        let mut members = Vec::new();
        self.pos += 1;
        self.skip_whitespace();
        if self.eat(b'}').is_some() {
            return Some(members);
        }
        // The run of unknown members being read: where its first key starts, where its
        // last value ends.
        let mut run: Option<(usize, usize)> = None;
        loop {
            self.skip_whitespace();
            let key_start = self.pos;
            let key = self.key()?;
            let peek = self.peek()?;
            if index(&key).is_none() {
                self.skip(peek, 1)?;
                run = Some((run.map_or(key_start, |(start, _)| start), self.pos));
            } else {
                if let Some((start, end)) = run.take() {
                    members.push(node::members_pair(self.text, start, end));
                }
                members.push((key, self.node(peek, 1)?));
            }
            self.skip_whitespace();
            match self.bytes.get(self.pos)? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
        if let Some((start, end)) = run {
            members.push(node::members_pair(self.text, start, end));
        }
        Some(members)
    }

    /// `byte` next (after whitespace), consumed.
    #[inline]
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.bytes.get(self.pos) == Some(&byte)).then(|| self.pos += 1)
    }

    #[inline]
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end) == Some(word)).then(|| self.pos = end)
    }

    /// A key and its colon.
    fn key(&mut self) -> Option<Cow<'t, str>> {
        if self.peek()? != Peek::String {
            return None;
        }
        let key = self.string()?;
        self.eat(b':')?;
        Some(key)
    }
}

impl<'t> Source<'t> for Fast<'t> {
    /// The next token (after whitespace), not consumed.
    #[inline]
    fn peek(&mut self) -> Option<Peek> {
        self.skip_whitespace();
        Some(match self.bytes.get(self.pos)? {
            b'"' => Peek::String,
            b'{' => Peek::Object,
            b'[' => Peek::Array,
            b'n' => Peek::Null,
            b't' | b'f' => Peek::Bool,
            b'-' | b'0'..=b'9' => Peek::Number,
            _ => return None,
        })
    }

    fn null(&mut self) -> Option<()> {
        self.literal(b"null")
    }

    fn boolean(&mut self) -> Option<bool> {
        if self.literal(b"true").is_some() {
            Some(true)
        } else {
            self.literal(b"false").map(|()| false)
        }
    }

    /// A string (the cursor on its opening quote): borrowed from the text unless it has
    /// escapes, which are decoded as the full check decodes them.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        let start = self.pos + 1;
        let mut i = plain_string_end(self.bytes, start);
        match self.bytes.get(i)? {
            b'"' => {
                self.pos = i + 1;
                // Quotes are ASCII: the slice is on character boundaries.
                return self.text.get(start..i).map(Cow::Borrowed);
            }
            b'\\' => {}
            _ => return None,
        }
        // Escapes: find the closing quote, then decode the whole string.
        loop {
            match self.bytes.get(i)? {
                b'"' => break,
                b'\\' => i += 2,
                _ => i = plain_string_end(self.bytes, i + 1),
            }
        }
        self.pos = i + 1;
        let quoted = self.text.get(start - 1..i + 1)?;
        serde_json::from_str::<String>(quoted).ok().map(Cow::Owned)
    }

    /// A number in the strict grammar of JSON.
    fn number(&mut self) -> Option<Number> {
        let b = self.bytes;
        let start = self.pos;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i)? {
            b'0' => i += 1,
            b'1'..=b'9' => {
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            _ => return None,
        }
        let mut float = false;
        if b.get(i) == Some(&b'.') {
            float = true;
            i += 1;
            let digits = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == digits {
                return None;
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            float = true;
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            let digits = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == digits {
                return None;
            }
        }
        if i - start > MAX_NUMBER_LEN {
            return None;
        }
        let literal = self.text.get(start..i)?;
        self.pos = i;
        if float {
            // Both parsers round correctly: the same f64.
            literal
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Number::Float)
        } else {
            literal.parse::<i64>().ok().map(Number::Int)
        }
    }

    /// Reads an array's items with `item` (the cursor on `[`), `false` on failure.
    fn array<F: FnMut(&mut Self, Peek) -> bool>(&mut self, depth: usize, mut item: F) -> bool {
        self.pos += 1;
        if self.eat(b']').is_some() {
            return true;
        }
        if depth >= node::MAX_DEPTH {
            return false;
        }
        loop {
            let Some(peek) = self.peek() else {
                return false;
            };
            if !item(self, peek) {
                return false;
            }
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                _ => return false,
            }
        }
    }

    /// Any value, as the full check keeps it (`Node::to_value`): the last of duplicate
    /// keys wins, nesting is limited as the parser of the official package limits it.
    fn any(&mut self, peek: Peek, depth: usize) -> Option<Value> {
        Some(match peek {
            Peek::Null => {
                self.null()?;
                Value::Null
            }
            Peek::Bool => Value::Bool(self.boolean()?),
            Peek::String => Value::String(self.string()?.into_owned()),
            Peek::Number => match self.number()? {
                Number::Int(i) => Value::from(i),
                Number::Float(f) => Value::Number(serde_json::Number::from_f64(f)?),
            },
            Peek::Array => Value::Array(self.items(depth, |cx, peek| cx.any(peek, depth + 1))?),
            Peek::Object => {
                let mut map = Map::new();
                self.object(depth, |cx, key, peek| {
                    let value = cx.any(peek, depth + 1)?;
                    map.insert(key.into_owned(), value);
                    Some(())
                })?;
                Value::Object(map)
            }
        })
    }

    /// Any value read and forgotten ([`Fast::skip`]: what [`Fast::write_raw`] reads,
    /// nothing written).
    fn skip_any(&mut self, peek: Peek, depth: usize) -> Option<()> {
        self.skip(peek, depth)
    }

    /// Any value written as compact JSON as it is read, as the full check writes an
    /// unknown field ([`Node::to_raw`](node::Node::to_raw)): no tree is built.
    fn raw(&mut self, peek: Peek, depth: usize) -> Option<RawJson> {
        // An array or an object is read once first, to find how long its text is: the
        // compact text is then written into a string allocated once at about that size
        // (a string grown as it is written would take up to twice it, and leave the
        // smaller ones it grew from behind).
        let capacity = match peek {
            Peek::Array | Peek::Object => self
                .measured(|cx| cx.skip(peek, depth))
                .map_or(0, |(len, ())| len),
            _ => 0,
        };
        let mut out = String::with_capacity(capacity);
        self.write_raw(peek, depth, &mut out)?;
        Some(RawJson::from_compact(out))
    }

    /// Opens the record's object: its first key, `Some(None)` for `{}`.
    fn first_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        self.eat(b'{')?;
        self.skip_whitespace();
        if self.eat(b'}').is_some() {
            return Some(None);
        }
        self.key().map(Some)
    }

    /// The next key of the record's object, `Some(None)` at its end.
    fn next_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        self.skip_whitespace();
        match self.bytes.get(self.pos)? {
            b',' => {
                self.pos += 1;
                self.key().map(Some)
            }
            b'}' => {
                self.pos += 1;
                Some(None)
            }
            _ => None,
        }
    }

    /// Nothing but whitespace after the record.
    fn end(&mut self) -> Option<()> {
        self.skip_whitespace();
        (self.pos == self.bytes.len()).then_some(())
    }

    fn state(&self) -> &State {
        &self.state
    }

    fn state_mut(&mut self) -> &mut State {
        &mut self.state
    }
}

/// A field type that the single-pass validator reads: `None` whenever the full check must
/// decide.
pub trait FastField: Sized {
    /// A non-null value (`peek` is its first token), checked against `ty`.
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self>;

    /// The value of a `null` or absent field.
    fn null() -> Option<Self> {
        None
    }

    /// Whether the value passes the official package's `rule` (its field's).
    fn passes_rule(&self, _state: &State, _rule: Rule) -> bool {
        true
    }

    /// Whether a non-null value passes: `Some` exactly when [`FastField::read`] gives a
    /// value that passes `rule` (if any), the source left at the same place. By default
    /// through `read`; the types whose value would be built for nothing (strings, lists,
    /// `Any`) check it without building it.
    fn verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
        rule: Option<Rule>,
    ) -> Option<()> {
        let value = Self::read(cx, peek, ty)?;
        rule.is_none_or(|rule| value.passes_rule(cx.state(), rule))
            .then_some(())
    }
}

/// An item of a list: how it is compared with the others (lists that are sets).
pub trait FastItem: FastField {
    /// The item as the schema writes it.
    fn item_str(&self) -> &str;

    /// The item's verdict ([`FastField::verdict`], without a rule): its string
    /// ([`FastItem::item_str`]) when [`FastField::read`] gives a value, borrowed from the
    /// source where it can be. By default through `read`, the string copied.
    fn item_verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
    ) -> Option<Cow<'t, str>> {
        Self::read(cx, peek, ty).map(|value| Cow::Owned(value.item_str().to_owned()))
    }
}

impl<T: FastField> FastField for Option<T> {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        T::read(cx, peek, ty).map(Some)
    }

    /// A non-null value is `Some`, and passes the rule as the value itself does.
    fn verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
        rule: Option<Rule>,
    ) -> Option<()> {
        T::verdict(cx, peek, ty, rule)
    }

    fn null() -> Option<Self> {
        Some(None)
    }

    fn passes_rule(&self, cx: &State, rule: Rule) -> bool {
        self.as_ref().is_none_or(|v| v.passes_rule(cx, rule))
    }
}

/// Whether a string passes the checks of `ty`, made as the full check makes them.
fn str_passes(s: &str, ty: &TypeSpec) -> bool {
    match ty {
        TypeSpec::String(spec) => scalar::formatted_str(s, spec).is_ok(),
        TypeSpec::Referential { values, .. } => values.contains(&s),
        // Only strings: the first branch that accepts the value makes the value.
        TypeSpec::AnyOf(branches) => {
            branches.iter().all(|b| matches!(b, TypeSpec::String(_)))
                && branches.iter().any(|b| str_passes(s, b))
        }
        _ => false,
    }
}

impl FastField for String {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if peek != Peek::String {
            return None;
        }
        let s = cx.string()?;
        str_passes(&s, ty).then(|| s.into_owned())
    }

    fn passes_rule(&self, cx: &State, rule: Rule) -> bool {
        rules::passes_str(rule, cx.record, self)
    }

    /// The string checked where the source lends it: nothing allocated.
    fn verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
        rule: Option<Rule>,
    ) -> Option<()> {
        let s = Self::item_verdict(cx, peek, ty)?;
        rule.is_none_or(|rule| rules::passes_str(rule, cx.state().record, &s))
            .then_some(())
    }
}

impl FastItem for String {
    fn item_str(&self) -> &str {
        self
    }

    fn item_verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
    ) -> Option<Cow<'t, str>> {
        if peek != Peek::String {
            return None;
        }
        let s = cx.string()?;
        str_passes(&s, ty).then_some(s)
    }
}

impl<R: Referential> FastField for R {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if peek != Peek::String || !matches!(ty, TypeSpec::Referential { .. }) {
            return None;
        }
        cx.string()?.parse().ok()
    }
}

impl<R: Referential> FastItem for R {
    fn item_str(&self) -> &str {
        self.as_str()
    }

    /// The string read, once it is known to be a listed value that writes itself so
    /// (the generated `FromStr` takes the values exactly as written).
    fn item_verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
    ) -> Option<Cow<'t, str>> {
        if peek != Peek::String || !matches!(ty, TypeSpec::Referential { .. }) {
            return None;
        }
        let s = cx.string()?;
        let value: R = s.parse().ok()?;
        if value.as_str() == s {
            Some(s)
        } else {
            Some(Cow::Owned(value.as_str().to_owned()))
        }
    }
}

impl FastField for i64 {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        let TypeSpec::Integer { minimum } = ty else {
            return None;
        };
        if peek != Peek::Number {
            return None;
        }
        match cx.number()? {
            Number::Int(i) if minimum.is_none_or(|m| i >= m) => Some(i),
            _ => None,
        }
    }
}

impl FastField for f64 {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        let TypeSpec::Number { minimum } = ty else {
            return None;
        };
        if peek != Peek::Number {
            return None;
        }
        let f = match cx.number()? {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        };
        // NaN is below every minimum, as in Python.
        match minimum {
            Some(m) if f.partial_cmp(m).is_none_or(|o| o.is_lt()) => None,
            _ => Some(f),
        }
    }
}

impl FastField for bool {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if peek != Peek::Bool || !matches!(ty, TypeSpec::Boolean) {
            return None;
        }
        cx.boolean()
    }
}

impl FastField for NaiveDate {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if peek != Peek::String || !matches!(ty, TypeSpec::Date) {
            return None;
        }
        scalar::date_str(&cx.string()?).ok()
    }

    fn passes_rule(&self, cx: &State, rule: Rule) -> bool {
        rules::passes_date(rule, *self, cx.today)
    }
}

impl FastField for chrono::DateTime<chrono::FixedOffset> {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if peek != Peek::String || !matches!(ty, TypeSpec::DateTime) {
            return None;
        }
        chrono::DateTime::parse_from_rfc3339(&cx.string()?).ok()
    }
}

impl FastField for Value {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        if !matches!(ty, TypeSpec::Any) {
            return None;
        }
        {
            let depth = cx.state().depth;
            cx.any(peek, depth)
        }
    }

    /// Read and forgotten: [`Source::skip_any`] gives up where [`Source::any`] does.
    fn verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
        _rule: Option<Rule>,
    ) -> Option<()> {
        if !matches!(ty, TypeSpec::Any) {
            return None;
        }
        let depth = cx.state().depth;
        cx.skip_any(peek, depth)
    }
}

/// Lists longer than this look for duplicates in a hash set.
const LINEAR_UP_TO: usize = 32;

impl<T: FastItem> FastField for Vec<T> {
    fn read<'t, S: Source<'t>>(cx: &mut S, peek: Peek, ty: &TypeSpec) -> Option<Self> {
        let mut out: Vec<T> = Vec::new();
        list(cx, peek, ty, &mut out, T::read)?;
        Some(out)
    }

    fn passes_rule(&self, _cx: &State, rule: Rule) -> bool {
        rules::passes_list(rule, self.iter().map(T::item_str))
    }

    /// As `read`, the items kept as their strings (borrowed from the source where it
    /// lends them, on the stack for the first [`LINEAR_UP_TO`]) rather than as values.
    fn verdict<'t, S: Source<'t>>(
        cx: &mut S,
        peek: Peek,
        ty: &TypeSpec,
        rule: Option<Rule>,
    ) -> Option<()> {
        let mut out = Kept::new();
        list(cx, peek, ty, &mut out, T::item_verdict)?;
        rule.is_none_or(|rule| rules::passes_list(rule, out.iter()))
            .then_some(())
    }
}

/// Where a list's items go as [`list`] reads them: the values ([`FastField::read`]) or
/// their strings ([`FastField::verdict`]).
trait Items<V> {
    /// The item's string, as the schema writes it.
    fn str_of(value: &V) -> &str;
    /// The strings of the items kept.
    fn strs(&self) -> impl Iterator<Item = &str>;
    /// How many items are kept.
    fn count(&self) -> usize;
    /// Keeps an item.
    fn keep(&mut self, value: V);
}

impl<T: FastItem> Items<T> for Vec<T> {
    fn str_of(value: &T) -> &str {
        value.item_str()
    }

    fn strs(&self) -> impl Iterator<Item = &str> {
        self.iter().map(T::item_str)
    }

    fn count(&self) -> usize {
        self.len()
    }

    fn keep(&mut self, value: T) {
        self.push(value);
    }
}

impl<'t> Items<Cow<'t, str>> for Kept<'t> {
    fn str_of<'v>(value: &'v Cow<'t, str>) -> &'v str {
        value
    }

    fn strs(&self) -> impl Iterator<Item = &str> {
        self.iter()
    }

    fn count(&self) -> usize {
        self.len()
    }

    fn keep(&mut self, value: Cow<'t, str>) {
        self.push(value);
    }
}

/// Reads a list of the schema (`ty`) into `out`, each item with `item`: a set keeps the
/// first of equal items, as the full check; `None` when an item fails, when the list is
/// too short, or when a long list may repeat an item (the full check decides then).
fn list<'t, S: Source<'t>, V, K: Items<V>>(
    cx: &mut S,
    peek: Peek,
    ty: &TypeSpec,
    out: &mut K,
    item: impl Fn(&mut S, Peek, &TypeSpec) -> Option<V>,
) -> Option<()> {
    let TypeSpec::List {
        item: item_ty,
        min_items,
        unique_items,
    } = ty
    else {
        return None;
    };
    if peek != Peek::Array {
        return None;
    }
    let mut hashes: Option<(std::hash::RandomState, HashSet<u64>)> = None;
    let depth = cx.state().depth;
    cx.state_mut().depth += 1;
    let ok = cx.array(depth, |cx, peek| {
        let Some(value) = item(cx, peek, item_ty) else {
            return false;
        };
        let duplicate = if *unique_items {
            match repeated(K::str_of(&value), out.strs(), out.count(), &mut hashes) {
                Some(duplicate) => duplicate,
                None => return false,
            }
        } else {
            false
        };
        if !duplicate {
            out.keep(value);
        }
        true
    });
    cx.state_mut().depth = depth;
    if !ok || min_items.is_some_and(|min| out.count() < min) {
        return None;
    }
    Some(())
}

/// The strings of a list's items kept by [`FastField::verdict`]: the first
/// [`LINEAR_UP_TO`] in an array on the stack, the others (long lists are rare) in a
/// vector.
struct Kept<'t> {
    first: [Cow<'t, str>; LINEAR_UP_TO],
    len: usize,
    more: Vec<Cow<'t, str>>,
}

impl<'t> Kept<'t> {
    fn new() -> Self {
        Kept {
            first: std::array::from_fn(|_| Cow::Borrowed("")),
            len: 0,
            more: Vec::new(),
        }
    }

    fn push(&mut self, item: Cow<'t, str>) {
        match self.first.get_mut(self.len) {
            Some(slot) => {
                *slot = item;
                self.len += 1;
            }
            None => self.more.push(item),
        }
    }

    fn len(&self) -> usize {
        self.len + self.more.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        self.first[..self.len]
            .iter()
            .chain(&self.more)
            .map(AsRef::<str>::as_ref)
    }
}

/// Whether `value` equals one of the `len` items already `kept`: a scan of short lists;
/// in long ones, a hash seen before gives up (`None`) rather than compare (duplicates in
/// long lists are rare, and the full check handles them).
fn repeated<'a>(
    value: &str,
    kept: impl Iterator<Item = &'a str>,
    len: usize,
    hashes: &mut Option<(std::hash::RandomState, HashSet<u64>)>,
) -> Option<bool> {
    if len < LINEAR_UP_TO {
        return Some(kept.into_iter().any(|o| o == value));
    }
    let (state, set) = hashes.get_or_insert_with(|| {
        let state = std::hash::RandomState::new();
        let set = kept.map(|o| state.hash_one(o)).collect();
        (state, set)
    });
    set.insert(state.hash_one(value)).then_some(false)
}

#[cfg(test)]
mod tests {
    //! The single pass against the full check: on every record where the single pass
    //! answers, the full check must find nothing to report and build the same record.

    use super::*;
    use crate::v1::{ModeAccueil, Service, Structure};
    use crate::validate::{single_pass, single_pass_on_value, Validator};
    use crate::Record;

    /// The verdict-only pass (`Record::fast_verdict`) answers where `fast_read` builds
    /// the record, and only there; with the verdict-only state or not, for `read` and
    /// for the verdict (`make` gives a source at the start of the record).
    fn same_verdict<'t, R: Record, S: Source<'t>>(
        validator: &Validator,
        text: &str,
        built: bool,
        make: impl Fn(State) -> S,
    ) {
        for only in [false, true] {
            let state = || {
                let state = State::new(R::NAME, validator.reference_date());
                if only {
                    state.verdict_only()
                } else {
                    state
                }
            };
            let verdict = R::fast_verdict(&mut make(state())).is_some();
            assert_eq!(verdict, built, "{} ({only}): {text}", R::NAME);
            let read = R::fast_read(&mut make(state())).is_some();
            assert_eq!(read, built, "{} ({only}): {text}", R::NAME);
        }
    }

    /// The same for `serde_json` values (`check_value`, and `check_map` for CSV rows).
    fn agree_on_values<R: Record>(validator: &Validator, text: &str) -> bool {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return false;
        };
        let fast = single_pass_on_value::<R>(&value, validator.reference_date());
        if let Some(map) = value.as_object() {
            same_verdict::<R, _>(validator, text, fast.is_some(), |state| {
                ValueSource::of_map(map, state)
            });
        }
        let full = validator.check_node::<R>(&node::Node::from_value(&value));
        if let Some(fast) = &fast {
            assert!(full.problems.is_empty(), "{text}: {:?}", full.problems);
            assert_eq!(
                format!("{:?}", Some(fast)),
                format!("{:?}", full.record.as_ref()),
                "{text}"
            );
        }
        fast.is_some()
    }

    fn agree<R: Record + PartialEq>(validator: &Validator, text: &str) -> bool {
        let fast = single_pass::<R>(text, validator.reference_date());
        same_verdict::<R, _>(validator, text, fast.is_some(), |state| {
            Fast::new(text, state)
        });
        let full = match super::super::parse(text, R::field_index) {
            Ok(node) => validator.check_node::<R>(&node),
            Err(_) => {
                assert!(fast.is_none(), "{text}");
                return false;
            }
        };
        if let Some(fast) = &fast {
            assert!(full.problems.is_empty(), "{text}: {:?}", full.problems);
            // Compared as written by `Debug`: NaN, which the official package accepts, is
            // not equal to itself.
            assert_eq!(
                format!("{:?}", Some(fast)),
                format!("{:?}", full.record.as_ref()),
                "{text}"
            );
        }
        fast.is_some()
    }

    /// Where the tokenizer builds the full check's tree, it is jiter's tree; where it
    /// says a text is JSON, jiter reads it.
    fn same_tree(text: &str) -> bool {
        assert_eq!(plainly_json(text), parse_node(text).is_some(), "{text:?}");
        if plainly_json(text) {
            assert!(node::parse(text).is_ok(), "{text:?}");
        }
        match parse_node(text) {
            Some(tree) => {
                assert_eq!(Ok(&tree), node::parse(text).as_ref(), "{text:?}");
                true
            }
            None => false,
        }
    }

    /// At the nesting limit, the tokenizer answers as jiter does (its skip, which the
    /// readers used to check a record's syntax, and its parse into the full check's tree).
    #[test]
    fn the_tokenizer_has_jiter_s_nesting_limit() {
        for depth in 190..210 {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                let text = format!("{{\"x\": {}1{}}}", open.repeat(depth), close.repeat(depth));
                let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
                let skips = jiter.next_skip().and_then(|()| jiter.finish()).is_ok();
                assert_eq!(plainly_json(&text), skips, "{open} × {depth}");
                assert_eq!(
                    parse_node(&text).is_some(),
                    node::parse(&text).is_ok(),
                    "{open} × {depth}"
                );
                assert_eq!(node::parse(&text).is_ok(), skips, "{open} × {depth}");
            }
        }
    }

    /// A field's verdict ([`FastField::verdict`]) against its value ([`FastField::read`]
    /// and the rule), on JSON text and on its `serde_json` value: the same answer, the
    /// cursor left at the same place.
    fn same_field_verdict<T: FastField>(text: &str, spec: &FieldSpec) {
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let fast = || Fast::new(text, State::new("Service", today));
        let (mut read, mut verdict) = (fast(), fast());
        let built = read.field::<T>(spec).is_some();
        assert_eq!(
            verdict.field_verdict::<T>(spec).is_some(),
            built,
            "{}: {text}",
            spec.name
        );
        if built {
            assert_eq!(read.pos, verdict.pos, "{text}");
        }
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return;
        };
        let map = Map::from_iter([(spec.name.to_string(), value)]);
        let source = || {
            let mut source = ValueSource::of_map(&map, State::new("Service", today));
            source.first_key();
            source
        };
        let (mut read, mut verdict) = (source(), source());
        assert_eq!(
            verdict.field_verdict::<T>(spec).is_some(),
            read.field::<T>(spec).is_some(),
            "{} (value): {text}",
            spec.name
        );
    }

    fn service_field(name: &str) -> &'static FieldSpec {
        Service::FIELDS.iter().find(|f| f.name == name).unwrap()
    }

    /// The lists of the schema (sets, with a minimum, a rule), around the 32 items beyond
    /// which duplicates are looked for by hash, with escapes; strings with the `nom` rule;
    /// values of type `Any` (which no record of this schema has) on any text.
    fn every_field_verdict(list: &str, any: &str) {
        use crate::v1::{Public, Thematique};
        same_field_verdict::<Option<Vec<Thematique>>>(list, service_field("thematiques"));
        same_field_verdict::<Option<Vec<Public>>>(list, service_field("publics"));
        same_field_verdict::<Option<Vec<String>>>(list, service_field("zone_eligibilite"));
        same_field_verdict::<Option<Vec<ModeAccueil>>>(list, service_field("modes_accueil"));
        let any_spec = FieldSpec::new("x", None, false, true, TypeSpec::Any);
        same_field_verdict::<Option<Value>>(any, &any_spec);
        same_field_verdict::<Value>(any, &FieldSpec::new("x", None, true, false, TypeSpec::Any));
        same_field_verdict::<String>(any, service_field("nom"));
        same_field_verdict::<Option<String>>(any, service_field("courriel"));
    }

    /// A list as JSON text: distinct values of one referential (up to 45, beyond the 32
    /// items after which duplicates are looked for by hash), codes, or a mix of values,
    /// escapes and non-strings; with a few duplicates put in.
    fn list_text() -> impl proptest::strategy::Strategy<Value = String> {
        use crate::v1::{Public, Thematique};
        use proptest::prelude::*;
        use proptest::sample::{subsequence, Index};
        let quoted = |values: &[&str]| -> Vec<String> {
            values.iter().map(|v| format!("\"{v}\"")).collect()
        };
        let mut mixed = quoted(&["tous-publics", "femmes", "59350", "en-presentiel", ""]);
        mixed.extend(["\"f\\u0065mmes\"", "1", "null", "[]"].map(String::from));
        let codes: Vec<String> = (0..50).map(|i| format!("\"{}\"", 59000 + i)).collect();
        prop_oneof![
            Just(quoted(Thematique::VALUES)),
            Just(quoted(Public::VALUES)),
            Just(quoted(ModeAccueil::VALUES)),
            Just(codes),
            Just(mixed),
        ]
        .prop_flat_map(|pool| {
            let most = pool.len().min(45);
            (
                subsequence(pool, 0..=most).prop_shuffle(),
                proptest::collection::vec((any::<Index>(), any::<Index>()), 0..3),
            )
        })
        .prop_map(|(mut items, duplicates)| {
            for (from, to) in duplicates {
                if !items.is_empty() {
                    let item = items[from.index(items.len())].clone();
                    items.insert(to.index(items.len() + 1), item);
                }
            }
            format!("[{}]", items.join(", "))
        })
    }

    /// At the nesting limit, a value of type `Any` passes or not as it is built.
    #[test]
    fn the_verdict_of_a_deep_value_is_its_value_s() {
        for depth in 195..205 {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                every_field_verdict("[]", &text);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_verdict_of_a_field_is_its_value_s(
            list in list_text(),
            any in r#"[\[\]{}",:0-9eE.+\- \ta-z\\/]{0,40}|"([a-zé. @\\]|\\u00[0-9a-f]{2})*""#,
        ) {
            every_field_verdict(&list, &any);
        }

        #[test]
        fn the_tokenizer_builds_the_tree_jiter_builds(
            text in r#"[\[\]{}",:0-9eE.+\- \ta-z\\/]{0,40}|\{"[a-z\\"]{0,4}": ?(-?[0-9]{1,25}(\.[0-9]{1,5})?([eE][+-]?[0-9]{1,3})?|"([a-zé\\]|\\u00[0-9a-f]{2}|\\ud83d\\ude00)*"|\[\]|\{\}|null|true|nul),? *\}"#,
        ) {
            same_tree(&text);
        }

        /// The word-at-a-time scan finds the byte a plain scan finds.
        #[test]
        fn the_string_scan_stops_where_a_plain_scan_stops(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(vec![b'"', b'\\', 0x1f, 0x20, 0x7f, 0x80, 0xff, b'a']),
                ],
                0..80,
            ),
            start in 0usize..80,
        ) {
            let start = start.min(bytes.len());
            let plain = (start..bytes.len())
                .find(|&i| stops_string(bytes[i]))
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(plain_string_end(&bytes, start), plain);
        }
    }

    #[test]
    fn the_single_pass_agrees_with_the_full_check_on_the_conformance_corpus() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/cases.jsonl");
        let cases = std::fs::read_to_string(path).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let (mut fast, mut fast_values, mut clean, mut total) = (0, 0, 0, 0);
        let (mut trees, mut json) = (0, 0);
        for strict in [false, true] {
            let validator = Validator::new()
                .with_reference_date(today)
                .with_strict(strict);
            for line in cases.lines() {
                let case: Value = serde_json::from_str(line).unwrap();
                let text = case["json"].as_str().unwrap();
                let (took, took_value, nothing_to_report) = if case["kind"] == "service" {
                    (
                        agree::<Service>(&validator, text),
                        agree_on_values::<Service>(&validator, text),
                        validator.check_json::<Service>(text).problems.is_empty(),
                    )
                } else {
                    (
                        agree::<Structure>(&validator, text),
                        agree_on_values::<Structure>(&validator, text),
                        validator.check_json::<Structure>(text).problems.is_empty(),
                    )
                };
                trees += usize::from(same_tree(text));
                json += usize::from(serde_json::from_str::<Value>(text).is_ok());
                total += 1;
                fast += usize::from(took);
                fast_values += usize::from(took_value);
                clean += usize::from(nothing_to_report);
            }
        }
        // The single pass is not only safe but used: it answers for most clean records
        // (the others use lax coercions or escapes the full check handles).
        assert!(total > 9000, "{total}");
        assert!(fast * 10 >= clean * 8, "{fast} of {clean}");
        assert!(fast_values * 10 >= clean * 8, "{fast_values} of {clean}");
        // The tokenizer reads almost every standard JSON text of the corpus.
        assert!(trees * 100 >= json * 95, "{trees} of {json}");
    }
}
