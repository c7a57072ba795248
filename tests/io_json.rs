//! JSON documents and JSON Lines: every record gives one item, a bad one is reported where
//! it is and the rest is read; a broken document ends the reading with an error that says
//! where.
#![cfg(feature = "io")]

use std::io::Read;

mod support;

use data_inclusion_schema::io::{
    read_detected, Encoding, Entry, Format, Input, Item, Kind, ReadError, ReadOptions, Reader,
    RecordError, RecordErrorKind, WriteOptions, Writer,
};
use data_inclusion_schema::v1::{Service, Structure};
use support::validator;

/// An item as nested results ([`Item::into_result`]), which patterns match easily.
type ReadItem = Result<Result<Entry, RecordError>, ReadError>;

fn structure(id: &str) -> String {
    format!(
        r#"{{"id": "{id}", "source": "dora", "nom": "CCAS de Lille", "date_maj": "2025-02-14"}}"#
    )
}

/// A reader that gives one byte at a time: every scanner state crosses a buffer boundary.
struct OneByte<'a>(&'a [u8]);

impl Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

/// Reads `text` whole and one byte at a time: the same items both ways.
fn items(text: &str, format: Format) -> Vec<ReadItem> {
    let whole: Vec<ReadItem> = Reader::new(text.as_bytes(), format)
        .map(Item::into_result)
        .collect();
    let bytewise: Vec<ReadItem> = Reader::new(OneByte(text.as_bytes()), format)
        .map(Item::into_result)
        .collect();
    assert_eq!(format!("{whole:?}"), format!("{bytewise:?}"));
    whole
}

/// (line, id) of each entry; (line, "!") of each record error; the read error last.
fn summary(items: &[ReadItem]) -> Vec<(u64, String)> {
    items
        .iter()
        .map(|item| match item {
            Ok(Ok(Entry { line, input })) => {
                let s: Structure = input.check(&validator()).record.expect("valid");
                (*line, s.id)
            }
            Ok(Err(e)) => (e.line, "!".to_string()),
            Err(e) => (e.line().unwrap_or(0), format!("{e}")),
        })
        .collect()
}

#[test]
fn a_json_array_gives_each_record_with_its_position() {
    let text = format!(
        "[\n  {},\n  {}\n,{}]\n",
        structure("a"),
        structure("b"),
        structure("c")
    );
    let read = items(&text, Format::Json);
    assert_eq!(
        summary(&read),
        [(1, "a".into()), (2, "b".into()), (3, "c".into())]
    );
    let Ok(Ok(Entry {
        input: Input::Json(raw),
        ..
    })) = &read[0]
    else {
        panic!()
    };
    assert_eq!(raw, &structure("a"), "the record's own text, trimmed");
}

#[test]
fn a_single_object_is_one_record() {
    let text = format!("\u{feff}\n  {}\n\n", structure("a"));
    assert_eq!(summary(&items(&text, Format::Json)), [(1, "a".into())]);
}

#[test]
fn an_empty_array_and_an_empty_document_have_no_record() {
    assert!(items(" [ ] ", Format::Json).is_empty());
    assert!(items("", Format::Json).is_empty());
    assert!(items("\n\n", Format::JsonLines).is_empty());
}

#[test]
fn strings_with_brackets_commas_and_escaped_quotes_do_not_split_records() {
    let tricky = r#"{"id": "a", "source": "dora", "nom": "Le \"[CCAS]\", {Lille}\\", "date_maj": "2025-02-14", "x": [[1, {"y": "]"}]]}"#;
    let text = format!("[{tricky},{}]", structure("b"));
    let read = items(&text, Format::Json);
    assert_eq!(summary(&read)[1], (2, "b".into()));
    let Ok(Ok(Entry {
        input: Input::Json(raw),
        ..
    })) = &read[0]
    else {
        panic!()
    };
    assert_eq!(raw, tricky);
}

#[test]
fn a_bad_line_between_good_ones_is_reported_with_its_line_and_the_rest_is_read() {
    let text = format!(
        "{}\r\n\n{{\"id\": \"b\", \"nom\": }}\n   \n{}\n",
        structure("a"),
        structure("c")
    );
    let read = items(&text, Format::JsonLines);
    assert_eq!(
        summary(&read),
        [(1, "a".into()), (3, "!".into()), (5, "c".into())]
    );
    let Ok(Err(e)) = &read[1] else { panic!() };
    assert_eq!(e.kind, RecordErrorKind::InvalidJson);
    assert!(
        e.message.starts_with("JSON invalide (colonne 20) : "),
        "{}",
        e.message
    );
    assert!(e.to_string().starts_with("ligne 3 : JSON invalide"));
}

