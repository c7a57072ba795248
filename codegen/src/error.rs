//! What went wrong while generating code, and where.

use std::path::PathBuf;

/// What went wrong while reading a schema directory or generating code, and where: the
/// file, the schema, the type or the field it concerns.
///
/// A schema is named by its `title`, else its `$id`, else its position in the list given
/// to [`generate`](crate::generate) (`#1`, `#2`, …). Errors that come from another crate
/// keep it as their [`source`](std::error::Error::source), and say it in their message
/// too.
///
/// ```
/// use data_inclusion_codegen::{generate, Error, Settings};
///
/// // A record with a property named like the field of unknown properties.
/// let schema = serde_json::json!({"title": "Structure", "type": "object", "properties": {
///     "id": {"type": "string"}, "extra": {"type": "string"}}});
/// let error = generate(&[schema], &Settings::default()).unwrap_err();
/// assert!(matches!(&error, Error::ExtraFieldTaken { record, .. } if record == "Structure"));
/// assert_eq!(
///     error.to_string(),
///     "record Structure: a property is named \"extra\", the name of the field for unknown \
///      properties: choose another in Settings::extra_field"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or a directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A file is not JSON.
    #[error("{}: not JSON: {source}", path.display())]
    Json {
        /// The file (for [`parse_referential_file`](crate::parse_referential_file),
        /// `extra/{name}.json`).
        path: PathBuf,
        /// Where in the file, and what.
        #[source]
        source: serde_json::Error,
    },
    /// A referential file is JSON, but not an array.
    #[error("{}: expected an array of {{\"value\", \"label\", \"description\"}}", path.display())]
    ReferentialNotArray {
        /// The file.
        path: PathBuf,
    },
    /// An entry of a referential file has no `value` or no `label` (a string).
    #[error("{}: entry {index} has no {key:?} (a string)", path.display())]
    ReferentialEntry {
        /// The file.
        path: PathBuf,
        /// The entry's position in the file's array, from 0.
        index: usize,
        /// The key that is missing: `"value"` or `"label"`.
        key: &'static str,
    },
    /// A [`Settings`](crate::Settings) field holds what the generated code cannot use.
    #[error("Settings::{setting} is {value:?}: expected {expected}")]
    InvalidSetting {
        /// The field, as Rust writes it (`runtime`, `standalone[0].name`).
        setting: String,
        /// Its value.
        value: String,
        /// What it should be.
        expected: &'static str,
    },
    /// A local `$ref` of a schema (`#/$defs/…`, `#/definitions/…`) points at no
    /// definition (typify would panic on it).
    #[error("schema {schema}: $ref {reference:?} points at no definition")]
    UnresolvedRef {
        /// The schema.
        schema: String,
        /// The `$ref`.
        reference: String,
    },
    /// A schema is not a JSON Schema that typify can read.
    #[error("schema {schema}: not a JSON Schema: {source}")]
    NotJsonSchema {
        /// The schema.
        schema: String,
        /// What did not fit.
        #[source]
        source: serde_json::Error,
    },
    /// typify could not make types of a schema.
    #[error("schema {schema}: typify: {source}")]
    Typify {
        /// The schema.
        schema: String,
        /// typify's error, which names the type when it knows it.
        #[source]
        source: typify::Error,
    },
    /// typify made no type of a schema's root: typify names it after its `title`, and
    /// ignores a root without one.
    #[error("schema {schema}: typify made no type of its root (it needs a `title` to name it)")]
    NoRootType {
        /// The schema.
        schema: String,
    },
    /// typify made a struct, and the generator found no object schema (one with
    /// `properties`) that it was made of, by `title` or by name of definition.
    #[error("schema {schema}: typify made a struct {type_name}, and no object schema of that name was found")]
    NoObjectSchema {
        /// The schema.
        schema: String,
        /// typify's name of the struct.
        type_name: String,
    },
    /// typify made an enum, and the generator found no `enum` schema of as many values
    /// that it was made of.
    #[error("schema {schema}: typify made an enum {type_name} of {variants} variants, and no enum schema of that name and size was found")]
    NoEnumSchema {
        /// The schema.
        schema: String,
        /// typify's name of the enum.
        type_name: String,
        /// The number of its variants.
        variants: usize,
    },
    /// typify made an enum of another number of variants than its schema has values.
    #[error("schema {schema}: enum {type_name}: {values} values in the schema, {variants} variants made by typify")]
    EnumSize {
        /// The schema.
        schema: String,
        /// typify's name of the enum.
        type_name: String,
        /// The number of values in the schema's `enum`.
        values: usize,
        /// The number of variants typify made.
        variants: usize,
    },
    /// A record has a property named like [`Settings::extra_field`](crate::Settings::extra_field),
    /// the field that keeps the properties the schema does not know.
    #[error("record {record}: a property is named {field:?}, the name of the field for unknown properties: choose another in Settings::extra_field")]
    ExtraFieldTaken {
        /// The record's Rust name.
        record: String,
        /// The property.
        field: String,
    },
    /// typify made no field of a property of a record.
    #[error("record {record}: typify made no field of the property {field:?}")]
    NoTypifyField {
        /// The record's Rust name.
        record: String,
        /// The property.
        field: String,
    },
    /// A value of a referential does not start with a value of its parent referential
    /// ([`StandaloneReferential::parent_of`](crate::StandaloneReferential::parent_of)).
    #[error("referential {referential}: the value {value:?} starts with {prefix:?}, which is not a value of {parent}")]
    NoParentValue {
        /// The referential (`Thematique`).
        referential: String,
        /// Its value.
        value: String,
        /// The part of the value before the separator.
        prefix: String,
        /// The parent referential (`Categorie`).
        parent: String,
    },
    /// A value of a referential becomes the variant `Other`, the name of the variant that
    /// holds the values a version does not list.
    #[error("referential {referential}: a value's variant is named `Other`, the variant of unlisted values")]
    OtherVariantTaken {
        /// The referential.
        referential: String,
    },
    /// The generated code does not parse as a Rust file: a bug of the generator, or names
    /// in the schema that Rust cannot take.
    #[error("the generated code does not parse: {0}")]
    Unparsable(#[source] syn::Error),
}
