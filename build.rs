//! The schema becomes Rust here, and only here.
//!
//! `src/v1/generated.rs` is the module that the generator (`data-inclusion-codegen`) makes
//! of `schema/v1/`. It is committed, so that a crate depending on this one compiles it
//! like any other source file, without building the generator. Its header names a hash of
//! `schema/v1/`; this script checks it:
//!
//! - by default, a committed module made from other schema files stops the build and
//!   says how to regenerate it;
//! - with the `regenerate` feature (the generator is then a build-dependency), the module
//!   is generated afresh; when it differs from the committed one, the file is rewritten
//!   and the build stops, asking for a review and a commit. A build with every feature (as
//!   the tests run) therefore fails whenever the committed module is stale, be it after a
//!   change of the schema files or of the generator.

use std::path::{Path, PathBuf};

const GENERATED: &str = "src/v1/generated.rs";
const HASH_LINE_PREFIX: &str = "// schema-hash: ";

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let dir = manifest.join("schema").join("v1");
    let generated = manifest.join(GENERATED);
    println!("cargo:rerun-if-changed=schema/v1");
    println!("cargo:rerun-if-changed={GENERATED}");
    let committed = std::fs::read_to_string(&generated).unwrap_or_default();
    #[cfg(feature = "regenerate")]
    regenerate(&dir, &generated, &committed);
    let hash = schema_hash(&dir).unwrap_or_else(|e| fail(&format!("schema/v1: {e}")));
    let committed_hash = committed
        .lines()
        .take(8)
        .find_map(|line| line.strip_prefix(HASH_LINE_PREFIX))
        .map(str::trim);
    if committed_hash != Some(hash.as_str()) {
        fail(&format!(
            "{GENERATED} was not generated from the files of schema/v1 (their hash is {hash}, \
             the module names {}): regenerate it with `cargo build --features regenerate`, \
             review the diff and commit it",
            committed_hash.unwrap_or("none")
        ));
    }
}

/// Generates the module afresh; rewrites the committed one and stops the build when they
/// differ.
#[cfg(feature = "regenerate")]
fn regenerate(dir: &Path, generated: &Path, committed: &str) {
    let schema = data_inclusion_codegen::SchemaDir::read(dir)
        .unwrap_or_else(|e| fail(&format!("schema/v1: {e}")));
    let module = schema
        .module()
        .unwrap_or_else(|e| fail(&format!("generating the module of schema/v1: {e}")));
    if module != committed {
        std::fs::write(generated, &module)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", generated.display())));
        fail(&format!(
            "{GENERATED} was stale and has been regenerated from schema/v1: review the diff \
             (`git diff {GENERATED}`), commit it and build again"
        ));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

/// The hash that the generator writes in the module's header (`data_inclusion_codegen::
/// schema_hash`, which this copies): FNV-1a over every file under `dir`, by relative path
/// in byte order, carriage returns removed.
fn schema_hash(dir: &Path) -> std::io::Result<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{relative}/"), out)?;
            } else {
                out.push((relative, path));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            if b != b'\r' {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    };
    for (relative, path) in files {
        let content = std::fs::read(&path)?;
        feed(relative.as_bytes());
        feed(&[0]);
        feed(&content);
        feed(&[0]);
    }
    Ok(format!("{hash:016x}"))
}
