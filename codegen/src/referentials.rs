//! The referential enums: `ALL`, `VALUES`, `as_str`, `label`, `description`, `FromStr`,
//! `Display`, serde, and the link from a value to its parent referential's value.

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::generator::Generator;
use crate::names::{pascal_case, snake_case};
use crate::referential_file::{ReferentialEntry, ReferentialFile, StandaloneReferential};
use crate::Error;

impl Generator<'_> {
    pub(crate) fn emit_referential(
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
        doc.push_str(
            "\n\nA value that this version does not list (from a later release of the \
             schema) is read into `Other`, and written back as it was.",
        );
        if variants.iter().any(|v| v == "Other") {
            return Err(Error::OtherVariantTaken {
                referential: rust_name.to_string(),
            });
        }
        let schema_name = rust_name;
        let parent_method = match parent {
            Some(p) => {
                let parent_name = format_ident!("{}", p.name);
                let method = format_ident!("{}", snake_case(&p.name));
                let separator = &p.separator;
                let mut arms = Vec::new();
                for (value, ident) in values.iter().zip(&idents) {
                    let prefix = value.split(p.separator.as_str()).next().unwrap_or(value);
                    let parent_variant = p
                        .file
                        .entries
                        .iter()
                        .find(|e| e.value == prefix)
                        .map(|e| format_ident!("{}", pascal_case(&e.value)))
                        .ok_or_else(|| Error::NoParentValue {
                            referential: rust_name.to_string(),
                            value: value.clone(),
                            prefix: prefix.to_string(),
                            parent: p.name.clone(),
                        })?;
                    arms.push(quote! { Self::#ident => #parent_name::#parent_variant, });
                }
                let mdoc = format!(
                    "The {} of this value: the part before `{}` (for a value this version does not list, read as a {} value).",
                    p.name, p.separator, p.name
                );
                quote! {
                    #[doc = #mdoc]
                    pub fn #method(&self) -> #parent_name {
                        match self {
                            #(#arms)*
                            Self::Other(value) => {
                                let value = value.as_str();
                                #parent_name::from_value(value.split(#separator).next().unwrap_or(value))
                            }
                        }
                    }
                }
            }
            None => quote! {},
        };
        let schema_impl = if self.settings.schemars {
            quote! {
                /// The listed values, each a `const` with its label as `title` and its
                /// description.
                #[cfg(feature = "schemars")]
                impl ::schemars::JsonSchema for #name {
                    fn schema_name() -> ::std::borrow::Cow<'static, str> {
                        ::std::borrow::Cow::Borrowed(#schema_name)
                    }

                    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                        let one_of: Vec<::serde_json::Value> = Self::ALL
                            .iter()
                            .map(|value| {
                                let mut branch = ::serde_json::Map::new();
                                branch.insert("const".into(), value.as_str().into());
                                branch.insert("title".into(), value.label().into());
                                if let Some(description) = value.description() {
                                    branch.insert("description".into(), description.into());
                                }
                                ::serde_json::Value::Object(branch)
                            })
                            .collect();
                        ::schemars::json_schema!({ "type": "string", "oneOf": one_of })
                    }
                }
            }
        } else {
            quote! {}
        };
        Ok(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #[doc = #variant_docs]
                    #idents,
                )*
                /// A value that this version of the crate does not list, as it was read
                /// (see [`OtherValue`](#rt::OtherValue)).
                Other(#rt::OtherValue),
            }

            impl #name {
                /// Every listed value, in the schema's order.
                pub const ALL: &'static [Self] = &[#(Self::#idents),*];
                /// Every listed value as the schema writes it, in the schema's order.
                pub const VALUES: &'static [&'static str] = &[#(#values),*];

                /// The value as the schema writes it.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#idents => #values,)*
                        Self::Other(value) => value.as_str(),
                    }
                }

                /// The French label; for a value this version does not list, the value.
                pub fn label(&self) -> &str {
                    match self {
                        #(Self::#idents => #labels,)*
                        Self::Other(value) => value.as_str(),
                    }
                }

                /// The French description, where the official referential has one.
                pub const fn description(&self) -> Option<&'static str> {
                    match self {
                        #(Self::#idents => #descriptions,)*
                        Self::Other(_) => None,
                    }
                }

                /// Whether this version lists the value (`false` for [`Self::Other`]).
                pub const fn is_listed(&self) -> bool {
                    !matches!(self, Self::Other(_))
                }

                /// The value written `value`: a listed one, or [`Self::Other`]. It never
                /// fails; `str::parse` refuses a value that is not listed.
                pub fn from_value(value: &str) -> Self {
                    match value {
                        #(#values => Self::#idents,)*
                        _ => Self::Other(#rt::__private::other_value(value)),
                    }
                }

                #parent_method
            }

            impl #rt::Referential for #name {
                const NAME: &'static str = #schema_name;
                const ALL: &'static [Self] = #name::ALL;
                const VALUES: &'static [&'static str] = #name::VALUES;
                fn as_str(&self) -> &str { #name::as_str(self) }
                fn label(&self) -> &str { #name::label(self) }
                fn description(&self) -> Option<&'static str> { #name::description(self) }
                fn is_listed(&self) -> bool { #name::is_listed(self) }
                fn from_value(value: &str) -> Self { #name::from_value(value) }
            }

            impl ::std::str::FromStr for #name {
                type Err = #rt::UnknownValue;
                /// A listed value; any other is an error that names the referential.
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

            #schema_impl
        })
    }
}

pub(crate) fn same_values(entries: &[ReferentialEntry], values: &[String]) -> bool {
    entries.len() == values.len() && entries.iter().all(|e| values.contains(&e.value))
}
