//! CSV as users write it: spreadsheets, pandas, hand edits. Every row comes back as the
//! same typed record whatever the syntax, with the physical line where it starts.
#![cfg(feature = "io")]

mod support;

use chrono::NaiveDate;
use data_inclusion_schema::io::{
    read_detected, Encoding, Entry, Format, Input, Item, Kind, ReadError, ReadOptions, Reader,
    RecordError, RecordErrorKind, WriteError, WriteOptions, Writer,
};
use data_inclusion_schema::v1::{Service, Structure, Thematique};
use serde_json::{json, Value};

use support::validator;

/// Every item of a CSV of services, the read error (if any) last.
fn read(bytes: &[u8]) -> (Vec<Result<Entry, RecordError>>, Option<ReadError>) {
    support::io::items(Reader::with_options(
        bytes,
        Format::Csv,
        ReadOptions::for_record::<Service>(),
    ))
}

/// The services of a CSV that must read and validate cleanly: (line, service).
fn services(text: &str) -> Vec<(u64, Service)> {
    let (items, error) = read(text.as_bytes());
    assert!(error.is_none(), "{error:?}");
    items
        .into_iter()
        .map(|item| {
            let entry = item.expect("no record error");
            let checked = entry.input.check::<Service>(&validator());
            assert_eq!(checked.problems, vec![], "line {}", entry.line);
            (entry.line, checked.record.unwrap())
        })
        .collect()
}

const HEADER: &str = "id,structure_id,source,nom,description,date_maj";

fn row(id: &str) -> String {
    format!("{id},s1,dora,Atelier CV,Un atelier pour écrire son CV.,2025-02-14")
}

#[test]
fn every_list_cell_syntax_reads_as_the_same_list() {
    let expected = vec![
        Thematique::FamilleGardeDenfants,
        Thematique::SanteAccesAuxSoins,
    ];
    let cells = [
        "famille--garde-denfants,sante--acces-aux-soins",
        "famille--garde-denfants, sante--acces-aux-soins",
        "famille--garde-denfants|sante--acces-aux-soins",
        "famille--garde-denfants | sante--acces-aux-soins",
        r#"["famille--garde-denfants", "sante--acces-aux-soins"]"#,
        "['famille--garde-denfants', 'sante--acces-aux-soins']",
        r#"["famille--garde-denfants", 'sante--acces-aux-soins']"#,
        "[famille--garde-denfants, sante--acces-aux-soins]",
    ];
    let mut csv = format!("{HEADER},thematiques\n");
    for (i, cell) in cells.iter().enumerate() {
        let quoted = format!("\"{}\"", cell.replace('"', "\"\""));
        csv.push_str(&format!("{},{quoted}\n", row(&format!("d--{i}"))));
    }
    let read = services(&csv);
    assert_eq!(read.len(), cells.len());
    for (cell, (_, service)) in cells.iter().zip(&read) {
        assert_eq!(service.thematiques.as_ref(), Some(&expected), "{cell}");
    }
}

#[test]
fn python_list_literals_with_commas_and_quotes_inside_items_are_parsed() {
    // What pandas writes for ["Paris, 1er", "l'école", 'dit "non"', "a\\b"].
    let cell = r#"['Paris, 1er', "l'école", 'dit "non"', 'a\\b', 'it\'s']"#;
    let csv = format!(
        "{HEADER},zone\n{},\"{}\"\n",
        row("d--1"),
        cell.replace('"', "\"\"")
    );
    // An unknown column is a string; read it through the list syntax of a known one.
    let (items, _) = read(csv.as_bytes());
    let Input::Fields(fields) = &items[0].as_ref().unwrap().input else {
        panic!()
    };
    assert_eq!(fields["zone"], Value::from(cell));
    let csv = format!(
        "{HEADER},zone_eligibilite\n{},\"{}\"\n",
        row("d--1"),
        cell.replace('"', "\"\"")
    );
    let (items, _) = read(csv.as_bytes());
    let Input::Fields(fields) = &items[0].as_ref().unwrap().input else {
        panic!()
    };
    assert_eq!(
        fields["zone_eligibilite"],
        json!(["Paris, 1er", "l'école", "dit \"non\"", "a\\b", "it's"])
    );
}

