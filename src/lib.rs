//! Typed Rust models of the [data·inclusion](https://www.data.inclusion.gouv.fr/) schema:
//! the common language in which structures d'insertion (a mission locale, a CCAS, an
//! association) and the services they offer (an atelier CV, an aide financière, a garde
//! d'enfants) are described and shared across the insertion sector.
//!
//! The types are generated from the official JSON Schema (`data-inclusion-schema`
//! 1.0.10 on PyPI, [`v1::SCHEMA_VERSION`]); validation gives the verdicts of the official
//! package, with every problem in French (or English).
//!
//! # Records and referentials
//!
//! [`v1::Structure`] and [`v1::Service`] have one public field per property of the schema;
//! the properties the schema does not know (`score_qualite`, which the API adds, …) are
//! kept in `extra` ([`Extra`]) and written back. Every referential is an enum with the
//! official labels and descriptions ([`v1::Thematique`], [`v1::Public`], …; see
//! [`Referential`]).
//!
//! ```
//! use data_inclusion_schema::chrono::NaiveDate;
//! use data_inclusion_schema::v1::{Categorie, Service, Thematique};
//!
//! let json = r#"{
//!     "source": "dora", "structure_id": "dora--42", "id": "dora--1",
//!     "nom": "Garde d'enfants", "description": "Une crèche à vocation d'insertion.",
//!     "date_maj": "2025-02-14", "thematiques": ["famille--garde-denfants"]
//! }"#;
//! let service: Service = serde_json::from_str(json)?;
//! let thematique = &service.thematiques.as_deref().unwrap_or_default()[0];
//! assert_eq!(*thematique, Thematique::FamilleGardeDenfants);
//! assert_eq!(thematique.label(), "Garde d’enfants");
//! assert_eq!(thematique.categorie(), Categorie::Famille);
//!
//! // Built in code: the required fields, then the others by assignment.
//! let date_maj = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
//! let mut atelier = Service::new("dora", "dora--42", "dora--2", "Atelier CV", "Un atelier pour écrire son CV.", date_maj);
//! atelier.thematiques = Some(vec![Thematique::PreparerSaCandidatureRealiserUnCvEtOuUneLettreDeMotivation]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Validation
//!
//! With the `validate` feature, [`validate::Validator`] checks a record — JSON text, a
//! `serde_json` value or a typed record — as the official package does: the same verdict,
//! every problem with its field, JSON Pointer, stable [`validate::Code`], level and
//! message; then [`score::score_qualite`] gives the official quality score.
//!
//! ```
//! # #[cfg(feature = "validate")] {
//! use data_inclusion_schema::validate::{Code, Validator};
//! use data_inclusion_schema::v1::Service;
//!
//! let validator = Validator::new();
//! let json = r#"{"source": "dora", "structure_id": "dora--42", "id": "dora--1",
//!     "nom": "Garde", "description": "Une crèche.", "date_maj": "2025-02-14",
//!     "thematiques": ["famille--garde-denfant"], "nombre_semaines": 2.5}"#;
//! let report = validator.validate_json::<Service>(json).unwrap_err();
//! assert_eq!(report.to_string(), "Service invalide : 2 erreurs");
//! assert_eq!(report.problems[0].code(), Code::IntFromFloat);
//! assert_eq!(
//!     report.problems[1].to_string(),
//!     "/thematiques/0: La valeur 'famille--garde-denfant' n’existe pas. Vouliez-vous dire 'famille--garde-denfants' ?"
//! );
//! // Reports serialize, for a web service.
//! let json = serde_json::to_value(&report).unwrap();
//! assert_eq!(json["problems"][1]["suggestion"], "famille--garde-denfants");
//! # }
//! ```
//!
//! # Files
//!
//! With the `io` feature, [`io`] streams JSON, JSON Lines and CSV (the CSV that
//! data.gouv.fr publishes included), in constant memory, with the line of every record
//! and of every problem; one bad record never hides the others. With `parquet`, Parquet
//! files (read by row group, whatever wrote them; written in the data.gouv.fr export's
//! layout) and Arrow `RecordBatch`es; with `geojson`, GeoJSON. The columns the
//! publication adds (`score_qualite`) keep their type in every format
//! ([`io::publication`]).
//!
//! ```
//! # #[cfg(feature = "io")] {
//! use data_inclusion_schema::io::{Format, Item, Reader, Writer, WriteOptions};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! let csv = "id;structure_id;source;nom;description;date_maj;thematiques\n\
//!            dora--1;dora--s1;dora;Atelier CV;Un atelier pour écrire son CV.;2025-02-14;['famille--garde-denfants']\n\
//!            dora--2;dora--s1;dora;Garde;Une crèche.;2025-02-14;famille--garde\n";
//! let validator = Validator::new();
//! let mut jsonl = Writer::new(Vec::new(), Format::JsonLines, WriteOptions::default());
//! for item in Reader::new(csv.as_bytes(), Format::Csv).checked::<Service>(&validator) {
//!     match item {
//!         Item::Record(entry) => match entry.checked.record {
//!             Some(service) => jsonl.write(&service).unwrap(),
//!             None => println!("ligne {} : {}", entry.line, entry.checked.problems[0]),
//!         },
//!         Item::Unreadable(error) => println!("{error}"),
//!         Item::Stopped(error) => panic!("{error}"),
//!     }
//! }
//! let jsonl = String::from_utf8(jsonl.finish().unwrap()).unwrap();
//! assert_eq!(jsonl.lines().count(), 1);
//! # }
//! ```
//!
//! # The producers' workbooks
//!
//! With the `xlsx` feature, a workbook filled in from the template
//! ([`io::xlsx::template`]) is checked with the verdicts, lines and French wording of the
//! official valideur (the web page of the data·inclusion API where producers check their
//! files):
//!
//! ```
//! # #[cfg(feature = "xlsx")] {
//! use data_inclusion_schema::io::xlsx::{Workbook, XlsxWriter};
//! use data_inclusion_schema::io::{Item, Kind};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! // A workbook as a producer would send it (here written by this crate).
//! let service: Service = serde_json::from_str(r#"{"source": "", "structure_id": "s1", "id": "1",
//!     "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.",
//!     "date_maj": "2025-02-14", "code_insee": "59999"}"#).unwrap();
//! let mut writer = XlsxWriter::new();
//! writer.write(&service).unwrap();
//! let bytes = writer.into_bytes().unwrap();
//!
//! let mut workbook = Workbook::from_reader(std::io::Cursor::new(bytes)).unwrap();
//! let validator = Validator::valideur();
//! let mut sheet = workbook.sheet(Kind::Services).unwrap().unwrap();
//! let Some(Item::Record(entry)) = sheet.next_checked::<Service>(&validator) else { panic!() };
//! assert_eq!(entry.line, 2);
//! assert_eq!(entry.checked.problems[0].to_string(), "/code_insee: Le code commune 59999 n'existe pas");
//! # }
//! ```
//!
//! # Features
//!
//! None is on by default: a crate that only needs the types builds with serde,
//! serde_json, chrono and thiserror, and compiles the committed generated module like any
//! other source file.
//!
//! | feature | what |
//! |---|---|
//! | `validate` | [`validate`] (with the official valideur's profile, [`validate::Profile`]), [`score`] and [`communes`] (the découpage administratif, 340 KB of tables): jiter, speedate, url, idna and regex, the crates the official package's pydantic-core uses, for the same verdicts |
//! | `io` | [`io`]: streaming JSON, JSON Lines and CSV reading and writing; implies `validate` |
//! | `arrow` | `io::arrow`: records ↔ Arrow `RecordBatch`es, the Arrow schema of each record type (arrow-array, arrow-schema); implies `io` |
//! | `parquet` | `io::parquet`: Parquet read by row group and written in row groups (the parquet crate, with snappy, zstd, lz4 and gzip); implies `arrow` |
//! | `geojson` | GeoJSON reading and writing, streamed (no dependency); implies `io` |
//! | `advice` | [`validate::advice`]: advice beyond the official verdict (SIRET check digit, coordinates, opening hours, telephone numbers, placeholder contacts), level `Advice`; phonenumber and opening-hours-syntax; implies `validate` |
//! | `xlsx` | [`io::xlsx`]: the producers' XLSX workbooks read as the official valideur reads them, written, and the producer's template (calamine, rust_xlsxwriter); implies `io` |
//! | `schemars` | `schemars::JsonSchema` for every record and referential |
//! | `codegen` | [`codegen`]: the generator (the crate `data-inclusion-codegen`) |
//! | `regenerate` | for schema maintainers: `build.rs` regenerates `src/v1/generated.rs` from `schema/v1/` |
//!
//! The command-line tool is the crate `data-inclusion-cli` (`cargo install
//! data-inclusion-cli`, command `data-inclusion`).
//!
//! # Versions
//!
//! [`v1::SCHEMA_VERSION`] names the version of the official schema a version of this crate
//! carries; CHANGELOG.md lists them. Records and referentials are `#[non_exhaustive]` and
//! every referential keeps the values it does not list (its `Other` variant; see
//! [`referential`]), so that:
//!
//! - a release of the schema that only adds (referential values, optional fields, looser
//!   constraints) gives a compatible release of the crate (0.2.x, then 1.x.y); programs
//!   keep compiling, and keep reading the producers' data, before and after;
//! - a release that removes or renames a field or a value, makes a field required or
//!   changes a type gives a breaking release (0.3, then 2.0).
//!
//! Validation follows the official package of the version carried: a value added by a
//! later release is read and kept, and reported as the official package of that version
//! reports it.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub mod communes;
mod extra;
#[cfg(feature = "io")]
#[cfg_attr(docsrs, doc(cfg(feature = "io")))]
pub mod io;
mod lang;
mod record;
pub mod referential;
#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub mod score;
pub mod spec;
pub mod v1;
#[cfg(feature = "validate")]
#[cfg_attr(docsrs, doc(cfg(feature = "validate")))]
pub mod validate;

/// The code generator (the crate `data-inclusion-codegen`).
#[cfg(feature = "codegen")]
#[cfg_attr(docsrs, doc(cfg(feature = "codegen")))]
pub use data_inclusion_codegen as codegen;

pub use extra::{Extra, ExtraIter, RawJson};
pub use lang::{Lang, UnknownLang};
pub use record::Record;
pub use referential::{OtherValue, Referential, UnknownValue};

/// The date type of the records (`date_maj`), re-exported.
pub use chrono;
/// The JSON crate of the records' serde and of validation's inputs, re-exported.
pub use serde_json;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
