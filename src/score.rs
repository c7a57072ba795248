//! `score_qualite`: the official quality score of a service, as the `score_qualite` module
//! of the official package computes it.
//!
//! Ten criteria, each from 0 to 1 or not applicable; the score is the mean of the
//! applicable ones, each rounded to two decimals first, the mean rounded to two decimals
//! (Python's `round`: the nearest, ties to even on the exact binary value).
//!
//! ```
//! use chrono::NaiveDate;
//! use data_inclusion_schema::score::{score_qualite, Criterion};
//! use data_inclusion_schema::v1::Service;
//!
//! let service: Service = serde_json::from_str(r#"{
//!     "source": "dora", "structure_id": "dora--1", "id": "dora--2", "nom": "Atelier CV",
//!     "description": "Un atelier pour écrire son CV.", "date_maj": "2025-01-01",
//!     "frais": "gratuit", "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"]
//! }"#).unwrap();
//! let score = score_qualite(&service, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).unwrap();
//! assert_eq!(score.criterion(Criterion::FraisBienDefinis), Some(1.0));
//! assert_eq!(score.criterion(Criterion::AdresseBienDefinie), None); // not applicable
//! // Applicable: 0, 0, 1, 0, 1, 1, 0 (modes, publics, thématiques, contact, date, frais, description).
//! assert_eq!(score.score, 0.43);
//! ```

use chrono::NaiveDate;

use crate::v1::{Frais, ModeAccueil, ModeMobilisation, Service};
use crate::Lang;

/// A criterion of the score, in the official order. The variants are named after the
/// official criteria (`adresse_bien_definie`, …), which are also their string
/// ([`Criterion::as_str`], `Display`, `FromStr` and serde).
///
/// ```
/// use data_inclusion_schema::score::Criterion;
///
/// let c: Criterion = "date_maj_recente".parse().unwrap();
/// assert_eq!(c, Criterion::DateMajRecente);
/// assert_eq!(serde_json::to_string(&c).unwrap(), r#""date_maj_recente""#);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// The address is given when the service receives people (`en-presentiel`, or
    /// `se-presenter` among the modes de mobilisation); not applicable otherwise.
    AdresseBienDefinie,
    /// `modes_mobilisation` and `mobilisable_par`: both 1, one 0.5, none 0.
    ModesMobilisationBienDefinis,
    /// At least one public.
    AuMoinsUnPublic,
    /// At least one thématique.
    AuMoinsUneThematique,
    /// A courriel, a lien de mobilisation or a téléphone.
    AuMoinsUnMoyenDeContact,
    /// The courriel is given when `envoyer-un-courriel` is a mode de mobilisation; not
    /// applicable otherwise.
    CourrielBienDefini,
    /// `date_maj` less than 180 days old: 1; from 180 to 730 days: linear down to 0 (180
    /// days exactly: 0, as the official package); not applicable for the sources
    /// `agefiph` and `france-travail`.
    DateMajRecente,
    /// `frais` given (and, when `payant`, `frais_precisions`).
    FraisBienDefinis,
    /// The description's length: under 50 characters 0, under 200 0.5, under 2000 1,
    /// longer 0.5.
    DescriptionBienDefinie,
    /// The téléphone is given when `telephoner` is a mode de mobilisation; not applicable
    /// otherwise.
    TelephoneBienDefini,
}

impl Criterion {
    /// Every criterion, in the official order.
    pub const ALL: [Criterion; 10] = [
        Criterion::AdresseBienDefinie,
        Criterion::ModesMobilisationBienDefinis,
        Criterion::AuMoinsUnPublic,
        Criterion::AuMoinsUneThematique,
        Criterion::AuMoinsUnMoyenDeContact,
        Criterion::CourrielBienDefini,
        Criterion::DateMajRecente,
        Criterion::FraisBienDefinis,
        Criterion::DescriptionBienDefinie,
        Criterion::TelephoneBienDefini,
    ];

