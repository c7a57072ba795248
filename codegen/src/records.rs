//! The record structs: their fields, with the fields the schema does not know kept in
//! `extra` and `null` written out for every absent nullable field (as the official API
//! does), their `FIELDS` and their `Record` impl.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::docs::{constraints_text, doc_of, type_doc};
use crate::generator::{Generator, RecordDef};
use crate::names::{field_ident, typify_field_matches};
use crate::raw_schema::is_nullable;
use crate::types::value_type_id;
use crate::Error;

impl Generator<'_> {
    /// The struct of a record, its `FIELDS` and its `Record` impl.
    pub(crate) fn emit_record(&self, record: &RecordDef) -> Result<TokenStream, Error> {
        let rt = &self.runtime;
        let name = format_ident!("{}", record.rust_name);
        let schema_name = &record.schema_name;
        let doc = type_doc(&record.raw, "record", &record.rust_name);
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
            return Err(Error::ExtraFieldTaken {
                record: record.rust_name.clone(),
                field: extra_name.clone(),
            });
        }
        let extra = format_ident!("{}", extra_name);

        let mut fields = Vec::new();
        let mut specs = Vec::new();
        let mut idents = Vec::new();
        let mut full_types = Vec::new();
        let mut members = Vec::new();
        // In the schema's order, matched to typify's fields.
        for (key, prop) in &properties {
            let (typify_name, _, type_id) = record
                .fields
                .iter()
                .find(|(n, _, _)| typify_field_matches(n, key))
                .ok_or_else(|| Error::NoTypifyField {
                    record: record.rust_name.clone(),
                    field: key.clone(),
                })?;
            let is_required = required.contains(&key.as_str());
            let nullable = is_nullable(prop);
            let ident = field_ident(key, typify_name);
            let inner = value_type_id(&self.types, type_id)
                .and_then(|id| self.rust_type(&id))
                .map_err(|source| Error::Typify {
                    schema: record.schema.clone(),
                    source,
                })?;
            let doc = doc_of(prop, Some(&constraints_text(prop, &record.root)));
            let full_type = if is_required && !nullable {
                inner.clone()
            } else {
                quote! { Option<#inner> }
            };
            fields.push(quote! {
                #[doc = #doc]
                pub #ident: #full_type,
            });
            members.push(Member {
                key: key.clone(),
                ident: ident.clone(),
                inner: inner.clone(),
                required: is_required,
                nullable,
            });
            full_types.push(full_type);
            idents.push(ident.clone());
            specs.push(self.field_spec(
                schema_name,
                key,
                prop,
                is_required,
                nullable,
                &record.root,
            )?);
        }
        let schemars = if self.settings.schemars {
            // The record's own JSON Schema, as the official package writes it: its
            // definitions go to the generator's.
            let mut own = record.raw.clone();
            let mut defs = serde_json::Map::new();
            for key in ["$defs", "definitions"] {
                if let Some(Value::Object(d)) = record.root.get(key) {
                    defs.extend(d.clone());
                }
            }
            if let Value::Object(map) = &mut own {
                map.remove("$defs");
                map.remove("definitions");
                if !defs.is_empty() {
                    map.insert("$defs".into(), Value::Object(defs));
                }
            }
            let text = own.to_string();
            quote! {
                /// The record's JSON Schema: the official one (its definitions added to the
                /// generator's), which allows the properties it does not list (`extra`).
                #[cfg(feature = "schemars")]
                impl ::schemars::JsonSchema for #name {
                    fn schema_name() -> ::std::borrow::Cow<'static, str> {
                        ::std::borrow::Cow::Borrowed(#schema_name)
                    }

                    fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                        #rt::__private::official_schema(generator, #text)
                    }
                }
            }
        } else {
            quote! {}
        };
        let keys: Vec<&String> = properties.keys().collect();
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
        let fast = self.fast_read(&name, &extra, &idents, &full_types);
        let constructor = self.constructor(&name, schema_name, &required, &members, &extra);
        let serde = self.record_serde(&name, schema_name, &members, &extra);
        Ok(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq)]
            #[non_exhaustive]
            pub struct #name {
                #(#fields)*
                /// The properties of the input that the schema does not know (for instance
                /// `score_qualite`, which the official API adds), kept as they were, in
                /// their order, and written back out.
                pub #extra: #rt::Extra,
            }

            impl #name {
                #constructor

                #[doc = #fields_doc]
                pub const FIELDS: &'static [#rt::spec::FieldSpec] = &[#(#specs),*];
            }

            impl #rt::Record for #name {
                const NAME: &'static str = #schema_name;
                const FIELDS: &'static [#rt::spec::FieldSpec] = #name::FIELDS;
                fn extra(&self) -> &#rt::Extra {
                    &self.#extra
                }
                fn extra_mut(&mut self) -> &mut #rt::Extra {
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
                    #extra: #rt::Extra,
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

            #serde

            #schemars
        })
    }

    /// `new`, with the required fields in the order of the schema's `required` (the
    /// official models' order), every other field `None`.
    fn constructor(
        &self,
        name: &Ident,
        schema_name: &str,
        required: &[&str],
        members: &[Member],
        extra: &Ident,
    ) -> TokenStream {
        let rt = &self.runtime;
        let mut params = Vec::new();
        let mut names = Vec::new();
        for key in required {
            let Some(m) = members.iter().find(|m| m.key == *key) else {
                continue;
            };
            let ident = &m.ident;
            let inner = &m.inner;
            let is_string = inner.to_string() == "String";
            let ty = match (m.nullable, is_string) {
                (false, true) => quote! { impl ::std::convert::Into<String> },
                (false, false) => quote! { #inner },
                (true, _) => quote! { Option<#inner> },
            };
            params.push(quote! { #ident: #ty });
            names.push(format!("`{}`", m.key));
        }
        let inits = members.iter().map(|m| {
            let ident = &m.ident;
            if !required.contains(&m.key.as_str()) {
                quote! { #ident: None }
            } else if !m.nullable && m.inner.to_string() == "String" {
                quote! { #ident: #ident.into() }
            } else {
                quote! { #ident }
            }
        });
        let doc = format!(
            "A `{schema_name}` with its required fields ({}), every other field `None` and no unknown field: the others are then set by assignment.",
            names.join(", ")
        );
        quote! {
            #[doc = #doc]
            #[allow(clippy::too_many_arguments)]
            pub fn new(#(#params),*) -> Self {
                #name {
                    #(#inits,)*
                    #extra: #rt::Extra::new(),
                }
            }
        }
    }
}

/// A field of a record, as the serde impls and the constructor need it.
pub(crate) struct Member {
    /// The property's name in the schema.
    pub(crate) key: String,
    /// The field's name.
    pub(crate) ident: Ident,
    /// The type of a non-null value.
    pub(crate) inner: TokenStream,
    /// Whether the schema requires it.
    pub(crate) required: bool,
    /// Whether `null` is allowed.
    pub(crate) nullable: bool,
}

impl Member {
    /// Whether the field is an `Option` (not required, or nullable).
    pub(crate) fn optional(&self) -> bool {
        !self.required || self.nullable
    }
}
