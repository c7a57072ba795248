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

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use serde_json::{Map, Value};
use typify::{TypeDetails, TypeId, TypeSpace, TypeSpaceSettings};

/// What went wrong while generating code.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

fn err(message: impl Into<String>) -> Error {
    Error(message.into())
}

/// One value of an official referential file (`extra/*.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferentialEntry {
    /// The value, as the schema writes it.
    pub value: String,
    /// The French label.
    pub label: String,
    /// The French description, if any.
    pub description: Option<String>,
}

/// An official referential file: the values of one referential with their labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferentialFile {
    /// The file's name without extension (`"thematiques"`), for messages.
    pub file: String,
    /// The entries, in the file's order.
    pub entries: Vec<ReferentialEntry>,
}

/// A referential that has no enum in the JSON Schema, generated from its file alone (the
/// thématique categories).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneReferential {
    /// The Rust name of the enum (`"Categorie"`).
    pub name: String,
    /// Its documentation.
    pub doc: String,
    /// Its values.
    pub file: ReferentialFile,
    /// The referential whose values start with one of this one's values followed by
    /// [`Self::separator`] (`"Thematique"`): that enum gets a method named after this
    /// one in snake case (`Thematique::categorie()`).
    pub parent_of: Option<String>,
    /// The separator (`"--"`).
    pub separator: String,
}

/// What to generate, beyond the schema itself.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The path of this crate in the generated code: `crate` inside this crate,
    /// `::data_inclusion_schema` (the default) anywhere else.
    pub runtime: String,
    /// Derive `schemars::JsonSchema` when the generated code's crate has a `schemars`
    /// feature.
    pub schemars: bool,
    /// The version of the schema, emitted as `SCHEMA_VERSION`.
    pub schema_version: Option<String>,
    /// Labels and descriptions of the referentials, matched to the schema's enums by their
    /// values (the same set of values).
    pub referentials: Vec<ReferentialFile>,
    /// Referentials that are not in the schema.
    pub standalone: Vec<StandaloneReferential>,
    /// The name of the field that keeps unknown properties.
    pub extra_field: String,
    /// Generate the single-pass validator of each record (`Record::fast_read`,
    /// driven by `validate::fast`): the generated code then needs this crate's `validate`
    /// feature. Off by default; this crate's `build.rs` turns it on with that feature.
    pub fast_validation: bool,
    /// The feature of the generated code's crate that the single-pass validators are
    /// compiled with (`#[cfg(feature = "…")]`), so that one generated file serves every
    /// feature set; `None` (the default): emitted without a `cfg`.
    pub validate_feature: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            runtime: "::data_inclusion_schema".into(),
            schemars: false,
            schema_version: None,
            referentials: Vec::new(),
            standalone: Vec::new(),
            extra_field: "extra".into(),
            fast_validation: false,
            validate_feature: None,
        }
    }
}

/// A schema directory laid out like this crate's `schema/v1/`: the schemas, their
/// referentials and their version.
#[derive(Clone, Debug)]
pub struct SchemaDir {
    /// The JSON Schemas (`structure.json`, `service.json`), in that order.
    pub schemas: Vec<Value>,
    /// The settings filled from the directory: version and referentials.
    pub settings: Settings,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub files: Vec<std::path::PathBuf>,
    /// The [`schema_hash`] of the directory.
    pub hash: String,
}

/// The first line of a generated module's header that names the hash of its schema
/// directory; `build.rs` reads it to tell whether the committed module is stale.
pub const HASH_LINE_PREFIX: &str = "// schema-hash: ";

/// A hash of every file under `dir` (recursively, by relative path in byte order, carriage
/// returns removed so that a checkout with CRLF line ends hashes the same): FNV-1a, 64 bits,
/// in hexadecimal. It tells a change, not an attack: the files are the crate's own.
/// `build.rs` computes the same hash with its own copy of this function.
pub fn schema_hash(dir: &Path) -> Result<String, Error> {
    fn walk(
        dir: &Path,
        prefix: &str,
        out: &mut Vec<(String, std::path::PathBuf)>,
    ) -> Result<(), Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| err(format!("{}: {e}", dir.display())))?;
        for entry in entries {
            let entry = entry.map_err(|e| err(format!("{}: {e}", dir.display())))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{relative}/"), out)?;
            } else {
                out.push((relative, path));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            if b != b'\r' {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    };
    for (relative, path) in files {
        let content = std::fs::read(&path).map_err(|e| err(format!("{}: {e}", path.display())))?;
        feed(relative.as_bytes());
        feed(&[0]);
        feed(&content);
        feed(&[0]);
    }
    Ok(format!("{hash:016x}"))
}

