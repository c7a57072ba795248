//! A CSV row validated straight from its cells: the single pass of the validator reads
//! the row's members (header names borrowed, string cells borrowed from the row's text),
//! and the row's map is built only when that pass gives up and the full check must
//! report.
//!
//! One semantic: the members are those the map holds ([`Row::map`] is built from the same
//! [`Members`]), each cell read by [`cell_of`] (whose [`Cell::into_value`] is the value the
//! map holds), and [`RowSource`] reads them as the validator's `ValueSource` reads the
//! map's values. So a row validates exactly as its map does.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::cell::{cell_of, Cell, CellSyntax};
use super::header::Column;
use crate::__private::{Number, Peek, Source, State};
use crate::validate::{Checked, Validator};
use crate::Record;

/// A CSV row that can be read: as many cells as the header has names, valid UTF-8.
pub(super) struct Row<'t> {
    /// The header's names (trimmed).
    pub(super) names: &'t [String],
    /// The columns' indexes in the order of their names.
    pub(super) order: &'t [usize],
    /// What each column holds.
    pub(super) columns: &'t [Column],
    /// The cells' text, end to end.
    pub(super) text: &'t str,
    /// Where each cell ends in `text`.
    pub(super) ends: &'t [usize],
    /// How the cells are written.
    pub(super) syntax: CellSyntax<'t>,
}

impl<'t> Row<'t> {
    /// The members of the record, in the order of their names (as a map holds them).
    pub(super) fn members(&self) -> Members<'t> {
        Members {
            names: self.names,
            order: self.order,
            columns: self.columns,
            text: self.text,
            ends: self.ends,
            syntax: self.syntax,
            i: 0,
        }
    }

    /// The record as a map: lists as arrays, numbers as numbers where they parse, the
    /// columns the schema does not know as strings (null when empty), the empty cells of
    /// the schema's columns left out, the unnamed columns skipped.
    pub(super) fn map(&self) -> Map<String, Value> {
        // Built at once from the members (the names are unique but for the unnamed
        // columns, which are skipped): faster than inserting them one by one, and the
        // same map.
        self.members()
            .map(|(name, cell)| (name.to_string(), cell.into_value()))
            .collect()
    }

    /// Validates the row as [`Validator::check_map`] validates [`Row::map`], the same
    /// verdict, but without the map when the row has nothing to report.
    pub(super) fn check<R: Record>(&self, validator: &Validator) -> Checked<R> {
        let mut source = RowSource::new(self.members(), R::NAME, validator);
        validator.check_source(&mut source, || self.map())
    }

    /// [`Row::check`] without the record ([`Validator::verdict_json`]).
    pub(super) fn verdict<R: Record>(&self, validator: &Validator) -> Checked<()> {
        let mut source = RowSource::new(self.members(), R::NAME, validator);
        validator.verdict_source::<R, _>(&mut source, || self.map())
    }
}

/// The members of a row: `(name, cell)` for each column that the record holds.
pub(super) struct Members<'t> {
    names: &'t [String],
    columns: &'t [Column],
    text: &'t str,
    ends: &'t [usize],
    syntax: CellSyntax<'t>,
    order: &'t [usize],
    /// The next column, in `order`.
    i: usize,
}

impl<'t> Iterator for Members<'t> {
    type Item = (&'t str, Cell<'t>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let &i = self.order.get(self.i)?;
            self.i += 1;
            let name = self.names.get(i)?;
            let &to = self.ends.get(i)?;
            let from = match i {
                0 => 0,
                _ => self.ends.get(i - 1).copied().unwrap_or(to),
            };
            let cell = self.text.get(from..to).unwrap_or_default();
            let member = match self.columns.get(i).unwrap_or(&Column::Untyped) {
                Column::Field(spec) if !cell.is_empty() => cell_of(cell, &spec.ty, &self.syntax),
                Column::Extra | Column::Published(_) if cell.is_empty() => Cell::Value(Value::Null),
                Column::Published(spec) => cell_of(cell, &spec.ty, &self.syntax),
                Column::Extra => Cell::Str(cell),
                Column::Untyped if !cell.is_empty() => Cell::Str(cell),
                Column::Field(_) | Column::Untyped | Column::Unnamed => continue,
            };
            return Some((name.as_str(), member));
        }
    }
}

/// The single pass's [`Source`] over a row's members: what `ValueSource` does over the
/// row's map, each value read as that map holds it.
///
/// A value is moved out when it is read (a string of a list, an unknown column's text):
/// the single pass reads each value once. A value read twice, or nothing to read, is
/// `None`, and the pass gives up (the full check then decides), never a wrong value.
///
/// Any members read as cells (a CSV row's, an Arrow row's) make one: they must come in
/// the order of their names, the order of the map the full check reads.
pub(crate) struct RowSource<'t, M> {
    members: M,
    /// The value under the cursor; `None` once moved out (or before the first key).
    current: Option<Cell<'t>>,
    state: State,
}

impl<'t, M: Iterator<Item = (&'t str, Cell<'t>)>> RowSource<'t, M> {
    /// The source over `members`, for a record of type `record` checked by `validator`.
    pub(crate) fn new(members: M, record: &'static str, validator: &Validator) -> Self {
        RowSource {
            members,
            current: None,
            state: State::new(record, validator.reference_date()),
        }
    }
}

impl<'t, M: Iterator<Item = (&'t str, Cell<'t>)>> Source<'t> for RowSource<'t, M> {
    fn peek(&mut self) -> Option<Peek> {
        Some(match self.current.as_ref()? {
            Cell::Str(_) => Peek::String,
            Cell::Value(value) => Peek::of_value(value),
        })
    }

    fn null(&mut self) -> Option<()> {
        matches!(self.current, Some(Cell::Value(Value::Null))).then_some(())
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.current {
            Some(Cell::Value(Value::Bool(b))) => Some(b),
            _ => None,
        }
    }

    fn string(&mut self) -> Option<Cow<'t, str>> {
        match self.current.take() {
            Some(Cell::Str(s)) => Some(Cow::Borrowed(s)),
            Some(Cell::Value(Value::String(s))) => Some(Cow::Owned(s)),
            other => {
                self.current = other;
                None
            }
        }
    }

    fn number(&mut self) -> Option<Number> {
        match &self.current {
            Some(Cell::Value(Value::Number(n))) => Number::of_json(n),
            _ => None,
        }
    }

    fn array<F: FnMut(&mut Self, Peek) -> bool>(&mut self, depth: usize, mut item: F) -> bool {
        let items = match self.current.take() {
            Some(Cell::Value(Value::Array(items))) => items,
            other => {
                self.current = other;
                return false;
            }
        };
        if !items.is_empty() && depth >= crate::validate::node::MAX_DEPTH {
            return false;
        }
        for value in items {
            self.current = Some(Cell::Value(value));
            let Some(peek) = self.peek() else {
                return false;
            };
            if !item(self, peek) {
                return false;
            }
        }
        true
    }

    /// The value itself, as the map holds it.
    fn any(&mut self, _peek: Peek, _depth: usize) -> Option<Value> {
        self.current.take().map(Cell::into_value)
    }

    fn first_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        self.next_key()
    }

    fn next_key(&mut self) -> Option<Option<Cow<'t, str>>> {
        Some(self.members.next().map(|(name, cell)| {
            self.current = Some(cell);
            Cow::Borrowed(name)
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
