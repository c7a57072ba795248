//! What goes wrong in reading: a record that cannot be read ([`RecordError`]), reading
//! goes on; a problem with the whole input ([`ReadError`]), reading stops. Their messages
//! are in French, for people.

/// A record that cannot be read; reading goes on after it.
///
/// ```
/// use data_inclusion_schema::io::{Encoding, Entry, Format, Item, Reader, RecordErrorKind};
///
/// let csv = "id,nom\n1,Mission locale,en trop\n2,CCAS\n";
/// let items: Vec<Item<Entry>> = Reader::new(csv.as_bytes(), Format::Csv).collect();
/// let Item::Unreadable(error) = &items[0] else { panic!() };
/// assert_eq!((error.line, error.kind), (2, RecordErrorKind::CellCount));
/// assert_eq!(error.to_string(), "ligne 2 : la ligne a 3 cellules, l’en-tête en a 2");
/// assert!(matches!(items[1], Item::Record(_)));
///
/// // A row in Windows-1252 in a UTF-8 file: its error says where, and what the file
/// // seems encoded in; the next row is read.
/// let csv = b"id,nom\n1,Cr\xe8che municipale\n2,CCAS\n";
/// let items: Vec<Item<Entry>> = Reader::new(&csv[..], Format::Csv).collect();
/// let Item::Unreadable(error) = &items[0] else { panic!() };
/// assert_eq!((error.line, error.kind), (2, RecordErrorKind::NotUtf8));
/// assert_eq!((error.offset, error.encoding), (Some(11), Some(Encoding::Windows1252)));
/// assert!(error.message.contains("« è »"), "{error}");
/// assert!(matches!(items[1], Item::Record(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.display())]
#[non_exhaustive]
pub struct RecordError {
    /// Where the record is, as [`Entry::line`](super::Entry::line): for a JSON document, its position.
    pub line: u64,
    /// The physical line where the record starts (the same as `line` but in a JSON
    /// document).
    pub physical_line: u64,
    /// What is wrong, in French.
    pub message: String,
    /// What is wrong, for programs.
    pub kind: RecordErrorKind,
    /// Where in the input, in bytes from its start, when it is known: the first byte that
    /// is not UTF-8 ([`RecordErrorKind::NotUtf8`]).
    pub offset: Option<u64>,
    /// The encoding the input seems to be in, given once for the input: with its first
    /// record that is not UTF-8 and whose bytes tell ([`RecordErrorKind::NotUtf8`]).
    pub encoding: Option<Encoding>,
    /// Whether `line` is a position in a JSON document.
    positional: bool,
}

/// The kind of a [`RecordError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// The record is not JSON (a bad JSON line, a malformed array element).
    InvalidJson,
    /// The record is larger than [`ReadOptions::max_record_bytes`](super::ReadOptions::max_record_bytes).
    TooLarge,
    /// A CSV row with more or fewer cells than the header.
    CellCount,
    /// An empty element in a JSON array (`[{…},,{…}]`).
    EmptyElement,
    /// A value that cannot be read (a Parquet value of binary that is not UTF-8, a date
    /// out of range).
    InvalidValue,
    /// A GeoJSON feature that is not one (not an object, not of type `Feature`, its
    /// `properties` not an object).
    InvalidFeature,
    /// A JSON line or a CSV row that is not UTF-8 (a byte of another encoding); the other
    /// records are read. A JSON document that is not UTF-8 is a [`ReadError::NotUtf8`].
    NotUtf8,
}

impl RecordError {
    /// An error at a physical line (JSON Lines, CSV).
    pub(crate) fn new(line: u64, kind: RecordErrorKind, message: String) -> Self {
        RecordError {
            line,
            physical_line: line,
            message,
            kind,
            offset: None,
            encoding: None,
            positional: false,
        }
    }