    /// The official name (`"adresse_bien_definie"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::AdresseBienDefinie => "adresse_bien_definie",
            Criterion::ModesMobilisationBienDefinis => "modes_mobilisation_bien_definis",
            Criterion::AuMoinsUnPublic => "au_moins_un_public",
            Criterion::AuMoinsUneThematique => "au_moins_une_thematique",
            Criterion::AuMoinsUnMoyenDeContact => "au_moins_un_moyen_de_contact",
            Criterion::CourrielBienDefini => "courriel_bien_defini",
            Criterion::DateMajRecente => "date_maj_recente",
            Criterion::FraisBienDefinis => "frais_bien_definis",
            Criterion::DescriptionBienDefinie => "description_bien_definie",
            Criterion::TelephoneBienDefini => "telephone_bien_defini",
        }
    }
}

impl std::fmt::Display for Criterion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of [`Criterion`]'s [`FromStr`](std::str::FromStr): not a criterion.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown criterion: {0:?}")]
pub struct UnknownCriterion(pub String);

impl std::str::FromStr for Criterion {
    type Err = UnknownCriterion;

    /// The official name (`adresse_bien_definie`).
    fn from_str(s: &str) -> Result<Criterion, UnknownCriterion> {
        Criterion::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCriterion(s.to_string()))
    }
}

/// A service's score and its breakdown.
///
/// It serializes as `{"score": 0.43, "criteria": {"adresse_bien_definie": null, …}}` (the
/// criteria in the official order, `null` where one does not apply), and deserializes
/// from that form.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The score, from 0 to 1, two decimals.
    pub score: f64,
    /// Each criterion's value (not rounded), `None` where it does not apply, in the
    /// official order.
    pub criteria: [(Criterion, Option<f64>); 10],
}

impl Score {
    /// One criterion's value.
    pub fn criterion(&self, criterion: Criterion) -> Option<f64> {
        self.criteria
            .iter()
            .find(|(c, _)| *c == criterion)
            .and_then(|(_, v)| *v)
    }
}

/// A service the official package cannot score. Its `Display` is French.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScoreError {
    /// `frais` is `payant` and `frais_precisions` is an empty string: the official
    /// package raises `ValueError` there (its `frais_bien_definis` has no case for it),
    /// so no score exists.
    #[error("frais « payant » avec des précisions vides : le score officiel n’est pas défini")]
    EmptyFraisPrecisions,
    /// The description is empty or longer than 10 000 characters (which validation
    /// refuses): its length in characters.
    #[error("description de {0} caractères : le score officiel n’est pas défini")]
    DescriptionOutOfBounds(usize),
}

impl ScoreError {
    /// The message in `lang`.
    ///
    /// ```
    /// use data_inclusion_schema::score::ScoreError;
    /// use data_inclusion_schema::Lang;
    ///
    /// assert_eq!(
    ///     ScoreError::DescriptionOutOfBounds(0).message(Lang::En),
    ///     "a description of 0 characters: the official score is not defined"
    /// );
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::Fr) => self.to_string(),
            (ScoreError::EmptyFraisPrecisions, Lang::En) => {
                "frais « payant » with empty précisions: the official score is not defined".into()
            }
            (ScoreError::DescriptionOutOfBounds(n), Lang::En) => {
                format!("a description of {n} characters: the official score is not defined")
            }
        }
    }
}

impl serde::Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Criteria<'a>(&'a [(Criterion, Option<f64>); 10]);
        impl serde::Serialize for Criteria<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.iter().map(|(c, v)| (c.as_str(), v)))
            }
        }
        let mut s = serializer.serialize_struct("Score", 2)?;
        s.serialize_field("score", &self.score)?;
        s.serialize_field("criteria", &Criteria(&self.criteria))?;
        s.end()
    }
}

impl<'de> serde::Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Score, D::Error> {
        #[derive(serde::Deserialize)]
        struct Raw {
            score: f64,
            criteria: std::collections::HashMap<Criterion, Option<f64>>,
        }
        let raw = Raw::deserialize(deserializer)?;
        Ok(Score {
            score: raw.score,
            criteria: Criterion::ALL.map(|c| (c, raw.criteria.get(&c).copied().flatten())),
        })
    }
}

