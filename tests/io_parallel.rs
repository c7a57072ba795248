//! Validating on several threads (`Reader::parallel`) gives, for every input, exactly the
//! items of the sequential reading: the same records, lines, problems, unreadable records
//! (bad JSON, wrong cell counts, records over the size limit, bytes that are not UTF-8,
//! the encoding told once) and the same error ending the reading, in the same order,
//! whatever the number of threads and the size of the batches handed to them. With
//! batches of 1 to 4 records, every boundary between two records of a generated file is
//! a boundary between two batches in one of the runs. The verdicts alone
//! (`Parallel::verdicts`) are those of the records validated, without the records.
#![cfg(feature = "io")]

mod support;

use std::num::NonZeroUsize;

use data_inclusion_schema::io::{CheckedEntry, Entry, Format, Item, ReadOptions, Reader};
use data_inclusion_schema::v1::Structure;
use data_inclusion_schema::validate::{Checked, Validator};
use proptest::prelude::*;
use support::validator;

/// The size limit of the generated files' records: the long records go over it.
const MAX_RECORD: usize = 400;

/// One record of a generated file, in whatever form the format writes it.
#[derive(Clone, Copy, Debug)]
enum Piece {
    Valid,
    /// `nom` too short: the full check reports it.
    Invalid,
    /// A field the schema does not know, holding an array.
    Unknown,
    /// Not JSON (JSON formats), a row with a missing cell (CSV).
    Broken,
    /// A byte that is not UTF-8 (Latin-1 `é`).
    Latin1,
    /// Over the size limit.
    TooLong,
    /// An empty line between records.
    Blank,
    /// A quoted line break in a cell (CSV), a record written over several lines (JSON).
    Multiline,
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => Just(Piece::Valid),
        2 => Just(Piece::Invalid),
        1 => Just(Piece::Unknown),
        1 => Just(Piece::Broken),
        1 => Just(Piece::Latin1),
        1 => Just(Piece::TooLong),
        1 => Just(Piece::Blank),
        2 => Just(Piece::Multiline),
    ]
}

/// A structure as a JSON object, its `nom` given (bytes, to hold Latin-1).
fn json_record(i: usize, nom: &[u8], more: &str) -> Vec<u8> {
    let mut out =
        format!("{{\"source\": \"dora\", \"id\": \"dora--{i}\", \"nom\": \"").into_bytes();
    out.extend_from_slice(nom);
    out.extend_from_slice(format!("\", \"date_maj\": \"2025-02-14\"{more}}}").as_bytes());
    out
}

/// The JSON text of a piece (`None`: nothing, a blank line).
fn json_piece(i: usize, piece: Piece) -> Option<Vec<u8>> {
    Some(match piece {
        Piece::Valid => json_record(i, b"Mission locale", ""),
        Piece::Invalid => json_record(i, b"M", ""),
        Piece::Unknown => json_record(i, b"Mission locale", ", \"x\": [1, {\"a\": null}, \"b\"]"),
        Piece::Broken => format!("{{\"source\": \"dora\", \"id\": \"dora--{i}\",").into_bytes(),
        Piece::Latin1 => json_record(i, b"Caf\xe9 social", ""),
        Piece::TooLong => json_record(i, "a".repeat(MAX_RECORD).as_bytes(), ""),
        Piece::Blank => return None,
        Piece::Multiline => {
            json_record(i, b"Mission locale", ",\n  \"telephone\":\n \"0102030405\"")
        }
    })
}

fn jsonl(pieces: &[Piece], crlf: bool) -> Vec<u8> {
    let end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::new();
    for (i, &piece) in pieces.iter().enumerate() {
        // A record over several lines is not JSON Lines: one line of it, then the others
        // (each unreadable).
        if let Some(text) = json_piece(i, piece) {
            out.extend_from_slice(&text);
        }
        out.extend_from_slice(end);
    }
    out
}

/// A JSON array of the pieces (a blank piece is whitespace between elements); without
/// its closing bracket when `unclosed` (the reading then ends with an error).
fn json_array(pieces: &[Piece], unclosed: bool) -> Vec<u8> {
    let mut out = b"[\n".to_vec();
    let mut first = true;
    for (i, &piece) in pieces.iter().enumerate() {
        // A byte that is not UTF-8 stops the reading of a JSON document: kept for the
        // last piece only, where it ends the document.
        let piece = match piece {
            Piece::Latin1 if i + 1 < pieces.len() => Piece::Valid,
            // A broken element would end the document: the array scan keeps going only
            // over whole values.
            Piece::Broken => Piece::Invalid,
            p => p,
        };
        let Some(text) = json_piece(i, piece) else {
            out.extend_from_slice(b"\n\n");
            continue;
        };
        if !std::mem::take(&mut first) {
            out.extend_from_slice(b",\n");
        }
        out.extend_from_slice(&text);
    }
    if !unclosed {
        out.extend_from_slice(b"\n]\n");
    }
    out
}

