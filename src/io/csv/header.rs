//! The CSV header: read after the blank lines before it, its delimiter told from it, its
//! names split, duplicates renamed as pandas does; then mapped to the record's fields, each
//! column a [`Column`].

use std::collections::HashSet;
use std::io::Read;

use super::splitter::{Cells, Splitter};
use crate::io::error::ReadError;
use crate::io::publication::Publication;
use crate::io::source::{utf8, Source};
use crate::spec::FieldSpec;

/// A CSV header as read.
pub(super) struct Header {
    /// The column names, trimmed, duplicates renamed as pandas does (`x.1`).
    pub(super) names: Vec<String>,
    /// The column names as written (trimmed).
    pub(super) written: Vec<String>,
    /// The columns' indexes in the order of their names: the order in which a row's
    /// members are read, which is the order of its map (a `serde_json::Map`), so that a
    /// record's `extra` is the same whether the row is validated from its cells or from
    /// its map.
    pub(super) order: Vec<usize>,
    /// Its line.
    pub(super) line: u64,
    /// The delimiter, told from it.
    pub(super) delimiter: u8,
}

/// What a CSV column holds.
#[derive(Clone, Copy)]
pub(super) enum Column {
    /// A field of the schema.
    Field(&'static FieldSpec),
    /// A field the schema does not know.
    Extra,
    /// A column of the publication ([`publication`](crate::io::publication)), read by its
    /// type into the record's `extra`.
    Published(&'static FieldSpec),
    /// Any field (the reader was given no fields).
    Untyped,
    /// A column without a name (pandas' index, a spreadsheet's empty columns): ignored.
    Unnamed,
}

impl Header {
    /// Reads the header: skips blank lines, tells the delimiter, splits the names. `None`
    /// when the input ends first. A header larger than `max` bytes is an error.
    pub(super) fn read<R: Read>(
        src: &mut Source<R>,
        max: usize,
    ) -> Result<Option<Header>, ReadError> {
        src.start()?;
        // Blank lines before the header.
        loop {
            let chunk = src.prefix(2)?;
            match chunk.first() {
                None => return Ok(None),
                Some(b'\n') => src.advance(1, 1),
                Some(b'\r') if chunk.get(1) == Some(&b'\n') => src.advance(2, 1),
                Some(_) => break,
            }
        }
        let start = src.line;
        // The header line, quotes respected whatever the delimiter.
        let mut buf = Vec::new();
        let mut in_quotes = false;
        loop {
            let chunk = src.fill()?;
            if chunk.is_empty() {
                if in_quotes {
                    return Err(ReadError::UnclosedQuote { line: start });
                }
                break;
            }
            let mut end = None;
            let mut newlines = 0;
            for (i, &b) in chunk.iter().enumerate() {
                match b {
                    b'"' => in_quotes = !in_quotes,
                    b'\n' if !in_quotes => {
                        end = Some(i);
                        break;
                    }
                    b'\n' => newlines += 1,
                    _ => {}
                }
            }
            let take = end.unwrap_or(chunk.len());
            if buf.len() + take > max {
                return Err(ReadError::HeaderTooLarge {
                    line: start,
                    limit: max,
                });
            }
            buf.extend_from_slice(&chunk[..take]);
            src.advance(
                take + usize::from(end.is_some()),
                newlines + u64::from(end.is_some()),
            );
            if end.is_some() {
                break;
            }
        }
        let header = utf8(&buf, start)?;
        let delimiter = detect_delimiter(header.as_bytes());
        let mut splitter = Splitter::new(delimiter);
        let mut cells = Cells::new(usize::MAX);
        if !splitter.feed(header.as_bytes(), &mut cells).ended {
            splitter.feed(b"\n", &mut cells);
        }
        let mut names: Vec<String> = Vec::with_capacity(cells.ends.len());
        let mut from = 0;
        for &to in &cells.ends {
            let name = String::from_utf8_lossy(cells.bytes.get(from..to).unwrap_or_default());
            names.push(name.trim().to_string());
            from = to;
        }
        // A duplicated name is read as pandas' read_csv names it (`x`, `x.1`, …); the
        // header's problems report it.
        let written = names.clone();
        dedup_names(&mut names);
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| names[a].cmp(&names[b]));
        Ok(Some(Header {
            names,
            written,
            order,
            line: start,
            delimiter,
        }))
    }

    /// Maps the columns to the fields (`None`: every column is [`Column::Untyped`] but the
    /// unnamed ones).
    pub(super) fn columns(&self, fields: Option<&'static [FieldSpec]>) -> Vec<Column> {
        let Some(fields) = fields else {
            return self
                .names
                .iter()
                .map(|n| {
                    if n.is_empty() {
                        Column::Unnamed
                    } else {
                        Column::Untyped
                    }
                })
                .collect();
        };
        // A required column that is missing is not an error of the file: validation
        // reports the field as missing on each row ("Champ requis"), as the official
        // valideur does.
        let publication = Publication::of_fields(fields);
        self.names
            .iter()
            .map(|n| match fields.iter().find(|f| f.name == n) {
                Some(f) => Column::Field(f),
                None if n.is_empty() => Column::Unnamed,
                None => publication
                    .column(n)
                    .map_or(Column::Extra, Column::Published),
            })
            .collect()
    }
}

/// Renames the repeated names as pandas' `read_csv` does: the second `x` is `x.1` (or
/// `x.2` when `x.1` is taken, …); empty names (ignored columns) are left as they are.
pub(super) fn dedup_names(names: &mut [String]) {
    let mut seen: HashSet<String> = HashSet::with_capacity(names.len());
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for name in names.iter_mut() {
        if name.is_empty() {
            continue;
        }
        if seen.contains(name.as_str()) {
            let base = name.clone();
            let count = counts.entry(base.clone()).or_insert(0);
            let mut renamed;
            loop {
                *count += 1;
                renamed = format!("{base}.{count}");
                if !seen.contains(&renamed) {
                    break;
                }
            }
            *name = renamed;
        }
        seen.insert(name.clone());
    }
}

/// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes
/// (a comma when there is none).
fn detect_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in header {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (b',', counts[0]);
    for (d, n) in [(b';', counts[1]), (b'\t', counts[2])] {
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}
