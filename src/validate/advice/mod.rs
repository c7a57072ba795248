//! Advice: what the official verdict ignores but a producer should fix.
//!
//! The official package accepts a SIRET with a typo, a point in the Atlantic or opening
//! hours in free text: the schema only constrains their form. With
//! [`Validator::with_advice`](super::Validator::with_advice), validation also reports
//! these, at a level of their own, [`Level::Advice`] (`conseil`), which never makes a
//! record invalid, in strict mode neither: the verdict, and the tool's exit status, stay
//! the official ones.
//!
//! ```
//! use data_inclusion_schema::validate::{Code, Level, Validator};
//! use data_inclusion_schema::v1::Structure;
//!
//! let json = r#"{"source": "dora", "id": "dora--1", "nom": "CCAS de Lille", "date_maj": "2025-02-14",
//!     "siret": "13002526500014", "longitude": 50.63, "latitude": 3.06}"#;
//! let checked = Validator::new().with_advice(true).check_json::<Structure>(json);
//! assert!(checked.is_valid());
//! let codes: Vec<Code> = checked.problems.iter().map(|p| p.code()).collect();
//! assert_eq!(codes, [Code::CoordinatesSwapped, Code::SiretChecksum]);
//! assert!(checked.problems.iter().all(|p| p.level == Level::Advice));
//! assert_eq!(
//!     checked.problems[1].to_string(),
//!     "/siret: Ce numéro SIRET n’existe pas : sa clé de contrôle (formule de Luhn) est fausse, \
//!      un chiffre a sans doute été mal recopié. Vérifiez-le sur annuaire-entreprises.data.gouv.fr. (conseil)"
//! );
//! ```
//!
//! # The advice and their sources
//!
//! | code | fields | what | source of the rule |
//! |---|---|---|---|
//! | `siret_checksum` | `siret` | the check digit is wrong (Luhn formula; La Poste's establishments: the digits sum to a multiple of 5) | INSEE's SIRET, as the French Wikipedia article « Système d'identification du répertoire des établissements » describes its check digit ([`siret_checksum_is_valid`]) |
//! | `coordinates_outside_france` | `longitude`, `latitude` | the point is in none of the boxes of France's territories | the territories' extreme points, French Wikipedia « Liste de points extrêmes de la France » ([`territory_of`]) |
//! | `coordinates_swapped` | `longitude`, `latitude` | the point is outside, and inside once the two are exchanged | the same |
//! | `opening_hours_syntax` | `horaires_accueil` | not in the OpenStreetMap opening_hours syntax | the field's description in the schema, and the syntax's specification on the OpenStreetMap wiki ([`opening_hours_error`]) |
//! | `telephone_not_french` | `telephone` | not a French number (metropolitan, overseas or short) | the data·inclusion pipeline's `format_phone_number` (libphonenumber), without its foreign numbers ([`is_french_telephone`]) |
//! | `code_postal_not_of_commune` | `code_postal` | not one of the postal codes of the commune `code_insee` | the découpage administratif, npm package `@etalab/decoupage-administratif` ([`communes::has_postal_code`]) |
//! | `zone_unknown` | `zone_eligibilite` | a code that is no commune, département, région or EPCI SIREN (`france` and the country codes `99…` are taken as they are) | the same ([`communes::is_zone`]) |
//! | `placeholder_contact` | `courriel`, `telephone`, `contact_nom_prenom`, `site_web` | an example or a test value | RFC 2606 and RFC 6761 (domains reserved for examples), the schema's own examples ([`is_placeholder_courriel`], …) |
//!
//! A field that already has an error gets no advice (the error says what to fix first);
//! a placeholder telephone gets the placeholder advice alone. Advice comes after the
//! record's errors and warnings, in the schema's field order. Personal data is masked in
//! advice as in the other problems
//! ([`Validator::with_masked_personal_data`](super::Validator::with_masked_personal_data)).
//!
//! The functions below are the rules themselves, for a program that wants one alone; each
//! module says where its rule comes from.

pub mod geo;
pub mod opening_hours;
pub mod placeholder;
pub mod siret;
pub mod telephone;

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use serde_json::Value;

use super::node::Node;
use super::report::Detail;
use super::{scalar, Level, Problem, PERSONAL_FIELDS};
use crate::communes;
pub use geo::territory_of;
pub use opening_hours::opening_hours_error;
pub use placeholder::{
    is_placeholder_courriel, is_placeholder_name, is_placeholder_site, is_placeholder_telephone,
};
pub use siret::siret_checksum_is_valid;
pub use telephone::is_french_telephone;

/// The fields advice reads.
pub(crate) const FIELDS: &[&str] = &[
    "siret",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "contact_nom_prenom",
    "site_web",
    "horaires_accueil",
    "code_insee",
    "code_postal",
    "zone_eligibilite",
];

