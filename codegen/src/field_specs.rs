//! The field descriptors (`FIELDS`): every constraint of the schema, as data that
//! validation reads.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::generator::Generator;
use crate::names::pascal_case;
use crate::raw_schema::{non_null, resolve};
use crate::Error;

impl Generator<'_> {
    /// The descriptor of one property of a record: its name, title, whether it is
    /// required and nullable, and its type with its constraints.
    pub(crate) fn field_spec(
        &self,
        record: &str,
        key: &str,
        prop: &Value,
        required: bool,
        nullable: bool,
        root: &Value,
    ) -> Result<TokenStream, Error> {
        let rt = &self.runtime;
        let title = match prop.get("title").and_then(Value::as_str) {
            Some(t) => quote! { Some(#t) },
            None => quote! { None },
        };
        let ty = self.type_spec(non_null(prop), root)?;
        let rule = match self
            .settings
            .rules
            .iter()
            .find(|r| r.record == record && r.field == key)
        {
            Some(r) => {
                let variant = format_ident!("{}", pascal_case(&r.rule));
                quote! { .with_rule(#rt::spec::Rule::#variant) }
            }
            None => quote! {},
        };
        Ok(quote! {
            #rt::spec::FieldSpec::new(#key, #title, #required, #nullable, #ty) #rule
        })
    }

    /// The descriptor of a raw (non-null) schema.
    pub(crate) fn type_spec(&self, schema: &Value, root: &Value) -> Result<TokenStream, Error> {
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
}
