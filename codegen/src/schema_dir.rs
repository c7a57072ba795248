//! The schema directory as the library lays it out (`schema/v1/`), and its hash.

use std::path::Path;

use serde_json::Value;

use crate::referential_file::{parse_referential, StandaloneReferential};
use crate::{generate, Error, Settings};

/// A schema directory laid out like the library's `schema/v1/`: the schemas, their
/// referentials and their version, read with [`SchemaDir::read`].
///
/// ```text
/// schema/v1/
/// ├── VERSION          the version of the official package (`1.0.10`)
/// ├── structure.json   the JSON Schema of a structure
/// ├── service.json     the JSON Schema of a service
/// └── extra/           the official referential files: `thematiques.json`, …,
///                      and `categories.json` (the thématique categories)
/// ```
#[derive(Clone, Debug)]
pub struct SchemaDir {
    /// The JSON Schemas (`structure.json`, `service.json`), in that order.
    pub schemas: Vec<Value>,
    /// The settings of the library's own module, filled from the directory: see
    /// [`SchemaDir::read`].
    pub settings: Settings,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub files: Vec<std::path::PathBuf>,
    /// The [`schema_hash`] of the directory.
    pub hash: String,
}

/// The start of the line of a generated module's header that names the [`schema_hash`]
/// of its schema directory ([`SchemaDir::module`]); the library's `build.rs` reads it to
/// tell whether the committed module is stale.
pub const HASH_LINE_PREFIX: &str = "// schema-hash: ";

/// A hash of every file under `dir` (recursively, by relative path in byte order, carriage
/// returns removed so that a checkout with CRLF line ends hashes the same): FNV-1a, 64 bits,
/// in hexadecimal. It tells a change, not an attack: the files are the library's own.
/// The library's `build.rs` computes the same hash with its own copy of this function.
///
/// ```no_run
/// let hash = data_inclusion_codegen::schema_hash("schema/v1".as_ref())?;
/// assert_eq!(hash.len(), 16);
/// # Ok::<(), data_inclusion_codegen::Error>(())
/// ```
pub fn schema_hash(dir: &Path) -> Result<String, Error> {
    fn walk(
        dir: &Path,
        prefix: &str,
        out: &mut Vec<(String, std::path::PathBuf)>,
    ) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{relative}/"), out)?;
            } else {
                out.push((relative, path));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            if b != b'\r' {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    };
    for (relative, path) in files {
        let content = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        feed(relative.as_bytes());
        feed(&[0]);
        feed(&content);
        feed(&[0]);
    }
    Ok(format!("{hash:016x}"))
}

impl SchemaDir {
    /// Reads `structure.json`, `service.json`, `VERSION` and `extra/*.json` from `dir`.
    /// `extra/categories.json`, which no enum of the schema matches, becomes the
    /// `Categorie` referential, parent of `Thematique`.
    ///
    /// The settings are those of the library's own module: `runtime` is `crate`, with
    /// `schemars`, the single-pass validators under the `validate` feature, and
    /// `schema_version` from `VERSION`.
    ///
    /// ```no_run
    /// use data_inclusion_codegen::SchemaDir;
    ///
    /// let dir = SchemaDir::read("schema/v1".as_ref())?;
    /// assert_eq!(dir.settings.runtime, "crate");
    /// for file in &dir.files {
    ///     println!("cargo:rerun-if-changed={}", file.display());
    /// }
    /// # Ok::<(), data_inclusion_codegen::Error>(())
    /// ```
    pub fn read(dir: &Path) -> Result<SchemaDir, Error> {
        let mut files = Vec::new();
        let mut read = |path: std::path::PathBuf| -> Result<String, Error> {
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            files.push(path);
            Ok(text)
        };
        let mut schemas = Vec::new();
        for name in ["structure.json", "service.json"] {
            let path = dir.join(name);
            let text = read(path.clone())?;
            schemas
                .push(serde_json::from_str(&text).map_err(|source| Error::Json { path, source })?);
        }
        let version = read(dir.join("VERSION"))?.trim().to_string();
        let mut settings = Settings {
            runtime: "crate".into(),
            schemars: true,
            schema_version: Some(version),
            fast_validation: true,
            validate_feature: Some("validate".into()),
            ..Settings::default()
        };
        let extra = dir.join("extra");
        let io = |source| Error::Io {
            path: extra.clone(),
            source,
        };
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&extra).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.extension().is_some_and(|x| x == "json") {
                names.push(path);
            }
        }
        names.sort();
        for path in names {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text = read(path.clone())?;
            let file = parse_referential(&stem, &text, &path)?;
            if stem == "categories" {
                settings.standalone.push(StandaloneReferential {
                    name: "Categorie".into(),
                    doc: "Catégories de thématiques: la partie d’une thématique avant `--`.".into(),
                    file,
                    parent_of: Some("Thematique".into()),
                    separator: "--".into(),
                });
            } else {
                settings.referentials.push(file);
            }
        }
        Ok(SchemaDir {
            schemas,
            settings,
            files,
            hash: schema_hash(dir)?,
        })
    }

    /// The module as the library commits it (`src/v1/generated.rs`): a header that says
    /// it is generated and names the [`schema_hash`] of the directory (the line that
    /// starts with [`HASH_LINE_PREFIX`]), then [`generate`]'s output.
    pub fn module(&self) -> Result<String, Error> {
        let source = generate(&self.schemas, &self.settings)?;
        let version = self.settings.schema_version.as_deref().unwrap_or("?");
        Ok(format!(
            "// @generated by data-inclusion-codegen from schema/v1 (data-inclusion-schema=={version}).\n\
             // Do not edit: `cargo build --features regenerate` rewrites it from schema/v1.\n\
             {HASH_LINE_PREFIX}{}\n\n{source}",
            self.hash
        ))
    }
}