    /// A JSON line or a CSV row starting on `line` that is not UTF-8: `byte`, at `offset`
    /// in the input, is the first byte that is not; `encoding`, what the input seems
    /// encoded in, said with the first such record only (`None` for the others). The
    /// message has no offset, so that a report can group the records of a file in another
    /// encoding by message.
    pub(super) fn not_utf8(line: u64, offset: u64, byte: u8, encoding: Option<Encoding>) -> Self {
        let mut message =
            format!("l’enregistrement n’est pas en UTF-8 (octet 0x{byte:02X}) ; il est ignoré");
        if let Some(encoding) = encoding {
            message.push_str(" ; le fichier");
            message.push_str(&diagnosis(byte, encoding));
        }
        RecordError {
            offset: Some(offset),
            encoding,
            ..RecordError::new(line, RecordErrorKind::NotUtf8, message)
        }
    }

    /// An error of the element at `position` of a JSON document, starting on
    /// `physical_line`.
    pub(crate) fn in_document(
        position: u64,
        physical_line: u64,
        kind: RecordErrorKind,
        message: String,
    ) -> Self {
        RecordError {
            line: position,
            physical_line,
            message,
            kind,
            offset: None,
            encoding: None,
            positional: true,
        }
    }

    /// A record over the size limit; `physical`: its physical line, when `line` is a
    /// position in a JSON document.
    pub(super) fn too_large(line: u64, physical: Option<u64>, max: usize) -> Self {
        let message =
            format!("l’enregistrement dépasse la taille maximale ({max} octets) ; il est ignoré");
        match physical {
            Some(p) => RecordError::in_document(line, p, RecordErrorKind::TooLarge, message),
            None => RecordError::new(line, RecordErrorKind::TooLarge, message),
        }
    }

    /// `ligne 3 : …`, or `élément 2 (ligne 7) : …` in a JSON document.
    fn display(&self) -> String {
        if self.positional {
            format!(
                "élément {} (ligne {}) : {}",
                self.line, self.physical_line, self.message
            )
        } else {
            format!("ligne {} : {}", self.line, self.message)
        }
    }
}

/// What a format's reader gives for one record: `Ok(None)` at the end of the input, the
/// record or why it cannot be read, or the error that ends the reading.
pub(super) type Next<T> = Result<Option<Result<T, RecordError>>, ReadError>;

