//! What the integration tests share: the reference date, validators, the repository's
//! files, and readers' items in the forms the tests compare.
//!
//! Each test file includes it with `mod support;` and uses what it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use data_inclusion_schema::validate::Validator;

/// The reference date of every test: the date the conformance corpus's official verdicts
/// were computed at (`scripts/conformance/run.sh`).
pub const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 15) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// A validator at [`TODAY`], lenient (warnings as warnings).
pub fn validator() -> Validator {
    Validator::new().with_reference_date(TODAY)
}

/// A validator at [`TODAY`], strict (warnings as errors).
pub fn strict_validator() -> Validator {
    validator().with_strict(true)
}

/// The repository's root (the library's manifest directory).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository, by its path from the root.
pub fn path(relative: &str) -> PathBuf {
    root().join(relative)
}

/// The text of a file of the repository.
pub fn read_to_string(relative: &str) -> String {
    let path = path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[cfg(feature = "io")]
pub mod io {
    //! Readers' items.

    use data_inclusion_schema::io::{Item, ReadError, RecordError};

    /// Every item of a reading: the records and unreadable records in order, and the
    /// error that stopped it, if any.
    pub fn items<T>(
        reader: impl IntoIterator<Item = Item<T>>,
    ) -> (Vec<Result<T, RecordError>>, Option<ReadError>) {
        let mut items = Vec::new();
        for item in reader {
            match item.into_result() {
                Ok(item) => items.push(item),
                Err(e) => return (items, Some(e)),
            }
        }
        (items, None)
    }

    /// Every item of a reading as text (a [`ReadError`] has no `PartialEq`).
    pub fn shown<T: std::fmt::Debug>(reader: impl IntoIterator<Item = Item<T>>) -> Vec<String> {
        reader
            .into_iter()
            .map(|item| format!("{:?}", item.into_result()))
            .collect()
    }
}
