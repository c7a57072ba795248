//! The tool's inputs: a file, standard input or the bundled sample data, with their format.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::Path;

use data_inclusion_schema::io::xlsx::Workbook;
use data_inclusion_schema::io::{Format, Kind};

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
        })
    }

    /// A progress bar for a large file read on a terminal.
    pub fn with_progress(mut self) -> Source {
        let Some(size) = self.size else { return self };
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
