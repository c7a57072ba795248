//! What goes wrong in reading or writing a workbook: [`XlsxError`].

/// A workbook that cannot be read (or written). Its messages, in French, say what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum XlsxError {
    /// The file could not be read or written.
    #[error("lecture impossible : {0}")]
    Io(#[from] std::io::Error),
    /// A workbook protected by a password (an encrypted package).
    #[error("le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe pour la valider")]
    Encrypted,
    /// An Excel 97-2003 workbook (`.xls`), not an XLSX one.
    #[error("c’est un classeur Excel 97-2003 (.xls) et non un classeur .xlsx : enregistrez-le au format « Classeur Excel (.xlsx) »")]
    Xls,
    /// Not a workbook at all (neither a zip archive nor a compound file).
    #[error("ce n’est pas un classeur XLSX (un fichier .xlsx est une archive zip ; celui-ci n’en est pas une)")]
    NotXlsx,
    /// A zip archive that cannot be read.
    #[error("l’archive du classeur est corrompue : {source}")]
    Archive {
        /// Why.
        source: zip::result::ZipError,
    },
    /// An archive whose parts cannot be read as a workbook.
    #[error("le classeur est corrompu : {source}")]
    Corrupt {
        /// Why.
        source: calamine::XlsxError,
    },
    /// A sheet that cannot be read.
    #[error("la feuille « {sheet} » est illisible : {source}")]
    Sheet {
        /// The sheet.
        sheet: String,
        /// Why.
        source: calamine::XlsxError,
    },
    /// A part of the workbook too large to hold in memory.
    #[error("classeur trop grand : {part} fait {size} (limite {limit}) ; découpez le classeur ou enregistrez-le en CSV")]
    TooLarge {
        /// The part.
        part: &'static str,
        /// Its size (bytes, or strings for a count).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A part that decompresses far beyond what a workbook's XML does: a zip bomb.
    #[error("l’archive du classeur ressemble à une bombe zip : {part} fait {size} octets décompressé pour {compressed} octets compressé")]
    Bomb {
        /// The part.
        part: String,
        /// Its size, decompressed.
        size: u64,
        /// Its size, compressed.
        compressed: u64,
    },
    /// A workbook without any worksheet.
    #[error("le classeur n’a aucune feuille de calcul")]
    NoSheet,
    /// The workbook cannot be written.
    #[error("écriture du classeur impossible : {0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
}