fn csv(pieces: &[Piece], semicolon: bool) -> Vec<u8> {
    let d = if semicolon { ";" } else { "," };
    let mut out = format!("id{d}nom{d}source{d}date_maj{d}x\n").into_bytes();
    for (i, &piece) in pieces.iter().enumerate() {
        let row = |nom: &[u8], x: &str| {
            let mut row = format!("dora--{i}{d}").into_bytes();
            row.extend_from_slice(nom);
            row.extend_from_slice(format!("{d}dora{d}2025-02-14{d}{x}\n").as_bytes());
            row
        };
        let text = match piece {
            Piece::Valid => row(b"Mission locale", ""),
            Piece::Invalid => row(b"M", "1"),
            Piece::Unknown => row(b"\"Mission, \"\"locale\"\"\"", "[1, 2]"),
            Piece::Broken => format!("dora--{i}{d}Mission locale{d}dora\n").into_bytes(),
            Piece::Latin1 => row(b"Caf\xe9 social", ""),
            Piece::TooLong => row("a".repeat(MAX_RECORD).as_bytes(), ""),
            Piece::Blank => b"\n".to_vec(),
            Piece::Multiline => row(b"\"Mission\nlocale\r\nde Lyon\"", "\"a\nb\""),
        };
        out.extend_from_slice(&text);
    }
    out
}

/// An item as a comparable text (`Debug` of the verdict, of the errors, and the message
/// of the error that ends the reading).
fn shown<T: std::fmt::Debug>(item: Item<T>) -> String {
    match item {
        Item::Record(record) => format!("{record:?}"),
        Item::Unreadable(e) => format!("unreadable {e:?}"),
        Item::Stopped(e) => format!("stopped {e:?} {e}"),
    }
}

fn reader(bytes: &[u8], format: Format) -> Reader<&[u8]> {
    let options = ReadOptions::default().with_max_record_bytes(MAX_RECORD);
    Reader::with_options(bytes, format, options)
}

/// A validated record's verdict and problems, without the record (what
/// `Parallel::verdicts` gives).
fn verdict_of(entry: CheckedEntry<Structure>) -> CheckedEntry<()> {
    CheckedEntry {
        line: entry.line,
        checked: Checked {
            record: entry.checked.record.map(drop),
            problems: entry.checked.problems,
        },
    }
}

/// Every run on several threads gives the sequential reading's items.
fn same_in_parallel(
    bytes: &[u8],
    format: Format,
    validator: &Validator,
) -> Result<(), TestCaseError> {
    same_in_parallel_with(|| reader(bytes, format), validator)
}

