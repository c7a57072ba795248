"""Writes the XLSX fixtures of tests/xlsx.rs into tests/fixtures/xlsx/, with the official
valideur's verdicts on them (`verdicts.json`, through `valideur.py`: the official package
and the valideur's reading, rules and wording).

    bash scripts/xlsx/run.sh        # venv, the tool's template, then this script

Every workbook is written by what producers and the ecosystem use: openpyxl (as a
spreadsheet program saves cells: numbers, dates, booleans), XlsxWriter (formulas with
their cached values, merged cells, hidden rows and sheets), pandas `to_excel` (the
open-data export, with and without its index), the template of `data-inclusion
template` filled in with openpyxl; and the hostile files a producer may upload (a
password-protected workbook, an XLS workbook renamed .xlsx, a truncated archive).
Deterministic: the workbooks' timestamps are fixed, so that running it twice gives the
same verdicts (and, but for the encrypted file's salt, the same bytes).
"""

import datetime as dt
import io
import json
import os
import sys
import zipfile

import openpyxl
import pandas as pd
import xlsxwriter
from freezegun import freeze_time

import valideur

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
out = os.path.join(root, "tests", "fixtures", "xlsx")
TODAY = "2026-06-15"
FIXED = dt.datetime(2026, 1, 1)

S_HEAD = ["__ignore__", "id", "nom", "date_maj", "siret", "description", "adresse", "commune",
          "code_postal", "code_insee", "telephone", "courriel", "site_web", "lien_source",
          "reseaux_porteurs", "latitude", "longitude"]
V_HEAD = ["__ignore__", "structure_id", "id", "nom", "date_maj", "description", "lien_source", "type",
          "thematiques", "frais", "publics", "code_insee", "code_postal", "modes_accueil",
          "zone_eligibilite", "modes_mobilisation", "mobilisable_par", "volume_horaire_hebdomadaire",
          "nombre_semaines", "courriel", "lien_mobilisation"]


def fix_times(wb):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED


