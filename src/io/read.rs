//! The streaming reader: a byte source with one reused buffer per record, and a scanner per
//! format (JSON document, JSON Lines, CSV).

use std::collections::VecDeque;
use std::io::{self, Read};

use super::cell::CellSyntax;
use super::entry::{CheckedEntry, Entry, Input};
use super::error::{windows_1252, ReadError, RecordError, RecordErrorKind};
use super::format::{Format, Kind};
use super::options::ReadOptions;
use super::row::Row;
use crate::spec::FieldSpec;
use crate::validate::Validator;
use crate::Record;

/// One item of a [`Reader`]: an entry, a record that cannot be read, or the error that
/// ends the reading.
pub type ReadItem = Result<Result<Entry, RecordError>, ReadError>;

/// One item of [`Reader::next_checked`] (and [`Reader::checked`]): a validated entry, a
/// record that cannot be read, or the error that ends the reading.
pub type CheckedItem<R> = Result<Result<CheckedEntry<R>, RecordError>, ReadError>;

/// How many records [`Reader::detect_kind`] looks at, at most, for one it can read.
const DETECT_LOOKAHEAD: usize = 64;

/// The size of the read buffer.
const CHUNK: usize = 64 * 1024;

/// A streaming reader of records: JSON (an array of records, or one record), JSON Lines or
/// CSV, from any [`Read`], in constant memory.
///
/// It is an iterator of `Result<Result<Entry, RecordError>, ReadError>`: every record of
/// the input gives one `Ok(Ok(entry))` or `Ok(Err(record_error))`, and a [`ReadError`],
/// if any, is the last item. It buffers its input itself: there is no need to wrap a file
/// in a `BufReader`.
///
/// ```
/// use data_inclusion_schema::io::{Format, Input, Reader};
///
/// let json = r#"[{"id": "a"}, {"id": "b"}]"#;
/// let inputs: Vec<Input> = Reader::new(json.as_bytes(), Format::Json)
///     .map(|item| item.unwrap().unwrap().input)
///     .collect();
/// assert_eq!(inputs, [Input::Json(r#"{"id": "a"}"#.into()), Input::Json(r#"{"id": "b"}"#.into())]);
/// ```
pub struct Reader<R: Read> {
    src: Source<R>,
    format: Format,
    options: ReadOptions,
    /// The current physical line (1-based).
    line: u64,
    started: bool,
    done: bool,
    lookahead: VecDeque<ReadItem>,
    /// The record being read (reused).
    buf: Vec<u8>,
    json: JsonState,
    csv: CsvState,
}

