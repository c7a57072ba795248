//! The code generator of [`data-inclusion-schema`][lib]: the data·inclusion JSON Schema
//! made a Rust module of typed records, referential enums and field descriptors.
//!
//! [data·inclusion](https://www.data.inclusion.gouv.fr/) publishes its schema (the
//! structures d'insertion and the services they offer) as JSON Schemas, with the labels of
//! its referentials in files of their own. This crate turns them into Rust source: one
//! struct per record, one enum per referential, the constraints of every field as data,
//! and, if asked, a single-pass validator per record. The output is formatted with
//! prettyplease, so that it reads like hand-written code in docs and in diffs.
//!
//! The library [`data-inclusion-schema`][lib] commits what this crate makes of its
//! `schema/v1/` as `src/v1/generated.rs` (the module [`v1`][v1]): a crate depending on
//! the library compiles it like any other file, without building this one. Its `build.rs`
//! checks that the module's header names the [`schema_hash`] of the schema files, and
//! with the library's `regenerate` feature rewrites it with [`SchemaDir`]. Schema
//! maintainers, and anyone with another version of the schema, use this crate directly
//! (or as `data_inclusion_schema::codegen`, with the library's `codegen` feature).
//!
//! # Generating a module
//!
//! [`generate`] takes the JSON Schemas (each a record, or a root array of records) and
//! [`Settings`], and returns the module's source:
//!
//! ```
//! use data_inclusion_codegen::{generate, Settings};
//! use serde_json::json;
//!
//! let schema = json!({
//!     "title": "Structure",
//!     "type": "object",
//!     "properties": {
//!         "id": {"title": "Identifiant", "type": "string", "minLength": 1},
//!         "typologie": {"anyOf": [{"$ref": "#/$defs/TypologieStructure"}, {"type": "null"}]}
//!     },
//!     "required": ["id"],
//!     "$defs": {
//!         "TypologieStructure": {"type": "string", "enum": ["CCAS", "MUNI"]}
//!     }
//! });
//! let source = generate(&[schema], &Settings::default())?;
//! assert!(source.contains("pub struct Structure {"));
//! assert!(source.contains("pub id: String,"));
//! assert!(source.contains("pub typologie: Option<TypologieStructure>,"));
//! assert!(source.contains("pub enum TypologieStructure {"));
//! // The constraints, as data: `Structure::FIELDS`, with the values of the referential.
//! assert!(source.contains("pub const FIELDS: &'static [::data_inclusion_schema::spec::FieldSpec]"));
//! assert!(source.contains(r#"values: &["CCAS", "MUNI"]"#));
//! # Ok::<(), data_inclusion_codegen::Error>(())
//! ```
//!
//! A schema the official package has published, from a file (the library's example
//! `codegen` does this: `cargo run --example codegen --features codegen -- SCHEMA.json`):
//!
//! ```no_run
//! use data_inclusion_codegen::{generate, Settings};
//!
//! let text = std::fs::read_to_string("structures.json")?;
//! let schema: serde_json::Value = serde_json::from_str(&text)?;
//! let source = generate(&[schema], &Settings::default())?;
//! std::fs::write("structures.rs", source)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A directory laid out like the library's `schema/v1/` (`structure.json`, `service.json`,
//! `VERSION`, `extra/*.json`), into the module as the library commits it:
//!
//! ```no_run
//! use data_inclusion_codegen::SchemaDir;
//!
//! let dir = SchemaDir::read("schema/v1".as_ref())?;
//! std::fs::write("src/v1/generated.rs", dir.module()?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The module compiles in a crate whose dependencies are `data-inclusion-schema` (which
//! it names by [`Settings::runtime`]), `serde` (with `derive`), `serde_json` and `chrono`
//! (with `serde`); with [`Settings::fast_validation`], the library's `validate` feature
//! too.
//!
//! # Who does what
//!
//! [typify] reads the schema and decides the *shape* of the types: it resolves `$ref`
//! (`$defs` and draft-07 `definitions`), root arrays, `anyOf` with `null` (an `Option`),
//! `required`, the `date` format (a [`chrono::NaiveDate`][naive-date]), and names the
//! types and the enum variants. Before it sees the schema, the generator removes what
//! typify would turn into types of its own that the library does not want (`pattern`,
//! `minLength`, … on strings, `minimum` on integers, `default`) and folds an `anyOf` of
//! several kinds of string into one string: typify would make a struct of optional
//! sub-types of it, and fails outright on such an `anyOf` with a `null` default.
//!
//! This crate then writes every item itself with [`quote`](mod@quote), from typify's
//! shapes and from the raw schema:
//! - the record structs, with the fields the schema does not know kept in `extra`, and
//!   `null` written out for every absent nullable field (as the official API does), and
//!   their impl of the library's [`Record`][record];
//! - the referential enums with `ALL`, `VALUES`, `as_str`, `label`, `description`,
//!   `FromStr`, `Display`, and the labels and descriptions of the official referential
//!   files (`extra/*.json`, [`ReferentialFile`]), matched to the schema's enums by their
//!   values, and their impl of the library's [`Referential`][referential];
//! - referentials that the schema does not contain (the thématique categories,
//!   [`StandaloneReferential`]), and the link from a value to its category (the part
//!   before `--`);
//! - the field descriptors (`FIELDS`, see the library's [`spec`][spec]) with every
//!   constraint of the schema, which validation reads;
//! - the single-pass validators, with [`Settings::fast_validation`];
//! - documentation from the schema's `title`, `description` and `examples`, and a line
//!   of constraints in French.
//!
//! # Errors
//!
//! Every function returns [`Error`], which says where (the file, the schema, the type or
//! the property) and what; nothing panics on a schema or a setting that the generator
//! cannot take, except on what typify itself panics on.
//!
//! [lib]: https://docs.rs/data-inclusion-schema/latest/data_inclusion_schema/
//! [v1]: https://docs.rs/data-inclusion-schema/latest/data_inclusion_schema/v1/index.html
//! [spec]: https://docs.rs/data-inclusion-schema/latest/data_inclusion_schema/spec/index.html
//! [record]: https://docs.rs/data-inclusion-schema/latest/data_inclusion_schema/trait.Record.html
//! [referential]: https://docs.rs/data-inclusion-schema/latest/data_inclusion_schema/referential/trait.Referential.html
//! [naive-date]: https://docs.rs/chrono/latest/chrono/naive/struct.NaiveDate.html

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod docs;
mod error;
mod field_specs;
mod generator;
mod names;
mod raw_schema;
mod record_serde;
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

