//! The single-pass validator of each record (`Record::fast_read`): the record read and
//! checked field by field in one pass over its input, with the field descriptors.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::generator::Generator;

impl Generator<'_> {
    /// The record's `fast_read`, if [`Settings::fast_validation`](crate::Settings::fast_validation)
    /// asks for it: `idents` and `full_types` are the record's fields in the schema's
    /// order, `extra` the field of unknown properties.
    pub(crate) fn fast_read(
        &self,
        name: &Ident,
        extra: &Ident,
        idents: &[Ident],
        full_types: &[TokenStream],
    ) -> TokenStream {
        if !self.settings.fast_validation {
            return quote! {};
        }
        let rt = &self.runtime;
        let indexes: Vec<usize> = (0..idents.len()).collect();
        let vars: Vec<_> = (0..idents.len()).map(|i| format_ident!("f{}", i)).collect();
        let gate = match &self.settings.validate_feature {
            Some(feature) => quote! { #[cfg(feature = #feature)] },
            None => quote! {},
        };
        quote! {
            #gate
            fn fast_read<'t, S: #rt::__private::Source<'t>>(cx: &mut S) -> Option<Self> {
                const F: &[#rt::spec::FieldSpec] = #name::FIELDS;
                #( let mut #vars: Option<#full_types> = None; )*
                let mut #extra = #rt::Extra::new();
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
    }
}
