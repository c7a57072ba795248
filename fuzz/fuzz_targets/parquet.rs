//! The Parquet reader on any bytes, as the tool reads a file given as a stream
//! (`read_detected_with`, the kind detected from the columns): no panic, a clear error or
//! every row a record at its line, the same items whatever the chunks, the single pass and
//! the full check agreeing on every record (`check_file`; the first
//! `MAX_PARQUET_ITEMS` rows).
#![no_main]

use data_inclusion_fuzz::check_file;
use data_inclusion_schema::io::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_file(data, Format::Parquet);
});
