//! The single-pass validator of each record (`Record::fast_read`): the record read and
//! checked field by field in one pass over its input, with the field descriptors; and
//! the same pass for the verdict alone (`Record::fast_verdict`), which builds nothing.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::generator::Generator;

impl Generator<'_> {
    /// The record's `fast_read` and `fast_verdict`, if
    /// [`Settings::fast_validation`](crate::Settings::fast_validation) asks for them:
    /// `idents` and `full_types` are the record's fields in the schema's order, `extra`
    /// the field of unknown properties.
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
        let count = idents.len();
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

            #gate
            fn fast_verdict<'t, S: #rt::__private::Source<'t>>(cx: &mut S) -> Option<()> {
                // `fast_read`'s walk, each field checked without being built, the fields
                // the schema does not know skipped.
                const F: &[#rt::spec::FieldSpec] = #name::FIELDS;
                let mut seen = [false; #count];
                let mut key = cx.first_key()?;
                while let Some(k) = key {
                    match <Self as #rt::Record>::field_index(&k) {
                        #( Some(#indexes) => {
                            cx.field_verdict::<#full_types>(&F[#indexes])?;
                            seen[#indexes] = true;
                        } )*
                        _ => cx.skip_unknown()?,
                    }
                    key = cx.next_key()?;
                }
                cx.end()?;
                #( cx.absent_verdict::<#full_types>(&F[#indexes], seen[#indexes])?; )*
                Some(())
            }
        }
    }
}