def valideur_layout(path):
    """A workbook laid out as the official template, with every kind of error the valideur
    reports, and the header cases of its own fixture (a date typed in a header cell, an
    unknown column, a duplicated one)."""
    wb = openpyxl.Workbook()
    fix_times(wb)
    s = wb.active
    s.title = "Structures"
    s.append(S_HEAD + [dt.datetime(2026, 2, 23), "colonne en trop"])
    s.append([True, "Un identifiant unique", None, "Date de mise à jour"])
    s.append([True, "exemple--1", "Le Biclou", dt.datetime(2026, 2, 23), 60487647500499])
    rows = [
        # valid: numbers typed as numbers, a date typed as a date
        ["", "s1", "Le Biclou", dt.datetime(2026, 2, 23), 60487647500499, "Un atelier vélo.", "1 bis rue François Marceau",
         "Lille", 59260, "59350", "07 66 72 12 38", "biclou@insersol.fr", "https://insersol.fr/", None, "ccas-cias, communes", 50.63, 3.07],
        # errors: trailing period (a warning, an error for the valideur), code postal too
        # long, e-mail, URL, date as text, unknown referential value
        [None, "s2", "AGENCE ACTION LOGEMENT.", "2026-02-23", 82454114801871.0, None, "29 RUE MARSOULAN", "PARIS",
         750121, "75112", "09 70 80 08 00", "pas une adresse", "pas une url !", "ftp://exemple.fr",
         "action-logement, banques-alimentaire", "50,63", None],
        # a code commune that does not exist, a date in the future, a date of 1999
        [None, "s3", "Mission locale", "2030-01-01", "1234", None, None, None, "7500", "59999", None, None, None, None, None, None, None],
        [None, "s4", "CCAS", dt.date(1999, 12, 31), None, None, None, None, None, "2A004", None, "ccas@exemple.fr", None, None, "", None, None],
        [],  # a blank row before the last row with data is a record
        # pandas' missing values, a time of day, a boolean, a list with an empty item
        [None, "s6", "NA", "14/02/2025", None, "None", None, None, None, "75056", None, None, None, None, "ccas-cias,,communes", True, None],
        [None, "s7", "Nom", dt.datetime(2025, 2, 14, 10, 30), None, None, None, None, None, "5935", None, None, None, None, None, None, None],
        [None, "s8", " Espace ", dt.datetime(2025, 2, 14), None, None, None, None, 59000, 59350, None, None, "http://exemple.fr", None, None, -90.5, 200],
    ]
    for r in rows:
        s.append(r)
    s.cell(row=4, column=len(S_HEAD) + 2, value="valeur gardée")
    v = wb.create_sheet("Services")
    v.append(V_HEAD + ["lien_source"])
    v.append([True, "Identifiant de la structure", "Identifiant du service"])
    v.append([True, "s1", "v0", "Atelier", dt.datetime(2026, 3, 3)])
    vrows = [
        ["", "s1", "v1", "Atelier d’autoréparation", dt.datetime(2026, 2, 27), "Un atelier d’autoréparation de vélos.",
         None, "aide-materielle", "mobilite--etre-accompagne-dans-son-parcours-vers-lemploi", "gratuit", "demandeurs-emploi, etudiants",
         59350, "59260", "en-presentiel", "59350, 59", "se-presenter, telephoner", "professionnels, usagers", 1, 3.0,
         "exemple@inclusion.gouv.fr", None, "https://exemple.fr/la-derniere"],
        [None, "s2", "v2", "Logement social.", dt.datetime(2026, 2, 27), None, None, "accompagnements",
         "logement-hebergement--louer-un-appartement, famille--garde-denfant, inconnue", "gratuits", "tous-publics, familles",
         "59999", None, "en-presentiel,a-distance", "5935x0, 123456789, france, 99100", "telephoner", "", 10.5, 2.5,
         "x@", "mailto:x@exemple.fr", "pas une url"],
        [None, "s2", "v3", "Logement social", dt.datetime(2026, 2, 27), "Des logements.", None, None, "foobar",
         None, "jeunes-16-26, personnes-handicapees", None, None, "sur-place", "2B, 200093201, 973", None,
         "usagers", "beaucoup", "0", None, None, None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, "https://exemple.fr/seule"],
    ]
    for r in vrows:
        v.append(r)
    v.row_dimensions[6].hidden = True
    ref = wb.create_sheet("Thématiques")
    ref.append(["value", "label"])
    ref.append(["famille--garde-denfants", "Garde d’enfants"])
    wb.save(path)


def header_cases(path, names=("structures", "SERVICES")):
    """A header without `nom`, `source` or `date_maj`, with `id` twice (the last column
    read), a typo, a header cell without text but with values under it, and sheet names
    in another case and without accents; the services sheet has its header alone."""
    wb = openpyxl.Workbook()
    fix_times(wb)
    s = wb.active
    s.title = names[0]
    s.append(["__ignore__", "id", "id", "code_potsal", None, "Nom "])
    s.append([None, "premier", "dernier", "59000", "sans nom", "CCAS"])
    s.append([None, None, "d2", None, None, None])
    v = wb.create_sheet(names[1])
    v.append(["__ignore__", "structure_id", "id", "nom", "description", "date_maj"])
    wb.save(path)