/// A problem with the whole input: reading stops.
///
/// ```
/// use data_inclusion_schema::io::{Format, ReadError, Reader};
///
/// let json = b"[{\"id\": \"1\"},\n {\"id\": \"2\", \"nom\": \"Cr\xe8che municipale\"}]";
/// let error = Reader::new(&json[..], Format::Json).find_map(|item| item.into_result().err()).unwrap();
/// assert_eq!(error.line(), Some(2));
/// assert!(matches!(error, ReadError::NotUtf8 { .. }));
/// assert!(error.to_string().contains("Windows-1252"), "{error}");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The input could not be read.
    #[error("lecture impossible (ligne {line}) : {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The error.
        source: std::io::Error,
    },
    /// A JSON document, a CSV header or a whole input (UTF-16) that is not UTF-8. (A JSON
    /// line or a CSV row that is not is a [`RecordError`] of kind
    /// [`RecordErrorKind::NotUtf8`], and the next records are read.)
    #[error("{}", not_utf8_message(*line, *byte, *encoding))]
    NotUtf8 {
        /// The line of the first byte that is not UTF-8.
        line: u64,
        /// That byte.
        byte: u8,
        /// The encoding the input seems to be in, if it looks like one.
        encoding: Option<Encoding>,
    },
    /// A CSV column appears twice in the header. No longer given: a duplicated column is
    /// read under the name pandas gives it (`x.1`) and reported by
    /// [`Reader::column_problems`](super::Reader::column_problems).
    #[error("ligne {line} : la colonne « {column} » apparaît deux fois dans l’en-tête CSV")]
    DuplicateColumn {
        /// The header line.
        line: u64,
        /// The column.
        column: String,
    },
    /// The CSV header is larger than [`ReadOptions::max_record_bytes`](super::ReadOptions::max_record_bytes).
    #[error("ligne {line} : l’en-tête CSV dépasse la taille maximale ({limit} octets)")]
    HeaderTooLarge {
        /// The header line.
        line: u64,
        /// The limit.
        limit: usize,
    },
    /// A quoted CSV cell is still open at the end of the input.
    #[error("ligne {line} : guillemet non fermé ; la cellule ouverte sur cette ligne court jusqu’à la fin du fichier")]
    UnclosedQuote {
        /// The line of the row whose cell is not closed.
        line: u64,
    },
    /// A JSON document that is neither an array nor an object.
    #[error("ligne {line} : le document JSON doit être un tableau d’enregistrements ou un objet, il commence par « {} »", visible(*found))]
    NotArrayOrObject {
        /// The line of its first character.
        line: u64,
        /// Its first character.
        found: char,
    },
    /// A JSON array that never closes (the input ends inside it).
    #[error("ligne {line} : le tableau JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne {end})")]
    UnclosedArray {
        /// The line of its `[`.
        line: u64,
        /// The last line of the input.
        end: u64,
    },
    /// A JSON object that never closes (the input ends inside it).
    #[error("ligne {line} : l’objet JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne {end})")]
    UnclosedObject {
        /// The line of its `{`.
        line: u64,
        /// The last line of the input.
        end: u64,
    },
    /// A sheet of an XLSX workbook that cannot be read further (its XML is broken).
    #[cfg(feature = "xlsx")]
    #[cfg_attr(docsrs, doc(cfg(feature = "xlsx")))]
    #[error("feuille « {sheet} », ligne {line} : {source}")]
    Xlsx {
        /// The row being read.
        line: u64,
        /// The sheet.
        sheet: String,
        /// Why.
        source: Box<super::xlsx::XlsxError>,
    },
    /// Something after the end of the JSON document.
    #[error("ligne {line} : contenu après la fin du document JSON (plusieurs documents ? le format JSON Lines en met un par ligne)")]
    TrailingData {
        /// The line where it starts.
        line: u64,
    },
    /// A format that this build does not read (its cargo feature is off).
    #[error(
        "le format {format} n’est pas disponible (fonctionnalité « {feature} » de la bibliothèque)"
    )]
    FormatNotEnabled {
        /// The format.
        format: super::Format,
        /// The cargo feature that reads it.
        feature: &'static str,
    },
    /// The Parquet file cannot be read (not a Parquet file, a corrupt page, a column of a
    /// type the crate does not read): `row`, the row being read when known.
    #[error("{}Parquet : {source}", row.map(|r| format!("ligne {r} : ")).unwrap_or_default())]
    Parquet {
        /// The row (1-based) being read, when known.
        row: Option<u64>,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A GeoJSON document that is not a FeatureCollection (or is malformed outside its
    /// features).
    #[error("ligne {line} : GeoJSON : {message}")]
    GeoJson {
        /// The line where it was found.
        line: u64,
        /// What is wrong, in French.
        message: String,
    },
}

impl ReadError {
    /// The line where the problem was found, when known.
    pub fn line(&self) -> Option<u64> {
        match self {
            ReadError::Io { line, .. }
            | ReadError::NotUtf8 { line, .. }
            | ReadError::DuplicateColumn { line, .. }
            | ReadError::HeaderTooLarge { line, .. }
            | ReadError::UnclosedQuote { line }
            | ReadError::NotArrayOrObject { line, .. }
            | ReadError::UnclosedArray { line, .. }
            | ReadError::UnclosedObject { line, .. }
            | ReadError::TrailingData { line }
            | ReadError::GeoJson { line, .. } => Some(*line),
            #[cfg(feature = "xlsx")]
            ReadError::Xlsx { line, .. } => Some(*line),
            ReadError::Parquet { row, .. } => *row,
            ReadError::FormatNotEnabled { .. } => None,
        }
    }

    /// A Parquet file that cannot be read.
    #[cfg(feature = "parquet")]
    pub(crate) fn parquet(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> ReadError {
        ReadError::Parquet {
            row: None,
            source: e.into(),
        }
    }

    /// A Parquet file that cannot be read from row `row`.
    #[cfg(feature = "parquet")]
    pub(crate) fn parquet_at(
        row: u64,
        e: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> ReadError {
        ReadError::Parquet {
            row: Some(row),
            source: e.into(),
        }
    }
}

/// A character as a message shows it: itself when it can be seen, its code point
/// (`U+0000`, `U+FEFF`) when it is a control character, a space or invisible.
fn visible(c: char) -> String {
    let invisible = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}');
    if c.is_control() || c.is_whitespace() || invisible {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

/// An encoding that an input that is not UTF-8 seems to be in ([`ReadError::NotUtf8`],
/// [`RecordError::encoding`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Windows-1252, or Latin-1 (ISO-8859-1), which it extends: what a spreadsheet on
    /// Windows writes.
    Windows1252,
    /// UTF-16 (its byte-order mark).
    Utf16,
}

impl Encoding {
    /// Its usual name: `Windows-1252`, `UTF-16`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf16 => "UTF-16",
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn not_utf8_message(line: u64, byte: u8, encoding: Option<Encoding>) -> String {
    let mut message = format!("ligne {line} : le fichier n’est pas en UTF-8 (octet 0x{byte:02X})");
    if let Some(encoding) = encoding {
        message.push_str(" ; il");
        message.push_str(&diagnosis(byte, encoding));
    }
    message
}

/// What the input seems encoded in, and the fix, for a message whose subject comes
/// before (` est encodé en UTF-16 : enregistrez-le en UTF-8`).
fn diagnosis(byte: u8, encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf16 => " est encodé en UTF-16 : enregistrez-le en UTF-8".to_string(),
        Encoding::Windows1252 => {
            let mut text = format!(" semble encodé en {encoding} ou Latin-1 (ISO-8859-1)");
            if let Some(c) = windows_1252(byte) {
                text.push_str(&format!(", où cet octet est « {c} »"));
            }
            text.push_str(
                " : convertissez-le en UTF-8 (par exemple : iconv -f WINDOWS-1252 -t UTF-8)",
            );
            text
        }
    }
}

/// The errors of the records of one input that are not UTF-8, the encoding told once: with
/// the first of them whose bytes tell it.
#[derive(Default)]
pub(super) struct NotUtf8Records {
    told: bool,
}

impl NotUtf8Records {
    /// The error of the record starting on `line`, whose `bytes` are not UTF-8 from `byte`,
    /// at `offset` in the input.
    pub(super) fn error(&mut self, line: u64, offset: u64, byte: u8, bytes: &[u8]) -> RecordError {
        let encoding = if self.told {
            None
        } else {
            diagnose(bytes, byte)
        };
        self.told |= encoding.is_some();
        RecordError::not_utf8(line, offset, byte, encoding)
    }
}

/// What a record's bytes that are not UTF-8 seem encoded in: UTF-16 when a quarter of
/// them or more are NUL (the high bytes of ASCII characters in UTF-16), Windows-1252 when
/// the first byte that is not UTF-8 is a character there.
fn diagnose(bytes: &[u8], byte: u8) -> Option<Encoding> {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls > 0 && nuls * 4 >= bytes.len() {
        Some(Encoding::Utf16)
    } else if byte >= 0x80 && windows_1252(byte).is_some() {
        Some(Encoding::Windows1252)
    } else {
        None
    }
}

/// The character of a byte in Windows-1252 (Latin-1 but for 0x80–0x9F), `None` for the
/// five bytes it leaves undefined and for ASCII control characters.
pub(super) fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .filter(|&c| c != '\0'),
        0xA0..=0xFF => char::from_u32(u32::from(byte)),
        _ => None,
    }
}
