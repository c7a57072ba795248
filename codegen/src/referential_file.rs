//! The official referential files (`extra/*.json`): the values of a referential with
//! their labels and descriptions.

use serde_json::Value;

use crate::error::err;
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
    /// The file's name without extension (`"thematiques"`), for messages.
    pub file: String,
    /// The entries, in the file's order.
    pub entries: Vec<ReferentialEntry>,
}

/// A referential that has no enum in the JSON Schema, generated from its file alone (the
/// thématique categories).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandaloneReferential {
    /// The Rust name of the enum (`"Categorie"`).
    pub name: String,
    /// Its documentation.
    pub doc: String,
    /// Its values.
    pub file: ReferentialFile,
    /// The referential whose values start with one of this one's values followed by
    /// [`Self::separator`] (`"Thematique"`): that enum gets a method named after this
    /// one in snake case (`Thematique::categorie()`).
    pub parent_of: Option<String>,
    /// The separator (`"--"`).
    pub separator: String,
}

/// Parses a referential file: a JSON array of `{"value", "label", "description"}`.
pub fn parse_referential_file(name: &str, text: &str) -> Result<ReferentialFile, Error> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| err(format!("extra/{name}.json: {e}")))?;
    let items = value
        .as_array()
        .ok_or_else(|| err(format!("extra/{name}.json: expected an array")))?;
    let mut entries = Vec::new();
    for item in items {
        let field = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
        entries.push(ReferentialEntry {
            value: field("value")
                .ok_or_else(|| err(format!("extra/{name}.json: an entry has no value")))?,
            label: field("label")
                .ok_or_else(|| err(format!("extra/{name}.json: an entry has no label")))?,
            description: field("description"),
        });
    }
    Ok(ReferentialFile {
        file: name.to_string(),
        entries,
    })
}
