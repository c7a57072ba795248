//! The producer's template, generated from the schema: [`template`].

use std::path::Path;

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook as XlsxBook, Worksheet};
use serde_json::Value;

use super::error::XlsxError;
use super::write::{col, sheet_name, LIST_SEPARATOR};
use super::IGNORE_COLUMN;
use crate::io::format::Kind;
use crate::spec::{FieldSpec, TypeSpec};

/// The schema's JSON, for its descriptions and examples.
const SCHEMAS: [(Kind, &str); 2] = [
    (
        Kind::Structures,
        include_str!("../../../schema/v1/structure.json"),
    ),
    (
        Kind::Services,
        include_str!("../../../schema/v1/service.json"),
    ),
];

/// The referentials, with their labels and descriptions, and the fields that hold them.
const REFERENTIALS: &[(&str, &str)] = &[
    (
        "thematiques",
        include_str!("../../../schema/v1/extra/thematiques.json"),
    ),
    (
        "publics",
        include_str!("../../../schema/v1/extra/publics.json"),
    ),
    (
        "type",
        include_str!("../../../schema/v1/extra/types-de-services.json"),
    ),
    ("frais", include_str!("../../../schema/v1/extra/frais.json")),
    (
        "modes_accueil",
        include_str!("../../../schema/v1/extra/modes-accueil.json"),
    ),
    (
        "modes_mobilisation",
        include_str!("../../../schema/v1/extra/modes-mobilisation.json"),
    ),
    (
        "mobilisable_par",
        include_str!("../../../schema/v1/extra/personnes-mobilisatrices.json"),
    ),
    (
        "reseaux_porteurs",
        include_str!("../../../schema/v1/extra/reseaux-porteurs.json"),
    ),
];

/// The order of the columns, as the official template has them: the fields a producer
/// fills in first, first. A field of the schema not listed here comes after them.
const STRUCTURE_ORDER: &[&str] = &[
    "id",
    "nom",
    "date_maj",
    "siret",
    "description",
    "adresse",
    "complement_adresse",
    "commune",
    "code_postal",
    "code_insee",
    "telephone",
    "courriel",
    "lien_source",
    "site_web",
    "horaires_accueil",
    "accessibilite_lieu",
    "reseaux_porteurs",
    "latitude",
    "longitude",
    "source",
];
const SERVICE_ORDER: &[&str] = &[
    "structure_id",
    "id",
    "nom",
    "date_maj",
    "description",
    "lien_source",
    "type",
    "thematiques",
    "frais",
    "frais_precisions",
    "publics",
    "publics_precisions",
    "conditions_acces",
    "commune",
    "code_insee",
    "code_postal",
    "adresse",
    "complement_adresse",
    "telephone",
    "courriel",
    "modes_accueil",
    "zone_eligibilite",
    "contact_nom_prenom",
    "modes_mobilisation",
    "lien_mobilisation",
    "mobilisable_par",
    "mobilisation_precisions",
    "volume_horaire_hebdomadaire",
    "nombre_semaines",
    "horaires_accueil",
    "latitude",
    "longitude",
    "source",
];

/// The last row a drop-down list covers (0-based): Excel's last.
const LAST_ROW: u32 = 1_048_575;

/// The producer's template, as the bytes of an XLSX workbook: sheets `Structures` and
/// `Services` (row 1 the header, frozen; row 2 each field's French title, whether it is
/// required and its description; row 3 an example from the schema's examples; both rows
/// marked in the `__ignore__` column, so that the valideur and this crate skip them), a
/// drop-down list on each column of a single-valued referential (`frais`, `type`), and a
/// sheet `Référentiels` listing every value of every referential with its label and
/// description.
///
/// Filled in (from row 4), it reads back with [`Workbook`](super::Workbook) into the
/// records typed in it; lists are typed as `a, b`.
pub fn template() -> Result<Vec<u8>, XlsxError> {
    Ok(book()?.save_to_buffer()?)
}

/// Writes the template ([`template`]) to `path`.
pub fn write_template(path: impl AsRef<Path>) -> Result<(), XlsxError> {
    book()?.save(path)?;
    Ok(())
}