impl SchemaDir {
    /// Reads `structure.json`, `service.json`, `VERSION` and `extra/*.json` from `dir`.
    /// `extra/categories.json`, which no enum of the schema matches, becomes the
    /// `Categorie` referential, parent of `Thematique`.
    pub fn read(dir: &Path) -> Result<SchemaDir, Error> {
        let mut files = Vec::new();
        let mut read = |path: std::path::PathBuf| -> Result<String, Error> {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| err(format!("{}: {e}", path.display())))?;
            files.push(path);
            Ok(text)
        };
        let mut schemas = Vec::new();
        for name in ["structure.json", "service.json"] {
            let path = dir.join(name);
            let text = read(path.clone())?;
            schemas.push(
                serde_json::from_str(&text).map_err(|e| err(format!("{}: {e}", path.display())))?,
            );
        }
        let version = read(dir.join("VERSION"))?.trim().to_string();
        let mut settings = Settings {
            runtime: "crate".into(),
            schemars: true,
            schema_version: Some(version),
            fast_validation: true,
            validate_feature: Some("validate".into()),
            ..Settings::default()
        };
        let extra = dir.join("extra");
        let mut names: Vec<_> = std::fs::read_dir(&extra)
            .map_err(|e| err(format!("{}: {e}", extra.display())))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        for path in names {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text = read(path.clone())?;
            let file = parse_referential_file(&stem, &text)?;
            if stem == "categories" {
                settings.standalone.push(StandaloneReferential {
                    name: "Categorie".into(),
                    doc: "Catégories de thématiques: la partie d’une thématique avant `--`.".into(),
                    file,
                    parent_of: Some("Thematique".into()),
                    separator: "--".into(),
                });
            } else {
                settings.referentials.push(file);
            }
        }
        Ok(SchemaDir {
            schemas,
            settings,
            files,
            hash: schema_hash(dir)?,
        })
    }

    /// The module as this crate commits it (`src/v1/generated.rs`): a header that says it
    /// is generated and names the [`schema_hash`] of the directory, then [`generate`]'s
    /// output.
    pub fn module(&self) -> Result<String, Error> {
        let source = generate(&self.schemas, &self.settings)?;
        let version = self.settings.schema_version.as_deref().unwrap_or("?");
        Ok(format!(
            "// @generated by data-inclusion-codegen from schema/v1 (data-inclusion-schema=={version}).\n\
             // Do not edit: `cargo build --features regenerate` rewrites it from schema/v1.\n\
             {HASH_LINE_PREFIX}{}\n\n{source}",
            self.hash
        ))
    }
}

/// Parses a referential file: a JSON array of `{"value", "label", "description"}`.
pub fn parse_referential_file(name: &str, text: &str) -> Result<ReferentialFile, Error> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| err(format!("extra/{name}.json: {e}")))?;
    let items = value
        .as_array()
        .ok_or_else(|| err(format!("extra/{name}.json: expected an array")))?;
    let mut entries = Vec::new();
    for item in items {
        let field = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
        entries.push(ReferentialEntry {
            value: field("value")
                .ok_or_else(|| err(format!("extra/{name}.json: an entry has no value")))?,
            label: field("label")
                .ok_or_else(|| err(format!("extra/{name}.json: an entry has no label")))?,
            description: field("description"),
        });
    }
    Ok(ReferentialFile {
        file: name.to_string(),
        entries,
    })
}

/// Generates a formatted Rust module from one or more JSON Schemas (each a record, or a
/// root array of records).
pub fn generate(schemas: &[Value], settings: &Settings) -> Result<String, Error> {
    let tokens = generate_tokens(schemas, settings)?;
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| err(format!("the generated code does not parse: {e}")))?;
    Ok(prettyplease::unparse(&file))
}

/// Like [`generate`], but returns the unformatted tokens.
pub fn generate_tokens(schemas: &[Value], settings: &Settings) -> Result<TokenStream, Error> {
    let mut generator = Generator::new(settings)?;
    for schema in schemas {
        generator.add(schema)?;
    }
    generator.emit()
}

/// A record found in a schema.
struct RecordDef {
    rust_name: String,
    schema_name: String,
    raw: Value,
    root: Value,
    /// (typify's field name, required, typify type)
    fields: Vec<(String, bool, TypeId)>,
}

struct EnumDef {
    rust_name: String,
    raw: Value,
    values: Vec<String>,
    variants: Vec<String>,
}

struct Generator<'a> {
    settings: &'a Settings,
    runtime: TokenStream,
    types: TypeSpace,
    records: Vec<RecordDef>,
    /// By the raw enum's values.
    enums: Vec<EnumDef>,
}

impl<'a> Generator<'a> {
    fn new(settings: &'a Settings) -> Result<Self, Error> {
        let runtime: TokenStream = settings
            .runtime
            .parse()
            .map_err(|_| err(format!("not a Rust path: {}", settings.runtime)))?;
        Ok(Generator {
            settings,
            runtime,
            types: TypeSpace::new(TypeSpaceSettings::default().with_struct_builder(false)),
            records: Vec::new(),
            enums: Vec::new(),
        })
    }