impl<R: Read> std::fmt::Debug for Reader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("format", &self.format)
            .field("options", &self.options)
            .field("line", &self.line)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Reader<R> {
    /// A reader with the default options (no record fields: CSV cells are read as strings;
    /// see [`Reader::for_record`]).
    pub fn new(reader: R, format: Format) -> Self {
        Reader::with_options(reader, format, ReadOptions::default())
    }

    /// A reader with the given options.
    pub fn with_options(reader: R, format: Format, options: ReadOptions) -> Self {
        Reader {
            src: Source::new(reader),
            format,
            options,
            line: 1,
            started: false,
            done: false,
            lookahead: VecDeque::new(),
            buf: Vec::new(),
            json: JsonState::default(),
            csv: CsvState::default(),
        }
    }

    /// A reader of records of type `T` ([`ReadOptions::for_record`]): what CSV needs.
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Input, Reader};
    /// use data_inclusion_schema::v1::Structure;
    ///
    /// let csv = "id,nom,source,date_maj,reseaux_porteurs,latitude\n\
    ///            s1,CCAS,dora,2025-02-14,\"['ccas-cias', 'communes']\",45.5\n";
    /// let entry = Reader::for_record::<Structure>(csv.as_bytes(), Format::Csv).next().unwrap()??;
    /// let Input::Fields(fields) = entry.input else { unreachable!() };
    /// assert_eq!(fields["reseaux_porteurs"], serde_json::json!(["ccas-cias", "communes"]));
    /// assert_eq!(fields["latitude"], 45.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_record<T: Record>(reader: R, format: Format) -> Self {
        Reader::with_options(reader, format, ReadOptions::for_record::<T>())
    }

    /// The format read.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The options.
    pub fn options(&self) -> &ReadOptions {
        &self.options
    }

    /// Sets the fields of the record type ([`ReadOptions::fields`]), for the CSV rows not
    /// yet read (the required columns are checked before the next row).
    pub fn set_fields(&mut self, fields: &'static [FieldSpec]) {
        self.options.fields = Some(fields);
        self.csv.columns = None;
    }

    /// Sets the fields of `kind` ([`Reader::set_fields`]).
    pub fn set_kind(&mut self, kind: Kind) {
        self.set_fields(kind.fields());
    }

    /// The CSV header (the column names, trimmed), read now if it is not yet; `None`
    /// for JSON, for an empty input, or when the header cannot be read (the error is then
    /// the next item).
    pub fn csv_header(&mut self) -> Option<&[String]> {
        if self.format != Format::Csv {
            return None;
        }
        if !self.done && self.csv.header.is_none() {
            if let Err(e) = self.read_csv_header() {
                self.fail(e);
            }
        }
        self.csv.header.as_ref().map(|h| &h.names[..])
    }

    /// The next item, without taking it.
    pub fn peek(&mut self) -> Option<&ReadItem> {
        if self.lookahead.is_empty() {
            let item = self.produce()?;
            self.lookahead.push_back(item);
        }
        self.lookahead.front()
    }

    /// The kind of the records, from the CSV header (a `structure_id` column means
    /// services) or from the first record that can be read among the first 64 (one with a
    /// `structure_id` key is a service). `None` when there is none (an empty input, a
    /// header that cannot be read, …). The records read to tell are kept: iteration
    /// gives them all, from the first.
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Kind, Reader};
    ///
    /// let jsonl = "{\"id\": \"s1\", \"structure_id\": \"x\"}\n";
    /// let mut reader = Reader::new(jsonl.as_bytes(), Format::JsonLines);
    /// assert_eq!(reader.detect_kind(), Some(Kind::Services));
    /// assert_eq!(reader.count(), 1);
    /// ```
    pub fn detect_kind(&mut self) -> Option<Kind> {
        if self.format == Format::Csv {
            return self.csv_header().map(Kind::of_columns);
        }
        let mut i = 0;
        while i < DETECT_LOOKAHEAD {
            if i == self.lookahead.len() {
                let item = self.produce()?;
                self.lookahead.push_back(item);
            }
            match self.lookahead.get(i)? {
                Ok(Ok(entry)) => return Some(Kind::of_input(&entry.input)),
                Ok(Err(_)) => i += 1,
                Err(_) => return None,
            }
        }
        None
    }

    /// The next item, its record validated as a `T`: what [`Iterator::next`] gives, with
    /// each entry's [`Input::check`] done. The same [`Checked`](crate::validate::Checked),
    /// found faster for CSV: a row is validated straight from its cells, and its map (its
    /// [`Input::Fields`]) is built only when the row has something to report. JSON and
    /// JSON Lines records are checked by [`Validator::check_json`].
    ///
    /// For CSV, the reader's fields ([`ReadOptions::fields`]) should be `T`'s, as
    /// [`Reader::for_record`] sets them: the cells are read by them, as for
    /// [`Iterator::next`].
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let csv = "id,nom,source,date_maj\ndora--1,Mission locale,dora,2025-02-14\ndora--2,M,dora,2025-02-14\n";
    /// let validator = Validator::new().today(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
    /// let mut reader = Reader::for_record::<Structure>(csv.as_bytes(), Format::Csv);
    /// let first = reader.next_checked::<Structure>(&validator).unwrap()??;
    /// assert_eq!((first.line, first.checked.record.unwrap().nom), (2, "Mission locale".to_string()));
    /// let second = reader.next_checked::<Structure>(&validator).unwrap()??;
    /// assert_eq!(second.checked.problems[0].code(), "string_too_short");
    /// assert!(reader.next_checked::<Structure>(&validator).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_checked<T: Record>(&mut self, validator: &Validator) -> Option<CheckedItem<T>> {
        if let Some(item) = self.lookahead.pop_front() {
            return Some(check_item(item, validator));
        }
        match self.format {
            Format::Csv => self.produce_with(|reader| {
                reader.next_csv_row(|reader, cells, start| {
                    reader.csv_checked(cells, start, validator)
                })
            }),
            // The record's text validated where it lies: its syntax is checked apart only
            // when the single pass gives up (which it does on anything jiter would refuse).
            Format::JsonLines => self.produce_with(|reader| {
                reader.next_json_line(|text, at| json_checked(text, at, validator))
            }),
            Format::Json => self.produce_with(|reader| {
                reader.next_json_element(|text, at| json_checked(text, at, validator))
            }),
        }
    }

    /// The reader as an iterator of validated records ([`Reader::next_checked`]).
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Reader};
    /// use data_inclusion_schema::v1::Service;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let csv = "id;structure_id;source;nom;description;date_maj;thematiques\n\
    ///            dora--1;dora--s1;dora;Garde;Une crèche.;2025-02-14;['famille--garde-denfants']\n\
    ///            dora--2;dora--s1;dora;Garde;Une crèche.;2025-02-14;famille--inconnue\n\
    ///            dora--3;dora--s1\n";
    /// let validator = Validator::new().today(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
    /// let mut valid = Vec::new();
    /// let mut invalid = Vec::new();
    /// for item in Reader::for_record::<Service>(csv.as_bytes(), Format::Csv).checked::<Service>(&validator) {
    ///     match item? {
    ///         Ok(entry) => match entry.checked.record {
    ///             Some(service) => valid.push(service.id),
    ///             None => invalid.push((entry.line, entry.checked.problems[0].field.clone())),
    ///         },
    ///         Err(unreadable) => invalid.push((unreadable.line, String::new())),
    ///     }
    /// }
    /// assert_eq!(valid, ["dora--1"]);
    /// assert_eq!(invalid, [(3, "thematiques".to_string()), (4, String::new())]);
    /// # Ok::<(), data_inclusion_schema::io::ReadError>(())
    /// ```
    pub fn checked<T: Record>(self, validator: &Validator) -> CheckedEntries<'_, R, T> {
        CheckedEntries {
            reader: self,
            validator,
            record: std::marker::PhantomData,
        }
    }

    /// Stops reading with `error` as the last item.
    fn fail(&mut self, error: ReadError) {
        self.lookahead.push_back(Err(error));
        self.done = true;
    }

    /// Reads the next item from the input.
    fn produce(&mut self) -> Option<ReadItem> {
        self.produce_with(|reader| match reader.format {
            Format::JsonLines => reader.next_json_line(json_entry),
            Format::Json => reader.next_json_element(json_entry),
            Format::Csv => {
                reader.next_csv_row(|reader, cells, start| reader.csv_entry(cells, start))
            }
        })
    }

    /// Reads the next item from the input with `next`, which reads one record.
    fn produce_with<T>(
        &mut self,
        next: impl FnOnce(&mut Self) -> Result<Option<Result<T, RecordError>>, ReadError>,
    ) -> Option<Result<Result<T, RecordError>, ReadError>> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            if let Err(e) = self.start() {
                self.done = true;
                return Some(Err(e));
            }
        }
        match next(self) {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }

    /// Skips a UTF-8 byte-order mark; refuses UTF-16.
    fn start(&mut self) -> Result<(), ReadError> {
        let line = self.line;
        let head = self
            .src
            .prefix(3)
            .map_err(|source| ReadError::Io { line, source })?;
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.src.consume(3);
        } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(ReadError::NotUtf8 {
                line,
                byte: head[0],
                encoding: Some("UTF-16"),
            });
        }
        Ok(())
    }

    // ---------------------------------------------------------------- JSON Lines

    /// Reads the next line holding a record; `finish` makes the item of its text.
    fn next_json_line<T>(
        &mut self,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Result<Option<Result<T, RecordError>>, ReadError> {
        let max = self.options.max_record_bytes;
        loop {
            let start = self.line;
            self.buf.clear();
            let mut too_large = false;
            let mut any = false;
            loop {
                let line = self.line;
                let chunk = self
                    .src
                    .fill()
                    .map_err(|source| ReadError::Io { line, source })?;
                if chunk.is_empty() {
                    break;
                }
                any = true;
                let (take, newline) = match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => (i, true),
                    None => (chunk.len(), false),
                };
                if !too_large {
                    if self.buf.len() + take > max {
                        too_large = true;
                    } else {
                        self.buf.extend_from_slice(&chunk[..take]);
                    }
                }
                self.src.consume(take + usize::from(newline));
                if newline {
                    self.line += 1;
                    break;
                }
            }
            if !any {
                return Ok(None);
            }
            if too_large {
                return Ok(Some(Err(too_large_error(start, None, max))));
            }
            let text = trim_json_ws(&self.buf);
            if text.is_empty() {
                continue;
            }
            let text = utf8(text, start)?;
            return Ok(Some(finish(
                text,
                JsonAt {
                    line: start,
                    start,
                    in_document: false,
                },
            )));
        }
    }

    // ---------------------------------------------------------------- JSON document

    /// Skips JSON whitespace; the next byte, not consumed (`None` at the end).
    fn skip_ws(&mut self) -> Result<Option<u8>, ReadError> {
        loop {
            let line = self.line;
            let chunk = self
                .src
                .fill()
                .map_err(|source| ReadError::Io { line, source })?;
            if chunk.is_empty() {
                return Ok(None);
            }
            let mut newlines = 0;
            let mut found = None;
            let mut i = 0;
            while i < chunk.len() {
                match chunk[i] {
                    b'\n' => newlines += 1,
                    b' ' | b'\t' | b'\r' => {}
                    b => {
                        found = Some(b);
                        break;
                    }
                }
                i += 1;
            }
            self.src.consume(i);
            self.line += newlines;
            if found.is_some() {
                return Ok(found);
            }
        }
    }

    /// Reads the next element of the document; `finish` makes the item of its text.
    fn next_json_element<T>(
        &mut self,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Result<Option<Result<T, RecordError>>, ReadError> {
        loop {
            match self.json.phase {
                Phase::Start => {
                    let Some(b) = self.skip_ws()? else {
                        return Ok(None);
                    };
                    match b {
                        b'[' => {
                            self.src.consume(1);
                            self.json.open_line = self.line;
                            self.json.phase = Phase::Array;
                        }
                        b'{' => {
                            self.json.open_line = self.line;
                            self.json.phase = Phase::Single;
                        }
                        _ => {
                            return Err(ReadError::NotArrayOrObject {
                                line: self.line,
                                found: self.src.first_char(),
                            })
                        }
                    }
                }
                Phase::Array => {
                    if self.skip_ws()?.is_none() {
                        return Err(ReadError::UnclosedArray {
                            line: self.json.open_line,
                            end: self.line,
                        });
                    }
                    let start = self.line;
                    let (end, too_large) = self.scan_element(false)?;
                    let end = match end {
                        Some(end) => end,
                        // The input ends after a whole element: it is read, then the
                        // error is given.
                        None if self.json.complete => {
                            self.json.phase = Phase::Unclosed;
                            End::Comma
                        }
                        None => {
                            return Err(ReadError::UnclosedArray {
                                line: self.json.open_line,
                                end: self.line,
                            })
                        }
                    };
                    let text_len = trim_json_ws(&self.buf).len();
                    if end == End::Close {
                        self.json.phase = Phase::End;
                        if text_len == 0 && !too_large {
                            // `[]`, or a trailing comma: no record.
                            continue;
                        }
                    }
                    self.json.position += 1;
                    let position = self.json.position;
                    if too_large {
                        return Ok(Some(Err(too_large_error(
                            position,
                            Some(start),
                            self.options.max_record_bytes,
                        ))));
                    }
                    if text_len == 0 {
                        return Ok(Some(Err(RecordError::in_document(
                            position,
                            start,
                            RecordErrorKind::EmptyElement,
                            "élément vide dans le tableau JSON".to_string(),
                        ))));
                    }
                    return Ok(Some(self.finish_element(position, start, finish)));
                }
                Phase::Single => {
                    let start = self.line;
                    let (end, too_large) = self.scan_element(true)?;
                    if end.is_none() {
                        return Err(ReadError::UnclosedObject {
                            line: self.json.open_line,
                            end: self.line,
                        });
                    }
                    self.json.phase = Phase::End;
                    if too_large {
                        return Ok(Some(Err(too_large_error(
                            1,
                            Some(start),
                            self.options.max_record_bytes,
                        ))));
                    }
                    return Ok(Some(self.finish_element(1, start, finish)));
                }
                Phase::Unclosed => {
                    return Err(ReadError::UnclosedArray {
                        line: self.json.open_line,
                        end: self.line,
                    })
                }
                Phase::End => {
                    return match self.skip_ws()? {
                        None => Ok(None),
                        Some(_) => Err(ReadError::TrailingData { line: self.line }),
                    };
                }
            }
        }
    }

    /// The element in the buffer, at `position`, made an item by `finish`.
    fn finish_element<T>(
        &self,
        position: u64,
        start: u64,
        finish: impl FnOnce(&str, JsonAt) -> Result<T, RecordError>,
    ) -> Result<T, RecordError> {
        let text = trim_json_ws(&self.buf);
        // UTF-8 was checked by scan_element.
        let text = std::str::from_utf8(text).unwrap_or_default();
        finish(
            text,
            JsonAt {
                line: position,
                start,
                in_document: true,
            },
        )
    }

    /// Reads one element of the array (up to a `,` or the `]` at its level, which is
    /// consumed), or the whole object (`single`), into the buffer, tracking depth, strings
    /// and escapes. Returns how it ended (`None`: the input ended first; then
    /// `self.json.complete` says whether what was read is a whole value, brackets and
    /// quotes closed) and whether it was too large (then the buffer holds only its
    /// beginning).
    fn scan_element(&mut self, single: bool) -> Result<(Option<End>, bool), ReadError> {
        let max = self.options.max_record_bytes;
        let start = self.line;
        self.buf.clear();
        let mut too_large = false;
        let (mut depth, mut in_string, mut escape) = (0usize, false, false);
        loop {
            let line = self.line;
            let chunk = self
                .src
                .fill()
                .map_err(|source| ReadError::Io { line, source })?;
            if chunk.is_empty() {
                self.json.complete =
                    depth == 0 && !in_string && (too_large || !trim_json_ws(&self.buf).is_empty());
                if self.json.complete && !too_large {
                    utf8(&self.buf, start)?;
                }
                return Ok((None, too_large));
            }
            let mut end = None;
            let mut newlines = 0;
            let mut i = 0;
            while i < chunk.len() {
                let b = chunk[i];
                if b == b'\n' {
                    newlines += 1;
                }
                if in_string {
                    if escape {
                        escape = false;
                    } else if b == b'\\' {
                        escape = true;
                    } else if b == b'"' {
                        in_string = false;
                    }
                } else {
                    match b {
                        b'"' => in_string = true,
                        b'{' | b'[' => depth = depth.saturating_add(1),
                        b'}' | b']' if depth > 0 => {
                            depth -= 1;
                            if depth == 0 && single {
                                end = Some((i + 1, End::Close, 0));
                                break;
                            }
                        }
                        b']' if !single => {
                            end = Some((i, End::Close, 1));
                            break;
                        }
                        b',' if depth == 0 && !single => {
                            end = Some((i, End::Comma, 1));
                            break;
                        }
                        _ => {}
                    }
                }
                i += 1;
            }
            let take = end.map_or(chunk.len(), |(at, _, _)| at);
            if !too_large {
                if self.buf.len() + take > max {
                    too_large = true;
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            let skip = end.map_or(0, |(_, _, skip)| skip);
            self.src.consume(take + skip);
            self.line += newlines;
            if let Some((_, how, _)) = end {
                if !too_large {
                    utf8(&self.buf, start)?;
                }
                return Ok((Some(how), too_large));
            }
        }
    }

    // ---------------------------------------------------------------- CSV

    /// Reads the header: skips blank lines, tells the delimiter, splits the names.
    fn read_csv_header(&mut self) -> Result<(), ReadError> {
        if !self.started {
            self.started = true;
            self.start()?;
        }
        let max = self.options.max_record_bytes;
        // Blank lines before the header.
        loop {
            let line = self.line;
            let chunk = self
                .src
                .prefix(2)
                .map_err(|source| ReadError::Io { line, source })?;
            match chunk.first() {
                None => return Ok(()),
                Some(b'\n') => {
                    self.src.consume(1);
                    self.line += 1;
                }
                Some(b'\r') if chunk.get(1) == Some(&b'\n') => {
                    self.src.consume(2);
                    self.line += 1;
                }
                Some(_) => break,
            }
        }
        let start = self.line;
        // The header line, quotes respected whatever the delimiter.
        self.buf.clear();
        let mut in_quotes = false;
        loop {
            let line = self.line;
            let chunk = self
                .src
                .fill()
                .map_err(|source| ReadError::Io { line, source })?;
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
            if self.buf.len() + take > max {
                return Err(ReadError::HeaderTooLarge {
                    line: start,
                    limit: max,
                });
            }
            self.buf.extend_from_slice(&chunk[..take]);
            self.src.consume(take + usize::from(end.is_some()));
            self.line += newlines + u64::from(end.is_some());
            if end.is_some() {
                break;
            }
        }
        let header = utf8(&self.buf, start)?;
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
        // A set, not a scan of the names before each: a header of 100 000 columns is
        // checked at once.
        let mut seen = std::collections::HashSet::with_capacity(names.len());
        for name in &names {
            if !name.is_empty() && !seen.insert(name.as_str()) {
                return Err(ReadError::DuplicateColumn {
                    line: start,
                    column: name.clone(),
                });
            }
        }
        self.csv.delimiter = delimiter;
        self.csv.header = Some(Header { names, line: start });
        Ok(())
    }

    /// Maps the header's columns to the fields; the required columns must be there.
    fn csv_columns(&mut self) -> Result<(), ReadError> {
        let Some(header) = &self.csv.header else {
            return Ok(());
        };
        let columns = match self.options.fields {
            None => header
                .names
                .iter()
                .map(|n| {
                    if n.is_empty() {
                        Column::Unnamed
                    } else {
                        Column::Untyped
                    }
                })
                .collect(),
            Some(fields) => {
                let missing: Vec<String> = fields
                    .iter()
                    .filter(|f| f.required && !header.names.iter().any(|n| n == f.name))
                    .map(|f| f.name.to_string())
                    .collect();
                if !missing.is_empty() {
                    return Err(ReadError::MissingColumns {
                        line: header.line,
                        columns: missing,
                    });
                }
                header
                    .names
                    .iter()
                    .map(|n| match fields.iter().find(|f| f.name == n) {
                        Some(f) => Column::Field(f),
                        None if n.is_empty() => Column::Unnamed,
                        None => Column::Extra,
                    })
                    .collect()
            }
        };
        self.csv.columns = Some(columns);
        Ok(())
    }

    /// Reads the next CSV row, which `make` turns into an item (skipping blank lines).
    fn next_csv_row<T>(
        &mut self,
        make: impl FnOnce(&Self, &Cells, u64) -> Result<Result<T, RecordError>, ReadError>,
    ) -> Result<Option<Result<T, RecordError>>, ReadError> {
        if self.csv.header.is_none() {
            self.read_csv_header()?;
            if self.csv.header.is_none() {
                return Ok(None);
            }
        }
        if self.csv.columns.is_none() {
            self.csv_columns()?;
        }
        let max = self.options.max_record_bytes;
        let mut splitter = Splitter::new(self.csv.delimiter);
        let mut cells = std::mem::replace(&mut self.csv.cells, Cells::new(0));
        let result = loop {
            cells.reset(max);
            splitter.reset();
            let start = self.line;
            let mut consumed = 0usize;
            let mut ended = false;
            loop {
                let line = self.line;
                let chunk = match self.src.fill() {
                    Ok(chunk) => chunk,
                    Err(source) => {
                        self.csv.cells = cells;
                        return Err(ReadError::Io { line, source });
                    }
                };
                if chunk.is_empty() {
                    break;
                }
                let fed = splitter.feed(chunk, &mut cells);
                consumed += fed.used;
                self.src.consume(fed.used);
                self.line += fed.newlines;
                if fed.ended {
                    ended = true;
                    break;
                }
            }
            if !ended {
                if consumed == 0 {
                    break Ok(None);
                }
                if splitter.in_quotes() {
                    break Err(ReadError::UnclosedQuote { line: start });
                }
                splitter.finish(&mut cells);
            }
            if cells.blank {
                continue;
            }
            break make(self, &cells, start).map(Some);
        };
        self.csv.cells = cells;
        result
    }

    /// A row's cells, checked: as many as the header has names, UTF-8.
    fn csv_row<'a>(
        &'a self,
        cells: &'a Cells,
        start: u64,
    ) -> Result<Result<Row<'a>, RecordError>, ReadError> {
        let max = self.options.max_record_bytes;
        if cells.full {
            return Ok(Err(too_large_error(start, None, max)));
        }
        let Some(header) = &self.csv.header else {
            return Ok(Err(RecordError::new(
                start,
                RecordErrorKind::CellCount,
                "ligne sans en-tête CSV".to_string(),
            )));
        };
        let columns = self.csv.columns.as_deref().unwrap_or_default();
        if cells.ends.len() != header.names.len() {
            let found = cells.ends.len();
            return Ok(Err(RecordError::new(
                start,
                RecordErrorKind::CellCount,
                format!(
                    "la ligne a {found} cellule{}, l’en-tête en a {}",
                    if found > 1 { "s" } else { "" },
                    header.names.len()
                ),
            )));
        }
        let text = match fast_utf8(&cells.bytes) {
            Ok(text) => text,
            Err(e) => {
                let before = cells.bytes.get(..e.valid_up_to()).unwrap_or_default();
                let line = start + before.iter().filter(|&&b| b == b'\n').count() as u64;
                return Err(not_utf8(&cells.bytes, e, line));
            }
        };
        let syntax = CellSyntax {
            list_separators: &self.options.csv_list_separators,
            decimal_comma: self.csv.delimiter == b';',
        };
        Ok(Ok(Row {
            names: &header.names,
            columns,
            text,
            ends: &cells.ends,
            syntax,
        }))
    }

    /// A row's cells as an entry.
    fn csv_entry(
        &self,
        cells: &Cells,
        start: u64,
    ) -> Result<Result<Entry, RecordError>, ReadError> {
        Ok(self.csv_row(cells, start)?.map(|row| Entry {
            line: start,
            input: Input::Fields(row.map()),
        }))
    }

    /// A row's cells validated as a record of type `T`.
    fn csv_checked<T: Record>(
        &self,
        cells: &Cells,
        start: u64,
        validator: &Validator,
    ) -> Result<Result<CheckedEntry<T>, RecordError>, ReadError> {
        Ok(self.csv_row(cells, start)?.map(|row| CheckedEntry {
            line: start,
            checked: row.check(validator),
        }))
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Result<Entry, RecordError>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.lookahead.pop_front() {
            Some(item) => Some(item),
            None => self.produce(),
        }
    }
}

