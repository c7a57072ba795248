//! The streaming reader, whatever the format: [`Reader`] reads the input through one
//! [`Source`] and asks the format's reading ([`Document`], [`Lines`], [`Csv`]) for the next
//! record; it keeps the records read ahead ([`Reader::peek`], [`Reader::detect_kind`]),
//! validates them on demand ([`Reader::next_checked`]), and stops at the first
//! [`ReadError`].

use std::collections::VecDeque;
use std::io::Read;

use super::columns::{column_problems, ColumnProblem, Duplicates};
use super::csv::Csv;
use super::entry::{CheckedEntry, Entry};
use super::error::{Next, ReadError, RecordError};
use super::format::{Format, Kind};
use super::item::Item;
use super::json::Document;
use super::jsonl::Lines;
use super::options::{CsvCells, ReadOptions};
use super::parallel::{Arena, Owned};
use super::source::Source;
use crate::spec::FieldSpec;
use crate::validate::Validator;
use crate::Record;

/// An item as the formats' readings give it.
type ReadItem = Result<Result<Entry, RecordError>, ReadError>;

/// How many records [`Reader::detect_kind`] looks at, at most, for one it can read.
const DETECT_LOOKAHEAD: usize = 64;

/// A streaming reader of records: JSON (an array of records, or one record), JSON Lines or
/// CSV, from any [`Read`], in constant memory.
///
/// It is an iterator of [`Item`]s of [`Entry`] (records not validated);
/// [`Reader::checked`] makes it an iterator of validated records. Every record of the
/// input gives one [`Item::Record`] or [`Item::Unreadable`], and an [`Item::Stopped`], if
/// any, is the last item. It buffers its input itself: there is no need to wrap a file in
/// a `BufReader`.
///
/// CSV cells are read by the fields of the kind of record the header shows (a
/// `structure_id` column means services), or of the record type that
/// [`Reader::checked`] validates ([`ReadOptions::csv_cells`]).
///
/// ```
/// use data_inclusion_schema::io::{Format, Input, Reader};
///
/// let json = r#"[{"id": "a"}, {"id": "b"}]"#;
/// let inputs: Vec<Input> = Reader::new(json.as_bytes(), Format::Json)
///     .filter_map(|item| item.record())
///     .map(|entry| entry.input)
///     .collect();
/// assert_eq!(inputs, [Input::Json(r#"{"id": "a"}"#.into()), Input::Json(r#"{"id": "b"}"#.into())]);
/// ```
pub struct Reader<R: Read> {
    src: Source<R>,
    options: ReadOptions,
    done: bool,
    lookahead: VecDeque<ReadItem>,
    /// Where the format's reading stands.
    records: Records,
}

/// The reading of each format: each reads the next record from the source, as an entry or
/// validated.
enum Records {
    Json(Document),
    JsonLines(Lines),
    Csv(Csv),
    #[cfg(feature = "parquet")]
    Parquet(super::parquet::Rows),
    #[cfg(feature = "geojson")]
    GeoJson(super::geojson::Features),
    /// A format this build does not read: the reading stops at once.
    Disabled(Format),
}

impl Records {
    fn new(format: Format) -> Self {
        match format {
            Format::Json => Records::Json(Document::default()),
            Format::JsonLines => Records::JsonLines(Lines::default()),
            Format::Csv => Records::Csv(Csv::default()),
            #[cfg(feature = "parquet")]
            Format::Parquet => Records::Parquet(super::parquet::Rows::Pending),
            #[cfg(feature = "geojson")]
            Format::GeoJson => Records::GeoJson(super::geojson::Features::default()),
            #[allow(unreachable_patterns)]
            other => Records::Disabled(other),
        }
    }

    fn format(&self) -> Format {
        match self {
            Records::Json(_) => Format::Json,
            Records::JsonLines(_) => Format::JsonLines,
            Records::Csv(_) => Format::Csv,
            #[cfg(feature = "parquet")]
            Records::Parquet(_) => Format::Parquet,
            #[cfg(feature = "geojson")]
            Records::GeoJson(_) => Format::GeoJson,
            Records::Disabled(format) => *format,
        }
    }

    /// Whether the records are text, whose encoding is checked before the first byte (a
    /// UTF-8 byte-order mark skipped, UTF-16 refused); a Parquet file is bytes, whatever
    /// its first ones are.
    fn is_text(&self) -> bool {
        match self {
            #[cfg(feature = "parquet")]
            Records::Parquet(_) => false,
            _ => true,
        }
    }