    fn add(&mut self, schema: &Value) -> Result<(), Error> {
        let shape = shape_only(schema);
        let root: schemars08::schema::RootSchema =
            serde_json::from_value(shape).map_err(|e| err(format!("not a JSON Schema: {e}")))?;
        let root_id = self
            .types
            .add_root_schema(root)
            .map_err(|e| err(format!("typify: {e}")))?
            .ok_or_else(|| err("the schema has no root type"))?;
        let mut new_ids = Vec::new();
        collect_ids(&self.types, &root_id, &mut new_ids);
        // Records: typify's structs, each matched to its raw schema.
        for id in &new_ids {
            let ty = self.types.get_type(id).map_err(|e| err(e.to_string()))?;
            let details = ty.details();
            if let TypeDetails::Struct(s) = details {
                let rust_name = ty.name();
                let raw = find_object_schema(schema, &rust_name).ok_or_else(|| {
                    err(format!("no object schema found for typify's {rust_name}"))
                })?;
                let schema_name = raw
                    .get("title")
                    .and_then(Value::as_str)
                    .unwrap_or(&rust_name)
                    .to_string();
                let fields = s
                    .properties_info()
                    .map(|p| (p.name.to_string(), p.required, p.type_id))
                    .collect();
                self.records.push(RecordDef {
                    rust_name,
                    schema_name,
                    raw: raw.clone(),
                    root: schema.clone(),
                    fields,
                });
            }
        }
        // Referentials: typify's enums of plain variants, matched to raw enums by name.
        for id in &new_ids {
            let ty = self.types.get_type(id).map_err(|e| err(e.to_string()))?;
            let details = ty.details();
            if let TypeDetails::Enum(e) = details {
                if !e
                    .variants()
                    .all(|(_, v)| matches!(v, typify::TypeEnumVariant::Simple))
                {
                    // An `anyOf` typify made an enum of: typed as a JSON value.
                    continue;
                }
                let rust_name = ty.name();
                let variants: Vec<String> = e.variants().map(|(n, _)| n.to_string()).collect();
                let raw = find_enum_schema(schema, &rust_name, variants.len())
                    .ok_or_else(|| err(format!("no enum schema found for typify's {rust_name}")))?;
                let values = enum_values(&raw);
                if values.len() != variants.len() {
                    return Err(err(format!(
                        "{rust_name}: {} values in the schema, {} variants",
                        values.len(),
                        variants.len()
                    )));
                }
                self.enums.push(EnumDef {
                    rust_name,
                    raw,
                    values,
                    variants,
                });
            }
        }
        Ok(())
    }

    fn emit(&self) -> Result<TokenStream, Error> {
        let mut out = TokenStream::new();
        if let Some(version) = &self.settings.schema_version {
            let doc = format!("The version of the official schema this module was generated from (`data-inclusion-schema=={version}`).");
            out.extend(quote! {
                #[doc = #doc]
                pub const SCHEMA_VERSION: &str = #version;
            });
        }
        let mut seen = Vec::new();
        for record in &self.records {
            if seen.contains(&record.rust_name) {
                continue;
            }
            seen.push(record.rust_name.clone());
            out.extend(self.emit_record(record)?);
        }
        let mut seen = Vec::new();
        for e in &self.enums {
            if seen.contains(&e.rust_name) {
                continue;
            }
            seen.push(e.rust_name.clone());
            let file = self
                .settings
                .referentials
                .iter()
                .find(|f| same_values(&f.entries, &e.values));
            let parent = self
                .settings
                .standalone
                .iter()
                .find(|s| s.parent_of.as_deref() == Some(e.rust_name.as_str()));
            let doc = doc_of(&e.raw, None);
            out.extend(self.emit_referential(
                &e.rust_name,
                &doc,
                &e.values,
                &e.variants,
                file,
                parent,
            )?);
        }
        for s in &self.settings.standalone {
            let values: Vec<String> = s.file.entries.iter().map(|e| e.value.clone()).collect();
            let variants: Vec<String> = values.iter().map(|v| pascal_case(v)).collect();
            out.extend(self.emit_referential(
                &s.name,
                &s.doc,
                &values,
                &variants,
                Some(&s.file),
                None,
            )?);
        }
        Ok(out)
    }