#[test]
fn a_list_cell_that_is_no_list_syntax_is_left_for_validation_to_report() {
    let csv = format!("{HEADER},publics\n{},\"['femmes', 'jeunes\"\n", row("d--1"));
    let (items, error) = read(csv.as_bytes());
    assert!(error.is_none());
    let checked = items[0]
        .as_ref()
        .unwrap()
        .input
        .check::<Service>(&validator());
    // `['femmes'` and `'jeunes` are read as two (wrong) items: validation names them.
    assert!(
        checked.problems.iter().all(|p| p.field == "publics"),
        "{:?}",
        checked.problems
    );
    assert!(!checked.problems.is_empty());
}

#[test]
fn semicolon_delimiter_with_decimal_commas() {
    let csv = "id;structure_id;source;nom;description;date_maj;latitude;thematiques;volume_horaire_hebdomadaire\n\
               d--1;s1;dora;Atelier, CV;Un atelier;2025-02-14;50,63;famille--garde-denfants,sante--acces-aux-soins;3,5\n";
    let read = services(csv);
    let (_, service) = &read[0];
    assert_eq!(service.nom, "Atelier, CV");
    assert_eq!(service.latitude, Some(50.63));
    assert_eq!(service.volume_horaire_hebdomadaire, Some(3.5));
    assert_eq!(service.thematiques.as_ref().map(Vec::len), Some(2));
}

#[test]
fn a_quoted_header_cell_does_not_fool_delimiter_detection() {
    let csv = "id,\"nom; court\",structure_id,source,nom,description,date_maj\nd--1,x,s1,dora,Garde,Une crèche,2025-02-14\n";
    let read = services(csv);
    assert_eq!(read[0].1.extra["nom; court"], "x");
}

#[test]
fn byte_order_mark_and_crlf() {
    let csv = format!(
        "\u{feff}{HEADER},nombre_semaines\r\n{},4\r\n{},\r\n",
        row("d--1"),
        row("d--2")
    );
    let read = services(&csv);
    assert_eq!(read.len(), 2);
    assert_eq!((read[0].0, read[0].1.id.as_str()), (2, "d--1"));
    assert_eq!(read[0].1.nombre_semaines, Some(4));
    assert_eq!(read[1].1.nombre_semaines, None);
    // No stray `\r` in the last cell of a row.
    assert_eq!(
        read[1].1.date_maj,
        NaiveDate::from_ymd_opt(2025, 2, 14).unwrap()
    );
}

#[test]
fn quoted_cells_spanning_lines_keep_their_line_breaks_and_the_line_numbers_right() {
    let csv = "id,structure_id,source,nom,description,date_maj\r\n\
               d--1,s1,dora,Garde,\"Une crèche\r\nsur deux lignes\",2025-02-14\r\n\
               d--2,s1,dora,Garde,\"Trois\nlignes\n\"\"citées\"\"\",2025-02-14\n\
               \n\
               d--3,s1,dora,Garde,Une ligne,2025-02-14\n";
    let read = services(csv);
    let got: Vec<(u64, &str, &str)> = read
        .iter()
        .map(|(l, s)| (*l, s.id.as_str(), s.description.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "d--1", "Une crèche\r\nsur deux lignes"),
            (4, "d--2", "Trois\nlignes\n\"citées\""),
            (8, "d--3", "Une ligne"),
        ]
    );
}

#[test]
fn columns_in_any_order_and_optional_ones_missing() {
    let csv = "date_maj,nom,frais,id,description,source,structure_id\n2025-02-14,Garde,gratuit,d--1,Une crèche,dora,s1\n";
    let read = services(csv);
    let (_, service) = &read[0];
    assert_eq!(
        (service.id.as_str(), service.nom.as_str()),
        ("d--1", "Garde")
    );
    assert_eq!(
        service.frais,
        Some(data_inclusion_schema::v1::Frais::Gratuit)
    );
    assert_eq!(service.thematiques, None);
}

