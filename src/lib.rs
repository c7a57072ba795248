#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod io;
pub mod referential;
pub mod score;
pub mod spec;
pub mod v1;
pub mod validate;

#[cfg(feature = "codegen")]
pub mod codegen;

pub use referential::{Referential, UnknownValue};