use generator::Generator;

pub use error::Error;
pub use referential_file::{
    parse_referential_file, ReferentialEntry, ReferentialFile, StandaloneReferential,
};
pub use schema_dir::{schema_hash, SchemaDir, HASH_LINE_PREFIX};
pub use settings::{FieldRule, Settings};

/// The README's examples, tested with the crate's.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Generates a formatted Rust module from one or more JSON Schemas (each a record, or a
/// root array of records). A type that several schemas share (a referential of both
/// structures and services) is written once.
///
/// See the [crate's documentation](crate) for an example, and [`Error`] for what can go
/// wrong.
pub fn generate(schemas: &[Value], settings: &Settings) -> Result<String, Error> {
    let tokens = generate_tokens(schemas, settings)?;
    let file: syn::File = syn::parse2(tokens).map_err(Error::Unparsable)?;
    Ok(prettyplease::unparse(&file))
}

/// Like [`generate`], but returns the unformatted tokens (for a macro, or for output
/// formatted otherwise). The tokens are not checked to parse as a Rust file.
pub fn generate_tokens(schemas: &[Value], settings: &Settings) -> Result<TokenStream, Error> {
    let mut generator = Generator::new(settings)?;
    for (index, schema) in schemas.iter().enumerate() {
        generator.add(schema, index)?;
    }
    generator.emit()
}