#[test]
fn a_bad_element_of_an_array_is_reported_and_the_rest_is_read() {
    let text = format!(
        "[{},\n{{\"id\": \"b\" \"nom\": 1}},\n,\n{}, ]",
        structure("a"),
        structure("d")
    );
    let read = items(&text, Format::Json);
    assert_eq!(
        summary(&read),
        [
            (1, "a".into()),
            (2, "!".into()),
            (3, "!".into()),
            (4, "d".into())
        ]
    );
    let Ok(Err(e)) = &read[1] else { panic!() };
    assert_eq!((e.kind, e.physical_line), (RecordErrorKind::InvalidJson, 2));
    assert!(
        e.message.starts_with("JSON invalide (ligne 2, colonne 12)"),
        "{}",
        e.message
    );
    assert!(
        e.to_string()
            .starts_with("élément 2 (ligne 2) : JSON invalide"),
        "{e}"
    );
    let Ok(Err(e)) = &read[2] else { panic!() };
    assert_eq!(e.kind, RecordErrorKind::EmptyElement);
}

#[test]
fn an_array_that_never_closes_ends_with_an_error_after_the_records_before() {
    let text = format!(
        "\n[{},\n{},\n{{\"id\": \"c\", \"nom\": \"tronqu",
        structure("a"),
        structure("b")
    );
    let read = items(&text, Format::Json);
    assert_eq!(read.len(), 3);
    assert_eq!(summary(&read[..2]), [(1, "a".into()), (2, "b".into())]);
    let Err(e) = &read[2] else { panic!() };
    assert!(
        matches!(e, ReadError::UnclosedArray { line: 2, end: 4 }),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "ligne 2 : le tableau JSON ouvert sur cette ligne n’est jamais fermé (fin du fichier ligne 4)"
    );
    // Without the `]` alone.
    let read = items(&format!("[{}", structure("a")), Format::Json);
    assert!(matches!(
        read[..],
        [Ok(Ok(_)), Err(ReadError::UnclosedArray { .. })]
    ));
}

#[test]
fn a_document_that_is_neither_an_array_nor_an_object_is_an_error() {
    let read = items("\n  \"structures\"", Format::Json);
    assert!(matches!(
        read[..],
        [Err(ReadError::NotArrayOrObject {
            line: 2,
            found: '"'
        })]
    ));
    let read = items(
        &format!("{}\n{}\n", structure("a"), structure("b")),
        Format::Json,
    );
    assert!(
        matches!(
            read[..],
            [Ok(Ok(_)), Err(ReadError::TrailingData { line: 2 })]
        ),
        "{read:?}"
    );
    let read = items(&format!("{{\"id\": [{}", structure("a")), Format::Json);
    assert!(
        matches!(read[..], [Err(ReadError::UnclosedObject { line: 1, .. })]),
        "{read:?}"
    );
}

#[test]
fn every_record_gives_exactly_one_item() {
    // 3 good, 2 bad, 1 too large, 1 empty line (no record).
    let big = structure(&"x".repeat(2000));
    let lines = [
        structure("a"),
        r#"{"id": }"#.into(),
        structure("b"),
        "".into(),
        big.clone(),
        "[1 2]".into(),
        structure("c"),
    ];
    let jsonl = lines.join("\n");
    let array = format!(
        "[{}]",
        lines
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(",\n")
    );
    for (text, format) in [(jsonl, Format::JsonLines), (array, Format::Json)] {
        let options = ReadOptions::default().with_max_record_bytes(1000);
        let read: Vec<ReadItem> = Reader::with_options(text.as_bytes(), format, options)
            .map(Item::into_result)
            .collect();
        let entries = read.iter().filter(|i| matches!(i, Ok(Ok(_)))).count();
        let errors: Vec<RecordErrorKind> = read
            .iter()
            .filter_map(|i| match i {
                Ok(Err(e)) => Some(e.kind),
                _ => None,
            })
            .collect();
        assert_eq!(entries, 3, "{format}");
        assert_eq!(errors.len(), 3, "{format}: {read:?}");
        assert_eq!(
            errors
                .iter()
                .filter(|k| **k == RecordErrorKind::TooLarge)
                .count(),
            1
        );
        assert_eq!(read.len(), 6);
    }
    // In JSON Lines, even unbalanced brackets stay in their line.
    let text = ["{", &structure("a"), "[1,", &structure("b")].join("\n");
    assert_eq!(
        summary(&items(&text, Format::JsonLines)),
        [
            (1, "!".into()),
            (2, "a".into()),
            (3, "!".into()),
            (4, "b".into())
        ]
    );
}

