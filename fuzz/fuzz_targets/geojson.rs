//! The GeoJSON reader on any bytes, as the tool reads a file (`read_detected_with`, the
//! kind detected): no panic, every feature reported at its position, the same items
//! whatever the chunks, the single pass and the full check agreeing on every record
//! (`check_file`).
#![no_main]

use data_inclusion_fuzz::check_file;
use data_inclusion_schema::io::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_file(data, Format::GeoJson);
});