    fn emit_record(&self, record: &RecordDef) -> Result<TokenStream, Error> {
        let rt = &self.runtime;
        let name = format_ident!("{}", record.rust_name);
        let schema_name = &record.schema_name;
        let doc = doc_of(&record.raw, None);
        let properties = record
            .raw
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let required: Vec<&str> = record
            .raw
            .get("required")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let extra_name = &self.settings.extra_field;
        if properties.contains_key(extra_name) {
            return Err(err(format!(
                "{}: a property is named {extra_name:?}, the name of the field for unknown properties: choose another in Settings::extra_field",
                record.rust_name
            )));
        }
        let extra = format_ident!("{}", extra_name);

        let mut fields = Vec::new();
        let mut specs = Vec::new();
        let mut idents = Vec::new();
        let mut full_types = Vec::new();
        // In the schema's order, matched to typify's fields.
        for (key, prop) in &properties {
            let (typify_name, _, type_id) = record
                .fields
                .iter()
                .find(|(n, _, _)| typify_field_matches(n, key))
                .ok_or_else(|| {
                    err(format!(
                        "{}: typify has no field for {key}",
                        record.rust_name
                    ))
                })?;
            let is_required = required.contains(&key.as_str());
            let nullable = is_nullable(prop);
            let ident = field_ident(key, typify_name);
            let inner = self.rust_type(&value_type_id(&self.types, type_id)?)?;
            let doc = doc_of(prop, Some(&constraints_text(prop, &record.root)));
            let rename = if ident.to_string().trim_start_matches("r#") == key.as_str() {
                quote! {}
            } else {
                quote! { #[serde(rename = #key)] }
            };
            let field = if is_required && !nullable {
                quote! {
                    #[doc = #doc]
                    #rename
                    pub #ident: #inner,
                }
            } else if nullable {
                quote! {
                    #[doc = #doc]
                    #rename
                    #[serde(default)]
                    pub #ident: Option<#inner>,
                }
            } else {
                quote! {
                    #[doc = #doc]
                    #rename
                    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                    pub #ident: Option<#inner>,
                }
            };
            fields.push(field);
            full_types.push(if is_required && !nullable {
                inner.clone()
            } else {
                quote! { Option<#inner> }
            });
            idents.push(ident.clone());
            let title = match prop.get("title").and_then(Value::as_str) {
                Some(t) => quote! { Some(#t) },
                None => quote! { None },
            };
            let ty = self.type_spec(non_null(prop), &record.root)?;
            specs.push(quote! {
                #rt::spec::FieldSpec::new(#key, #title, #is_required, #nullable, #ty)
            });
        }
        let schemars = if self.settings.schemars {
            quote! { #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))] }
        } else {
            quote! {}
        };
        let keys: Vec<&String> = properties.keys().collect();
        let indexes: Vec<usize> = (0..keys.len()).collect();
        let mut by_length: std::collections::BTreeMap<usize, Vec<(&String, usize)>> =
            std::collections::BTreeMap::new();
        for (i, key) in keys.iter().enumerate() {
            by_length.entry(key.len()).or_default().push((key, i));
        }
        let lengths: Vec<usize> = by_length.keys().copied().collect();
        let keys_of_length: Vec<Vec<&String>> = by_length
            .values()
            .map(|v| v.iter().map(|(k, _)| *k).collect())
            .collect();
        let indexes_of_length: Vec<Vec<usize>> = by_length
            .values()
            .map(|v| v.iter().map(|(_, i)| *i).collect())
            .collect();
        let fields_doc =
            format!("The fields of `{schema_name}` in the schema's order, with their constraints.");
        let fast = if self.settings.fast_validation {
            let vars: Vec<_> = (0..keys.len()).map(|i| format_ident!("f{}", i)).collect();
            let gate = match &self.settings.validate_feature {
                Some(feature) => quote! { #[cfg(feature = #feature)] },
                None => quote! {},
            };
            quote! {
                #gate
                fn fast_read<'t, S: #rt::__private::Source<'t>>(cx: &mut S) -> Option<Self> {
                    const F: &[#rt::spec::FieldSpec] = #name::FIELDS;
                    #( let mut #vars: Option<#full_types> = None; )*
                    let mut #extra = ::serde_json::Map::new();
                    let mut key = cx.first_key()?;
                    while let Some(k) = key {
                        match <Self as #rt::Record>::field_index(&k) {
                            #( Some(#indexes) => #vars = Some(cx.field(&F[#indexes])?), )*
                            _ => {
                                let value = cx.unknown()?;
                                #extra.insert(k.into_owned(), value);
                            }
                        }
                        key = cx.next_key()?;
                    }
                    cx.end()?;
                    Some(#name {
                        #( #idents: cx.absent(&F[#indexes], #vars)?, )*
                        #extra,
                    })
                }
            }
        } else {
            quote! {}
        };
        Ok(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            #schemars
            pub struct #name {
                #(#fields)*
                /// The properties of the input that the schema does not know (for instance
                /// `score_qualite`, which the official API adds), kept as they were and
                /// written back out.
                #[serde(flatten)]
                pub #extra: ::serde_json::Map<String, ::serde_json::Value>,
            }

            impl #name {
                #[doc = #fields_doc]
                pub const FIELDS: &'static [#rt::spec::FieldSpec] = &[#(#specs),*];
            }

            impl #rt::Record for #name {
                const NAME: &'static str = #schema_name;
                const FIELDS: &'static [#rt::spec::FieldSpec] = #name::FIELDS;
                fn extra(&self) -> &::serde_json::Map<String, ::serde_json::Value> {
                    &self.#extra
                }
                fn extra_mut(&mut self) -> &mut ::serde_json::Map<String, ::serde_json::Value> {
                    &mut self.#extra
                }
                fn field_index(name: &str) -> Option<usize> {
                    // By length first: one or two string comparisons per key.
                    match name.len() {
                        #( #lengths => match name {
                            #( #keys_of_length => Some(#indexes_of_length), )*
                            _ => None,
                        }, )*
                        _ => None,
                    }
                }
                fn from_slots(
                    slots: Vec<#rt::__private::Slot>,
                    #extra: ::serde_json::Map<String, ::serde_json::Value>,
                ) -> Result<Self, #rt::__private::SlotError> {
                    let mut slots = slots.into_iter();
                    let mut next = move || slots.next().unwrap_or(#rt::__private::Slot::Absent);
                    Ok(#name {
                        #( #idents: #rt::__private::FromSlot::from_slot(next())?, )*
                        #extra,
                    })
                }
                #fast
            }
        })
    }

    /// The Rust type of a typify type, as this crate maps it.
    fn rust_type(&self, id: &TypeId) -> Result<TokenStream, Error> {
        let ty = self.types.get_type(id).map_err(|e| err(e.to_string()))?;
        let details = ty.details();
        let tokens = match details {
            TypeDetails::Option(inner) => {
                let inner = self.rust_type(&inner)?;
                quote! { Option<#inner> }
            }
            TypeDetails::Vec(inner) | TypeDetails::Set(inner) => {
                let inner = self.rust_type(&inner)?;
                quote! { Vec<#inner> }
            }
            TypeDetails::Box(inner) => self.rust_type(&inner)?,
            TypeDetails::Newtype(n) => self.rust_type(&n.inner())?,
            TypeDetails::String => quote! { String },
            TypeDetails::Builtin(name) => match name {
                "bool" => quote! { bool },
                "f64" | "f32" => quote! { f64 },
                "::chrono::naive::NaiveDate" => quote! { ::chrono::NaiveDate },
                n if n.starts_with("::chrono::DateTime") => {
                    quote! { ::chrono::DateTime<::chrono::FixedOffset> }
                }
                n if is_integer(n) => quote! { i64 },
                _ => quote! { ::serde_json::Value },
            },
            TypeDetails::Enum(_) => {
                if self.enums.iter().any(|e| e.rust_name == ty.name()) {
                    let name = format_ident!("{}", ty.name());
                    quote! { #name }
                } else {
                    quote! { ::serde_json::Value }
                }
            }
            TypeDetails::Struct(_) => {
                let name = format_ident!("{}", ty.name());
                quote! { #name }
            }
            _ => quote! { ::serde_json::Value },
        };
        Ok(tokens)
    }

    /// The descriptor of a raw (non-null) schema.
    fn type_spec(&self, schema: &Value, root: &Value) -> Result<TokenStream, Error> {
        let rt = &self.runtime;
        let schema = resolve(schema, root);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            let name = self
                .enums
                .iter()
                .find(|e| {
                    e.values
                        .iter()
                        .map(String::as_str)
                        .eq(values.iter().copied())
                })
                .map(|e| e.rust_name.clone())
                .unwrap_or_default();
            return Ok(quote! {
                #rt::spec::TypeSpec::Referential { name: #name, values: &[#(#values),*] }
            });
        }
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            let branches: Vec<&Value> = branches
                .iter()
                .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if branches.len() == 1 {
                return self.type_spec(branches[0], root);
            }
            let specs = branches
                .iter()
                .map(|b| self.type_spec(b, root))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(quote! { #rt::spec::TypeSpec::AnyOf(&[#(#specs),*]) });
        }
        let opt_usize = |key: &str| match schema.get(key).and_then(Value::as_u64) {
            Some(n) => {
                let n = n as usize;
                quote! { Some(#n) }
            }
            None => quote! { None },
        };
        let opt_str = |key: &str| match schema.get(key).and_then(Value::as_str) {
            Some(s) => quote! { Some(#s) },
            None => quote! { None },
        };
        Ok(match schema.get("type").and_then(Value::as_str) {
            Some("string") => match schema.get("format").and_then(Value::as_str) {
                Some("date") => quote! { #rt::spec::TypeSpec::Date },
                Some("date-time") => quote! { #rt::spec::TypeSpec::DateTime },
                _ => {
                    let (min, max, pattern, format, constant) = (
                        opt_usize("minLength"),
                        opt_usize("maxLength"),
                        opt_str("pattern"),
                        opt_str("format"),
                        opt_str("const"),
                    );
                    quote! {
                        #rt::spec::TypeSpec::String(#rt::spec::StringSpec::new(#min, #max, #pattern, #format, #constant))
                    }
                }
            },
            Some("number") => {
                let minimum = match schema.get("minimum").and_then(Value::as_f64) {
                    Some(m) => quote! { Some(#m) },
                    None => quote! { None },
                };
                quote! { #rt::spec::TypeSpec::Number { minimum: #minimum } }
            }
            Some("integer") => {
                let minimum = match schema.get("minimum").and_then(Value::as_i64) {
                    Some(m) => quote! { Some(#m) },
                    None => quote! { None },
                };
                quote! { #rt::spec::TypeSpec::Integer { minimum: #minimum } }
            }
            Some("boolean") => quote! { #rt::spec::TypeSpec::Boolean },
            Some("array") => {
                let item = match schema.get("items") {
                    Some(items) => self.type_spec(items, root)?,
                    None => quote! { #rt::spec::TypeSpec::Any },
                };
                let min_items = opt_usize("minItems");
                let unique = schema
                    .get("uniqueItems")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                quote! {
                    #rt::spec::TypeSpec::List { item: &#item, min_items: #min_items, unique_items: #unique }
                }
            }
            _ => quote! { #rt::spec::TypeSpec::Any },
        })
    }

    fn emit_referential(
        &self,
        rust_name: &str,
        doc: &str,
        values: &[String],
        variants: &[String],
        file: Option<&ReferentialFile>,
        parent: Option<&StandaloneReferential>,
    ) -> Result<TokenStream, Error> {
        let rt = &self.runtime;
        let name = format_ident!("{}", rust_name);
        let idents: Vec<Ident> = variants.iter().map(|v| format_ident!("{}", v)).collect();
        let by_value: HashMap<&str, &ReferentialEntry> = file
            .map(|f| f.entries.iter().map(|e| (e.value.as_str(), e)).collect())
            .unwrap_or_default();
        let labels: Vec<&str> = values
            .iter()
            .map(|v| {
                by_value
                    .get(v.as_str())
                    .map_or(v.as_str(), |e| e.label.as_str())
            })
            .collect();
        let descriptions: Vec<TokenStream> = values
            .iter()
            .map(|v| {
                match by_value
                    .get(v.as_str())
                    .and_then(|e| e.description.as_deref())
                {
                    Some(d) => quote! { Some(#d) },
                    None => quote! { None },
                }
            })
            .collect();
        let variant_docs: Vec<String> = values
            .iter()
            .zip(&labels)
            .map(|(v, label)| {
                let mut d = format!("{label} (`{v}`)");
                if let Some(desc) = by_value
                    .get(v.as_str())
                    .and_then(|e| e.description.as_deref())
                {
                    d.push_str("\n\n");
                    d.push_str(desc);
                }
                d
            })
            .collect();
        let mut doc = doc.to_string();
        if let Some(f) = file {
            doc.push_str(&format!(
                "\n\nLabels and descriptions from the official referential `{}`.",
                f.file
            ));
        }
        let schemars = if self.settings.schemars {
            quote! { #[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))] }
        } else {
            quote! {}
        };
        let variant_attrs: Vec<TokenStream> = values
            .iter()
            .map(|v| {
                if self.settings.schemars {
                    quote! { #[cfg_attr(feature = "schemars", schemars(rename = #v))] }
                } else {
                    quote! {}
                }
            })
            .collect();
        let schema_name = rust_name;
        let parent_method = match parent {
            Some(p) => {
                let parent_name = format_ident!("{}", p.name);
                let method = format_ident!("{}", snake_case(&p.name));
                let mut arms = Vec::new();
                for (value, ident) in values.iter().zip(&idents) {
                    let prefix = value.split(p.separator.as_str()).next().unwrap_or(value);
                    let parent_variant = p
                        .file
                        .entries
                        .iter()
                        .find(|e| e.value == prefix)
                        .map(|e| format_ident!("{}", pascal_case(&e.value)))
                        .ok_or_else(|| {
                            err(format!(
                                "{rust_name}::{ident}: no {} named {prefix:?}",
                                p.name
                            ))
                        })?;
                    arms.push(quote! { Self::#ident => #parent_name::#parent_variant, });
                }
                let mdoc = format!(
                    "The {} of this value: the part before `{}`.",
                    p.name, p.separator
                );
                quote! {
                    #[doc = #mdoc]
                    pub const fn #method(self) -> #parent_name {
                        match self { #(#arms)* }
                    }
                }
            }
            None => quote! {},
        };
        Ok(quote! {
            #[doc = #doc]
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #schemars
            pub enum #name {
                #(
                    #[doc = #variant_docs]
                    #variant_attrs
                    #idents,
                )*
            }

            impl #name {
                /// Every value, in the schema's order.
                pub const ALL: &'static [Self] = &[#(Self::#idents),*];
                /// Every value as the schema writes it, in the schema's order.
                pub const VALUES: &'static [&'static str] = &[#(#values),*];

                /// The value as the schema writes it.
                pub const fn as_str(self) -> &'static str {
                    match self { #(Self::#idents => #values,)* }
                }

                /// The French label.
                pub const fn label(self) -> &'static str {
                    match self { #(Self::#idents => #labels,)* }
                }

                /// The French description, where the official referential has one.
                pub const fn description(self) -> Option<&'static str> {
                    match self { #(Self::#idents => #descriptions,)* }
                }

                #parent_method
            }

            impl #rt::Referential for #name {
                const NAME: &'static str = #schema_name;
                const ALL: &'static [Self] = #name::ALL;
                const VALUES: &'static [&'static str] = #name::VALUES;
                fn as_str(self) -> &'static str { #name::as_str(self) }
                fn label(self) -> &'static str { #name::label(self) }
                fn description(self) -> Option<&'static str> { #name::description(self) }
            }

            impl ::std::str::FromStr for #name {
                type Err = #rt::UnknownValue;
                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    match value {
                        #(#values => Ok(Self::#idents),)*
                        _ => Err(#rt::UnknownValue {
                            referential: #schema_name,
                            value: ::std::string::ToString::to_string(value),
                        }),
                    }
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    #rt::__private::deserialize_referential(deserializer)
                }
            }
        })
    }
}

fn collect_ids(types: &TypeSpace, id: &TypeId, out: &mut Vec<TypeId>) {
    if out.contains(id) {
        return;
    }
    out.push(id.clone());
    if let Ok(ty) = types.get_type(id) {
        match ty.details() {
            TypeDetails::Option(inner)
            | TypeDetails::Vec(inner)
            | TypeDetails::Set(inner)
            | TypeDetails::Box(inner) => collect_ids(types, &inner, out),
            TypeDetails::Newtype(n) => collect_ids(types, &n.inner(), out),
            TypeDetails::Struct(s) => {
                for (_, p) in s.properties() {
                    collect_ids(types, &p, out);
                }
            }
            _ => {}
        }
    }
}

fn is_integer(name: &str) -> bool {
    matches!(
        name,
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64"
    ) || name.starts_with("::std::num::NonZero")
}

/// The type of a field's value: typify's type without the `Option` that the generator
/// writes itself.
fn value_type_id(types: &TypeSpace, id: &TypeId) -> Result<TypeId, Error> {
    let ty = types.get_type(id).map_err(|e| err(e.to_string()))?;
    let details = ty.details();
    let value = match details {
        TypeDetails::Option(inner) => inner,
        _ => id.clone(),
    };
    Ok(value)
}

fn typify_field_matches(typify_name: &str, key: &str) -> bool {
    typify_name == key || typify_name == format!("{key}_") || typify_name == snake_case(key)
}

fn field_ident(key: &str, typify_name: &str) -> Ident {
    let valid = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if valid {
        if syn::parse_str::<Ident>(key).is_ok() {
            Ident::new(key, Span::call_site())
        } else if !matches!(key, "self" | "Self" | "super" | "crate" | "_") {
            Ident::new_raw(key, Span::call_site())
        } else {
            format_ident!("{}", typify_name)
        }
    } else {
        format_ident!("{}", typify_name)
    }
}

/// The schema that typify sees: shapes only (see the module's documentation).
fn shape_only(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out = Map::new();
            if let Some(Value::Array(branches)) = map.get("anyOf") {
                let (nulls, others): (Vec<&Value>, Vec<&Value>) = branches
                    .iter()
                    .partition(|b| b.get("type").and_then(Value::as_str) == Some("null"));
                let all_strings = others.len() > 1
                    && others.iter().all(|b| {
                        b.get("type").and_then(Value::as_str) == Some("string")
                            && b.get("enum").is_none()
                    });
                if all_strings {
                    let mut folded = vec![serde_json::json!({"type": "string"})];
                    folded.extend(nulls.into_iter().cloned());
                    for (k, v) in map {
                        if k != "anyOf" && !is_constraint(k) {
                            out.insert(k.clone(), shape_only(v));
                        }
                    }
                    out.insert(
                        "anyOf".into(),
                        if folded.len() == 1 {
                            folded.remove(0)
                        } else {
                            Value::Array(folded)
                        },
                    );
                    if let Some(Value::Object(single)) = out.get("anyOf").cloned() {
                        out.remove("anyOf");
                        out.extend(single);
                    }
                    return Value::Object(out);
                }
            }
            let is_string = map.get("type").and_then(Value::as_str) == Some("string");
            for (k, v) in map {
                if is_constraint(k) {
                    continue;
                }
                if k == "format"
                    && is_string
                    && !matches!(v.as_str(), Some("date") | Some("date-time"))
                {
                    continue;
                }
                if k == "const" {
                    continue;
                }
                out.insert(k.clone(), shape_only(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(shape_only).collect()),
        other => other.clone(),
    }
}

fn is_constraint(key: &str) -> bool {
    matches!(
        key,
        "pattern"
            | "minLength"
            | "maxLength"
            | "minimum"
            | "maximum"
            | "exclusiveMinimum"
            | "exclusiveMaximum"
            | "minItems"
            | "maxItems"
            | "uniqueItems"
            | "default"
            | "examples"
    )
}

fn definitions(root: &Value) -> impl Iterator<Item = (&String, &Value)> {
    ["$defs", "definitions"]
        .into_iter()
        .filter_map(move |k| root.get(k).and_then(Value::as_object))
        .flat_map(|m| m.iter())
}

/// Follows a local `$ref`.
fn resolve<'v>(schema: &'v Value, root: &'v Value) -> &'v Value {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        if let Some((_, def)) = definitions(root).find(|(k, _)| k.as_str() == name) {
            return def;
        }
    }
    schema
}

fn non_null(prop: &Value) -> &Value {
    if let Some(branches) = prop.get("anyOf").and_then(Value::as_array) {
        let others: Vec<&Value> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if others.len() == 1 && others.len() < branches.len() {
            return others[0];
        }
    }
    prop
}

fn is_nullable(prop: &Value) -> bool {
    prop.get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|b| {
            b.iter()
                .any(|b| b.get("type").and_then(Value::as_str) == Some("null"))
        })
        || prop.get("type").and_then(Value::as_str) == Some("null")
}

fn find_object_schema<'v>(root: &'v Value, rust_name: &str) -> Option<&'v Value> {
    let is_object = |s: &Value| s.get("properties").is_some();
    let name_of = |key: Option<&str>, s: &Value| {
        s.get("title")
            .and_then(Value::as_str)
            .or(key)
            .map(pascal_case)
    };
    if is_object(root) && name_of(None, root).as_deref() == Some(rust_name) {
        return Some(root);
    }
    for (k, def) in definitions(root) {
        if is_object(def)
            && (name_of(Some(k), def).as_deref() == Some(rust_name) || pascal_case(k) == rust_name)
        {
            return Some(def);
        }
    }
    None
}

fn find_enum_schema(root: &Value, rust_name: &str, len: usize) -> Option<Value> {
    let mut found = None;
    let mut visit = |key: Option<&str>, s: &Value| {
        if found.is_some() {
            return;
        }
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            let title = s
                .get("title")
                .and_then(Value::as_str)
                .or(key)
                .map(pascal_case);
            if values.len() == len
                && (title.as_deref() == Some(rust_name)
                    || key.map(pascal_case).as_deref() == Some(rust_name))
            {
                found = Some(s.clone());
            }
        }
    };
    for (k, def) in definitions(root) {
        visit(Some(k), def);
    }
    if found.is_none() {
        // An inline enum: search every property.
        let mut stack = vec![root];
        while let Some(s) = stack.pop() {
            if let Some(values) = s.get("enum").and_then(Value::as_array) {
                if values.len() == len && found.is_none() {
                    found = Some(s.clone());
                }
            }
            match s {
                Value::Object(m) => stack.extend(m.values()),
                Value::Array(a) => stack.extend(a.iter()),
                _ => {}
            }
        }
    }
    found
}

fn enum_values(schema: &Value) -> Vec<String> {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn same_values(entries: &[ReferentialEntry], values: &[String]) -> bool {
    entries.len() == values.len() && entries.iter().all(|e| values.contains(&e.value))
}

/// Documentation from a schema's title, description and examples, and a line of
/// constraints.
fn doc_of(schema: &Value, constraints: Option<&str>) -> String {
    let mut parts = Vec::new();
    let title = schema.get("title").and_then(Value::as_str);
    let description = schema.get("description").and_then(Value::as_str);
    if let Some(t) = title {
        parts.push(format!("**{}**", t.trim()));
    }
    if let Some(d) = description {
        if Some(d) != title {
            parts.push(escape_doc(d.trim()));
        }
    }
    if let Some(c) = constraints {
        if !c.is_empty() {
            parts.push(c.to_string());
        }
    }
    if let Some(examples) = schema.get("examples").and_then(Value::as_array) {
        let list: Vec<String> = examples
            .iter()
            .map(|e| format!("- `{}`", e.to_string().replace('`', "'")))
            .collect();
        if !list.is_empty() {
            parts.push(format!("Exemples :\n{}", list.join("\n")));
        }
    }
    if parts.is_empty() {
        parts.push("(Not documented in the schema.)".into());
    }
    parts.join("\n\n")
}

/// Escapes what rustdoc would misread in the schema's prose: bare URLs become links.
fn escape_doc(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if (word.starts_with("http://") || word.starts_with("https://")) && !word.contains(')') {
            out.push('<');
            out.push_str(word);
            out.push('>');
        } else {
            out.push_str(word);
        }
    }
    out
}

/// A line that states a property's constraints, in French.
fn constraints_text(prop: &Value, root: &Value) -> String {
    let schema = resolve(non_null(prop), root);
    let mut parts = Vec::new();
    if is_nullable(prop) {
        parts.push("peut être `null`".to_string());
    }
    describe_constraints(schema, root, &mut parts);
    if parts.is_empty() {
        String::new()
    } else {
        format!("Contraintes : {}.", parts.join(" ; "))
    }
}

fn describe_constraints(schema: &Value, root: &Value, parts: &mut Vec<String>) {
    let schema = resolve(schema, root);
    let get = |k: &str| schema.get(k);
    match (
        get("minLength").and_then(Value::as_u64),
        get("maxLength").and_then(Value::as_u64),
    ) {
        (Some(a), Some(b)) if a == b => parts.push(format!("{a} caractères")),
        (Some(a), Some(b)) => parts.push(format!("de {a} à {b} caractères")),
        (Some(a), None) => parts.push(format!("au moins {a} caractères")),
        (None, Some(b)) => parts.push(format!("au plus {b} caractères")),
        _ => {}
    }
    if let Some(p) = get("pattern").and_then(Value::as_str) {
        parts.push(format!("motif `{p}`"));
    }
    if let Some(f) = get("format").and_then(Value::as_str) {
        parts.push(format!("format `{f}`"));
    }
    if let Some(c) = get("const") {
        parts.push(format!("vaut `{c}`"));
    }
    if let Some(m) = get("minimum") {
        parts.push(format!("au moins {m}"));
    }
    if let Some(m) = get("minItems").and_then(Value::as_u64) {
        parts.push(format!(
            "au moins {m} élément{}",
            if m > 1 { "s" } else { "" }
        ));
    }
    if get("uniqueItems").and_then(Value::as_bool) == Some(true) {
        parts.push("éléments uniques".into());
    }
    if let Some(items) = get("items") {
        let items = resolve(items, root);
        if let Some(branches) = items.get("anyOf").and_then(Value::as_array) {
            let mut alternatives = Vec::new();
            for b in branches {
                let mut sub = Vec::new();
                describe_constraints(b, root, &mut sub);
                alternatives.push(sub.join(", "));
            }
            parts.push(format!("chaque élément : {}", alternatives.join(" ou ")));
        } else {
            let mut sub = Vec::new();
            describe_constraints(items, root, &mut sub);
            if !sub.is_empty() {
                parts.push(format!("chaque élément : {}", sub.join(", ")));
            }
        }
    }
    if let Some(r) = schema.get("enum").and_then(Value::as_array) {
        parts.push(format!("une des {} valeurs du référentiel", r.len()));
    }
}

/// `famille--garde-denfants` → `FamilleGardeDenfants`.
pub(crate) fn pascal_case(s: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if upper {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    out
}

fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('_');
        }
    }
    out
}