def cell_types(path):
    """Cells of every type, as a spreadsheet program saves them: formulas with their cached
    values, merged cells, an error, a hidden row, a hidden sheet, dates and times, numbers
    beyond 2^53, text that looks like a number."""
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"created": FIXED})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    datetime_ = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss.000"})
    time_ = wb.add_format({"num_format": "hh:mm"})
    s = wb.add_worksheet("Structures")
    for c, h in enumerate(["__ignore__", "id", "nom", "date_maj", "siret", "code_postal", "latitude", "longitude", "telephone", "commune", "horaires_accueil"]):
        s.write_string(0, c, h)
    # row 2: formulas with cached values
    s.write_string(1, 1, "f1")
    s.write_formula(1, 2, '="Centre "&"social"', None, "Centre social")
    s.write_formula(1, 3, "=DATE(2025,2,14)", date, 45702)
    s.write_formula(1, 4, "=12345678901234*10", None, 123456789012340)
    s.write_formula(1, 5, "=59000+350", None, 59350)
    s.write_formula(1, 6, "=1/0", None, "#DIV/0!")
    s.write_formula(1, 7, "=TRUE()", None, True)
    # row 3: merged cells (the value in the first), a date-time with milliseconds
    s.write_string(2, 1, "f2")
    s.merge_range(2, 2, 3, 2, "Maison France services", None)
    s.write_datetime(2, 3, dt.datetime(2025, 2, 14, 0, 0, 0), datetime_)
    s.write_number(2, 4, 1.2345678901234567e16)
    s.write_string(2, 5, "59000")
    s.write_number(2, 6, 1.5e-7)
    s.write_number(2, 7, -0.0)
    s.write_string(2, 8, "0123456789")
    s.write_number(2, 10, 0.5, time_)
    # row 4: the rest of the merged range; a hidden row
    s.write_string(3, 1, "f3")
    s.write_datetime(3, 3, dt.datetime(2025, 2, 14, 12, 0, 0, 250000), datetime_)
    s.set_row(3, None, None, {"hidden": True})
    s.write_boolean(3, 9, False)
    s.write_number(3, 6, 45.0)
    # row 5: text that looks like other types
    s.write_string(4, 1, "f4")
    s.write_string(4, 2, "True")
    s.write_string(4, 3, "2025-02-14")
    s.write_string(4, 6, " 45.5 ")
    s.write_string(4, 9, "#N/A")
    v = wb.add_worksheet("Services")
    v.hide()
    for c, h in enumerate(["__ignore__", "structure_id", "id", "nom", "description", "date_maj", "nombre_semaines", "thematiques"]):
        v.write_string(0, c, h)
    v.write_row(1, 1, ["f1", "v1", "Garde", "Une crèche."])
    v.write_datetime(1, 5, dt.datetime(2025, 2, 14), date)
    v.write_formula(1, 6, "=2+2", None, 4)
    v.write_formula(1, 7, '="famille--garde-denfants, "&"numerique--acceder-a-du-materiel"', None,
                    "famille--garde-denfants, numerique--acceder-a-du-materiel")
    wb.close()


def opendata(jsonl, path, index):
    """The open-data export as pandas writes it: one sheet, lists as Python literals,
    nullable integers as floats (with its index column, or without)."""
    records = [json.loads(line) for line in open(jsonl, encoding="utf-8") if line.strip()]
    df = pd.DataFrame.from_records(records)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        df.to_excel(writer, index=index)
        fix_times(writer.book)


def filled_template(template, path, records):
    """The template of `data-inclusion template`, filled in with openpyxl from row 4 as a
    producer would, lists typed `a, b`, numbers and dates typed as such."""
    wb = openpyxl.load_workbook(template)
    fix_times(wb)
    for kind, rows in records.items():
        sheet = wb["Structures" if kind == "structures" else "Services"]
        header = [c.value for c in sheet[1]]
        for i, record in enumerate(rows):
            for name, value in record.items():
                if isinstance(value, list):
                    value = ", ".join(value)
                elif name == "date_maj":
                    value = dt.datetime.strptime(value, "%Y-%m-%d")
                sheet.cell(row=4 + i, column=header.index(name) + 1, value=value)
    wb.save(path)


