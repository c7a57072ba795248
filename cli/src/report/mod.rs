//! The reports of `validate`: what a file's validation found ([`Summary`], and the first
//! rows with a problem, [`Preview`]), written as text ([`text`]), as JSON ([`json`], from
//! the problems themselves, streamed) or as an HTML page ([`html`]).

pub mod html;
pub mod json;
pub mod text;

use std::collections::BTreeMap;

use data_inclusion_schema::validate::{Level, Problem, PERSONAL_FIELDS};
use data_inclusion_schema::Lang;
use serde_json::{Map, Value};

/// The text and HTML reports keep at most this many distinct problems…
pub const MAX_GROUPS: usize = 1000;
/// … and, for each, at most this many ranges of lines: a file with millions of problems
/// is reported in bounded memory (the JSON report, streamed, lists them all).
pub const MAX_RANGES: usize = 100;
/// The HTML report's preview shows at most this many rows…
pub const MAX_PREVIEW_ROWS: usize = 20;
/// … and this many columns with a problem (besides the line, `id` and `nom`).
pub const MAX_PREVIEW_COLUMNS: usize = 12;

/// What distinguishes one line of the report from another: the field, the level, the
/// message and (for the HTML report, as the official valideur groups them) the value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupKey {
    pub field: String,
    pub level: Level,
    pub message: String,
    /// The value as shown (empty for the text report, which does not show it).
    pub value: String,
}

/// The problems of one [`GroupKey`]: their code and lines.
#[derive(Default)]
pub struct Group {
    pub code: String,
    pub lines: Lines,
}

/// What one file's validation found.
#[derive(Default)]
pub struct Summary {
    pub records: u64,
    /// Records with at least one error.
    pub invalid: u64,
    /// The records that could not be read (counted in `records` and `invalid` too).
    pub unreadable_records: u64,
    pub errors: u64,
    pub warnings: u64,
    pub advice: u64,
    /// Records with at least one advice.
    pub advised: u64,
    pub groups: BTreeMap<GroupKey, Group>,
    /// The problems not kept in `groups` (beyond [`MAX_GROUPS`]).
    pub hidden: u64,
    /// (level, code) → problems.
    pub by_code: BTreeMap<(Level, String), u64>,
    /// Why the input could not be read to its end.
    pub unreadable: Option<String>,
    /// The header's column problems (unknown, duplicated, missing columns): (column,
    /// message, line), reported once, not counted as any record's.
    pub columns: Vec<(String, String, u64)>,
}

impl Summary {
    /// Counts the problems of the record at `line`; with `groups`, keeps them for the
    /// text or HTML report (with their values when `values`).
    pub fn record(
        &mut self,
        line: u64,
        problems: &[Problem],
        lang: Lang,
        groups: bool,
        values: bool,
    ) {
        self.records += 1;
        if problems.iter().any(|p| p.level == Level::Error) {
            self.invalid += 1;
        }
        if problems.iter().any(|p| p.level == Level::Advice) {
            self.advised += 1;
        }
        for p in problems {
            self.count(p.level, p.code().as_str());
            if groups {
                let value = if values {
                    value_text(&p.value)
                } else {
                    String::new()
                };
                self.add(
                    p.field.clone(),
                    p.level,
                    p.message(lang),
                    value,
                    p.code().as_str(),
                    line,
                );
            }
        }
    }

    /// Counts a record that cannot be read (an error of code `record_unreadable`).
    pub fn unreadable_record(&mut self, line: u64, message: &str, groups: bool) {
        self.records += 1;
        self.invalid += 1;
        self.unreadable_records += 1;
        self.count(Level::Error, "record_unreadable");
        if groups {
            self.add(
                String::new(),
                Level::Error,
                message.to_string(),
                String::new(),
                "record_unreadable",
                line,
            );
        }
    }

    fn count(&mut self, level: Level, code: &str) {
        match level {
            Level::Error => self.errors += 1,
            Level::Warning => self.warnings += 1,
            _ => self.advice += 1,
        }
        *self.by_code.entry((level, code.to_string())).or_default() += 1;
    }

    pub fn add(
        &mut self,
        field: String,
        level: Level,
        message: String,
        value: String,
        code: &str,
        line: u64,
    ) {
        let key = GroupKey {
            field,
            level,
            message,
            value,
        };
        if let Some(group) = self.groups.get_mut(&key) {
            group.lines.push(line);
        } else if self.groups.len() < MAX_GROUPS {
            let mut group = Group {
                code: code.to_string(),
                lines: Lines::default(),
            };
            group.lines.push(line);
            self.groups.insert(key, group);
        } else {
            self.hidden += 1;
        }
    }
}

/// A problem's value as a report shows it: a string as it is, `null` as nothing, the rest
/// as JSON.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            items.iter().map(value_text).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// One row of the preview: its line, its values, and its problems (field, level,
/// message).
pub struct PreviewRow {
    pub line: u64,
    pub values: Map<String, Value>,
    pub problems: Vec<(String, Level, String)>,
}

