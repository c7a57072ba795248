//! The XLSX reader on any workbook: a file as it is (starting as a zip archive or a
//! compound file), or a workbook built from XML parts separated by NUL bytes (the sheets,
//! the shared strings, the styles, the workbook), as the tool reads it: no panic, a clear
//! error or every row a record at its line, each validated as its fields are, the single
//! pass and the full check agreeing (`xlsx::check_workbook`).
#![no_main]

use data_inclusion_fuzz::xlsx::check_workbook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    check_workbook(data);
});