TEMPLATE_RECORDS = {
    "structures": [
        {"id": "cs-tournesol", "nom": "Centre social Le Tournesol", "date_maj": "2026-03-02",
         "siret": "12345678901234", "commune": "Lille", "code_postal": "59000", "code_insee": "59350",
         "courriel": "accueil@tournesol.fr", "site_web": "https://tournesol.fr/", "reseaux_porteurs": ["ccas-cias", "communes"],
         "latitude": 50.63, "longitude": 3.06},
        {"id": "cs-tournesol-2", "nom": "Centre social Le Tournesol.", "date_maj": "2026-03-02", "code_insee": "59999"},
    ],
    "services": [
        {"structure_id": "cs-tournesol", "id": "atelier-cv", "nom": "Atelier CV", "date_maj": "2026-03-02",
         "description": "Un atelier pour écrire son CV et sa lettre de motivation.", "type": "atelier",
         "thematiques": ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"], "frais": "gratuit",
         "publics": ["demandeurs-emploi", "jeunes"], "modes_accueil": ["en-presentiel"],
         "zone_eligibilite": ["59350", "59"], "nombre_semaines": 3, "volume_horaire_hebdomadaire": 2.5},
        {"structure_id": "cs-tournesol", "id": "garde", "nom": "Garde", "date_maj": "2026-03-02",
         "description": "Une crèche.", "thematiques": ["famille--garde-denfant"], "frais": "gratuit"},
    ],
}


def hostile():
    """A password-protected workbook, an XLS workbook renamed .xlsx, a truncated archive."""
    from msoffcrypto.format.ooxml import OOXMLFile
    import xlwt

    plain = io.BytesIO()
    wb = openpyxl.Workbook()
    fix_times(wb)
    wb.active.title = "Structures"
    wb.active.append(["__ignore__", "id"])
    wb.save(plain)
    plain.seek(0)
    office = OOXMLFile(plain)
    with open(os.path.join(out, "hostile-encrypted.xlsx"), "wb") as f:
        office.encrypt("secret", f)
    book = xlwt.Workbook()
    book.add_sheet("Structures").write(0, 0, "id")
    book.save(os.path.join(out, "hostile-xls-renamed.xlsx"))
    data = plain.getvalue()
    with open(os.path.join(out, "hostile-truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])


def main():
    template = sys.argv[1]
    valideur.load_communes(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    valideur_layout(os.path.join(out, "valideur-layout.xlsx"))
    header_cases(os.path.join(out, "header-cases.xlsx"))
    cell_types(os.path.join(out, "cell-types.xlsx"))
    datagouv = os.path.join(root, "tests", "fixtures", "datagouv")
    opendata(os.path.join(datagouv, "services-sample.jsonl"), os.path.join(out, "opendata-services-index.xlsx"), True)
    opendata(os.path.join(datagouv, "structures-sample.jsonl"), os.path.join(out, "opendata-structures.xlsx"), False)
    filled_template(template, os.path.join(out, "template-filled-openpyxl.xlsx"), TEMPLATE_RECORDS)
    with open(os.path.join(out, "template-filled-openpyxl.json"), "w", encoding="utf-8") as f:
        json.dump(TEMPLATE_RECORDS, f, ensure_ascii=False, indent=1)
        f.write("\n")
    hostile()
    verdicts = {}
    # The valideur finds its sheets by their exact names: its verdict on header-cases.xlsx
    # is the one on the same workbook with the sheets named as it expects.
    exact = os.path.join(root, "target", "xlsx-header-cases-exact-names.xlsx")
    header_cases(exact, ("Structures", "Services"))
    with freeze_time(TODAY):
        for name, path in [
            ("valideur-layout.xlsx", None),
            ("header-cases.xlsx", exact),
            ("cell-types.xlsx", None),
            ("template-filled-openpyxl.xlsx", None),
        ]:
            verdicts[name] = valideur.verdict(path or os.path.join(out, name))
    with open(os.path.join(out, "verdicts.json"), "w", encoding="utf-8") as f:
        json.dump({"today": TODAY, "workbooks": verdicts}, f, ensure_ascii=False, indent=1, default=int)
        f.write("\n")


if __name__ == "__main__":
    main()
