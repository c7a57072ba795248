//! `score_qualite`: the official quality score of a service, as the `score_qualite` module
//! of the official package computes it.
//!
//! Ten criteria, each from 0 to 1 or not applicable; the score is the mean of the
//! applicable ones, each rounded to two decimals first, the mean rounded to two decimals
//! (Python's `round`: the nearest, ties to even on the exact binary value).
//!
//! ```
//! use chrono::NaiveDate;
//! use data_inclusion_schema::score::{score_qualite, Critere};
//! use data_inclusion_schema::v1::Service;
//!
//! let service: Service = serde_json::from_str(r#"{
//!     "source": "dora", "structure_id": "dora--1", "id": "dora--2", "nom": "Atelier CV",
//!     "description": "Un atelier pour écrire son CV.", "date_maj": "2025-01-01",
//!     "frais": "gratuit", "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"]
//! }"#).unwrap();
//! let score = score_qualite(&service, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).unwrap();
//! assert_eq!(score.criterion(Critere::FraisBienDefinis), Some(1.0));
//! assert_eq!(score.criterion(Critere::AdresseBienDefinie), None); // not applicable
//! // Applicable: 0, 0, 1, 0, 1, 1, 0 (modes, publics, thématiques, contact, date, frais, description).
//! assert_eq!(score.score, 0.43);
//! ```

use chrono::NaiveDate;

use crate::v1::{Frais, ModeAccueil, ModeMobilisation, Service};

/// A criterion of the score, in the official order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Critere {
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

impl Critere {
    /// Every criterion, in the official order.
    pub const ALL: [Critere; 10] = [
        Critere::AdresseBienDefinie,
        Critere::ModesMobilisationBienDefinis,
        Critere::AuMoinsUnPublic,
        Critere::AuMoinsUneThematique,
        Critere::AuMoinsUnMoyenDeContact,
        Critere::CourrielBienDefini,
        Critere::DateMajRecente,
        Critere::FraisBienDefinis,
        Critere::DescriptionBienDefinie,
        Critere::TelephoneBienDefini,
    ];

    /// The official name (`"adresse_bien_definie"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Critere::AdresseBienDefinie => "adresse_bien_definie",
            Critere::ModesMobilisationBienDefinis => "modes_mobilisation_bien_definis",
            Critere::AuMoinsUnPublic => "au_moins_un_public",
            Critere::AuMoinsUneThematique => "au_moins_une_thematique",
            Critere::AuMoinsUnMoyenDeContact => "au_moins_un_moyen_de_contact",
            Critere::CourrielBienDefini => "courriel_bien_defini",
            Critere::DateMajRecente => "date_maj_recente",
            Critere::FraisBienDefinis => "frais_bien_definis",
            Critere::DescriptionBienDefinie => "description_bien_definie",
            Critere::TelephoneBienDefini => "telephone_bien_defini",
        }
    }
}

/// A service's score and its breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The score, from 0 to 1, two decimals.
    pub score: f64,
    /// Each criterion's value (not rounded), `None` where it does not apply, in the
    /// official order.
    pub criteria: [(Critere, Option<f64>); 10],
}

impl Score {
    /// One criterion's value.
    pub fn criterion(&self, critere: Critere) -> Option<f64> {
        self.criteria
            .iter()
            .find(|(c, _)| *c == critere)
            .and_then(|(_, v)| *v)
    }
}

/// A service the official package cannot score.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// `frais` is `payant` and `frais_precisions` is an empty string: the official
    /// package raises `ValueError` there (its `frais_bien_definis` has no case for it),
    /// so no score exists.
    #[error("frais « payant » avec des précisions vides : le score officiel n’est pas défini")]
    FraisPrecisionsVides,
    /// The description is empty or longer than 10 000 characters (which validation
    /// refuses).
    #[error("description de {0} caractères : le score officiel n’est pas défini")]
    DescriptionHorsLimites(usize),
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
    let frais = match (s.frais, s.frais_precisions.as_deref()) {
        (None, _) => 0.0,
        (Some(Frais::Gratuit), _) => 1.0,
        (Some(Frais::Payant), None) => 0.5,
        (Some(Frais::Payant), Some("")) => return Err(ScoreError::FraisPrecisionsVides),
        (Some(Frais::Payant), Some(_)) => 1.0,
    };
    let description = match s.description.chars().count() {
        n @ (0 | 10001..) => return Err(ScoreError::DescriptionHorsLimites(n)),
        1..50 => 0.0,
        50..200 => 0.5,
        200..2000 => 1.0,
        _ => 0.5,
    };
    let contact =
        one_if(filled(&s.courriel) || filled(&s.lien_mobilisation) || filled(&s.telephone));
    let criteria = [
        (Critere::AdresseBienDefinie, adresse),
        (Critere::ModesMobilisationBienDefinis, Some(modes)),
        (
            Critere::AuMoinsUnPublic,
            Some(one_if(non_empty(&s.publics))),
        ),
        (
            Critere::AuMoinsUneThematique,
            Some(one_if(non_empty(&s.thematiques))),
        ),
        (Critere::AuMoinsUnMoyenDeContact, Some(contact)),
        (Critere::CourrielBienDefini, courriel),
        (Critere::DateMajRecente, date_maj),
        (Critere::FraisBienDefinis, Some(frais)),
        (Critere::DescriptionBienDefinie, Some(description)),
        (Critere::TelephoneBienDefini, telephone),
    ];
    let applicable: Vec<f64> = criteria.iter().filter_map(|(_, v)| v.map(round2)).collect();
    let sum: f64 = applicable.iter().sum();
    Ok(Score {
        score: round2(sum / applicable.len() as f64),
        criteria,
    })
}