fn book() -> Result<XlsxBook, XlsxError> {
    let mut book = XlsxBook::new();
    for (kind, schema) in SCHEMAS {
        let schema: Value = serde_json::from_str(schema).map_err(|e| XlsxError::Io(e.into()))?;
        book.push_worksheet(sheet(kind, &schema)?);
    }
    book.push_worksheet(referentials()?);
    Ok(book)
}

/// The columns of a kind's sheet, in the template's order.
pub(super) fn columns(kind: Kind) -> Vec<&'static FieldSpec> {
    let order = match kind {
        Kind::Structures => STRUCTURE_ORDER,
        Kind::Services => SERVICE_ORDER,
    };
    let fields = kind.fields();
    let mut columns: Vec<&FieldSpec> = order
        .iter()
        .filter_map(|name| fields.iter().find(|f| f.name == *name))
        .collect();
    columns.extend(fields.iter().filter(|f| !order.contains(&f.name)));
    columns
}

fn sheet(kind: Kind, schema: &Value) -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(sheet_name(kind))?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00_DD_E6_F5));
    let required_header = header.clone().set_font_color(Color::RGB(0x00_B0_00_20));
    let description = Format::new()
        .set_text_wrap()
        .set_italic()
        .set_font_color(Color::RGB(0x00_55_55_55))
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let example = Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x00_55_55_55));
    let text = Format::new().set_num_format("@");
    sheet.write_string_with_format(0, 0, IGNORE_COLUMN, &header)?;
    sheet.write_boolean_with_format(1, 0, true, &description)?;
    sheet.write_boolean_with_format(2, 0, true, &example)?;
    sheet.set_column_width(0, 11)?;
    let properties = &schema["properties"];
    for (i, field) in columns(kind).into_iter().enumerate() {
        let c = col(i + 1)?;
        let property = &properties[field.name];
        sheet.write_string_with_format(
            0,
            c,
            field.name,
            if field.required {
                &required_header
            } else {
                &header
            },
        )?;
        let title = property["title"]
            .as_str()
            .or(field.title)
            .unwrap_or(field.name);
        let mut about = format!(
            "{title}\n{}",
            if field.required {
                "Obligatoire"
            } else {
                "Facultatif"
            }
        );
        if matches!(field.ty, TypeSpec::List { .. }) {
            about.push_str(" ; une liste : les valeurs séparées par des virgules");
        }
        if let Some(d) = property["description"].as_str() {
            about.push_str("\n\n");
            about.push_str(d.trim());
        }
        sheet.write_string_with_format(1, c, &about, &description)?;
        if let Some(e) = property["examples"].get(0) {
            let e = match e {
                Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            sheet.write_string_with_format(2, c, &e, &example)?;
        }
        let width = match field.ty {
            TypeSpec::List { .. } => 40,
            _ if field.name == "description" => 50,
            _ => 22,
        };
        sheet.set_column_width(c, width)?;
        // Codes typed in a text column keep their leading zeros (`01001`).
        if field.name.starts_with("code_") || field.name == "siret" {
            sheet.set_column_format(c, &text)?;
        }
        if let TypeSpec::Referential { values, .. } = field.ty {
            let list = DataValidation::new()
                .allow_list_strings(values)?
                .ignore_blank(true);
            sheet.add_data_validation(3, c, LAST_ROW, c, &list)?;
        }
    }
    sheet.set_row_height(1, 150)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}

fn referentials() -> Result<Worksheet, XlsxError> {
    let mut sheet = Worksheet::new();
    sheet.set_name("Référentiels")?;
    let header = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for (i, (name, width)) in [
        ("champ", 20),
        ("valeur", 45),
        ("libellé", 45),
        ("description", 80),
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string_with_format(0, col(i)?, name, &header)?;
        sheet.set_column_width(col(i)?, width)?;
    }
    let mut row = 1u32;
    for (field, json) in REFERENTIALS {
        let values: Vec<Value> = serde_json::from_str(json).map_err(|e| XlsxError::Io(e.into()))?;
        for value in values {
            sheet.write_string(row, 0, *field)?;
            sheet.write_string(row, 1, value["value"].as_str().unwrap_or_default())?;
            sheet.write_string(row, 2, value["label"].as_str().unwrap_or_default())?;
            if let Some(d) = value["description"].as_str() {
                sheet.write_string_with_format(row, 3, d, &wrap)?;
            }
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(sheet)
}