#[test]
fn columns_without_a_name_are_ignored() {
    // pandas' `to_csv` with its index, and a spreadsheet's empty trailing columns.
    let csv = format!(",{HEADER},,\n0,{},,\n1,{},x,\n", row("d--1"), row("d--2"));
    let read = services(&csv);
    assert_eq!(read.len(), 2);
    assert!(read.iter().all(|(_, s)| s.extra.is_empty()));
}

#[test]
fn empty_cells_are_null() {
    let csv = format!(
        "{HEADER},frais,thematiques,latitude,courriel\n{},,,,\n",
        row("d--1")
    );
    let (items, _) = read(csv.as_bytes());
    let Input::Fields(fields) = &items[0].as_ref().unwrap().input else {
        panic!()
    };
    for key in ["frais", "thematiques", "latitude", "courriel"] {
        assert!(!fields.contains_key(key), "{key}");
    }
    let service = items[0]
        .as_ref()
        .unwrap()
        .input
        .check::<Service>(&validator())
        .record
        .unwrap();
    assert_eq!(
        (
            service.frais,
            service.thematiques,
            service.latitude,
            service.courriel
        ),
        (None, None, None, None)
    );
}

#[test]
fn an_unknown_column_is_kept_and_written_back() {
    let csv = format!(
        "{HEADER},score_qualite,commentaire\n{},0.5,à revoir\n{},,\n",
        row("d--1"),
        row("d--2")
    );
    let read = services(&csv);
    // `score_qualite`, a column of the publication, is read as the number it is.
    assert_eq!(read[0].1.extra["score_qualite"], 0.5);
    assert_eq!(read[0].1.extra["commentaire"], "à revoir");
    assert_eq!(read[1].1.extra["commentaire"], Value::Null);

    let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
    for (_, service) in &read {
        writer.write(service).unwrap();
    }
    let written = String::from_utf8(writer.finish().unwrap()).unwrap();
    // The unknown columns come after the schema's, the publication's first (as the
    // export), then the others in the order of `extra` (a CSV row's: its columns' names).
    let mut lines = written.lines();
    let header = lines.next().unwrap();
    assert!(header.ends_with(",score_qualite,commentaire"), "{header}");
    assert!(lines.next().unwrap().ends_with(",0.5,à revoir"));
    assert!(lines.next().unwrap().ends_with(",,"));

    let again = services(&written);
    assert_eq!(
        again.into_iter().map(|(_, s)| s).collect::<Vec<_>>(),
        read.into_iter().map(|(_, s)| s).collect::<Vec<_>>()
    );
}

#[test]
fn integers_written_as_floats_read_as_integers() {
    let csv = format!(
        "{HEADER},nombre_semaines\n{},4.0\n{},12\n{},2.5\n",
        row("d--1"),
        row("d--2"),
        row("d--3")
    );
    let (items, _) = read(csv.as_bytes());
    let checked: Vec<_> = items
        .iter()
        .map(|i| i.as_ref().unwrap().input.check::<Service>(&validator()))
        .collect();
    assert_eq!(checked[0].record.as_ref().unwrap().nombre_semaines, Some(4));
    assert_eq!(
        checked[1].record.as_ref().unwrap().nombre_semaines,
        Some(12)
    );
    assert_eq!(checked[2].problems[0].code().as_str(), "int_from_float");
}

#[test]
fn a_number_that_does_not_parse_is_kept_for_validation_to_report() {
    let csv = format!("{HEADER},latitude\n{},nord\n", row("d--1"));
    let (items, _) = read(csv.as_bytes());
    let Input::Fields(fields) = &items[0].as_ref().unwrap().input else {
        panic!()
    };
    assert_eq!(fields["latitude"], "nord");
    let checked = items[0]
        .as_ref()
        .unwrap()
        .input
        .check::<Service>(&validator());
    assert_eq!(
        (
            checked.problems[0].field.as_str(),
            checked.problems[0].code().as_str()
        ),
        ("latitude", "float_parsing")
    );
}

