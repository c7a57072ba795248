//! What went wrong while generating code.

use std::fmt;

/// What went wrong while generating code.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub(crate) fn err(message: impl Into<String>) -> Error {
    Error(message.into())
}
