//! A deterministic corpus of structures and services for benchmarks: realistic French
//! text with accents, realistic fill rates and list sizes, and a chosen share of invalid
//! records. Shared by `examples/corpus.rs` and the benches (`#[path]`).

#![allow(dead_code)]

use data_inclusion_schema::v1::{
    Frais, ModeAccueil, ModeMobilisation, PersonneMobilisatrice, Public, ReseauPorteur, Thematique,
    TypeService,
};
use serde_json::{json, Map, Value};

/// SplitMix64: small, fast, and the same on every platform and version.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Up to `max` distinct items.
    pub fn some<T: Copy + PartialEq>(&mut self, items: &[T], min: usize, max: usize) -> Vec<T> {
        let n = min + self.below(max - min + 1);
        let mut out = Vec::new();
        while out.len() < n.min(items.len()) {
            let x = *self.pick(items);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

const WORDS: &[&str] = &[
    "accompagnement",
    "insertion",
    "emploi",
    "numérique",
    "santé",
    "logement",
    "famille",
    "jeunes",
    "formation",
    "atelier",
    "parcours",
    "projet",
    "aide",
    "démarches",
    "accès",
    "droits",
    "élève",
    "œuvre",
    "côte",
    "réseau",
    "bénévole",
    "qualifiée",
    "précarité",
    "équipe",
    "médiation",
    "sociale",
    "solidarité",
    "à",
    "de",
    "la",
    "et",
    "pour",
    "les",
    "des",
    "en",
    "avec",
    "vers",
    "d’emploi",
];
const COMMUNES: &[(&str, &str, &str)] = &[
    ("Lille", "59000", "59350"),
    ("Roubaix", "59100", "59512"),
    ("Marseille", "13001", "13055"),
    ("Ajaccio", "20000", "2A004"),
    ("Saint-Étienne", "42000", "42218"),
    ("Besançon", "25000", "25056"),
    ("Pointe-à-Pitre", "97110", "97120"),
    ("Paris", "75011", "75056"),
];
const SOURCES: &[&str] = &[
    "dora",
    "emplois-de-linclusion",
    "soliguide",
    "france-travail",
    "action-logement",
    "mes-aides",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        s.push_str(word);
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => s,
    }
}

fn date(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        2019 + rng.below(7),
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

fn values(rng: &mut Rng, all: &[&'static str], min: usize, max: usize) -> Value {
    Value::from(rng.some(all, min, max))
}

fn common(rng: &mut Rng, o: &mut Map<String, Value>, i: usize) {
    let (commune, cp, insee) = *rng.pick(COMMUNES);
    if rng.chance(0.9) {
        o.insert("commune".into(), json!(commune));
        o.insert("code_postal".into(), json!(cp));
        o.insert("code_insee".into(), json!(insee));
        o.insert(
            "adresse".into(),
            json!(format!("{} rue de la République", 1 + i % 200)),
        );
        o.insert(
            "longitude".into(),
            json!(2.0 + rng.below(5000) as f64 / 1000.0),
        );
        o.insert(
            "latitude".into(),
            json!(43.0 + rng.below(7000) as f64 / 1000.0),
        );
    }
    if rng.chance(0.3) {
        o.insert("complement_adresse".into(), json!("Bâtiment B, 2e étage"));
    }
    if rng.chance(0.7) {
        o.insert(
            "telephone".into(),
            json!(format!("+33{:09}", rng.next() % 1_000_000_000)),
        );
    }
    if rng.chance(0.6) {
        o.insert(
            "courriel".into(),
            json!(format!("contact{i}@association-{}.fr", i % 977)),
        );
    }
    if rng.chance(0.5) {
        o.insert(
            "horaires_accueil".into(),
            json!("Mo-Fr 08:30-12:30,13:30-17:00; PH off"),
        );
    }
}

/// One structure; `invalid` breaks one or two fields.
pub fn structure(rng: &mut Rng, i: usize, invalid: bool) -> Value {
    let mut o = Map::new();
    let source = *rng.pick(SOURCES);
    o.insert("source".into(), json!(source));
    o.insert("id".into(), json!(format!("{source}--s{i}")));
    let words = 2 + rng.below(5);
    o.insert("nom".into(), json!(sentence(rng, words)));
    o.insert("date_maj".into(), json!(date(rng)));
    if rng.chance(0.8) {
        let n = 10 + rng.below(60);
        o.insert("description".into(), json!(sentence(rng, n)));
    }
    if rng.chance(0.7) {
        o.insert(
            "siret".into(),
            json!(format!("{:014}", rng.next() % 100_000_000_000_000)),
        );
    }
    if rng.chance(0.6) {
        o.insert(
            "site_web".into(),
            json!(format!("https://www.association-{}.fr/", i % 977)),
        );
    }
    if rng.chance(0.5) {
        o.insert(
            "lien_source".into(),
            json!(format!(
                "https://dora.inclusion.beta.gouv.fr/structures/s{i}"
            )),
        );
    }
    if rng.chance(0.6) {
        o.insert(
            "reseaux_porteurs".into(),
            values(rng, ReseauPorteur::VALUES, 1, 2),
        );
    }
    common(rng, &mut o, i);
    if invalid {
        break_one(
            rng,
            &mut o,
            &[
                "code_postal",
                "siret",
                "date_maj",
                "reseaux_porteurs",
                "courriel",
                "nom",
            ],
        );
    }
    Value::Object(o)
}

/// One service; `invalid` breaks one or two fields.
pub fn service(rng: &mut Rng, i: usize, invalid: bool) -> Value {
    let mut o = Map::new();
    let source = *rng.pick(SOURCES);
    o.insert("source".into(), json!(source));
    o.insert(
        "structure_id".into(),
        json!(format!("{source}--s{}", i / 3)),
    );
    o.insert("id".into(), json!(format!("{source}--{i}")));
    let words = 2 + rng.below(5);
    o.insert("nom".into(), json!(sentence(rng, words)));
    let n = 8 + rng.below(120);
    o.insert("description".into(), json!(sentence(rng, n)));
    o.insert("date_maj".into(), json!(date(rng)));
    if rng.chance(0.8) {
        o.insert("type".into(), json!(rng.pick(TypeService::ALL).as_str()));
    }
    if rng.chance(0.9) {
        o.insert("thematiques".into(), values(rng, Thematique::VALUES, 1, 4));
    }
    if rng.chance(0.7) {
        let frais = rng.pick(Frais::ALL).clone();
        o.insert("frais".into(), json!(frais.as_str()));
        if frais == Frais::Payant && rng.chance(0.6) {
            o.insert(
                "frais_precisions".into(),
                json!("10 € pour l’adhésion annuelle"),
            );
        }
    }
    if rng.chance(0.8) {
        let publics = if rng.chance(0.4) {
            json!(["tous-publics"])
        } else {
            values(rng, &Public::VALUES[1..], 1, 3)
        };
        o.insert("publics".into(), publics);
    }
    if rng.chance(0.7) {
        o.insert(
            "modes_accueil".into(),
            values(rng, ModeAccueil::VALUES, 1, 2),
        );
    }
    if rng.chance(0.6) {
        o.insert(
            "modes_mobilisation".into(),
            values(rng, ModeMobilisation::VALUES, 1, 3),
        );
    }
    if rng.chance(0.6) {
        o.insert(
            "mobilisable_par".into(),
            values(rng, PersonneMobilisatrice::VALUES, 1, 2),
        );
    }
    if rng.chance(0.5) {
        let zone = match rng.below(4) {
            0 => json!(["france"]),
            1 => json!(["59", "62"]),
            2 => json!(["200093201"]),
            _ => json!(["59350", "59512", "2A"]),
        };
        o.insert("zone_eligibilite".into(), zone);
    }
    if rng.chance(0.4) {
        o.insert(
            "lien_mobilisation".into(),
            json!(format!(
                "https://www.association-{}.fr/inscription",
                i % 977
            )),
        );
    }
    if rng.chance(0.3) {
        o.insert(
            "volume_horaire_hebdomadaire".into(),
            json!(1 + rng.below(35)),
        );
        o.insert("nombre_semaines".into(), json!(1 + rng.below(52)));
    }
    if rng.chance(0.3) {
        o.insert(
            "conditions_acces".into(),
            json!("Maîtrise de la langue française à l’oral"),
        );
    }
    common(rng, &mut o, i);
    if invalid {
        break_one(
            rng,
            &mut o,
            &[
                "thematiques",
                "publics",
                "date_maj",
                "code_postal",
                "nombre_semaines",
                "description",
            ],
        );
    }
    Value::Object(o)
}

fn break_one(rng: &mut Rng, o: &mut Map<String, Value>, fields: &[&str]) {
    for _ in 0..1 + rng.below(2) {
        let field = *rng.pick(fields);
        let bad = match field {
            "code_postal" => json!("7500"),
            "siret" => json!("1234"),
            "date_maj" => json!("2040-01-01"),
            "reseaux_porteurs" => json!(["banques-alimentaire"]),
            "courriel" => json!("pas-un-courriel"),
            "nom" => json!("AB"),
            "thematiques" => json!(["famille--garde-denfant"]),
            "publics" => json!(["tous-publics", "femmes"]),
            "nombre_semaines" => json!(2.5),
            _ => json!("Trop"),
        };
        o.insert(field.into(), bad);
    }
}

/// `n` records as JSON Lines, `invalid_share` of them invalid.
pub fn jsonl(services: bool, n: usize, invalid_share: f64, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 900);
    for i in 0..n {
        let invalid = rng.chance(invalid_share);
        let record = if services {
            service(&mut rng, i, invalid)
        } else {
            structure(&mut rng, i, invalid)
        };
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}