#[test]
fn a_duplicated_column_is_read_as_pandas_names_it() {
    let csv = format!("\n{HEADER},nom\n{},Autre\n", row("d--1"));
    let (items, error) = read(csv.as_bytes());
    assert!(error.is_none(), "{error:?}");
    let Ok(Entry {
        input: Input::Fields(map),
        ..
    }) = &items[0]
    else {
        unreachable!()
    };
    assert_eq!(map["nom.1"], "Autre");
    let mut reader = Reader::new(csv.as_bytes(), Format::Csv);
    let problems = reader.column_problems(&validator());
    assert_eq!(
        problems[0].to_string(),
        format!(
            "ligne 2 : la colonne « nom » apparaît 2 fois (colonnes {}, {}) ; la colonne {} est lue sous le nom « nom.1 »",
            HEADER.split(',').position(|c| c == "nom").unwrap() + 1,
            HEADER.split(',').count() + 1,
            HEADER.split(',').count() + 1
        )
    );
}

#[test]
fn a_missing_required_column_is_each_row_s_missing_field() {
    // As the official valideur: the file is read, each row reports the field as missing.
    let csv = "id,source,nom,description,date_maj\nd--1,dora,Garde,Une crèche,2025-02-14\n";
    let (items, error) = read(csv.as_bytes());
    assert!(error.is_none(), "{error:?}");
    let entry = items[0].as_ref().unwrap();
    let checked = entry.input.check::<Service>(&validator());
    let missing: Vec<(&str, &str)> = checked
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.code().as_str()))
        .collect();
    assert_eq!(missing, [("structure_id", "missing")]);
    // The same file is fine as structures.
    let structures: Vec<_> = Reader::with_options(
        csv.as_bytes(),
        Format::Csv,
        ReadOptions::for_record::<Structure>(),
    )
    .collect();
    assert!(matches!(&structures[..], [Item::Record(_)]));
}

#[test]
fn a_row_that_is_not_utf8_is_its_record_s_error_and_the_next_rows_are_read() {
    let mut csv = format!("{HEADER}\n{}\n", row("d--1")).into_bytes();
    // "Crèche" in Windows-1252, on line 3, twice; then a row in UTF-8, and another row
    // in Windows-1252 on line 5 (quoted: its bytes are checked as written).
    let bad = b"d--2,s1,dora,Cr\xe8che,Une cr\xe8che municipale,2025-02-14\n";
    let line3 = csv.len();
    csv.extend_from_slice(bad);
    csv.extend_from_slice(format!("{}\n", row("d--4")).as_bytes());
    let line5 = csv.len();
    csv.extend_from_slice(b"d--5,s1,dora,\"Atelier \xab CV \xbb\",Un atelier.,2025-02-14\n");
    let (items, error) = read(&csv);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(items.len(), 4, "one item per row");
    assert_eq!(items[0].as_ref().unwrap().line, 2);
    assert_eq!(items[2].as_ref().unwrap().line, 4);
    let first = items[1].as_ref().unwrap_err();
    assert_eq!(
        (first.line, first.kind, first.offset, first.encoding),
        (
            3,
            RecordErrorKind::NotUtf8,
            Some((line3 + 15) as u64),
            Some(Encoding::Windows1252)
        )
    );
    assert_eq!(
        first.to_string(),
        "ligne 3 : l’enregistrement n’est pas en UTF-8 (octet 0xE8) ; il est ignoré ; le \
         fichier semble encodé en Windows-1252 ou Latin-1 (ISO-8859-1), où cet octet est « è » \
         : convertissez-le en UTF-8 (par exemple : iconv -f WINDOWS-1252 -t UTF-8)"
    );
    // The encoding is told once for the file.
    let second = items[3].as_ref().unwrap_err();
    assert_eq!(
        (second.line, second.kind, second.offset, second.encoding),
        (5, RecordErrorKind::NotUtf8, Some((line5 + 22) as u64), None)
    );
    assert_eq!(
        second.message,
        "l’enregistrement n’est pas en UTF-8 (octet 0xAB) ; il est ignoré"
    );
    // Validated as they are read, the other rows get their verdicts.
    let checked: Vec<_> =
        Reader::with_options(&csv[..], Format::Csv, ReadOptions::for_record::<Service>())
            .checked::<Service>(&validator())
            .collect();
    assert!(matches!(
        &checked[..],
        [Item::Record(a), Item::Unreadable(_), Item::Record(b), Item::Unreadable(_)]
            if a.checked.is_valid() && b.checked.is_valid()
    ));
}