#[test]
fn a_record_over_the_size_limit_is_skipped_with_its_line() {
    let big = structure(&"x".repeat(5000));
    let text = format!("{}\n{big}\n{}\n", structure("a"), structure("c"));
    let options = ReadOptions::default().with_max_record_bytes(4096);
    let read: Vec<ReadItem> = Reader::with_options(text.as_bytes(), Format::JsonLines, options)
        .map(Item::into_result)
        .collect();
    assert_eq!(
        summary(&read),
        [(1, "a".into()), (2, "!".into()), (3, "c".into())]
    );
    let Ok(Err(e)) = &read[1] else { panic!() };
    assert_eq!(e.kind, RecordErrorKind::TooLarge);
    assert_eq!(
        e.message,
        "l’enregistrement dépasse la taille maximale (4096 octets) ; il est ignoré"
    );
}

#[test]
fn a_json_document_that_is_not_utf8_is_an_error_at_its_line() {
    let bytes = [
        format!("[{},\n", structure("a")).as_bytes(),
        b"{\"id\": \"b\", \"nom\": \"Cr\xe8che\"},\n",
        format!("{}]", structure("c")).as_bytes(),
    ]
    .concat();
    let read: Vec<ReadItem> = Reader::new(&bytes[..], Format::Json)
        .map(Item::into_result)
        .collect();
    assert!(
        matches!(
            read[..],
            [
                Ok(Ok(_)),
                Err(ReadError::NotUtf8 {
                    line: 2,
                    byte: 0xE8,
                    encoding: Some(Encoding::Windows1252)
                })
            ]
        ),
        "{read:?}"
    );
}

#[test]
fn a_json_line_that_is_not_utf8_is_its_record_s_error_and_the_next_lines_are_read() {
    let mut text = format!("{}\n", structure("a")).into_bytes();
    let line2 = text.len();
    // The first byte that is not UTF-8 is the 25th of the line, the 21st of line 4.
    text.extend_from_slice(b"  {\"id\": \"b\", \"nom\": \"Cr\xe8che\"}\n");
    text.extend_from_slice(format!("{}\n", structure("c")).as_bytes());
    let line4 = text.len();
    text.extend_from_slice(b"{\"id\": \"d\", \"nom\": \"\xff\"}\n");
    let read: Vec<ReadItem> = Reader::new(&text[..], Format::JsonLines)
        .map(Item::into_result)
        .collect();
    assert_eq!(read.len(), 4, "{read:?}");
    let Ok(Err(first)) = &read[1] else {
        panic!("{read:?}")
    };
    assert_eq!(
        (first.line, first.kind, first.offset, first.encoding),
        (
            2,
            RecordErrorKind::NotUtf8,
            Some((line2 + 24) as u64),
            Some(Encoding::Windows1252)
        )
    );
    assert!(
        first
            .to_string()
            .starts_with("ligne 2 : l’enregistrement n’est pas en UTF-8 (octet 0xE8"),
        "{first}"
    );
    assert!(first.message.contains("« è »"), "{first}");
    assert!(matches!(&read[2], Ok(Ok(entry)) if entry.line == 3));
    // The encoding is told once for the input.
    let Ok(Err(second)) = &read[3] else {
        panic!("{read:?}")
    };
    assert_eq!(
        (second.line, second.kind, second.offset, second.encoding),
        (4, RecordErrorKind::NotUtf8, Some((line4 + 20) as u64), None)
    );
    assert!(!second.message.contains("Windows-1252"), "{second}");
}