/// The verdicts on the values seen last in this thread, for the checks that cost tens of
/// microseconds (libphonenumber, the opening_hours parser): files repeat their opening
/// hours and telephone numbers. Emptied when it holds [`CACHE_SIZE`] values.
const CACHE_SIZE: usize = 8192;

thread_local! {
    static TELEPHONES: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
    static HOURS: RefCell<HashMap<String, Option<usize>>> = RefCell::new(HashMap::new());
}

fn cached<T: Copy>(
    cache: &'static LocalKey<RefCell<HashMap<String, T>>>,
    key: &str,
    check: impl FnOnce(&str) -> T,
) -> T {
    if let Some(hit) = cache.with(|c| c.borrow().get(key).copied()) {
        return hit;
    }
    let verdict = check(key);
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_SIZE {
            c.clear();
        }
        c.insert(key.to_string(), verdict);
    });
    verdict
}

/// Appends the advice on a record (`node`, read as the full check reads it) to
/// `problems`, which holds its errors and warnings: fields with an error are left
/// alone. `index` gives a field's place in the record type (a name it does not know is
/// not advised on).
pub(crate) fn advise(
    node: &Node<'_>,
    index: fn(&str) -> Option<usize>,
    mask: bool,
    problems: &mut Vec<Problem>,
) {
    let Node::Object(pairs) = node else { return };
    let failed: Vec<&str> = problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .map(|p| p.field.as_str())
        .collect();
    // The last of duplicate keys wins, as validation reads them.
    let get = |name: &str| -> Option<&Node<'_>> {
        if index(name).is_none() || failed.contains(&name) {
            return None;
        }
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Node::Null))
    };
    let text = |name: &str| match get(name) {
        Some(Node::Str(s)) if !s.trim().is_empty() => Some(s.as_ref()),
        _ => None,
    };
    let mut advice: Vec<Problem> = Vec::new();
    let mut add = |field: &str, value: Value, detail: Detail| {
        let value = if mask && PERSONAL_FIELDS.contains(&field) {
            Value::from("***")
        } else {
            value
        };
        advice.push(Problem::new(
            field,
            format!("/{field}"),
            Level::Advice,
            value,
            detail,
        ));
    };

    if let Some(siret) = text("siret") {
        if !siret_checksum_is_valid(siret) {
            add("siret", Value::from(siret), Detail::SiretChecksum);
        }
    }
    let number = |name: &str| get(name).and_then(|n| scalar::number(n).ok());
    if let (Some(lon), Some(lat)) = (number("longitude"), number("latitude")) {
        let detail = match geo::place(lon, lat) {
            geo::Place::France => None,
            geo::Place::Swapped => Some(Detail::CoordinatesSwapped),
            geo::Place::Outside => Some(Detail::CoordinatesOutsideFrance),
        };
        if let Some(detail) = detail {
            add("longitude", Value::from(vec![lon, lat]), detail);
        }
    }
    if let Some(telephone) = text("telephone") {
        if is_placeholder_telephone(telephone) {
            add(
                "telephone",
                Value::from(telephone),
                Detail::PlaceholderContact,
            );
        } else if !cached(&TELEPHONES, telephone, is_french_telephone) {
            add(
                "telephone",
                Value::from(telephone),
                Detail::TelephoneNotFrench,
            );
        }
    }
    if let Some(courriel) = text("courriel") {
        if is_placeholder_courriel(courriel) {
            add(
                "courriel",
                Value::from(courriel),
                Detail::PlaceholderContact,
            );
        }
    }
    if let Some(name) = text("contact_nom_prenom") {
        if is_placeholder_name(name) {
            add(
                "contact_nom_prenom",
                Value::from(name),
                Detail::PlaceholderContact,
            );
        }
    }
    if let Some(site) = text("site_web") {
        if is_placeholder_site(site) {
            add("site_web", Value::from(site), Detail::PlaceholderContact);
        }
    }
    if let Some(hours) = text("horaires_accueil") {
        if let Some(column) = cached(&HOURS, hours, opening_hours_error) {
            add(
                "horaires_accueil",
                Value::from(hours),
                Detail::OpeningHoursSyntax(column),
            );
        }
    }
    if let (Some(insee), Some(postal)) = (text("code_insee"), text("code_postal")) {
        if communes::has_postal_code(insee, postal) == Some(false) {
            add(
                "code_postal",
                Value::from(postal),
                Detail::PostalCodeNotOfCommune {
                    commune: insee.to_string(),
                },
            );
        }
    }
    if let Some(Node::Array(codes)) = get("zone_eligibilite") {
        for (i, code) in codes.iter().enumerate() {
            if let Node::Str(code) = code {
                if !communes::is_zone(code) {
                    advice.push(Problem::new(
                        "zone_eligibilite",
                        format!("/zone_eligibilite/{i}"),
                        Level::Advice,
                        Value::from(code.as_ref()),
                        Detail::ZoneUnknown,
                    ));
                }
            }
        }
    }
    advice.sort_by_key(|p| index(&p.field));
    problems.extend(advice);
}
