//! Names parsed from user input, on any bytes:
//!
//! - `FromStr` of every referential: no panic; it accepts exactly the referential's
//!   values and gives them back (`as_str`, `Display`); its error names the referential
//!   and the value; serde keeps any string (`Other`) and agrees with `FromStr` on what is
//!   listed; a valid record whose referential field holds the string is valid exactly
//!   when `FromStr` accepts it;
//! - the tool's format and kind detection: `Format::from_str` accepts exactly `json`,
//!   `jsonl`, `ndjson`, `jsonlines`, `csv` (trimmed, any case) and round-trips (`as_str`,
//!   `Display`), its error keeping the name; `Kind::from_str` likewise (`structures`,
//!   `services`, singular or not); `Format::from_path` is `from_str` of the extension;
//!   `Kind::of_columns` (the columns split on `,`) is services exactly when a column is
//!   `structure_id` (trimmed). The detection of the kind of a file (`io::read_detected`)
//!   is checked by the reader targets, on every input.
#![no_main]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::str::FromStr;

use data_inclusion_fuzz::{records, validator};
use data_inclusion_schema::io::{Format, Kind};
use data_inclusion_schema::v1::{
    Categorie, Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur,
    Service, Structure, Thematique, TypeService,
};
use data_inclusion_schema::validate::Checked;
use data_inclusion_schema::{Lang, Record, Referential};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn referential<R: Referential>(s: &str) {
    match R::from_str(s) {
        Ok(r) => {
            assert!(R::VALUES.contains(&s), "{} accepts {s:?}", R::NAME);
            assert_eq!(r.as_str(), s);
            assert_eq!(r.to_string(), s);
            assert!(r.is_listed());
            assert!(!r.label().is_empty());
            assert_eq!(R::from_str(r.as_str()).ok(), Some(r));
        }
        Err(e) => {
            assert!(
                !R::VALUES.contains(&s),
                "{} refuses its value {s:?}",
                R::NAME
            );
            assert_eq!(e.referential, R::NAME);
            assert_eq!(e.value.as_str(), s);
            assert!(!e.to_string().is_empty());
            assert!(!e.message(Lang::En).is_empty());
        }
    }
    let read: R = serde_json::from_value(Value::from(s)).expect("serde keeps any string");
    assert_eq!(read.as_str(), s);
    assert_eq!(read.is_listed(), R::from_str(s).is_ok());
    assert_eq!(R::from_value(s), read);
    assert_eq!(
        serde_json::to_value(&read).expect("written"),
        Value::from(s)
    );
    if !read.is_listed() {
        assert_eq!(read.label(), s);
    }
}

fn field<T: Record, R: Referential>(base: &Value, field: &str, list: bool, s: &str) {
    let mut record = base.clone();
    record[field] = if list {
        Value::Array(vec![Value::from(s)])
    } else {
        Value::from(s)
    };
    let checked: Checked<T> = validator().check_value(&record);
    assert_eq!(
        checked.is_valid(),
        R::from_str(s).is_ok(),
        "{}.{field} = {s:?}: {:?}",
        T::NAME,
        checked.problems
    );
}

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        referentials(s);
    }
    detection(data);
});

fn referentials(s: &str) {
    referential::<Thematique>(s);
    referential::<Public>(s);
    referential::<ReseauPorteur>(s);
    referential::<TypeService>(s);
    referential::<Frais>(s);
    referential::<ModeAccueil>(s);
    referential::<ModeMobilisation>(s);
    referential::<PersonneMobilisatrice>(s);
    referential::<Categorie>(s);
    let records = records();
    let service = serde_json::to_value(&records.valid_services[0]).expect("written");
    let structure = serde_json::to_value(&records.valid_structures[0]).expect("written");
    field::<Service, Thematique>(&service, "thematiques", true, s);
    field::<Service, Public>(&service, "publics", true, s);
    field::<Service, TypeService>(&service, "type", false, s);
    field::<Service, Frais>(&service, "frais", false, s);
    field::<Service, ModeAccueil>(&service, "modes_accueil", true, s);
    field::<Service, ModeMobilisation>(&service, "modes_mobilisation", true, s);
    field::<Service, PersonneMobilisatrice>(&service, "mobilisable_par", true, s);
    field::<Structure, ReseauPorteur>(&structure, "reseaux_porteurs", true, s);
}

/// Every name of a format `Format::from_str` takes (in any case, trimmed).
const FORMAT_NAMES: [&str; 8] = [
    "json",
    "jsonl",
    "ndjson",
    "jsonlines",
    "csv",
    "parquet",
    "pq",
    "geojson",
];

fn detection(data: &[u8]) {
    let name = String::from_utf8_lossy(data);
    let key = name.trim().to_ascii_lowercase();
    match name.parse::<Format>() {
        Ok(format) => {
            assert!(FORMAT_NAMES.contains(&key.as_str()));
            assert_eq!(format.as_str().parse::<Format>(), Ok(format));
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        Err(e) => {
            assert!(!FORMAT_NAMES.contains(&key.as_str()));
            assert_eq!(e.0, name);
            assert!(e.to_string().contains(name.as_ref()));
        }
    }
    match Kind::from_str(&name) {
        Ok(kind) => {
            assert!(["structures", "structure", "services", "service"].contains(&key.as_str()));
            assert_eq!(Kind::from_str(kind.as_str()), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        Err(e) => {
            assert!(!["structures", "structure", "services", "service"].contains(&key.as_str()));
            assert_eq!(e.0, name);
        }
    }

    let path = Path::new(OsStr::from_bytes(data));
    let by_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(|e| e.parse::<Format>().ok());
    assert_eq!(Format::from_path(path), by_extension, "{path:?}");

    let columns: Vec<&str> = name.split(',').collect();
    let services = columns.iter().any(|c| c.trim() == "structure_id");
    assert_eq!(Kind::of_columns(&columns) == Kind::Services, services);
}
