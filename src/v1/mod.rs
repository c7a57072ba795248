//! The data·inclusion schema v1, generated from `schema/v1/` (the official JSON Schema of
//! `data-inclusion-schema` 1.0.10 and its referentials) into `src/v1/generated.rs`.
//!
//! - [`Structure`] and [`Service`]: one public field per property of the schema, named as
//!   in the schema; `type` is spelled `r#type` ([`Service::type`](Service#structfield.type)). Optional fields are `Option`s;
//!   an absent field and a `null` one read the same (`None`) and `None` is written as an
//!   explicit `null`, as the official API writes it. The properties that the schema does
//!   not know are kept in `extra` and written back.
//! - The referentials [`Frais`], [`ModeAccueil`], [`ModeMobilisation`],
//!   [`PersonneMobilisatrice`], [`Public`], [`ReseauPorteur`], [`Thematique`],
//!   [`TypeService`] and [`Categorie`] (the thématique categories), each with
//!   `ALL`, `as_str()`, `label()`, `description()`, `FromStr` and `Display`.
//! - `FIELDS` on each record: the schema's constraints as data ([`crate::spec`]).
//!
//! # Constrained strings
//!
//! Code postal, code Insee, SIRET, URLs, courriel and the zone codes are plain `String`
//! fields whose constraints are *checked*, not typed: deserializing with serde trusts the
//! input; the validating entry points check every constraint of the schema (and the rules
//! of the official package) before they hand out a record. This keeps the types as the
//! schema writes them (a `String` where the JSON has a string), so that any record,
//! even an invalid one, can be read, corrected and written back.
//!
//! # Reading and writing
//!
//! ```
//! use data_inclusion_schema::v1::{Service, Thematique};
//!
//! let json = r#"{
//!     "source": "dora", "structure_id": "dora--42", "id": "dora--1",
//!     "nom": "Atelier CV", "description": "Un atelier pour écrire son CV.",
//!     "date_maj": "2025-02-14", "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
//!     "score_qualite": 0.5
//! }"#;
//! let service: Service = serde_json::from_str(json).unwrap();
//! let thematique = service.thematiques.as_ref().unwrap()[0];
//! assert_eq!(thematique.categorie().label(), "Préparer sa candidature");
//! assert_eq!(service.extra["score_qualite"], 0.5);
//! let back = serde_json::to_value(&service).unwrap();
//! assert_eq!(back["frais"], serde_json::Value::Null);
//! # let _ = Thematique::ALL;
//! ```

#[rustfmt::skip]
mod generated;

pub use generated::*;