impl<R: Read> std::iter::FusedIterator for Reader<R> {}

/// An item already read (by [`Reader::peek`], [`Reader::detect_kind`]), validated.
/// Where a JSON record is: `line` as [`Entry::line`]; `start`, the physical line where it
/// starts; `in_document`, whether `line` is a position in a JSON document.
#[derive(Clone, Copy)]
struct JsonAt {
    line: u64,
    start: u64,
    in_document: bool,
}

/// Whether the text of a JSON record is JSON, as a [`RecordError`] where it is not.
fn json_record_syntax(text: &str, at: JsonAt) -> Result<(), RecordError> {
    json_syntax(text, at.start, at.in_document).map_err(|message| {
        if at.in_document {
            RecordError::in_document(at.line, at.start, RecordErrorKind::InvalidJson, message)
        } else {
            RecordError::new(at.line, RecordErrorKind::InvalidJson, message)
        }
    })
}

/// The text of a JSON record as an entry, or why it is not JSON.
fn json_entry(text: &str, at: JsonAt) -> Result<Entry, RecordError> {
    json_record_syntax(text, at)?;
    Ok(Entry {
        line: at.line,
        input: Input::Json(text.to_string()),
    })
}

/// The text of a JSON record validated as a `T`: what [`json_entry`] then [`Input::check`]
/// give, without the entry's copy of the text, and without a separate syntax check when
/// the single pass accepts the record.
fn json_checked<T: Record>(
    text: &str,
    at: JsonAt,
    validator: &Validator,
) -> Result<CheckedEntry<T>, RecordError> {
    let checked = validator.check_json_read(text, || json_record_syntax(text, at))?;
    Ok(CheckedEntry {
        line: at.line,
        checked,
    })
}