    /// The error that stops the reading of a format this build does not read.
    fn disabled(format: Format) -> ReadError {
        ReadError::FormatNotEnabled {
            format,
            feature: format.feature().unwrap_or_default(),
        }
    }
}

impl<R: Read> std::fmt::Debug for Reader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("format", &self.format())
            .field("options", &self.options)
            .field("line", &self.src.line)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Reader<R> {
    /// A reader with the default options.
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Input, Reader};
    ///
    /// let csv = "id,nom,source,date_maj,reseaux_porteurs,latitude\n\
    ///            s1,CCAS,dora,2025-02-14,\"['ccas-cias', 'communes']\",45.5\n";
    /// let entry = Reader::new(csv.as_bytes(), Format::Csv).next().unwrap().record().unwrap();
    /// let Input::Fields(fields) = entry.input else { unreachable!() };
    /// assert_eq!(fields["reseaux_porteurs"], serde_json::json!(["ccas-cias", "communes"]));
    /// assert_eq!(fields["latitude"], 45.5);
    /// ```
    pub fn new(reader: R, format: Format) -> Self {
        Reader::with_options(reader, format, ReadOptions::default())
    }

    /// A reader with the given options.
    pub fn with_options(reader: R, format: Format, options: ReadOptions) -> Self {
        Reader {
            src: Source::new(reader),
            options,
            done: false,
            lookahead: VecDeque::new(),
            records: Records::new(format),
        }
    }

    /// A reader of Parquet rows (a file read in place, or row groups of one).
    #[cfg(feature = "parquet")]
    pub(crate) fn of_parquet(reader: R, rows: super::parquet::Rows, options: ReadOptions) -> Self {
        Reader {
            src: Source::new(reader),
            options,
            done: false,
            lookahead: VecDeque::new(),
            records: Records::Parquet(rows),
        }
    }

    /// The format read.
    pub fn format(&self) -> Format {
        self.records.format()
    }

    /// The columns of a tabular input, in their order: a CSV file's header (the names,
    /// trimmed), a Parquet file's columns; read now if they are not yet. `None` for JSON
    /// and GeoJSON, for an empty input, or when they cannot be read (the error is then
    /// the next item).
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Reader};
    ///
    /// let mut reader = Reader::new("nom,id,score_qualite\nCCAS,s1,0.5\n".as_bytes(), Format::Csv);
    /// assert_eq!(reader.columns(), Some(vec!["nom".to_string(), "id".into(), "score_qualite".into()]));
    /// ```
    pub fn columns(&mut self) -> Option<Vec<String>> {
        match self.format() {
            Format::Csv => self.csv_header().map(<[String]>::to_vec),
            #[cfg(feature = "parquet")]
            Format::Parquet => {
                self.open_parquet();
                match &self.records {
                    Records::Parquet(rows) => rows.file().map(|f| f.columns().to_vec()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Opens a Parquet input read from a [`Read`] (into memory), unless it is open; an
    /// error is the next item.
    #[cfg(feature = "parquet")]
    fn open_parquet(&mut self) {
        if self.done {
            return;
        }
        if let Records::Parquet(rows) = &mut self.records {
            let src = &mut self.src;
            if let Err(e) = rows.open_with(|| src.read_to_end()) {
                self.lookahead.push_back(Err(e));
                self.done = true;
            }
        }
    }

    /// The options.
    pub fn options(&self) -> &ReadOptions {
        &self.options
    }

    /// Reads the CSV rows not yet read by these fields ([`CsvCells::ByFields`]).
    pub fn set_fields(&mut self, fields: &'static [FieldSpec]) {
        self.set_csv_cells(CsvCells::ByFields(fields));
    }

    /// Sets how the CSV rows not yet read are read ([`ReadOptions::csv_cells`]).
    pub fn set_csv_cells(&mut self, cells: CsvCells) {
        if self.options.csv_cells == cells {
            return;
        }
        self.options.csv_cells = cells;
        if let Records::Csv(csv) = &mut self.records {
            csv.forget_columns();
        }
    }

    /// Reads CSV cells by `T`'s fields, unless they are read as strings.
    pub(super) fn read_as<T: Record>(&mut self) {
        let by_t = CsvCells::ByFields(T::FIELDS);
        match self.options.csv_cells {
            CsvCells::AsStrings => {}
            CsvCells::ByFields(fields) if std::ptr::eq(fields, T::FIELDS) => {}
            _ => self.set_csv_cells(by_t),
        }
    }

    /// Sets the fields of `kind` ([`Reader::set_fields`]).
    pub fn set_kind(&mut self, kind: Kind) {
        self.set_fields(kind.fields());
    }

    /// The CSV header (the column names, trimmed), read now if it is not yet; `None`
    /// for JSON, for an empty input, or when the header cannot be read (the error is then
    /// the next item).
    pub fn csv_header(&mut self) -> Option<&[String]> {
        let Records::Csv(csv) = &mut self.records else {
            return None;
        };
        if !self.done && csv.names().is_none() {
            if let Err(e) = csv.read_header(&mut self.src, &self.options) {
                // The error is the next item, and the last.
                self.lookahead.push_back(Err(e));
                self.done = true;
            }
        }
        csv.names()
    }

    /// The problems of the CSV header (read now if it is not yet): its unknown,
    /// duplicated and missing columns, by the fields the cells are read by (the kind the
    /// header shows, when read as strings), as `validator` requires them (the valideur
    /// profile does not require `source`). None for JSON, and none that stops the reading:
    /// every row is read all the same, a duplicated column under the name pandas gives it
    /// (`x.1`), a missing required column reported by each row ("Champ requis").
    pub fn column_problems(&mut self, validator: &Validator) -> Vec<ColumnProblem> {
        let Some(names) = self.csv_header().map(<[String]>::to_vec) else {
            return Vec::new();
        };
        let fields = self
            .options
            .csv_fields(&names)
            .unwrap_or_else(|| Kind::of_columns(&names).fields());
        let Some(line) = self.csv_header_line() else {
            return Vec::new();
        };
        let Records::Csv(csv) = &self.records else {
            return Vec::new();
        };
        let written = csv.written_names().unwrap_or_default();
        column_problems(
            written,
            fields,
            line,
            |_, positions| {
                Duplicates::Renamed(
                    positions
                        .iter()
                        .filter_map(|&p| names.get(p - 1).cloned())
                        .collect(),
                )
            },
            false,
            validator,
        )
    }

    /// The line of the CSV header (after the blank lines before it), read now if it is not
    /// yet; `None` as for [`Reader::csv_header`].
    pub fn csv_header_line(&mut self) -> Option<u64> {
        self.csv_header()?;
        match &self.records {
            Records::Csv(csv) => csv.header_line(),
            _ => None,
        }
    }

    /// The next item, without taking it (as nested results: see [`Item::into_result`]).
    pub fn peek(&mut self) -> Option<&Result<Result<Entry, RecordError>, ReadError>> {
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
        if matches!(self.format(), Format::Csv | Format::Parquet) {
            return self.columns().map(Kind::of_columns);
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
    /// each entry's [`Input::check`](super::Input::check) done. The same
    /// [`Checked`](crate::validate::Checked), found faster for CSV: a row is validated
    /// straight from its cells, and its map (its [`Input::Fields`](super::Input::Fields))
    /// is built only when the row has something to report. JSON and JSON Lines records are
    /// checked by [`Validator::check_json`]. CSV rows are read by `T`'s fields (unless the
    /// options read them as strings, [`CsvCells::AsStrings`]).
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Reader};
    /// use data_inclusion_schema::v1::Structure;
    /// use data_inclusion_schema::validate::{Code, Validator};
    ///
    /// let csv = "id,nom,source,date_maj\ndora--1,Mission locale,dora,2025-02-14\ndora--2,M,dora,2025-02-14\n";
    /// let validator = Validator::new();
    /// let mut reader = Reader::new(csv.as_bytes(), Format::Csv);
    /// let first = reader.next_checked::<Structure>(&validator).unwrap().record().unwrap();
    /// assert_eq!((first.line, first.checked.record.unwrap().nom), (2, "Mission locale".to_string()));
    /// let second = reader.next_checked::<Structure>(&validator).unwrap().record().unwrap();
    /// assert_eq!(second.checked.problems[0].code(), Code::StringTooShort);
    /// assert!(reader.next_checked::<Structure>(&validator).is_none());
    /// ```
    pub fn next_checked<T: Record>(
        &mut self,
        validator: &Validator,
    ) -> Option<Item<CheckedEntry<T>>> {
        self.read_as::<T>();
        if let Some(item) = self.lookahead.pop_front() {
            return Some(Item::from(item).map(|entry| CheckedEntry {
                line: entry.line,
                checked: entry.input.check(validator),
            }));
        }
        self.produce_with(|records, src, options| match records {
            Records::Json(document) => document.next_checked(src, options, validator),
            Records::JsonLines(lines) => lines.next_checked(src, options, validator),
            Records::Csv(csv) => csv.next_checked(src, options, validator),
            #[cfg(feature = "parquet")]
            Records::Parquet(rows) => {
                rows.open_with(|| src.read_to_end())?;
                rows.next_checked(options, validator)
            }
            #[cfg(feature = "geojson")]
            Records::GeoJson(features) => features.next_checked(src, options, validator),
            Records::Disabled(format) => Err(Records::disabled(*format)),
        })
        .map(Item::from)
    }

    /// The reader as an iterator of validated records ([`Reader::next_checked`]): the
    /// record type is given once, here, and CSV cells are read by its fields.
    ///
    /// ```
    /// use data_inclusion_schema::io::{Format, Item, Reader};
    /// use data_inclusion_schema::v1::Service;
    /// use data_inclusion_schema::validate::Validator;
    ///
    /// let csv = "id;structure_id;source;nom;description;date_maj;thematiques\n\
    ///            dora--1;dora--s1;dora;Garde;Une crèche.;2025-02-14;['famille--garde-denfants']\n\
    ///            dora--2;dora--s1;dora;Garde;Une crèche.;2025-02-14;famille--inconnue\n\
    ///            dora--3;dora--s1\n";
    /// let validator = Validator::new();
    /// let mut valid = Vec::new();
    /// let mut invalid = Vec::new();
    /// for item in Reader::new(csv.as_bytes(), Format::Csv).checked::<Service>(&validator) {
    ///     match item {
    ///         Item::Record(entry) => match entry.checked.record {
    ///             Some(service) => valid.push(service.id),
    ///             None => invalid.push((entry.line, entry.checked.problems[0].field.clone())),
    ///         },
    ///         Item::Unreadable(unreadable) => invalid.push((unreadable.line, String::new())),
    ///         Item::Stopped(error) => return Err(error),
    ///     }
    /// }
    /// assert_eq!(valid, ["dora--1"]);
    /// assert_eq!(invalid, [(3, "thematiques".to_string()), (4, String::new())]);
    /// # Ok::<(), data_inclusion_schema::io::ReadError>(())
    /// ```
    pub fn checked<T: Record>(mut self, validator: &Validator) -> CheckedEntries<'_, R, T> {
        self.read_as::<T>();
        CheckedEntries {
            reader: self,
            validator,
            record: std::marker::PhantomData,
        }
    }

    /// The next item, its record read whole but neither validated nor made an entry
    /// ([`Owned`]): what [`Reader::next_checked`] and [`Iterator::next`] read, the same
    /// errors in the same order, the rest of their work left to do elsewhere.
    pub(super) fn next_owned(
        &mut self,
        arena: &mut Arena,
    ) -> Option<Result<Result<Owned, RecordError>, ReadError>> {
        if let Some(item) = self.lookahead.pop_front() {
            return Some(item.map(|record| record.map(Owned::Entry)));
        }
        self.produce_with(|records, src, options| match records {
            Records::Json(document) => document
                .next_owned(src, options, arena)
                .map(|next| next.map(|record| record.map(Owned::Json))),
            Records::JsonLines(lines) => lines
                .next_owned(src, options, arena)
                .map(|next| next.map(|record| record.map(Owned::Json))),
            Records::Csv(csv) => csv
                .next_owned(src, options, arena)
                .map(|next| next.map(|record| record.map(Owned::Row))),
            // Read as entries here (their cells or properties decoded on this thread),
            // validated on the workers.
            #[cfg(feature = "parquet")]
            Records::Parquet(rows) => {
                rows.open_with(|| src.read_to_end())?;
                rows.next_entry(options)
                    .map(|next| next.map(|record| record.map(Owned::Entry)))
            }
            #[cfg(feature = "geojson")]
            Records::GeoJson(features) => features
                .next_entry(src, options)
                .map(|next| next.map(|record| record.map(Owned::Entry))),
            Records::Disabled(format) => Err(Records::disabled(*format)),
        })
    }

    /// Reads the next item from the input.
    fn produce(&mut self) -> Option<ReadItem> {
        self.produce_with(|records, src, options| match records {
            Records::Json(document) => document.next_entry(src, options),
            Records::JsonLines(lines) => lines.next_entry(src, options),
            Records::Csv(csv) => csv.next_entry(src, options),
            #[cfg(feature = "parquet")]
            Records::Parquet(rows) => {
                rows.open_with(|| src.read_to_end())?;
                rows.next_entry(options)
            }
            #[cfg(feature = "geojson")]
            Records::GeoJson(features) => features.next_entry(src, options),
            Records::Disabled(format) => Err(Records::disabled(*format)),
        })
    }

    /// Reads the next item from the input with `next`, which reads one record of the
    /// format (after the byte-order mark of a text format, skipped).
    fn produce_with<T>(
        &mut self,
        next: impl FnOnce(&mut Records, &mut Source<R>, &ReadOptions) -> Next<T>,
    ) -> Option<Result<Result<T, RecordError>, ReadError>> {
        if self.done {
            return None;
        }
        let started = if self.records.is_text() {
            self.src.start()
        } else {
            Ok(())
        };
        let result = match started {
            Ok(()) => next(&mut self.records, &mut self.src, &self.options),
            Err(e) => Err(e),
        };
        match result {
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
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Item<Entry>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.lookahead.pop_front() {
            Some(item) => Some(item.into()),
            None => self.produce().map(Item::from),
        }
    }
}

impl<R: Read> std::iter::FusedIterator for Reader<R> {}

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
    type Item = Item<CheckedEntry<T>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.next_checked(self.validator)
    }
}

impl<R: Read, T: Record> std::iter::FusedIterator for CheckedEntries<'_, R, T> {}

/// An input opened by [`read_detected`] or [`open`](super::open): its kind and a reader
/// set for it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Detected<R: Read> {
    /// The kind of the records: the one given, else told by [`Reader::detect_kind`]
    /// (structures when nothing tells).
    pub kind: Kind,
    /// Whether the kind was told from the content (no kind was given).
    pub kind_detected: bool,
    /// The reader, from the first record, its CSV cells read by the kind's fields.
    pub reader: Reader<R>,
}

impl<R: Read> Detected<R> {
    /// The format read.
    pub fn format(&self) -> Format {
        self.reader.format()
    }
}

/// Opens an input whose kind may not be known: the kind (`kind` when given; otherwise
/// told by [`Reader::detect_kind`], structures when nothing tells) and a reader set for
/// that kind, from the first record.
///
/// A [`ReadError`] found before the first record (a document that is neither an array
/// nor an object, an input in UTF-16, a JSON document or a CSV header that is not UTF-8,
/// …) is returned here; a CSV header is never refused for its columns
/// ([`Reader::column_problems`]).
///
/// ```
/// use data_inclusion_schema::io::{read_detected, Format, Kind};
///
/// let csv = "id;structure_id;source;nom;description;date_maj\nd--1;d--s1;dora;Garde;Une crèche.;2025-02-14\n";
/// let detected = read_detected(csv.as_bytes(), Format::Csv, None)?;
/// assert_eq!((detected.kind, detected.kind_detected), (Kind::Services, true));
/// assert_eq!(detected.reader.count(), 1);
///
/// let error = read_detected(&b"id,cr\xe8che\n"[..], Format::Csv, None).map(|_| ()).unwrap_err();
/// assert!(error.to_string().starts_with("ligne 1 : le fichier n’est pas en UTF-8"));
/// # Ok::<(), data_inclusion_schema::io::ReadError>(())
/// ```
pub fn read_detected<R: Read>(
    reader: R,
    format: Format,
    kind: Option<Kind>,
) -> Result<Detected<R>, ReadError> {
    read_detected_with(reader, format, kind, ReadOptions::default())
}

/// [`read_detected`] with options (their [`ReadOptions::csv_cells`] read by the kind's
/// fields, unless as strings).
pub fn read_detected_with<R: Read>(
    reader: R,
    format: Format,
    kind: Option<Kind>,
    options: ReadOptions,
) -> Result<Detected<R>, ReadError> {
    detect(Reader::with_options(reader, format, options), kind)
}

/// The kind of `reader`'s records (`kind` when given), and the reader set for it, from its
/// first record; the error found before the first record.
pub(crate) fn detect<R: Read>(
    mut reader: Reader<R>,
    kind: Option<Kind>,
) -> Result<Detected<R>, ReadError> {
    let format = reader.format();
    let (kind, kind_detected) = match kind {
        Some(kind) => (kind, false),
        None => (reader.detect_kind().unwrap_or(Kind::Structures), true),
    };
    if reader.options.csv_cells != CsvCells::AsStrings {
        reader.set_kind(kind);
    }
    if format == Format::Csv {
        if reader.csv_header().is_some() {
            if let Records::Csv(csv) = &mut reader.records {
                csv.map_columns(&reader.options);
            }
        }
    } else {
        reader.peek();
    }
    if matches!(reader.lookahead.front(), Some(Err(_))) {
        if let Some(Err(e)) = reader.lookahead.pop_front() {
            return Err(e);
        }
    }
    Ok(Detected {
        kind,
        kind_detected,
        reader,
    })
}
