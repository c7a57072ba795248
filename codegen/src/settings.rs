//! What to generate, beyond the schema itself.

use proc_macro2::{Ident, TokenStream};

use crate::names::pascal_case;
use crate::referential_file::{ReferentialFile, StandaloneReferential};
use crate::Error;

/// What to generate, beyond the schema itself.
///
/// The default suits a module compiled outside the library: it names the library
/// `::data_inclusion_schema`, derives no `schemars`, has no labels beyond the values,
/// and no single-pass validators. [`SchemaDir::read`](crate::SchemaDir::read) fills the
/// settings the library's own module is generated with.
///
/// ```
/// use data_inclusion_codegen::{parse_referential_file, Settings};
///
/// let typologies = r#"[{"value": "CCAS", "label": "Centre communal d'action sociale"},
///                      {"value": "MUNI", "label": "Mairie"}]"#;
/// let settings = Settings {
///     schema_version: Some("0.18.0".into()),
///     referentials: vec![parse_referential_file("typologies", typologies)?],
///     ..Settings::default()
/// };
/// # Ok::<(), data_inclusion_codegen::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Settings {
    /// The path by which the generated code names the library `data-inclusion-schema`
    /// (its `Record`, `Referential`, `spec`, …): `::data_inclusion_schema` (the default)
    /// in any crate that depends on it, `crate` inside the library itself. It must be a
    /// Rust path.
    pub runtime: String,
    /// Derive `schemars::JsonSchema` on every type, under
    /// `#[cfg_attr(feature = "schemars", …)]`: the generated code's crate then needs a
    /// `schemars` feature that enables `schemars` 1. Off by default.
    pub schemars: bool,
    /// The version of the schema, emitted as `pub const SCHEMA_VERSION: &str`. `None` by
    /// default: no constant.
    pub schema_version: Option<String>,
    /// Labels and descriptions of the referentials (the official files `extra/*.json`),
    /// matched to the schema's enums by their values: a file gives its labels to the enum
    /// that has the same set of values. An enum without a file has its values as labels
    /// and no descriptions. Empty by default.
    pub referentials: Vec<ReferentialFile>,
    /// Referentials that are not in the schema, generated from their file alone (the
    /// thématique categories), with the link from the values of another referential to
    /// theirs. Empty by default.
    pub standalone: Vec<StandaloneReferential>,
    /// The name of the field of every record that keeps the properties the schema does
    /// not know (`#[serde(flatten)]`): `extra` by default. It must be a Rust identifier
    /// that no property of the schema has.
    pub extra_field: String,
    /// Generate the single-pass validator of each record (its `Record::fast_read`,
    /// which the library's `Validator` runs before the full check): the generated code
    /// then needs the library's `validate` feature. Off by default; the library's own
    /// module has them.
    pub fast_validation: bool,
    /// The feature of the generated code's crate that the single-pass validators are
    /// compiled with (`#[cfg(feature = "…")]`), so that one generated file serves every
    /// feature set; `None` (the default): emitted without a `cfg`. The library's own
    /// module has `Some("validate")`.
    pub validate_feature: Option<String>,
    /// The rules of the official package that the JSON Schema cannot express, and the
    /// fields they apply to: each becomes the field descriptor's `rule`
    /// (`FieldSpec::with_rule`), which validation applies. By default the official
    /// package's rules ([`FieldRule::official`]); a rule of a field that a schema does not
    /// have is ignored.
    pub rules: Vec<FieldRule>,
}

/// A rule of the official package on one field of one record (see [`Settings::rules`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRule {
    /// The record, by its name in the schema (its `title`: `"Service"`).
    pub record: String,
    /// The field (`"nom"`).
    pub field: String,
    /// The rule, by the name of its variant of the library's `spec::Rule` in snake case:
    /// `no_trailing_period`, `date_maj_window` or `tous_publics_alone`.
    pub rule: String,
}

/// The rules the library knows (`spec::Rule`), by name.
pub(crate) const RULES: [&str; 3] = [
    "no_trailing_period",
    "date_maj_window",
    "tous_publics_alone",
];

impl FieldRule {
    /// A rule on a field.
    pub fn new(record: &str, field: &str, rule: &str) -> FieldRule {
        FieldRule {
            record: record.into(),
            field: field.into(),
            rule: rule.into(),
        }
    }

    /// The rules of the official package (`data-inclusion-schema`, every version since
    /// 0.x): `nom` without a trailing period and `date_maj` within its window for both
    /// records, `tous-publics` alone in a service's `publics`.
    ///
    /// ```
    /// use data_inclusion_codegen::FieldRule;
    ///
    /// assert!(FieldRule::official().contains(&FieldRule::new("Service", "publics", "tous_publics_alone")));
    /// ```
    pub fn official() -> Vec<FieldRule> {
        let mut rules = Vec::new();
        for record in ["Structure", "Service"] {
            rules.push(FieldRule::new(record, "nom", "no_trailing_period"));
            rules.push(FieldRule::new(record, "date_maj", "date_maj_window"));
        }
        rules.push(FieldRule::new("Service", "publics", "tous_publics_alone"));
        rules
    }
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
            rules: FieldRule::official(),
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
        for (i, rule) in self.rules.iter().enumerate() {
            if !RULES.contains(&rule.rule.as_str()) {
                return Err(invalid(
                    format!("rules[{i}].rule"),
                    &rule.rule,
                    "one of no_trailing_period, date_maj_window, tous_publics_alone",
                ));
            }
        }
        Ok(runtime)
    }
}
