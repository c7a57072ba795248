#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod extra;
#[cfg(feature = "io")]
#[cfg_attr(docsrs, doc(cfg(feature = "io")))]
pub mod io;
mod lang;
mod record;
pub mod referential;
#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub mod score;
pub mod spec;
pub mod v1;
#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub mod validate;

/// The code generator (the crate `data-inclusion-codegen`).
#[cfg(feature = "codegen")]
#[cfg_attr(docsrs, doc(cfg(feature = "codegen")))]
pub use data_inclusion_codegen as codegen;

pub use extra::{Extra, RawJson};
pub use lang::{Lang, UnknownLang};
pub use record::Record;
pub use referential::{OtherValue, Referential, UnknownValue};

/// The date type of the records (`date_maj`), re-exported.
pub use chrono;
/// The JSON crate of the records' serde and of validation's inputs, re-exported.
pub use serde_json;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