/// The first rows with an error (or, in a file without errors, with a warning or
/// advice), with their values, for the HTML report.
#[derive(Default)]
pub struct Preview {
    pub rows: Vec<PreviewRow>,
    /// Rows kept in case the file has no error.
    others: Vec<PreviewRow>,
    /// Records with an error, all of them.
    pub rows_in_error: u64,
    /// Records with another problem and no error.
    pub rows_otherwise: u64,
    /// Personal data masked.
    pub mask: bool,
}

impl Preview {
    pub fn new(mask: bool) -> Self {
        Preview {
            mask,
            ..Preview::default()
        }
    }

    /// Whether the record at hand would be kept, given whether it has an error: its values
    /// are needed then.
    pub fn wants(&self, in_error: bool) -> bool {
        if in_error {
            self.rows.len() < MAX_PREVIEW_ROWS
        } else {
            self.rows.is_empty() && self.others.len() < MAX_PREVIEW_ROWS
        }
    }

    /// Offers a record with problems (`values` when [`Preview::wants`] it).
    pub fn offer(
        &mut self,
        line: u64,
        problems: &[Problem],
        values: Option<Map<String, Value>>,
        lang: Lang,
    ) {
        if problems.is_empty() {
            return;
        }
        let in_error = problems.iter().any(|p| p.level == Level::Error);
        if in_error {
            self.rows_in_error += 1;
        } else {
            self.rows_otherwise += 1;
        }
        let Some(mut values) = values.filter(|_| self.wants(in_error)) else {
            return;
        };
        if self.mask {
            for field in PERSONAL_FIELDS {
                if let Some(v) = values.get_mut(*field) {
                    if !v.is_null() {
                        *v = Value::from("***");
                    }
                }
            }
        }
        let row = PreviewRow {
            line,
            values,
            problems: problems
                .iter()
                .map(|p| (p.field.clone(), p.level, p.message(lang)))
                .collect(),
        };
        if in_error {
            self.rows.push(row);
        } else {
            self.others.push(row);
        }
    }

    /// A record that cannot be read.
    pub fn unreadable(&mut self, line: u64, message: &str) {
        self.rows_in_error += 1;
        if self.wants(true) {
            self.rows.push(PreviewRow {
                line,
                values: Map::new(),
                problems: vec![(String::new(), Level::Error, message.to_string())],
            });
        }
    }

    /// The rows shown: those with an error, or in a file without errors, the others;
    /// and how many such rows the file has.
    pub fn shown(&self) -> (&[PreviewRow], u64, bool) {
        if self.rows.is_empty() {
            (&self.others, self.rows_otherwise, false)
        } else {
            (&self.rows, self.rows_in_error, true)
        }
    }
}

/// The lines of one problem: ranges of consecutive lines, at most [`MAX_RANGES`], then a
/// count of the other lines.
#[derive(Default)]
pub struct Lines {
    pub ranges: Vec<(u64, u64)>,
    /// Lines not kept in `ranges`.
    pub more: u64,
    /// The last line added (a record may have the same problem twice).
    last: Option<u64>,
}

impl Lines {
    pub fn push(&mut self, line: u64) {
        if self.last == Some(line) {
            return;
        }
        self.last = Some(line);
        let full = self.ranges.len() >= MAX_RANGES;
        match self.ranges.last_mut() {
            Some((start, end)) if (*start..=*end).contains(&line) => {}
            Some((_, end)) if *end + 1 == line => *end = line,
            _ if !full => self.ranges.push((line, line)),
            _ => self.more += 1,
        }
    }

    /// The first line (the lowest), if any.
    pub fn first(&self) -> Option<u64> {
        self.ranges.iter().map(|&(start, _)| start).min()
    }

    pub fn several(&self) -> bool {
        self.more > 0 || self.ranges.len() > 1 || self.ranges.iter().any(|(a, b)| a != b)
    }
}

/// `[(2, 5), (9, 9)]` → `"2 à 5, 9"`; then `", … et 12 autres"` for the lines not kept.
pub fn ranges(lines: &Lines, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let to = if fr { " à " } else { " to " };
    let mut sorted = lines.ranges.clone();
    sorted.sort_unstable();
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match merged.last_mut() {
            Some((_, last)) if start <= *last + 1 => *last = (*last).max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut parts: Vec<String> = merged
        .iter()
        .map(|&(start, end)| {
            if start == end {
                start.to_string()
            } else {
                format!("{start}{to}{end}")
            }
        })
        .collect();
    if lines.more > 0 {
        parts.push(if fr {
            format!(
                "… et {} autre{}",
                lines.more,
                if lines.more > 1 { "s" } else { "" }
            )
        } else {
            format!("… and {} more", lines.more)
        });
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        let of = |lines: &[u64]| {
            let mut l = Lines::default();
            for &line in lines {
                l.push(line);
            }
            l
        };
        assert_eq!(ranges(&of(&[9, 2, 3, 4, 5]), Lang::Fr), "2 à 5, 9");
        assert_eq!(ranges(&of(&[2, 3, 4, 5, 5, 9]), Lang::Fr), "2 à 5, 9");
        assert_eq!(ranges(&of(&[7]), Lang::Fr), "7");
        assert!(!of(&[7, 7]).several());
        assert_eq!(ranges(&of(&[1, 3, 4]), Lang::En), "1, 3 to 4");
    }
}
