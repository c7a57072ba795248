//! What to generate, beyond the schema itself.

use proc_macro2::{Ident, TokenStream};

use crate::names::pascal_case;
use crate::referential_file::{ReferentialFile, StandaloneReferential};
use crate::Error;

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

impl Settings {
    /// Checks the fields that become Rust names or paths in the generated code, and
    /// returns [`Self::runtime`] as tokens.
    pub(crate) fn check(&self) -> Result<TokenStream, Error> {
        let invalid = |setting: String, value: &str, expected| Error::InvalidSetting {
            setting,
            value: value.to_string(),
            expected,
        };
        let runtime = syn::parse_str::<syn::Path>(&self.runtime)
            .ok()
            .and_then(|_| self.runtime.parse::<TokenStream>().ok())
            .ok_or_else(|| {
                invalid(
                    "runtime".into(),
                    &self.runtime,
                    "a Rust path (`crate`, `::data_inclusion_schema`)",
                )
            })?;
        let is_ident = |name: &str| syn::parse_str::<Ident>(name).is_ok();
        if !is_ident(&self.extra_field) {
            return Err(invalid(
                "extra_field".into(),
                &self.extra_field,
                "a Rust identifier, not a keyword",
            ));
        }
        for (i, standalone) in self.standalone.iter().enumerate() {
            if !is_ident(&standalone.name) {
                return Err(invalid(
                    format!("standalone[{i}].name"),
                    &standalone.name,
                    "a Rust identifier, not a keyword",
                ));
            }
            for (j, entry) in standalone.file.entries.iter().enumerate() {
                if !is_ident(&pascal_case(&entry.value)) {
                    return Err(invalid(
                        format!("standalone[{i}].file.entries[{j}].value"),
                        &entry.value,
                        "a value with a letter or a digit (the variant's name is made of them)",
                    ));
                }
            }
        }
        Ok(runtime)
    }
}
