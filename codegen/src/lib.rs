//! The code generator: JSON Schema of the data·inclusion schema → a Rust module.
//!
//! `build.rs` runs it on `schema/v1/` to produce [`crate::v1`]; with the `codegen`
//! feature it is also a library, for schema maintainers and for other versions of the
//! schema:
//!
//! ```no_run
//! # #[cfg(feature = "codegen")] {
//! use data_inclusion_schema::codegen::{generate, Settings};
//!
//! let schema: serde_json::Value =
//!     serde_json::from_str(&std::fs::read_to_string("structures.json").unwrap()).unwrap();
//! let source = generate(&[schema], &Settings::default()).unwrap();
//! std::fs::write("structures.rs", source).unwrap();
//! # }
//! ```
//!
//! # Who does what
//!
//! [typify] reads the schema and decides the *shape* of the types: it resolves `$ref`
//! (`$defs` and draft-07 `definitions`), root arrays, `anyOf` with `null` (an `Option`),
//! `required`, the `date` format (a [`chrono::NaiveDate`]), and names the types and the
//! enum variants. Before it sees the schema, the generator removes what typify would turn
//! into types of its own that this crate does not want (`pattern`, `minLength`, … on
//! strings, `minimum` on integers, `default`) and folds an `anyOf` of several kinds of
//! string into one string: typify would make a struct of optional sub-types of it, and
//! fails outright on such an `anyOf` with a `null` default.
//!
//! This module then writes every item itself with [`quote`](mod@quote), from typify's shapes and
//! from the raw schema:
//! - the record structs, with the fields the schema does not know kept in `extra`, and
//!   `null` written out for every absent nullable field (as the official API does);
//! - the referential enums with `ALL`, `VALUES`, `as_str`, `label`, `description`,
//!   `FromStr`, `Display`, and the labels and descriptions of the official referential
//!   files (`extra/*.json`), matched to the schema's enums by their values;
//! - referentials that the schema does not contain (the thématique categories), and the
//!   link from a value to its category (the part before `--`);
//! - the field descriptors (`FIELDS`, see [`crate::spec`]) with every constraint of the
//!   schema, which validation reads;
//! - documentation from the schema's `title`, `description` and `examples`.
//!
//! The output is formatted with prettyplease.

mod docs;
mod error;
mod field_specs;
mod generator;
mod names;
mod raw_schema;
mod records;
mod referential_file;
mod referentials;
mod schema_dir;
mod settings;
mod shape;
mod single_pass;
mod types;

use proc_macro2::TokenStream;
use serde_json::Value;

pub use error::Error;
pub use referential_file::{
    parse_referential_file, ReferentialEntry, ReferentialFile, StandaloneReferential,
};
pub use schema_dir::{schema_hash, SchemaDir, HASH_LINE_PREFIX};
pub use settings::Settings;

use generator::Generator;

/// Generates a formatted Rust module from one or more JSON Schemas (each a record, or a
/// root array of records).
pub fn generate(schemas: &[Value], settings: &Settings) -> Result<String, Error> {
    let tokens = generate_tokens(schemas, settings)?;
    let file: syn::File = syn::parse2(tokens).map_err(Error::Unparsable)?;
    Ok(prettyplease::unparse(&file))
}

/// Like [`generate`], but returns the unformatted tokens.
pub fn generate_tokens(schemas: &[Value], settings: &Settings) -> Result<TokenStream, Error> {
    let mut generator = Generator::new(settings)?;
    for (index, schema) in schemas.iter().enumerate() {
        generator.add(schema, index)?;
    }
    generator.emit()
}
