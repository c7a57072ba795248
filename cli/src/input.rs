//! The tool's inputs: a file, standard input or the bundled sample data, with their format.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use data_inclusion_schema::io::xlsx::Workbook;
use data_inclusion_schema::io::{self as dio, ColumnProblem, Entry, Format, Item, Kind};
use data_inclusion_schema::validate::Validator;

use crate::fatal::Fatal;
use crate::messages::Ui;
use crate::KindArg;

/// The bundled sample data that `validate` runs on when given no file.
pub const SAMPLE: [(&str, &str); 2] = [
    (
        "cli/data/structures.jsonl",
        include_str!("../data/structures.jsonl"),
    ),
    (
        "cli/data/services.jsonl",
        include_str!("../data/services.jsonl"),
    ),
];

/// Files larger than this get a progress bar (on a terminal).
const PROGRESS_MIN_BYTES: u64 = 16 * 1024 * 1024;

/// An opened input: its name for reports, its format, its size if known, and the bytes.
pub struct Source {
    pub name: String,
    pub format: Format,
    pub size: Option<u64>,
    pub reader: Box<dyn Read>,
    /// The file, when the input is one (a Parquet file is read in place, by row group).
    pub path: Option<PathBuf>,
}

/// The records of an input: a stream read in one pass, or a Parquet file read in place
/// (by row group).
pub enum Entries {
    Stream(dio::Reader<Box<dyn Read>>),
    File(dio::Reader<BufReader<File>>),
}

impl Entries {
    /// The columns of a tabular input ([`dio::Reader::columns`]).
    pub fn columns(&mut self) -> Option<Vec<String>> {
        match self {
            Entries::Stream(r) => r.columns(),
            Entries::File(r) => r.columns(),
        }
    }

    /// The problems of a tabular input's columns ([`dio::Reader::column_problems`]).
    pub fn column_problems(&mut self, validator: &Validator) -> Vec<ColumnProblem> {
        match self {
            Entries::Stream(r) => r.column_problems(validator),
            Entries::File(r) => r.column_problems(validator),
        }
    }
}

impl Iterator for Entries {
    type Item = Item<Entry>;

    fn next(&mut self) -> Option<Item<Entry>> {
        match self {
            Entries::Stream(r) => r.next(),
            Entries::File(r) => r.next(),
        }
    }
}

/// A stream opened: the kind of its records and its records.
pub struct Records {
    pub kind: Kind,
    pub kind_detected: bool,
    pub reader: Entries,
}

/// Opens `source` (its reader taken) and tells its kind (`kind` when given). A Parquet
/// file is read in place, by row group.
pub fn open_detected(source: &mut Source, kind: Option<Kind>) -> Result<Records, Fatal> {
    if let (Format::Parquet, Some(path)) = (source.format, &source.path) {
        let d = dio::open_as_format(path, Format::Parquet, kind)?;
        return Ok(Records {
            kind: d.kind,
            kind_detected: d.kind_detected,
            reader: Entries::File(d.reader),
        });
    }
    let reader = std::mem::replace(&mut source.reader, Box::new(io::empty()));
    let d = dio::read_detected(reader, source.format, kind)?;
    Ok(Records {
        kind: d.kind,
        kind_detected: d.kind_detected,
        reader: Entries::Stream(d.reader),
    })
}

impl Source {
    /// The bundled sample data.
    pub fn samples() -> Vec<Source> {
        SAMPLE
            .iter()
            .map(|(name, text)| Source {
                name: (*name).into(),
                format: Format::JsonLines,
                size: None,
                reader: Box::new(text.as_bytes()),
                path: None,
            })
            .collect()
    }