/// [`same_in_parallel`] on the readers `reader` makes.
fn same_in_parallel_with<'b>(
    reader: impl Fn() -> Reader<&'b [u8]>,
    validator: &Validator,
) -> Result<(), TestCaseError> {
    let sequential: Vec<String> = reader()
        .checked::<Structure>(validator)
        .map(shown)
        .collect();
    let verdicts: Vec<String> = reader()
        .checked::<Structure>(validator)
        .map(|item| shown(item.map(verdict_of)))
        .collect();
    let entries: Vec<String> = reader().map(shown).collect();
    for jobs in 1..=3 {
        for batch in 1..=4 {
            let jobs = NonZeroUsize::new(jobs).unwrap();
            let batch = NonZeroUsize::new(batch).unwrap();
            let mut checked = Vec::new();
            reader()
                .parallel(jobs)
                .with_batch_size(batch)
                .checked::<Structure, ()>(validator, |item: Item<CheckedEntry<Structure>>| {
                    checked.push(shown(item));
                    Ok(())
                })
                .unwrap();
            prop_assert_eq!(
                &checked,
                &sequential,
                "checked, {} jobs, batches of {}",
                jobs,
                batch
            );
            let mut verdicts_now = Vec::new();
            reader()
                .parallel(jobs)
                .with_batch_size(batch)
                .verdicts::<Structure, ()>(validator, |item| {
                    verdicts_now.push(shown(item));
                    Ok(())
                })
                .unwrap();
            prop_assert_eq!(
                &verdicts_now,
                &verdicts,
                "verdicts, {} jobs, batches of {}",
                jobs,
                batch
            );
            let mut mapped = Vec::new();
            reader()
                .parallel(jobs)
                .with_batch_size(batch)
                .entries(
                    |entry: Entry| entry,
                    |item| {
                        mapped.push(shown(item));
                        Ok::<(), ()>(())
                    },
                )
                .unwrap();
            prop_assert_eq!(
                &mapped,
                &entries,
                "entries, {} jobs, batches of {}",
                jobs,
                batch
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn json_lines_read_the_same_in_parallel(pieces in prop::collection::vec(piece(), 0..24), crlf: bool) {
        same_in_parallel(&jsonl(&pieces, crlf), Format::JsonLines, &validator())?;
    }

    #[test]
    fn csv_reads_the_same_in_parallel(pieces in prop::collection::vec(piece(), 0..24), semicolon: bool) {
        same_in_parallel(&csv(&pieces, semicolon), Format::Csv, &validator())?;
    }

    #[test]
    fn json_arrays_read_the_same_in_parallel(pieces in prop::collection::vec(piece(), 0..24), unclosed: bool) {
        same_in_parallel(&json_array(&pieces, unclosed), Format::Json, &validator())?;
    }
}

/// An error of the caller stops the reading: what came before it was given, in order,
/// nothing after.
#[test]
fn an_error_of_the_caller_stops_the_reading() {
    let pieces = [Piece::Valid; 100];
    let bytes = jsonl(&pieces, false);
    let mut lines = Vec::new();
    let result = reader(&bytes, Format::JsonLines)
        .parallel(NonZeroUsize::new(2).unwrap())
        .with_batch_size(NonZeroUsize::new(3).unwrap())
        .checked::<Structure, u64>(&validator(), |item| {
            let line = item.record().unwrap().line;
            if line == 50 {
                return Err(line);
            }
            lines.push(line);
            Ok(())
        });
    assert_eq!(result, Err(50));
    assert_eq!(lines, (1..50).collect::<Vec<u64>>());
}

/// The records read ahead to tell the kind are validated in parallel as the others.
#[test]
fn the_records_read_ahead_are_given_first() {
    let bytes = jsonl(
        &[Piece::Broken, Piece::Valid, Piece::Invalid, Piece::Valid],
        false,
    );
    let mut detected =
        data_inclusion_schema::io::read_detected(&bytes[..], Format::JsonLines, None).unwrap();
    let mut items = Vec::new();
    detected
        .reader
        .parallel(NonZeroUsize::new(2).unwrap())
        .with_batch_size(NonZeroUsize::MIN)
        .checked::<Structure, ()>(&validator(), |item| {
            items.push(match item {
                Item::Record(entry) => (entry.line, entry.checked.is_valid()),
                Item::Unreadable(e) => (e.line, false),
                Item::Stopped(e) => panic!("{e}"),
            });
            Ok(())
        })
        .unwrap();
    assert_eq!(items, [(1, false), (2, true), (3, false), (4, true)]);
}

/// Lines long enough to fill a batch alone (256 KiB and more, the reader hands over
/// their buffer rather than copying them) give the same items as the others, in every
/// position of a file (first: read ahead; after short ones; at the end), with spaces
/// around them, valid, invalid, not UTF-8; the entries' text is the line's, trimmed.
#[test]
fn long_lines_read_the_same_in_parallel() {
    let long = |i: usize, nom: &str| -> Vec<u8> {
        let padding = "x".repeat(300 * 1024);
        json_record(
            i,
            nom.as_bytes(),
            &format!(", \"commentaire\": \"{padding}\""),
        )
    };
    let mut bytes = Vec::new();
    let lines: [Vec<u8>; 7] = [
        long(0, "Mission locale"),
        json_record(1, b"Mission locale", ""),
        [b"   ".as_slice(), &long(2, "M"), b" \t"].concat(),
        json_record(3, b"M", ""),
        [long(4, "Mission locale"), b"\xe9".to_vec()].concat(),
        long(5, "Mission locale"),
        long(6, "Mission locale"),
    ];
    for line in &lines {
        bytes.extend_from_slice(line);
        bytes.push(b'\n');
    }
    let read = || Reader::new(&bytes[..], Format::JsonLines);
    same_in_parallel_with(read, &validator()).unwrap();

    let texts: Vec<Option<String>> = read()
        .map(|item| match item {
            Item::Record(Entry {
                input: data_inclusion_schema::io::Input::Json(text),
                ..
            }) => Some(text),
            _ => None,
        })
        .collect();
    let trimmed = |line: &[u8]| Some(String::from_utf8(line.trim_ascii().to_vec()).unwrap());
    assert_eq!(
        texts,
        [
            trimmed(&lines[0]),
            trimmed(&lines[1]),
            trimmed(&lines[2]),
            trimmed(&lines[3]),
            None,
            trimmed(&lines[5]),
            trimmed(&lines[6]),
        ]
    );
}
