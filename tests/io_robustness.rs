//! Whatever the bytes, reading never panics, ends, gives nothing after a read error, and
//! gives the same items however the input arrives (all at once or byte by byte).
#![cfg(feature = "io")]

use std::io::Read;

use data_inclusion_schema::io::{Entry, Format, Item, ReadError, ReadOptions, Reader, RecordError};

type ReadItem = Result<Result<Entry, RecordError>, ReadError>;
use data_inclusion_schema::v1::Service;
use proptest::prelude::*;

/// A reader that gives one byte at a time.
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

fn check(bytes: &[u8], format: Format) -> Result<(), TestCaseError> {
    let options = || ReadOptions::for_record::<Service>().with_max_record_bytes(64);
    let whole: Vec<ReadItem> = Reader::with_options(bytes, format, options())
        .map(Item::into_result)
        .collect();
    if let Some(i) = whole.iter().position(Result::is_err) {
        prop_assert_eq!(i, whole.len() - 1, "a read error is the last item");
    }
    for item in &whole {
        if let Ok(Err(e)) = item {
            prop_assert!(!e.message.is_empty());
        }
    }
    let bytewise: Vec<ReadItem> = Reader::with_options(OneByte(bytes), format, options())
        .map(Item::into_result)
        .collect();
    prop_assert_eq!(format!("{whole:?}"), format!("{bytewise:?}"));
    Ok(())
}

/// Bytes that look like the formats, to reach deep into the scanners.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        Just(&b"["[..]),
        Just(&b"]"[..]),
        Just(&b"{"[..]),
        Just(&b"}"[..]),
        Just(&b","[..]),
        Just(&b";"[..]),
        Just(&b"\""[..]),
        Just(&b"\\"[..]),
        Just(&b"\n"[..]),
        Just(&b"\r\n"[..]),
        Just(&b"\r"[..]),
        Just(&b" "[..]),
        Just(&b"\xef\xbb\xbf"[..]),
        Just(&b"\xe9"[..]),
        Just("é".as_bytes()),
        Just(&b"id"[..]),
        Just(&b"structure_id"[..]),
        Just(&b"nom"[..]),
        Just(&b"thematiques"[..]),
        Just(&b"nombre_semaines"[..]),
        Just(&b"['a', 'b']"[..]),
        Just(&b"4.0"[..]),
        Just(&b"\"id\": \"x\""[..]),
    ];
    proptest::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for format in [Format::Json, Format::JsonLines, Format::Csv] {
            check(&bytes, format)?;
        }
    }

    #[test]
    fn format_like_bytes(bytes in soup()) {
        for format in [Format::Json, Format::JsonLines, Format::Csv] {
            check(&bytes, format)?;
        }
    }
}
