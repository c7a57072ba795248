//! The JSON report: a JSON array of one object per problem, streamed as the problems are
//! found. Each object has the keys `schema`, `line`, then those of a serialized
//! [`Problem`] (`field`, `path`, `code`, `level`, `value`, `message`, `suggestion`); a
//! record that cannot be read has the code `record_unreadable`, and, when it is not UTF-8,
//! `offset`: the position in the file of its first byte that is not; a problem of the
//! header (`column_unknown`, `column_duplicated`, `column_missing`) has the level
//! `warning` and the column's name as its field; it is not an error.

use std::io::{self, Write};

use data_inclusion_schema::io::{ColumnProblem, RecordError};
use data_inclusion_schema::validate::{InLang, Problem};
use data_inclusion_schema::Lang;
use serde::Serialize;

/// One problem of the report.
#[derive(Serialize)]
struct Line<'a> {
    schema: &'a str,
    line: u64,
    #[serde(flatten)]
    problem: InLang<'a>,
}

/// A record that cannot be read, as the report writes it.
#[derive(Serialize)]
struct Unreadable<'a> {
    schema: &'a str,
    line: u64,
    field: &'a str,
    path: &'a str,
    code: &'a str,
    level: &'a str,
    value: Option<()>,
    message: &'a str,
    suggestion: Option<()>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
}

/// A problem of the header, as the report writes it.
#[derive(Serialize)]
struct Other<'a> {
    schema: &'a str,
    line: u64,
    field: &'a str,
    path: &'a str,
    code: &'a str,
    level: &'a str,
    value: Option<&'a str>,
    message: &'a str,
    suggestion: Option<&'a str>,
}

/// The JSON report being written: `[`, then the problems, then `]` ([`JsonReport::close`]).
pub struct JsonReport<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonReport<W> {
    /// Opens the array.
    pub fn new(mut out: W) -> io::Result<Self> {
        writeln!(out, "[")?;
        Ok(JsonReport { out, first: true })
    }

    fn item(&mut self, item: &impl Serialize) -> io::Result<()> {
        if !self.first {
            writeln!(self.out, ",")?;
        }
        self.first = false;
        write!(self.out, "  ")?;
        serde_json::to_writer(&mut self.out, item)?;
        Ok(())
    }

    /// A problem of the record at `line`.
    pub fn problem(
        &mut self,
        schema: &str,
        line: u64,
        problem: &Problem,
        lang: Lang,
    ) -> io::Result<()> {
        self.item(&Line {
            schema,
            line,
            problem: problem.in_lang(lang),
        })
    }

    /// A record that cannot be read.
    pub fn unreadable(&mut self, schema: &str, error: &RecordError) -> io::Result<()> {
        self.item(&Unreadable {
            schema,
            line: error.line,
            field: "",
            path: "",
            code: "record_unreadable",
            level: "error",
            value: None,
            message: &error.message,
            suggestion: None,
            offset: error.offset,
        })
    }

    /// A problem of the header (line 1 of a workbook, the header's line of a CSV file):
    /// not an error of any record (level `warning`), its code `column_unknown`,
    /// `column_duplicated` or `column_missing`, its field the column's name.
    pub fn column(&mut self, schema: &str, column: &ColumnProblem, lang: Lang) -> io::Result<()> {
        let message = column.message(lang);
        self.item(&Other {
            schema,
            line: column.line,
            field: &column.column,
            path: "",
            code: column.code(),
            level: "warning",
            value: None,
            message: &message,
            suggestion: column.suggestion,
        })
    }

    /// Closes the array and flushes.
    pub fn close(mut self) -> io::Result<()> {
        writeln!(self.out, "\n]")?;
        self.out.flush()
    }
}