fn check_item<T: Record>(item: ReadItem, validator: &Validator) -> CheckedItem<T> {
    item.map(|record| {
        record.map(|entry| CheckedEntry {
            line: entry.line,
            checked: entry.input.check(validator),
        })
    })
}

/// A [`Reader`] as an iterator of validated records: see [`Reader::checked`].
pub struct CheckedEntries<'v, R: Read, T> {
    reader: Reader<R>,
    validator: &'v Validator,
    record: std::marker::PhantomData<fn() -> T>,
}

impl<R: Read, T> std::fmt::Debug for CheckedEntries<'_, R, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckedEntries")
            .field("reader", &self.reader)
            .finish_non_exhaustive()
    }
}

impl<R: Read, T> CheckedEntries<'_, R, T> {
    /// The reader.
    pub fn reader(&self) -> &Reader<R> {
        &self.reader
    }

    /// The reader back, where it stands.
    pub fn into_reader(self) -> Reader<R> {
        self.reader
    }
}

impl<R: Read, T: Record> Iterator for CheckedEntries<'_, R, T> {
    type Item = CheckedItem<T>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.next_checked(self.validator)
    }
}

impl<R: Read, T: Record> std::iter::FusedIterator for CheckedEntries<'_, R, T> {}

/// Opens an input whose kind may not be known: returns the kind (`kind` when given;
/// otherwise told by [`Reader::detect_kind`], structures when nothing tells), whether it
/// was told from the content (`kind` was `None`), and a reader set for that kind, from the
/// first record.
///
/// A [`ReadError`] found before the first record (a CSV header with a duplicated or
/// missing column, a document that is neither an array nor an object, an input that is
/// not UTF-8 from its first line, …) is returned here.
///
/// ```
/// use data_inclusion_schema::io::{read_detected, Format, Kind};
///
/// let csv = "id;structure_id;source;nom;description;date_maj\nd--1;d--s1;dora;Garde;Une crèche.;2025-02-14\n";
/// let (kind, detected, reader) = read_detected(csv.as_bytes(), Format::Csv, None)?;
/// assert_eq!((kind, detected), (Kind::Services, true));
/// assert_eq!(reader.count(), 1);
///
/// let error = read_detected(csv.as_bytes(), Format::Csv, Some(Kind::Structures)).err();
/// assert!(error.is_none(), "a structure needs id, nom, source, date_maj: all there");
/// let error = read_detected("id,nom\n".as_bytes(), Format::Csv, Some(Kind::Services)).unwrap_err();
/// assert_eq!(error.to_string(), "ligne 1 : colonnes obligatoires absentes de l’en-tête CSV : date_maj, description, source, structure_id");
/// # Ok::<(), data_inclusion_schema::io::ReadError>(())
/// ```
pub fn read_detected<R: Read>(
    reader: R,
    format: Format,
    kind: Option<Kind>,
) -> Result<(Kind, bool, Reader<R>), ReadError> {
    read_detected_with(reader, format, kind, ReadOptions::default())
}

