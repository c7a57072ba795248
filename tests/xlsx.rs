//! XLSX reading and writing.