#[test]
fn a_json_line_in_utf16_says_so() {
    // A line of UTF-16 (little-endian, no byte-order mark) among lines of UTF-8.
    let mut text = format!("{}\n", structure("a")).into_bytes();
    for unit in r#"{"nom": "Crèche"}"#.encode_utf16() {
        text.extend_from_slice(&unit.to_le_bytes());
    }
    text.extend_from_slice(format!("\n{}\n", structure("c")).as_bytes());
    let read: Vec<ReadItem> = Reader::new(&text[..], Format::JsonLines)
        .map(Item::into_result)
        .collect();
    assert_eq!(read.len(), 3, "{read:?}");
    let Ok(Err(e)) = &read[1] else {
        panic!("{read:?}")
    };
    assert_eq!(
        (e.kind, e.encoding),
        (RecordErrorKind::NotUtf8, Some(Encoding::Utf16))
    );
    assert!(e.message.contains("UTF-16"), "{e}");
}

#[test]
fn the_kind_is_told_by_the_first_readable_record() {
    let services = format!("not json\n{}\n", r#"{"id": "s", "structure_id": "x"}"#);
    let detected = read_detected(services.as_bytes(), Format::JsonLines, None).unwrap();
    assert_eq!(
        (detected.kind, detected.kind_detected),
        (Kind::Services, true)
    );
    assert_eq!(
        detected.reader.count(),
        2,
        "the records read to tell are given too"
    );

    let structures = format!("[{}]", structure("a"));
    let detected = read_detected(structures.as_bytes(), Format::Json, None).unwrap();
    assert_eq!(detected.kind, Kind::Structures);

    let detected = read_detected(&b""[..], Format::Json, Some(Kind::Services)).unwrap();
    assert_eq!(
        (detected.kind, detected.kind_detected),
        (Kind::Services, false)
    );
}

#[test]
fn a_document_broken_from_its_start_fails_to_open() {
    let error = read_detected(&b"42"[..], Format::Json, None).unwrap_err();
    assert!(matches!(
        error,
        ReadError::NotArrayOrObject {
            line: 1,
            found: '4'
        }
    ));
    let error =
        read_detected(&b"\xff\xfe{"[..], Format::JsonLines, Some(Kind::Services)).unwrap_err();
    assert!(matches!(
        error,
        ReadError::NotUtf8 {
            encoding: Some(Encoding::Utf16),
            ..
        }
    ));
}

#[test]
fn nan_and_infinity_are_read_as_validation_reads_them() {
    let text = r#"{"id": "a", "source": "dora", "nom": "CCAS de Lille", "date_maj": "2025-02-14", "latitude": NaN}"#;
    let read = items(text, Format::JsonLines);
    let Ok(Ok(entry)) = &read[0] else {
        panic!("{read:?}")
    };
    // Not a record error: validation, which accepts them as the official package does,
    // decides.
    let checked = entry.input.check::<Structure>(&validator());
    assert!(checked.is_valid(), "{:?}", checked.problems);
    let text = text.replace("NaN", "-Infinity");
    assert!(matches!(items(&text, Format::Json)[..], [Ok(Ok(_))]));
}

#[test]
fn has_key_peeks_at_the_top_level_keys_only() {
    let input =
        Input::Json(r#"{"a": {"structure_id": 1}, "b": [1, "structure_id"], "id": null}"#.into());
    assert!(!input.has_key("structure_id"));
    assert!(input.has_key("id"));
    assert!(!Input::Json("[1]".into()).has_key("id"));
}

#[test]
fn written_json_reads_back() {
    let records: Vec<Service> = include_str!("fixtures/datagouv/services-sample.jsonl")
        .lines()
        .map(|l| validator().validate_json(l).unwrap())
        .collect();
    for format in [Format::Json, Format::JsonLines] {
        let mut writer = Writer::new(Vec::new(), format, WriteOptions::default());
        for r in &records {
            writer.write(r).unwrap();
        }
        let out = writer.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().count(),
            records.len() + if format == Format::Json { 2 } else { 0 }
        );
        let back: Vec<Service> = Reader::new(text.as_bytes(), format)
            .map(|i| {
                i.record()
                    .unwrap()
                    .input
                    .check(&validator())
                    .record
                    .unwrap()
            })
            .collect();
        assert_eq!(back, records);
    }
    let empty = Writer::new(Vec::new(), Format::Json, WriteOptions::default())
        .finish()
        .unwrap();
    assert_eq!(empty, b"[]\n");
}