/// [`read_detected`] with options (their [`ReadOptions::fields`] are replaced by the
/// kind's).
pub fn read_detected_with<R: Read>(
    reader: R,
    format: Format,
    kind: Option<Kind>,
    options: ReadOptions,
) -> Result<(Kind, bool, Reader<R>), ReadError> {
    let mut reader = Reader::with_options(reader, format, options);
    let (kind, detected) = match kind {
        Some(kind) => (kind, false),
        None => (reader.detect_kind().unwrap_or(Kind::Structures), true),
    };
    reader.set_kind(kind);
    if format == Format::Csv {
        if reader.csv_header().is_some() {
            reader.csv_columns()?;
        }
    } else {
        reader.peek();
    }
    if matches!(reader.lookahead.front(), Some(Err(_))) {
        if let Some(Err(e)) = reader.lookahead.pop_front() {
            return Err(e);
        }
    }
    Ok((kind, detected, reader))
}

// -------------------------------------------------------------------- helpers

/// A byte source: one fixed buffer over the reader.
struct Source<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    eof: bool,
}

impl<R: Read> Source<R> {
    fn new(inner: R) -> Self {
        Source {
            inner,
            buf: vec![0; CHUNK].into_boxed_slice(),
            pos: 0,
            len: 0,
            eof: false,
        }
    }