    /// The file at `path` (`-`: standard input), its format from `--from` or its extension.
    pub fn open(path: &Path, from: Option<&str>) -> Result<Source, Fatal> {
        let format = format_of(path, from)?;
        if path.as_os_str() == "-" {
            return Ok(Source {
                name: "<stdin>".into(),
                format,
                size: None,
                reader: Box::new(io::stdin().lock()),
                path: None,
            });
        }
        let file = File::open(path).map_err(|source| Fatal::File {
            path: path.to_path_buf(),
            source,
        })?;
        let size = file.metadata().ok().map(|m| m.len());
        Ok(Source {
            name: path.display().to_string(),
            format,
            size,
            reader: Box::new(io::BufReader::with_capacity(1 << 16, file)),
            path: Some(path.to_path_buf()),
        })
    }

    /// A progress bar for a large file read on a terminal.
    pub fn with_progress(mut self) -> Source {
        let Some(size) = self.size else { return self };
        if self.format == Format::Parquet {
            return self;
        }
        if size < PROGRESS_MIN_BYTES || !io::stderr().is_terminal() {
            return self;
        }
        let bar = indicatif::ProgressBar::new(size);
        let lang = crate::messages::lang();
        let style = indicatif::ProgressStyle::with_template(Ui::Progress.text(lang))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .with_key(
                "read",
                move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&crate::messages::bytes(state.pos(), lang));
                },
            )
            .with_key(
                "size",
                move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&crate::messages::bytes(state.len().unwrap_or(0), lang));
                },
            )
            .with_key(
                "left",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&crate::messages::duration(state.eta()));
                },
            );
        bar.set_style(style);
        self.reader = Box::new(bar.wrap_read(self.reader));
        self
    }
}

/// Anything a workbook can be read from: a file, or standard input read whole.
pub trait ReadSeek: Read + io::Seek {}
impl<T: Read + io::Seek> ReadSeek for T {}

/// An input: a stream of one kind of record, or a workbook (both kinds).
pub enum Opened {
    /// JSON, JSON Lines or CSV.
    Stream(Source),
    /// An XLSX workbook.
    Workbook {
        /// Its name for reports.
        name: String,
        /// The workbook.
        workbook: Box<Workbook<Box<dyn ReadSeek>>>,
    },
}

impl Opened {
    /// The file at `path` (`-`: standard input): a workbook when its extension (or
    /// `--from`) says `xlsx`.
    pub fn open(path: &Path, from: Option<&str>) -> Result<Opened, Fatal> {
        if !is_xlsx(path, from) {
            return Ok(Opened::Stream(Source::open(path, from)?));
        }
        let (name, reader): (String, Box<dyn ReadSeek>) = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            ("<stdin>".into(), Box::new(io::Cursor::new(bytes)))
        } else {
            let file = File::open(path).map_err(|source| Fatal::File {
                path: path.to_path_buf(),
                source,
            })?;
            (
                path.display().to_string(),
                Box::new(io::BufReader::with_capacity(1 << 16, file)),
            )
        };
        let workbook = Workbook::from_reader(reader).map_err(|source| Fatal::Workbook {
            path: name.clone().into(),
            source,
        })?;
        Ok(Opened::Workbook {
            name,
            workbook: Box::new(workbook),
        })
    }
}

/// Whether `path` (or `--from` / `--to`) names an XLSX workbook.
pub fn is_xlsx(path: &Path, explicit: Option<&str>) -> bool {
    match explicit {
        Some(name) => name.trim().eq_ignore_ascii_case("xlsx"),
        None => path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")),
    }
}

/// The format of `path` (`-` for standard input or output): `explicit` when given, else
/// the extension's.
pub fn format_of(path: &Path, explicit: Option<&str>) -> Result<Format, Fatal> {
    match explicit {
        Some(name) => Ok(name.parse()?),
        None if path.as_os_str() == "-" => Err(Fatal::StdioWithoutFormat),
        None => Format::from_path(path).ok_or_else(|| Fatal::UnknownExtension {
            path: path.to_path_buf(),
        }),
    }
}

pub fn kind_of(k: KindArg) -> Kind {
    match k {
        KindArg::Structures => Kind::Structures,
        KindArg::Services => Kind::Services,
    }
}
