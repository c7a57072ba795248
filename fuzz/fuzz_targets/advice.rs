//! Advice (`validate::advice`, feature `advice`, on by default in the tool) on any input:
//! the first 16 bytes are a longitude and a latitude (two `f64`, any bits: NaN,
//! infinities, subnormals), the rest a string given to every rule (the OpenStreetMap
//! opening_hours parser, libphonenumber, the SIRET check digit, the placeholders) and
//! set in every advised field of a valid structure and a valid service.
//!
//! Checks: no panic, no hang (`-timeout`), no memory beyond the limit; the opening_hours
//! error's column is within the text; with advice, the same record, verdict, errors and
//! warnings as without, the advice after them, of level `Advice`, never on a field in
//! error (`check_advice_as`); and every check of `single_pass` on the records.
#![no_main]

use data_inclusion_fuzz::{check_advice_as, check_text_as, records, validator};
use data_inclusion_schema::v1::{Service, Structure};
use data_inclusion_schema::validate::advice::{geo, opening_hours, placeholder, siret, telephone};
use libfuzzer_sys::fuzz_target;
use serde_json::{Number, Value};

fuzz_target!(|data: &[u8]| {
    let (numbers, text) = data.split_at(data.len().min(16));
    let mut bits = [0u8; 16];
    bits[..numbers.len()].copy_from_slice(numbers);
    let longitude = f64::from_le_bytes(bits[..8].try_into().unwrap());
    let latitude = f64::from_le_bytes(bits[8..].try_into().unwrap());
    let _ = geo::territory_of(longitude, latitude);
    let _ = geo::place(longitude, latitude);
    let Ok(s) = std::str::from_utf8(text) else {
        return;
    };
    if let Some(column) = opening_hours::opening_hours_error(s) {
        assert!(column <= s.chars().count() + 1, "column {column} of {s:?}");
    }
    let _ = telephone::is_french_telephone(s);
    let _ = siret::siret_checksum_is_valid(s);
    let _ = placeholder::is_placeholder_courriel(s);
    let _ = placeholder::is_placeholder_site(s);
    let _ = placeholder::is_placeholder_telephone(s);
    let _ = placeholder::is_placeholder_name(s);

    let records = records();
    let number = |f: f64| Number::from_f64(f).map_or(Value::Null, Value::Number);
    let mut structure = serde_json::to_value(&records.valid_structures[0]).expect("written");
    for field in [
        "courriel",
        "horaires_accueil",
        "siret",
        "site_web",
        "telephone",
    ] {
        structure[field] = Value::from(s);
    }
    structure["longitude"] = number(longitude);
    structure["latitude"] = number(latitude);
    let mut service = serde_json::to_value(&records.valid_services[0]).expect("written");
    for field in [
        "contact_nom_prenom",
        "courriel",
        "horaires_accueil",
        "telephone",
    ] {
        service[field] = Value::from(s);
    }
    service["longitude"] = number(longitude);
    service["latitude"] = number(latitude);
    let validator = validator();
    for text in [structure.to_string(), service.to_string()] {
        check_text_as::<Structure>(&validator, &text);
        check_text_as::<Service>(&validator, &text);
        check_advice_as::<Structure>(&validator, &text);
        check_advice_as::<Service>(&validator, &text);
    }
});