    /// The bytes available, read from the input when there are none (empty at the end).
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.len && !self.eof {
            self.pos = 0;
            self.len = 0;
            let n = read_retrying(&mut self.inner, &mut self.buf)?;
            if n == 0 {
                self.eof = true;
            }
            self.len = n;
        }
        Ok(self.buf.get(self.pos..self.len).unwrap_or_default())
    }

    /// At least `n` bytes available, unless the input ends first.
    fn prefix(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.len - self.pos < n && !self.eof {
            self.buf.copy_within(self.pos..self.len, 0);
            self.len -= self.pos;
            self.pos = 0;
            while self.len < n && !self.eof {
                let got = read_retrying(&mut self.inner, &mut self.buf[self.len..])?;
                if got == 0 {
                    self.eof = true;
                }
                self.len += got;
            }
        }
        Ok(self.buf.get(self.pos..self.len).unwrap_or_default())
    }

    fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.len);
    }

    /// The next character, for a message (`'?'` when it is not UTF-8).
    fn first_char(&mut self) -> char {
        match self.prefix(4) {
            Ok(bytes) => String::from_utf8_lossy(bytes).chars().next().unwrap_or('?'),
            Err(_) => '?',
        }
    }
}

fn read_retrying<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[derive(Default)]
struct JsonState {
    phase: Phase,
    /// The line of the `[` or `{` that opens the document.
    open_line: u64,
    /// The position of the last element read in the array.
    position: u64,
    /// Whether the element read when the input ended is a whole value.
    complete: bool,
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Phase {
    #[default]
    Start,
    Array,
    Single,
    /// The array's last element is read, the input has ended: the error is next.
    Unclosed,
    End,
}

/// How an array element ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Comma,
    Close,
}

struct CsvState {
    delimiter: u8,
    header: Option<Header>,
    columns: Option<Vec<Column>>,
    cells: Cells,
}

impl Default for CsvState {
    fn default() -> Self {
        CsvState {
            delimiter: b',',
            header: None,
            columns: None,
            cells: Cells::new(0),
        }
    }
}

struct Header {
    names: Vec<String>,
    line: u64,
}

/// What a CSV column holds.
pub(super) enum Column {
    /// A field of the schema.
    Field(&'static FieldSpec),
    /// A field the schema does not know.
    Extra,
    /// Any field (the reader was given no fields).
    Untyped,
    /// A column without a name (pandas' index, a spreadsheet's empty columns): ignored.
    Unnamed,
}

/// The cells of one CSV row: their bytes end to end, and where each ends.
struct Cells {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    /// The row's bytes (syntax included) seen so far.
    seen: usize,
    limit: usize,
    /// The row is over the limit: nothing more is kept.
    full: bool,
    /// The row is an empty line.
    blank: bool,
}

impl Cells {
    fn new(limit: usize) -> Self {
        Cells {
            bytes: Vec::new(),
            ends: Vec::new(),
            seen: 0,
            limit,
            full: false,
            blank: true,
        }
    }

    fn reset(&mut self, limit: usize) {
        self.bytes.clear();
        self.ends.clear();
        self.seen = 0;
        self.limit = limit;
        self.full = false;
        self.blank = true;
    }

    fn see(&mut self) {
        self.seen += 1;
        if self.seen > self.limit {
            self.full = true;
        }
    }

    fn push(&mut self, b: u8) {
        self.blank = false;
        if !self.full {
            self.bytes.push(b);
        }
    }

    /// Sees then pushes each byte of `run` (non-empty), as [`Cells::see`] then
    /// [`Cells::push`] would byte by byte; when the run goes over the limit, none of it
    /// is kept (once full, the row's bytes no longer matter).
    fn extend(&mut self, run: &[u8]) {
        self.seen = self.seen.saturating_add(run.len());
        if self.seen > self.limit {
            self.full = true;
        }
        self.blank = false;
        if !self.full {
            self.bytes.extend_from_slice(run);
        }
    }

