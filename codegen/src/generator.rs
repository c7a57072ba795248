//! The generator: typify's types, each matched to its raw schema, then every item written
//! out. The items are written in files of their own: `records`, `referentials`,
//! `field_specs`, `single_pass`; the Rust types of fields in `types`.

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;
use typify::{TypeDetails, TypeId, TypeSpace, TypeSpaceSettings};

use crate::docs::type_doc;
use crate::names::pascal_case;
use crate::raw_schema::{
    enum_values, find_enum_schema, find_object_schema, schema_label, unresolved_ref,
};
use crate::referentials::same_values;
use crate::shape::shape_only;
use crate::types::collect_ids;
use crate::{Error, Settings};

/// A record found in a schema: one of typify's structs, with its raw schema.
pub(crate) struct RecordDef {
    /// How errors name the schema the record was found in.
    pub(crate) schema: String,
    /// typify's name of the struct (`Structure`).
    pub(crate) rust_name: String,
    /// The record's `title` in the schema, else `rust_name`.
    pub(crate) schema_name: String,
    /// The record's raw schema (an object with `properties`).
    pub(crate) raw: Value,
    /// The whole schema the record was found in, to resolve `$ref`.
    pub(crate) root: Value,
    /// (typify's field name, required, typify type)
    pub(crate) fields: Vec<(String, bool, TypeId)>,
}

/// A referential found in a schema: one of typify's enums of plain variants, with its raw
/// schema.
pub(crate) struct EnumDef {
    /// typify's name of the enum (`Typologie`).
    pub(crate) rust_name: String,
    /// The enum's raw schema.
    pub(crate) raw: Value,
    /// The values, as the schema writes them, in its order.
    pub(crate) values: Vec<String>,
    /// typify's names of the variants, one per value, in the same order.
    pub(crate) variants: Vec<String>,
}

/// The types found so far in the schemas given to [`generate_tokens`](crate::generate_tokens),
/// and the settings that say how to write them.
pub(crate) struct Generator<'a> {
    pub(crate) settings: &'a Settings,
    /// [`Settings::runtime`] as tokens.
    pub(crate) runtime: TokenStream,
    pub(crate) types: TypeSpace,
    pub(crate) records: Vec<RecordDef>,
    /// By the raw enum's values.
    pub(crate) enums: Vec<EnumDef>,
}

impl<'a> Generator<'a> {
    pub(crate) fn new(settings: &'a Settings) -> Result<Self, Error> {
        let runtime = settings.check()?;
        Ok(Generator {
            settings,
            runtime,
            types: TypeSpace::new(TypeSpaceSettings::default().with_struct_builder(false)),
            records: Vec::new(),
            enums: Vec::new(),
        })
    }

    /// Adds the types of one schema, the `index`-th of the list (for messages).
    pub(crate) fn add(&mut self, schema: &Value, index: usize) -> Result<(), Error> {
        let label = schema_label(schema, index);
        let typify = |source| Error::Typify {
            schema: label.clone(),
            source,
        };
        if let Some(reference) = unresolved_ref(schema, schema) {
            return Err(Error::UnresolvedRef {
                schema: label,
                reference: reference.to_string(),
            });
        }
        let shape = shape_only(schema);
        let root: schemars08::schema::RootSchema =
            serde_json::from_value(shape).map_err(|source| Error::NotJsonSchema {
                schema: label.clone(),
                source,
            })?;
        let root_id = self
            .types
            .add_root_schema(root)
            .map_err(typify)?
            .ok_or_else(|| Error::NoRootType {
                schema: label.clone(),
            })?;
        let mut new_ids = Vec::new();
        collect_ids(&self.types, &root_id, &mut new_ids);
        // Records: typify's structs, each matched to its raw schema.
        for id in &new_ids {
            let ty = self.types.get_type(id).map_err(typify)?;
            let details = ty.details();
            if let TypeDetails::Struct(s) = details {
                let rust_name = ty.name();
                let raw = find_object_schema(schema, &rust_name).ok_or_else(|| {
                    Error::NoObjectSchema {
                        schema: label.clone(),
                        type_name: rust_name.clone(),
                    }
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
                    schema: label.clone(),
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
            let ty = self.types.get_type(id).map_err(typify)?;
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
                let raw =
                    find_enum_schema(schema, &rust_name, variants.len()).ok_or_else(|| {
                        Error::NoEnumSchema {
                            schema: label.clone(),
                            type_name: rust_name.clone(),
                            variants: variants.len(),
                        }
                    })?;
                let values = enum_values(&raw);
                if values.len() != variants.len() {
                    return Err(Error::EnumSize {
                        schema: label,
                        type_name: rust_name,
                        values: values.len(),
                        variants: variants.len(),
                    });
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

    /// Writes every item: `SCHEMA_VERSION`, the records, the referentials of the schemas,
    /// then the standalone ones.
    pub(crate) fn emit(&self) -> Result<TokenStream, Error> {
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
            let doc = type_doc(&e.raw, "referential", &e.rust_name);
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
}
