//! What the data·inclusion publication adds to the schema: the columns of its own that the
//! API and the data.gouv.fr export give beside the schema's fields ([`Publication::columns`],
//! typed), and the export's column order ([`Publication::export_columns`]).
//!
//! # Why a declared list of columns
//!
//! Every week the pipeline publishes the marts `marts__structures_v1` and
//! `marts__services_v1` (gip-inclusion/data-inclusion, `pipeline/dbt/models/marts/v1/`);
//! services carry `score_qualite`, a number, which the schema does not have. The API adds
//! `adresse_certifiee` (a boolean) and, for structures, `score_qualite` and `doublons`.
//!
//! A record keeps these columns in its `extra` ([`Extra`](crate::Extra)), like any field
//! the schema does not know: they are not validated (the official package ignores them
//! too), and they are written back. What a column of a typeless format (CSV, XLSX) or of
//! a file that stored it as text loses is its type: `score_qualite` read from the
//! data.gouv.fr CSV is the text `0.5`. So this module declares the publication's columns
//! with their type, as [`FieldSpec`]s (the schema's own descriptors), and the readers read
//! those columns by their type into `extra`: `score_qualite` is the number `0.5` whatever
//! the format, a cell that is not a number stays text. The writers give them their type
//! too (a `DOUBLE` Parquet column) and place them where the export does.
//!
//! This design keeps one record type per kind (a `Service` read from the API, the export or
//! a producer's file is the same type, validated the same way), changes nothing of
//! [`Extra`](crate::Extra) (no second, typed map to keep in step), and is data, like the
//! schema's descriptors: a column the publication adds later is one line here. A
//! "published service" type would have duplicated every field and every conversion for one
//! number; typed extras would have made every reader guess types for every unknown
//! column, where only the publication's columns have a known type.
//!
//! `doublons` (the API's list of duplicate structures, objects) is not listed: JSON keeps
//! it typed, and no other format publishes it.
//!
//! ```
//! use data_inclusion_schema::io::publication;
//! use data_inclusion_schema::io::{Format, Reader};
//! use data_inclusion_schema::v1::Service;
//! use data_inclusion_schema::validate::Validator;
//!
//! assert_eq!(publication::SERVICES.export_columns[..4], ["id", "structure_id", "source", "nom"]);
//! assert_eq!(publication::SERVICES.column("score_qualite").unwrap().name, "score_qualite");
//!
//! let csv = "id,structure_id,source,nom,description,date_maj,score_qualite\n\
//!            dora--1,dora--s1,dora,Garde,Une crèche.,2025-02-14,0.5\n";
//! let validator = Validator::new();
//! let entry = Reader::new(csv.as_bytes(), Format::Csv).checked::<Service>(&validator).next().unwrap().record().unwrap();
//! let service = entry.checked.record.unwrap();
//! assert_eq!(service.extra["score_qualite"].as_f64(), Some(0.5));
//! ```

use crate::spec::{FieldSpec, TypeSpec};

/// What the publication adds to one record type: its typed columns and the export's
/// column order.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Publication {
    /// The record type (`"Service"`).
    pub record: &'static str,
    /// The columns of the data.gouv.fr export, in its order: the order of the mart's
    /// columns (its dbt contract, `pipeline/dbt/models/marts/v1/_models.yml`), less the
    /// internal ones (`_…`) that the export drops. The schema's fields and the
    /// publication's columns that the export has.
    pub export_columns: &'static [&'static str],
    /// The columns that the API or the export add to the schema's fields, with their
    /// type.
    pub columns: &'static [FieldSpec],
}

impl Publication {
    /// The publication column named `name`, if it is one.
    pub fn column(&self, name: &str) -> Option<&'static FieldSpec> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The publication of the record type whose fields are `fields` ([`SERVICES`] when
    /// they have `structure_id`, [`STRUCTURES`] otherwise).
    pub fn of_fields(fields: &[FieldSpec]) -> &'static Publication {
        if fields.iter().any(|f| f.name == "structure_id") {
            &SERVICES
        } else {
            &STRUCTURES
        }
    }
}

impl super::Kind {
    /// What the publication adds to this kind of record ([`SERVICES`], [`STRUCTURES`]).
    pub fn publication(self) -> &'static Publication {
        Publication::of_fields(self.fields())
    }
}

/// `score_qualite`: the official quality score of a service (0 to 1), in the export and
/// the API; the API gives structures one too.
const SCORE_QUALITE: FieldSpec = FieldSpec::new(
    "score_qualite",
    Some("Score qualité"),
    false,
    true,
    TypeSpec::Number { minimum: Some(0.0) },
);

/// `adresse_certifiee`: whether the address was found by the address base (the API).
const ADRESSE_CERTIFIEE: FieldSpec = FieldSpec::new(
    "adresse_certifiee",
    Some("Adresse certifiée"),
    false,
    true,
    TypeSpec::Boolean,
);

/// Services: `score_qualite` last in the export; the API adds `adresse_certifiee`.
pub const SERVICES: Publication = Publication {
    record: "Service",
    export_columns: &[
        "id",
        "structure_id",
        "source",
        "nom",
        "conditions_acces",
        "description",
        "type",
        "thematiques",
        "frais",
        "frais_precisions",
        "publics",
        "publics_precisions",
        "commune",
        "code_postal",
        "code_insee",
        "adresse",
        "complement_adresse",
        "longitude",
        "latitude",
        "horaires_accueil",
        "lien_source",
        "telephone",
        "courriel",
        "contact_nom_prenom",
        "date_maj",
        "lien_mobilisation",
        "mobilisable_par",
        "mobilisation_precisions",
        "modes_accueil",
        "modes_mobilisation",
        "zone_eligibilite",
        "volume_horaire_hebdomadaire",
        "nombre_semaines",
        "score_qualite",
    ],
    columns: &[SCORE_QUALITE, ADRESSE_CERTIFIEE],
};

/// Structures: the export has the schema's fields only; the API adds `score_qualite` and
/// `adresse_certifiee`.
pub const STRUCTURES: Publication = Publication {
    record: "Structure",
    export_columns: &[
        "id",
        "siret",
        "nom",
        "commune",
        "code_postal",
        "code_insee",
        "adresse",
        "complement_adresse",
        "longitude",
        "latitude",
        "telephone",
        "courriel",
        "site_web",
        "description",
        "source",
        "date_maj",
        "lien_source",
        "horaires_accueil",
        "accessibilite_lieu",
        "reseaux_porteurs",
    ],
    columns: &[SCORE_QUALITE, ADRESSE_CERTIFIEE],
};

/// The columns of a table of `fields` (a record type's) in the export's order: the
/// export's columns, then the fields it does not have, in their order.
pub(crate) fn export_order(fields: &'static [FieldSpec]) -> Vec<&'static str> {
    let publication = Publication::of_fields(fields);
    let mut columns: Vec<&'static str> = publication
        .export_columns
        .iter()
        .copied()
        .filter(|c| fields.iter().any(|f| f.name == *c) || publication.column(c).is_some())
        .collect();
    for f in fields {
        if !columns.contains(&f.name) {
            columns.push(f.name);
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v1::{Service, Structure};

    #[test]
    fn the_export_has_every_field_of_the_schema_once() {
        for (fields, publication) in [
            (Service::FIELDS, &SERVICES),
            (Structure::FIELDS, &STRUCTURES),
        ] {
            let order = export_order(fields);
            assert_eq!(&order[..], publication.export_columns);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), order.len());
            assert!(fields.iter().all(|f| order.contains(&f.name)));
        }
    }
}
