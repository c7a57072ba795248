//! The data·inclusion schema v1 (the official JSON Schema of `data-inclusion-schema`
//! 1.0.10 and its referentials, [`SCHEMA_VERSION`]), as Rust types generated from
//! `schema/v1/` into `src/v1/generated.rs`.
//!
//! - [`Structure`] and [`Service`]: one public field per property of the schema, named as
//!   in the schema; `type` is spelled `r#type` ([`Service::type`](Service#structfield.type)).
//!   Optional fields are `Option`s; an absent field and a `null` one read the same
//!   (`None`) and `None` is written as an explicit `null` for the nullable fields, as the
//!   official API writes it. The properties that the schema does not know are kept in
//!   `extra` ([`Extra`](crate::Extra)) and written back. Build one with `new` (the
//!   required fields) and set the others by assignment.
//! - The referentials [`Frais`], [`ModeAccueil`], [`ModeMobilisation`],
//!   [`PersonneMobilisatrice`], [`Public`], [`ReseauPorteur`], [`Thematique`],
//!   [`TypeService`] and [`Categorie`] (the thématique categories), each with
//!   `ALL`, `as_str()`, `label()`, `description()`, `FromStr` and `Display`, and an
//!   `Other` variant for the values of a later release of the schema (see
//!   [`referential`](crate::referential)).
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
//! let thematique = &service.thematiques.as_ref().unwrap()[0];
//! assert_eq!(thematique.categorie().label(), "Préparer sa candidature");
//! assert_eq!(service.extra["score_qualite"], 0.5);
//! let back = serde_json::to_value(&service).unwrap();
//! assert_eq!(back["frais"], serde_json::Value::Null);
//! # let _ = Thematique::ALL;
//! ```

#[rustfmt::skip]
mod generated;

pub use generated::*;

/// A service d'insertion (an atelier CV, an aide financière, a garde d'enfants) offered
/// by a [`Structure`]: one public field per property of the schema.
///
/// ```
/// use data_inclusion_schema::chrono::NaiveDate;
/// use data_inclusion_schema::v1::{Frais, ModeAccueil, Service, Thematique};
///
/// let date_maj = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
/// let mut service = Service::new(
///     "dora", "dora--s1", "dora--1", "Atelier CV", "Un atelier pour écrire son CV.", date_maj,
/// );
/// service.thematiques = Some(vec![Thematique::PreparerSaCandidatureRealiserUnCvEtOuUneLettreDeMotivation]);
/// service.modes_accueil = Some(vec![ModeAccueil::EnPresentiel]);
/// service.frais = Some(Frais::Gratuit);
/// service.extra.insert("score_qualite", 0.75);
///
/// let json = serde_json::to_value(&service)?;
/// assert_eq!(json["frais"], "gratuit");
/// assert_eq!(json["telephone"], serde_json::Value::Null); // nullable: written as null
/// assert_eq!(json["score_qualite"], 0.75);
/// let back: Service = serde_json::from_value(json)?;
/// assert_eq!(back, service);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// With the `validate` feature, [`Validator::check`](crate::validate::Validator::check)
/// checks it as the official package would.
#[doc(inline)]
pub use generated::Service;

/// A structure d'insertion (a mission locale, a CCAS, an association): one public field
/// per property of the schema.
///
/// ```
/// use data_inclusion_schema::chrono::NaiveDate;
/// use data_inclusion_schema::v1::{ReseauPorteur, Structure};
///
/// let date_maj = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
/// let mut structure = Structure::new("dora", "dora--s1", "Mission locale de Lille", date_maj);
/// structure.code_postal = Some("59000".into());
/// structure.reseaux_porteurs = Some(vec![ReseauPorteur::MissionLocale]);
///
/// let json = serde_json::to_string(&structure)?;
/// let back: Structure = serde_json::from_str(&json)?;
/// assert_eq!(back.reseaux_porteurs.as_deref(), Some(&[ReseauPorteur::MissionLocale][..]));
/// assert_eq!(back.reseaux_porteurs.unwrap()[0].label(), "Mission Locale");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[doc(inline)]
pub use generated::Structure;

/// The thématiques of a service, grouped in [`Categorie`]s (the part of the value before
/// `--`).
///
/// ```
/// use data_inclusion_schema::v1::{Categorie, Thematique};
///
/// let t: Thematique = "famille--garde-denfants".parse().unwrap();
/// assert_eq!(t, Thematique::FamilleGardeDenfants);
/// assert_eq!(t.label(), "Garde d’enfants");
/// assert_eq!(t.categorie(), Categorie::Famille);
/// let famille = Thematique::ALL.iter().filter(|t| t.categorie() == Categorie::Famille).count();
/// assert!(famille > 3);
///
/// // A thématique of a later release of the schema: kept, not listed.
/// let future = Thematique::from_value("famille--nouvelle-thematique");
/// assert!(!future.is_listed());
/// assert_eq!(future.categorie(), Categorie::Famille);
/// match future {
///     Thematique::FamilleGardeDenfants => unreachable!(),
///     other => assert_eq!(other.as_str(), "famille--nouvelle-thematique"),
/// }
/// ```
#[doc(inline)]
pub use generated::Thematique;
