//! The tool's inputs: a file, standard input or the bundled sample data, with their format.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use data_inclusion_schema::io::{self as dio, Detected, Format, Kind};

use crate::fatal::Fatal;
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

/// An input opened, its kind told: a stream (read in one pass) or a Parquet file (read in
/// place).
pub enum Opened {
    Stream(Detected<Box<dyn Read>>),
    File(Detected<BufReader<File>>),
}

impl Opened {
    pub fn kind(&self) -> Kind {
        match self {
            Opened::Stream(d) => d.kind,
            Opened::File(d) => d.kind,
        }
    }

    pub fn kind_detected(&self) -> bool {
        match self {
            Opened::Stream(d) => d.kind_detected,
            Opened::File(d) => d.kind_detected,
        }
    }
}

/// Calls `$f` (a generic function's name, then its other arguments) with the reader of an
/// [`Opened`], whatever its type.
#[macro_export]
macro_rules! with_reader {
    ($opened:expr, $f:ident($($arg:expr),*)) => {
        match $opened {
            $crate::input::Opened::Stream(d) => $f(d.reader $(, $arg)*),
            $crate::input::Opened::File(d) => $f(d.reader $(, $arg)*),
        }
    };
}

/// Opens `source` and tells its kind (`kind` when given).
pub fn open_detected(source: Source, kind: Option<Kind>) -> Result<Opened, Fatal> {
    if let (Format::Parquet, Some(path)) = (source.format, &source.path) {
        return Ok(Opened::File(dio::open_as_format(
            path,
            Format::Parquet,
            kind,
        )?));
    }
    Ok(Opened::Stream(dio::read_detected(
        source.reader,
        source.format,
        kind,
    )?))
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
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        self.reader = Box::new(bar.wrap_read(self.reader));
        self
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