/// Python's `round(x, 2)`: correctly rounded on the exact binary value, ties to even.
fn round2(x: f64) -> f64 {
    format!("{x:.2}").parse().unwrap_or(x)
}

fn filled(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.is_empty())
}

fn non_empty<T>(v: &Option<Vec<T>>) -> bool {
    v.as_ref().is_some_and(|v| !v.is_empty())
}

fn has<T: PartialEq>(v: &Option<Vec<T>>, x: T) -> bool {
    v.as_ref().is_some_and(|v| v.contains(&x))
}

/// The score of a (valid) service on the reference date `today`.
pub fn score_qualite(service: &Service, today: NaiveDate) -> Result<Score, ScoreError> {
    let s = service;
    let one_if = |b: bool| if b { 1.0 } else { 0.0 };
    let adresse = (has(&s.modes_accueil, ModeAccueil::EnPresentiel)
        || has(&s.modes_mobilisation, ModeMobilisation::SePresenter))
    .then(|| one_if(filled(&s.adresse)));
    let telephone = has(&s.modes_mobilisation, ModeMobilisation::Telephoner)
        .then(|| one_if(filled(&s.telephone)));
    let courriel = has(&s.modes_mobilisation, ModeMobilisation::EnvoyerUnCourriel)
        .then(|| one_if(filled(&s.courriel)));
    let modes = match (s.modes_mobilisation.is_some(), s.mobilisable_par.is_some()) {
        (false, false) => 0.0,
        (true, true) => 1.0,
        _ => 0.5,
    };
    let date_maj = if matches!(s.source.as_str(), "agefiph" | "france-travail") {
        None
    } else {
        let age = (today - s.date_maj).num_days().abs();
        Some(if age < 180 {
            1.0
        } else if 180 < age && age < 730 {
            (730 - age) as f64 / 550.0
        } else {
            0.0
        })
    };
    let frais = match (&s.frais, s.frais_precisions.as_deref()) {
        // A value that this version does not list is not defined, as an absent one.
        (None | Some(Frais::Other(_)), _) => 0.0,
        (Some(Frais::Gratuit), _) => 1.0,
        (Some(Frais::Payant), None) => 0.5,
        (Some(Frais::Payant), Some("")) => return Err(ScoreError::EmptyFraisPrecisions),
        (Some(Frais::Payant), Some(_)) => 1.0,
    };
    let description = match s.description.chars().count() {
        n @ (0 | 10001..) => return Err(ScoreError::DescriptionOutOfBounds(n)),
        1..50 => 0.0,
        50..200 => 0.5,
        200..2000 => 1.0,
        _ => 0.5,
    };
    let contact =
        one_if(filled(&s.courriel) || filled(&s.lien_mobilisation) || filled(&s.telephone));
    let criteria = [
        (Criterion::AdresseBienDefinie, adresse),
        (Criterion::ModesMobilisationBienDefinis, Some(modes)),
        (
            Criterion::AuMoinsUnPublic,
            Some(one_if(non_empty(&s.publics))),
        ),
        (
            Criterion::AuMoinsUneThematique,
            Some(one_if(non_empty(&s.thematiques))),
        ),
        (Criterion::AuMoinsUnMoyenDeContact, Some(contact)),
        (Criterion::CourrielBienDefini, courriel),
        (Criterion::DateMajRecente, date_maj),
        (Criterion::FraisBienDefinis, Some(frais)),
        (Criterion::DescriptionBienDefinie, Some(description)),
        (Criterion::TelephoneBienDefini, telephone),
    ];
    let applicable: Vec<f64> = criteria.iter().filter_map(|(_, v)| v.map(round2)).collect();
    let sum: f64 = applicable.iter().sum();
    Ok(Score {
        score: round2(sum / applicable.len() as f64),
        criteria,
    })
}