#[test]
fn a_header_that_is_not_utf8_stops_the_reading() {
    let csv = b"id,structure_id,source,nom,descri\xe9tion,date_maj\nd--1,s1,dora,A,B,2025-02-14\n";
    let (items, error) = read(csv);
    assert!(items.is_empty());
    let error = error.unwrap();
    assert!(
        matches!(
            error,
            ReadError::NotUtf8 {
                line: 1,
                byte: 0xE9,
                encoding: Some(Encoding::Windows1252)
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("ligne 1 : le fichier n’est pas en UTF-8"),
        "{error}"
    );
}

#[test]
fn a_utf16_file_is_an_error_that_says_so() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in HEADER.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (_, error) = read(&bytes);
    let error = error.unwrap();
    assert!(
        matches!(
            error,
            ReadError::NotUtf8 {
                line: 1,
                encoding: Some(Encoding::Utf16),
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("UTF-16"));
}

#[test]
fn a_row_with_too_many_or_too_few_cells_is_reported_and_the_next_rows_read() {
    let csv = format!(
        "{HEADER}\n{},en trop\n{}\nd--3,s1\n{}\n",
        row("d--1"),
        row("d--2"),
        row("d--4")
    );
    let (items, error) = read(csv.as_bytes());
    assert!(error.is_none());
    assert_eq!(items.len(), 4, "one item per row");
    let e = items[0].as_ref().unwrap_err();
    assert_eq!((e.line, e.kind), (2, RecordErrorKind::CellCount));
    assert_eq!(e.message, "la ligne a 7 cellules, l’en-tête en a 6");
    assert_eq!(items[1].as_ref().unwrap().line, 3);
    let e = items[2].as_ref().unwrap_err();
    assert_eq!(
        (e.line, e.message.as_str()),
        (4, "la ligne a 2 cellules, l’en-tête en a 6")
    );
    assert_eq!(items[3].as_ref().unwrap().line, 5);
}

#[test]
fn a_quote_left_open_is_an_error_at_the_row_where_it_opens() {
    let csv = format!(
        "{HEADER}\n{}\nd--2,s1,dora,\"Garde,Une crèche,2025-02-14\n{}\n",
        row("d--1"),
        row("d--3")
    );
    let (items, error) = read(csv.as_bytes());
    assert_eq!(items.len(), 1);
    let error = error.unwrap();
    assert!(
        matches!(error, ReadError::UnclosedQuote { line: 3 }),
        "{error:?}"
    );
}

#[test]
fn a_row_over_the_size_limit_is_skipped_and_the_next_rows_read() {
    let long = "x".repeat(10_000);
    let csv = format!(
        "{HEADER}\n{}\nd--2,s1,dora,Garde,\"{long}\n{long}\",2025-02-14\n{}\n",
        row("d--1"),
        row("d--3")
    );
    let options = ReadOptions::for_kind(Kind::Services).with_max_record_bytes(1000);
    let items: Vec<_> = Reader::with_options(csv.as_bytes(), Format::Csv, options)
        .map(Item::into_result)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(items.len(), 3);
    let e = items[1].as_ref().unwrap_err();
    assert_eq!((e.line, e.kind), (3, RecordErrorKind::TooLarge));
    assert_eq!(items[2].as_ref().unwrap().line, 5);
}

#[test]
fn the_kind_is_told_by_the_header() {
    let csv = format!("{HEADER}\n{}\n", row("d--1"));
    let detected = read_detected(csv.as_bytes(), Format::Csv, None).unwrap();
    assert_eq!(
        (detected.kind, detected.kind_detected),
        (Kind::Services, true)
    );
    assert_eq!(detected.reader.count(), 1);
    let detected = read_detected("id,source,nom,date_maj\n".as_bytes(), Format::Csv, None).unwrap();
    assert_eq!(detected.kind, Kind::Structures);
}

#[test]
fn an_empty_file_has_no_record() {
    assert_eq!(
        Reader::with_options(&b""[..], Format::Csv, ReadOptions::for_record::<Service>()).count(),
        0
    );
    assert_eq!(
        Reader::with_options(
            &b"\xef\xbb\xbf"[..],
            Format::Csv,
            ReadOptions::for_record::<Service>()
        )
        .count(),
        0
    );
    let header_only = format!("{HEADER}\r\n");
    assert_eq!(
        Reader::with_options(
            header_only.as_bytes(),
            Format::Csv,
            ReadOptions::for_record::<Service>()
        )
        .count(),
        0
    );
}

// ---------------------------------------------------------------- writing

fn service(json: Value) -> Service {
    validator().validate_value(&json).unwrap()
}

#[test]
fn written_cells_follow_the_export_order_with_shortest_numbers_and_joined_lists() {
    let s = service(json!({
        "id": "d--1", "structure_id": "s1", "source": "dora", "nom": "Garde",
        "description": "Une crèche, \"la\" meilleure\nvraiment", "date_maj": "2025-02-14",
        "volume_horaire_hebdomadaire": 20.0, "latitude": 3.5, "nombre_semaines": 4,
        "modes_accueil": ["a-distance", "en-presentiel"], "thematiques": [],
        "score_qualite": 0.25, "doublons": [{"id": "x"}], "note": "à voir"
    }));
    let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
    writer.write(&s).unwrap();
    let csv = String::from_utf8(writer.finish().unwrap()).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    // The export's order (the marts'), then `score_qualite` where the export has it, then
    // the other unknown fields.
    let export = data_inclusion_schema::io::publication::SERVICES.export_columns;
    assert_eq!(header[..export.len()], export[..]);
    assert_eq!(header[..4], ["id", "structure_id", "source", "nom"]);
    assert_eq!(header[export.len()..], ["doublons", "note"]);
    assert_eq!(Service::FIELDS.len() + 1, export.len());
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| {
        row.get(header.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(cell("volume_horaire_hebdomadaire"), "20");
    assert_eq!(cell("latitude"), "3.5");
    assert_eq!(cell("nombre_semaines"), "4");
    assert_eq!(cell("date_maj"), "2025-02-14");
    assert_eq!(cell("modes_accueil"), "a-distance,en-presentiel");
    assert_eq!(cell("thematiques"), "[]");
    assert_eq!(cell("frais"), "");
    assert_eq!(
        cell("description"),
        "Une crèche, \"la\" meilleure\nvraiment"
    );
    assert_eq!(cell("score_qualite"), "0.25");
    assert_eq!(cell("doublons"), r#"[{"id":"x"}]"#);
    assert_eq!(cell("note"), "à voir");
}

#[test]
fn write_options_set_the_delimiter_the_list_separator_and_the_bom() {
    let s = service(json!({
        "id": "d--1", "structure_id": "s1", "source": "dora", "nom": "Garde",
        "description": "Une crèche", "date_maj": "2025-02-14",
        "modes_accueil": ["a-distance", "en-presentiel"]
    }));
    let options = WriteOptions::default()
        .with_csv_delimiter(b';')
        .with_csv_list_separator(" | ")
        .with_csv_bom(true);
    let mut writer = Writer::new(Vec::new(), Format::Csv, options);
    writer.write(&s).unwrap();
    let csv = String::from_utf8(writer.finish().unwrap()).unwrap();
    assert!(csv.starts_with("\u{feff}id;structure_id;source;nom;"));
    assert!(csv.contains(";a-distance | en-presentiel;"));
    // And it reads back.
    assert_eq!(services(&csv)[0].1, s);
}

#[test]
fn a_csv_header_is_fixed_by_the_first_record() {
    let first = service(
        json!({"id": "d--1", "structure_id": "s1", "source": "dora", "nom": "Garde",
        "description": "Une crèche", "date_maj": "2025-02-14", "score_qualite": 0.5}),
    );
    let mut second = first.clone();
    second.extra.insert("nouveau", "x");
    let mut third = first.clone();
    third.extra.clear();
    let mut writer = Writer::new(Vec::new(), Format::Csv, WriteOptions::default());
    writer.write(&first).unwrap();
    let error = writer.write(&second).unwrap_err();
    assert!(
        matches!(&error, WriteError::UnknownColumn { record: 2, column } if column == "nouveau"),
        "{error:?}"
    );
    // The writer goes on; a record without the extra field has an empty cell.
    writer.write(&third).unwrap();
    let structure: Structure = validator()
        .validate_value(
            &json!({"id": "x", "source": "dora", "nom": "CCAS", "date_maj": "2025-02-14"}),
        )
        .unwrap();
    assert!(matches!(
        writer.write(&structure),
        Err(WriteError::MixedRecords {
            first: "Service",
            then: "Structure"
        })
    ));
    assert_eq!(writer.records_written(), 2);
    let csv = String::from_utf8(writer.finish().unwrap()).unwrap();
    assert_eq!(csv.lines().count(), 3);

    // Declared up front, the extra columns can differ from the first record's.
    let options = WriteOptions::default().with_csv_extra_columns(["score_qualite", "nouveau"]);
    let mut writer = Writer::new(Vec::new(), Format::Csv, options);
    writer.write(&third).unwrap();
    writer.write(&second).unwrap();
    let read = services(&String::from_utf8(writer.finish().unwrap()).unwrap());
    assert_eq!(read[1].1.extra["nouveau"], "x");
}

/// A reader that gives at most `n` bytes per read, `n` cycling through `sizes`.
struct Trickle<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    turn: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let size = self.sizes[self.turn % self.sizes.len()].max(1);
        self.turn += 1;
        let n = size.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// Every item of a reader, as text (a [`ReadError`] has no `PartialEq`).
fn items_of(reader: impl Iterator<Item = Item<Entry>>) -> Vec<String> {
    support::io::shown(reader)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Whatever the CSV (quotes anywhere, CRLF, lone CR, blank lines, bytes that are not
    /// UTF-8, rows over the limit) and however the input arrives (one byte at a time, or
    /// in odd pieces), the reader gives the same items as from one slice.
    #[test]
    fn csv_reads_the_same_whatever_the_pieces_the_input_comes_in(
        head in proptest::sample::select(vec![
            "id,nom,source,structure_id,description,date_maj,thematiques\n",
            "id;nom;source;structure_id;description;date_maj;\"publics\"\r\n",
            "\u{feff}\n\"id\"\t\"nom\"\tx\n",
        ]),
        body in proptest::collection::vec(proptest::sample::select(vec![
            "a", "dora--1", " ", "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "\r", "é", "\u{2019}",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", "['x', 'y']", "4.0", "\u{FFFD}",
        ]), 0..60),
        bad in proptest::option::of((0usize..1000, proptest::sample::select(vec![0xE9u8, 0x80, 0xC3]))),
        sizes in proptest::collection::vec(1usize..20, 1..4),
        max in proptest::sample::select(vec![8usize, 40, 1 << 20]),
        typed in proptest::bool::ANY,
    ) {
        let mut input = head.as_bytes().to_vec();
        input.extend(body.concat().into_bytes());
        if let Some((at, byte)) = bad {
            let at = head.len() + at % (input.len() - head.len() + 1);
            input.insert(at, byte);
        }
        let options = || {
            let options = ReadOptions::default().with_max_record_bytes(max);
            if typed { options.with_fields(<Service as data_inclusion_schema::Record>::FIELDS) } else { options }
        };
        let whole = items_of(Reader::with_options(&input[..], Format::Csv, options()));
        let trickle = Trickle { bytes: &input, sizes, turn: 0 };
        let pieces = items_of(Reader::with_options(trickle, Format::Csv, options()));
        proptest::prop_assert_eq!(pieces, whole);
    }
}
