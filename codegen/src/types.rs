//! The Rust types of the fields: typify's types, as this crate maps them.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use typify::{TypeDetails, TypeId, TypeSpace};

use crate::generator::Generator;

impl Generator<'_> {
    /// The Rust type of a typify type, as this crate maps it.
    pub(crate) fn rust_type(&self, id: &TypeId) -> Result<TokenStream, typify::Error> {
        let ty = self.types.get_type(id)?;
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
}

pub(crate) fn collect_ids(types: &TypeSpace, id: &TypeId, out: &mut Vec<TypeId>) {
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
pub(crate) fn value_type_id(types: &TypeSpace, id: &TypeId) -> Result<TypeId, typify::Error> {
    let ty = types.get_type(id)?;
    let details = ty.details();
    let value = match details {
        TypeDetails::Option(inner) => inner,
        _ => id.clone(),
    };
    Ok(value)
}
