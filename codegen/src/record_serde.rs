//! The records' `Serialize` and `Deserialize`, written out rather than derived: a record is
//! one JSON object whose members are its fields, then the fields the schema does not know
//! (`extra`), each kept as its JSON text; a derived `#[serde(flatten)]` would buffer every
//! unknown value as a tree first.
//!
//! Serializing writes the fields in the schema's order, `null` for an absent nullable
//! field (as the official API writes it), nothing for an absent field that is neither
//! required nor nullable, then `extra` in its order. Deserializing dispatches each key
//! through the generated `field_index`; of a key given twice the last wins (as JSON
//! parsers and the official package read it); a `null` or absent optional field is `None`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::generator::Generator;
use crate::records::Member;

impl Generator<'_> {
    pub(crate) fn record_serde(
        &self,
        name: &Ident,
        schema_name: &str,
        members: &[Member],
        extra: &Ident,
    ) -> TokenStream {
        let rt = &self.runtime;
        let always: usize = members
            .iter()
            .filter(|m| !m.optional() || m.nullable)
            .count();
        let counts = members
            .iter()
            .filter(|m| m.optional() && !m.nullable)
            .map(|m| {
                let ident = &m.ident;
                quote! { + usize::from(self.#ident.is_some()) }
            });
        let entries = members.iter().map(|m| {
            let (key, ident) = (&m.key, &m.ident);
            if m.optional() && !m.nullable {
                quote! {
                    if let Some(value) = &self.#ident {
                        map.serialize_entry(#key, value)?;
                    }
                }
            } else {
                quote! { map.serialize_entry(#key, &self.#ident)?; }
            }
        });
        let vars: Vec<Ident> = (0..members.len())
            .map(|i| quote::format_ident!("f{}", i))
            .collect();
        let slot_types = members.iter().map(|m| {
            let inner = &m.inner;
            if m.optional() {
                quote! { Option<Option<#inner>> }
            } else {
                quote! { Option<#inner> }
            }
        });
        let indexes: Vec<usize> = (0..members.len()).collect();
        let inits = members.iter().zip(&vars).map(|(m, var)| {
            let (key, ident) = (&m.key, &m.ident);
            if m.optional() {
                quote! { #ident: #var.flatten() }
            } else {
                quote! {
                    #ident: match #var {
                        Some(value) => value,
                        None => return Err(::serde::de::Error::missing_field(#key)),
                    }
                }
            }
        });
        let expecting = format!("a {schema_name} record (an object)");
        quote! {
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeMap;
                    let len = #always #(#counts)* + self.#extra.len();
                    let mut map = serializer.serialize_map(Some(len))?;
                    #(#entries)*
                    for (key, value) in &self.#extra {
                        map.serialize_entry(key, value)?;
                    }
                    map.end()
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    struct Visitor;

                    impl<'de> ::serde::de::Visitor<'de> for Visitor {
                        type Value = #name;

                        fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                            f.write_str(#expecting)
                        }

                        fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<#name, A::Error> {
                            #( let mut #vars: #slot_types = None; )*
                            let mut #extra = #rt::Extra::new();
                            while let Some(key) = map.next_key::<#rt::__private::Key<'de>>()? {
                                match <#name as #rt::Record>::field_index(key.as_str()) {
                                    #( Some(#indexes) => #vars = Some(map.next_value()?), )*
                                    _ => {
                                        let value = map.next_value::<#rt::RawJson>()?;
                                        #extra.insert(key.into_string(), value);
                                    }
                                }
                            }
                            Ok(#name {
                                #(#inits,)*
                                #extra,
                            })
                        }
                    }

                    deserializer.deserialize_map(Visitor)
                }
            }
        }
    }
}
