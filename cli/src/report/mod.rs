//! The reports of `validate`: what a file's validation found ([`Summary`]), written as
//! text ([`text`]) or as JSON ([`json`]).

pub mod json;
pub mod text;

use std::collections::BTreeMap;

use data_inclusion_schema::validate::Level;
use data_inclusion_schema::Lang;

/// The text report keeps at most this many distinct problems (field, level, message)…
pub const MAX_GROUPS: usize = 1000;
/// … and, for each, at most this many ranges of lines: a file with millions of problems
/// is reported in bounded memory (the JSON report, streamed, lists them all).
pub const MAX_RANGES: usize = 100;

/// What one file's validation found, for the text report.
#[derive(Default)]
pub struct Summary {
    pub records: u64,
    pub invalid: u64,
    pub errors: u64,
    pub warnings: u64,
    /// (field, level, message) → lines
    pub groups: BTreeMap<(String, Level, String), Lines>,
    /// The problems not kept in `groups` (beyond [`MAX_GROUPS`]).
    pub hidden: u64,
    /// Why the input could not be read to its end.
    pub unreadable: Option<String>,
    /// What is not a record's error: the header's column problems, the remarks beyond the
    /// valideur; (kind, field, message) → lines.
    pub notes: BTreeMap<(Note, String, String), Lines>,
}

/// What a note of the text report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Note {
    /// A problem of the header: an unknown, duplicated or missing column.
    Column,
    /// Advice beyond the valideur (a code that does not exist): never an error.
    Remark,
}

impl Summary {
    pub fn note(&mut self, note: Note, field: String, message: String, line: u64) {
        let key = (note, field, message);
        if let Some(lines) = self.notes.get_mut(&key) {
            lines.push(line);
        } else if self.notes.len() < MAX_GROUPS {
            let mut lines = Lines::default();
            lines.push(line);
            self.notes.insert(key, lines);
        }
    }

    pub fn add(&mut self, field: String, level: Level, message: String, line: u64) {
        let key = (field, level, message);
        if let Some(lines) = self.groups.get_mut(&key) {
            lines.push(line);
        } else if self.groups.len() < MAX_GROUPS {
            let mut lines = Lines::default();
            lines.push(line);
            self.groups.insert(key, lines);
        } else {
            self.hidden += 1;
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