    fn end_cell(&mut self) {
        if !self.full {
            self.ends.push(self.bytes.len());
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CsvSt {
    StartCell,
    Unquoted,
    Quoted,
    /// A quote inside a quoted cell: the end of the quotes, or the first of `""`.
    QuoteInQuoted,
}

/// The CSV state machine (RFC 4180, lenient as most readers: a quote inside an unquoted
/// cell, or text after a closing quote, is kept as text).
struct Splitter {
    delimiter: u8,
    state: CsvSt,
    pending_cr: bool,
}

impl Splitter {
    fn new(delimiter: u8) -> Self {
        Splitter {
            delimiter,
            state: CsvSt::StartCell,
            pending_cr: false,
        }
    }

    fn reset(&mut self) {
        self.state = CsvSt::StartCell;
        self.pending_cr = false;
    }

    fn in_quotes(&self) -> bool {
        self.state == CsvSt::Quoted
    }

    /// Reads bytes up to the end of the row (its `\n`, read): as [`Splitter::step`] on
    /// each byte, but the runs of bytes that only go into the cell (in a quoted cell, up to
    /// the next quote; in an unquoted one, up to the next delimiter or line break) are
    /// found with a word-at-a-time search and copied at once.
    fn feed(&mut self, bytes: &[u8], cells: &mut Cells) -> Fed {
        let mut i = 0;
        let mut newlines = 0u64;
        while let Some(rest) = bytes.get(i..).filter(|rest| !rest.is_empty()) {
            let run = match self.state {
                // Every byte up to the quote is cell text, a line break included.
                CsvSt::Quoted => find_byte(rest, b'"'),
                // Every byte up to a delimiter or a line break is cell text, a quote
                // included (kept as text, leniently); a `\r` waiting for its `\n` is
                // left to `step`.
                CsvSt::Unquoted if !self.pending_cr => {
                    find_any3(rest, self.delimiter, b'\n', b'\r')
                }
                _ => 0,
            };
            if run > 0 {
                let text = rest.get(..run).unwrap_or_default();
                if self.state == CsvSt::Quoted {
                    newlines += count_newlines(text);
                }
                cells.extend(text);
                i += run;
                continue;
            }
            let b = rest[0];
            i += 1;
            if b == b'\n' {
                newlines += 1;
            }
            if self.step(b, cells) {
                return Fed {
                    used: i,
                    ended: true,
                    newlines,
                };
            }
        }
        Fed {
            used: i,
            ended: false,
            newlines,
        }
    }

    /// Reads one byte; true at the end of the row (its `\n`).
    fn step(&mut self, b: u8, cells: &mut Cells) -> bool {
        if b != b'\n' || self.state == CsvSt::Quoted {
            cells.see();
        }
        if self.state == CsvSt::Quoted {
            if b == b'"' {
                self.state = CsvSt::QuoteInQuoted;
                cells.blank = false;
            } else {
                cells.push(b);
            }
            return false;
        }
        if self.pending_cr {
            self.pending_cr = false;
            if b != b'\n' {
                cells.push(b'\r');
                self.state = CsvSt::Unquoted;
            }
        }
        match b {
            b'\n' => {
                cells.end_cell();
                self.state = CsvSt::StartCell;
                return true;
            }
            b'\r' => {
                self.pending_cr = true;
                return false;
            }
            _ => {}
        }
        if b == self.delimiter {
            cells.blank = false;
            cells.end_cell();
            self.state = CsvSt::StartCell;
            return false;
        }
        match (self.state, b) {
            (CsvSt::StartCell, b'"') => {
                cells.blank = false;
                self.state = CsvSt::Quoted;
            }
            (CsvSt::QuoteInQuoted, b'"') => {
                cells.push(b'"');
                self.state = CsvSt::Quoted;
            }
            _ => {
                cells.push(b);
                self.state = CsvSt::Unquoted;
            }
        }
        false
    }

    /// Ends the last row at the end of the input (no final line break).
    fn finish(&mut self, cells: &mut Cells) {
        self.pending_cr = false;
        cells.end_cell();
    }
}

/// What [`Splitter::feed`] read.
struct Fed {
    /// The bytes read.
    used: usize,
    /// Whether the row ended (its `\n` is the last byte read).
    ended: bool,
    /// The `\n` read.
    newlines: u64,
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `x` set. A byte above (after, in little-endian) a
/// zero byte may be flagged wrongly, never one before: the lowest flag is exact.
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS
}

/// The index of the first `needle` in `hay`, or its length.
#[inline]
fn find_byte(hay: &[u8], needle: u8) -> usize {
    let n = LOW_BITS * u64::from(needle);
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let found = zero_bytes(w ^ n);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = words.remainder();
    at + tail.iter().position(|&b| b == needle).unwrap_or(tail.len())
}

/// The index of the first `a`, `b` or `c` in `hay`, or its length.
#[inline]
fn find_any3(hay: &[u8], a: u8, b: u8, c: u8) -> usize {
    let (na, nb, nc) = (
        LOW_BITS * u64::from(a),
        LOW_BITS * u64::from(b),
        LOW_BITS * u64::from(c),
    );
    let mut words = hay.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        let found = zero_bytes(w ^ na) | zero_bytes(w ^ nb) | zero_bytes(w ^ nc);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = words.remainder();
    at + tail
        .iter()
        .position(|&x| x == a || x == b || x == c)
        .unwrap_or(tail.len())
}

/// The `\n` in `bytes`.
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
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

/// Trims JSON whitespace at both ends.
fn trim_json_ws(bytes: &[u8]) -> &[u8] {
    let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let start = bytes.iter().position(|b| !ws(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !ws(b)).map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

/// `std::str::from_utf8`, with vector instructions for valid input (`simdutf8`); the
/// standard library describes the errors.
fn fast_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// The bytes as UTF-8, or the error at its line (`start` is the line of the first byte).
fn utf8(bytes: &[u8], start: u64) -> Result<&str, ReadError> {
    fast_utf8(bytes).map_err(|e| {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = start + before.iter().filter(|&&b| b == b'\n').count() as u64;
        not_utf8(bytes, e, line)
    })
}

fn not_utf8(bytes: &[u8], e: std::str::Utf8Error, line: u64) -> ReadError {
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
    let encoding = if byte >= 0x80 && windows_1252(byte).is_some() {
        Some("Windows-1252")
    } else {
        None
    };
    ReadError::NotUtf8 {
        line,
        byte,
        encoding,
    }
}

/// Whether `text` is one JSON value (`NaN` and `Infinity` allowed, as validation reads
/// them); otherwise the French message, with the physical line when `with_line` (the
/// value starts on line `start`).
fn json_syntax(text: &str, start: u64, with_line: bool) -> Result<(), String> {
    if crate::validate::fast::plainly_json(text) {
        return Ok(());
    }
    let mut jiter = jiter::Jiter::new(text.as_bytes()).with_allow_inf_nan();
    let result = jiter.next_skip().and_then(|()| jiter.finish());
    result.map_err(|e| {
        let at = jiter::LinePosition::find(text.as_bytes(), e.index);
        let line = start + at.line as u64 - 1;
        let limit = match e.error_type {
            jiter::JiterErrorType::JsonError(jiter::JsonErrorType::RecursionLimitExceeded) => {
                " (plus de 200 niveaux de tableaux et d’objets imbriqués)"
            }
            jiter::JiterErrorType::JsonError(jiter::JsonErrorType::NumberOutOfRange) => {
                " (un entier a au plus 4300 chiffres)"
            }
            _ => "",
        };
        if with_line {
            format!(
                "JSON invalide (ligne {line}, colonne {}) : {}{limit}",
                at.column, e.error_type
            )
        } else {
            format!(
                "JSON invalide (colonne {}) : {}{limit}",
                at.column, e.error_type
            )
        }
    })
}

/// A record over the size limit; `physical`: its physical line, when `line` is a position
/// in a JSON document.
fn too_large_error(line: u64, physical: Option<u64>, max: usize) -> RecordError {
    let message =
        format!("l’enregistrement dépasse la taille maximale ({max} octets) ; il est ignoré");
    match physical {
        Some(p) => RecordError::in_document(line, p, RecordErrorKind::TooLarge, message),
        None => RecordError::new(line, RecordErrorKind::TooLarge, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes CSV syntax cares about, and text around them (ASCII and not).
    fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![
            b'a', b'b', b' ', b'"', b',', b';', b'\t', b'\n', b'\r', 0xC3, 0xA9, 0x80,
        ]);
        prop::collection::vec(byte, 0..200)
    }

    /// The bytes and cell ends kept (when not full), the bytes seen, full, blank.
    type Snapshot = (Option<(Vec<u8>, Vec<usize>)>, usize, bool, bool);

    /// Everything a row leaves in its cells, compared whole.
    fn snapshot(cells: &Cells) -> Snapshot {
        let kept = (!cells.full).then(|| (cells.bytes.clone(), cells.ends.clone()));
        (kept, cells.seen, cells.full, cells.blank)
    }

    /// A row: its cells, whether a quote is open, its line breaks.
    type Row = (Snapshot, bool, u64);

    /// The rows of `input`, byte by byte with `step` (the reference).
    fn rows_by_byte(input: &[u8], delimiter: u8, limit: usize) -> Vec<Row> {
        let mut splitter = Splitter::new(delimiter);
        let mut cells = Cells::new(limit);
        let mut rows = Vec::new();
        let mut newlines = 0;
        for &b in input {
            if b == b'\n' {
                newlines += 1;
            }
            if splitter.step(b, &mut cells) {
                rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
                cells.reset(limit);
                splitter.reset();
                newlines = 0;
            }
        }
        rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
        rows
    }

    /// The rows of `input` with `feed`, given in pieces cut at `cuts`.
    fn rows_fed(input: &[u8], cuts: &[usize], delimiter: u8, limit: usize) -> Vec<Row> {
        let mut splitter = Splitter::new(delimiter);
        let mut cells = Cells::new(limit);
        let mut rows = Vec::new();
        let mut newlines = 0;
        let mut bounds: Vec<usize> = cuts.iter().map(|&c| c % (input.len() + 1)).collect();
        bounds.push(input.len());
        bounds.sort_unstable();
        let mut at = 0;
        for end in bounds {
            while at < end {
                let fed = splitter.feed(&input[at..end], &mut cells);
                assert!(fed.used > 0 && at + fed.used <= end);
                at += fed.used;
                newlines += fed.newlines;
                if fed.ended {
                    assert_eq!(input[at - 1], b'\n');
                    rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
                    cells.reset(limit);
                    splitter.reset();
                    newlines = 0;
                }
            }
        }
        rows.push((snapshot(&cells), splitter.in_quotes(), newlines));
        rows
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// `feed` splits every input as `step` does byte by byte: the same rows, cells,
        /// bytes seen, limit, blank lines, open quotes and line breaks, wherever the
        /// input is cut into chunks.
        #[test]
        fn feed_is_step_byte_by_byte(
            input in csv_bytes(),
            cuts in prop::collection::vec(any::<usize>(), 0..4),
            delimiter in prop::sample::select(vec![b',', b';', b'\t']),
            limit in prop::sample::select(vec![0, 1, 5, 17, 64, usize::MAX]),
        ) {
            prop_assert_eq!(
                rows_fed(&input, &cuts, delimiter, limit),
                rows_by_byte(&input, delimiter, limit)
            );
        }

        #[test]
        fn the_searches_find_the_first_byte(
            hay in prop::collection::vec(prop::sample::select(vec![0u8, 1, b'"', b',', b'\n', b'\r', 0x80, 0xFF, 0x7F]), 0..80),
            a in any::<u8>(),
            b in any::<u8>(),
            c in any::<u8>(),
        ) {
            let first = |f: &dyn Fn(u8) -> bool| hay.iter().position(|&x| f(x)).unwrap_or(hay.len());
            prop_assert_eq!(find_byte(&hay, a), first(&|x| x == a));
            prop_assert_eq!(find_byte(&hay, b'"'), first(&|x| x == b'"'));
            prop_assert_eq!(find_any3(&hay, a, b, c), first(&|x| x == a || x == b || x == c));
            prop_assert_eq!(find_any3(&hay, b',', b'\n', b'\r'), first(&|x| matches!(x, b',' | b'\n' | b'\r')));
        }
    }
}
