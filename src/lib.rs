#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "io")]
#[cfg_attr(docsrs, doc(cfg(feature = "io")))]
pub mod io;
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

pub use record::Record;
pub use referential::{Referential, UnknownValue};

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
