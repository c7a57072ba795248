//! The module that the library commits (`src/v1/generated.rs`) is what the generator makes
//! of `schema/v1/` today: a change of the schema files or of the generator that was not
//! regenerated fails here (`cargo build -p data-inclusion-schema --features regenerate`
//! rewrites it).

use std::path::PathBuf;

use data_inclusion_codegen::SchemaDir;

#[test]
fn the_committed_v1_module_is_the_generator_s_output() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let committed = std::fs::read_to_string(root.join("src/v1/generated.rs")).unwrap();
    let fresh = SchemaDir::read(&root.join("schema/v1"))
        .unwrap()
        .module()
        .unwrap();
    assert!(
        committed == fresh,
        "src/v1/generated.rs is stale: run `cargo build -p data-inclusion-schema --features regenerate`, review the diff and commit it"
    );
}
