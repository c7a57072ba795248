//! The official referential files (`extra/*.json`): the values of a referential with
//! their labels and descriptions.

use std::path::Path;

use serde_json::Value;

use crate::Error;

/// One value of an official referential file (`extra/*.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferentialEntry {
    /// The value, as the schema writes it.
    pub value: String,
    /// The French label.
    pub label: String,
    /// The French description, if any.
    pub description: Option<String>,
}

/// An official referential file: the values of one referential with their labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferentialFile {
    /// The file's name without extension (`"thematiques"`), which the enum's
    /// documentation names.
    pub file: String,
    /// The entries, in the file's order.
    pub entries: Vec<ReferentialEntry>,
}

/// A referential that has no enum in the JSON Schema, generated from its file alone (the
/// thématique categories).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneReferential {
    /// The Rust name of the enum (`"Categorie"`): an identifier. Its variants are named
    /// after the values in Pascal case (`famille` → `Famille`).
    pub name: String,
    /// Its documentation (Markdown).
    pub doc: String,
    /// Its values.
    pub file: ReferentialFile,
    /// The referential whose values start with one of this one's values followed by
    /// [`Self::separator`] (`"Thematique"`, whose `famille--garde-denfants` belongs to
    /// `famille`): that enum gets a method named after this one in snake case
    /// (`Thematique::categorie()`). Each of its values must start with one of this
    /// one's.
    pub parent_of: Option<String>,
    /// The separator (`"--"`).
    pub separator: String,
}

/// Parses a referential file: a JSON array of `{"value", "label", "description"}`.
/// `name` is the file's name without extension (`"thematiques"`); errors name the file
/// `extra/{name}.json`.
///
/// ```
/// use data_inclusion_codegen::parse_referential_file;
///
/// let text = r#"[{"value": "famille", "label": "Famille", "description": null}]"#;
/// let file = parse_referential_file("thematiques", text).unwrap();
/// assert_eq!(file.entries[0].label, "Famille");
/// assert_eq!(file.entries[0].description, None);
///
/// let error = parse_referential_file("thematiques", r#"[{"value": "famille"}]"#).unwrap_err();
/// assert_eq!(error.to_string(), r#"extra/thematiques.json: entry 0 has no "label" (a string)"#);
/// ```
pub fn parse_referential_file(name: &str, text: &str) -> Result<ReferentialFile, Error> {
    parse_referential(name, text, Path::new(&format!("extra/{name}.json")))
}

/// [`parse_referential_file`], its errors naming `path`.
pub(crate) fn parse_referential(
    name: &str,
    text: &str,
    path: &Path,
) -> Result<ReferentialFile, Error> {
    let value: Value = serde_json::from_str(text).map_err(|source| Error::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let items = value.as_array().ok_or_else(|| Error::ReferentialNotArray {
        path: path.to_path_buf(),
    })?;
    let mut entries = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let field = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
        let required = |key: &'static str| {
            field(key).ok_or_else(|| Error::ReferentialEntry {
                path: path.to_path_buf(),
                index,
                key,
            })
        };
        entries.push(ReferentialEntry {
            value: required("value")?,
            label: required("label")?,
            description: field("description"),
        });
    }
    Ok(ReferentialFile {
        file: name.to_string(),
        entries,
    })
}
