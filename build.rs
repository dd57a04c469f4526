//! Turns the committed phone metadata (`data/phone/metadata.json`, libphonenumber's, converted by
//! `scripts/phone-metadata/convert.py`) into one postcard blob per calling code, with an index.
//!
//! Why: a process parses one number and should load one country's metadata, not 250 regions'
//! thousands of patterns. `src/domain/phone/metadata.rs` decodes one blob on demand and compiles
//! its patterns lazily. Needs neither the network nor Python: the JSON is in the repository.

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "src/domain/phone/record.rs"]
mod record;

use record::{MetadataFile, RegionRecord};

const METADATA: &str = "data/phone/metadata.json";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    postgres_tests();
    println!("cargo:rerun-if-changed=src/domain/phone/record.rs");
    println!("cargo:rerun-if-changed={METADATA}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let text = std::fs::read_to_string(METADATA).expect("read data/phone/metadata.json");
    let file: MetadataFile = serde_json::from_str(&text).expect("data/phone/metadata.json");
    // For `cartsaver-support --version`, which names the release of the phone metadata.
    println!(
        "cargo:rustc-env=CARTSAVER_LIBPHONENUMBER={}",
        file.libphonenumber
    );

    let mut blob = Vec::new();
    let mut codes = String::new();
    let mut regions: Vec<(&str, u16)> = Vec::new();
    let mut examples: Vec<(&str, String, String)> = Vec::new();
    for entry in &file.codes {
        let bytes = postcard::to_stdvec(&entry.regions).expect("serialize metadata");
        let start = blob.len();
        blob.extend_from_slice(&bytes);
        writeln!(codes, "    ({}, {start}, {}),", entry.code, blob.len()).unwrap();
        for region in entry.regions.iter().filter(|r| r.id != "001") {
            regions.push((&region.id, entry.code));
            examples.push((
                &region.id,
                example(region, "mobile"),
                example(region, "fixed_line"),
            ));
        }
    }
    regions.sort();
    examples.sort();

    let mut index = String::new();
    writeln!(
        index,
        "/// The libphonenumber release the metadata comes from.\n\
         pub(super) const LIBPHONENUMBER: &str = {:?};\n",
        file.libphonenumber
    )
    .unwrap();
    index.push_str("/// Calling code, byte range of its regions' metadata in `METADATA`.\n");
    index.push_str("pub(super) static CODES: &[(u16, usize, usize)] = &[\n");
    index.push_str(&codes);
    index.push_str("];\n\n/// Region ISO code and its calling code, sorted by region.\n");
    index.push_str("pub(super) static REGIONS: &[(&str, u16)] = &[\n");
    for (id, code) in &regions {
        writeln!(index, "    ({id:?}, {code}),").unwrap();
    }
    index.push_str("];\n\n");
    index.push_str(
        "/// Region, its example mobile and fixed-line numbers written internationally (or \"\"), \
         sorted by region.\n",
    );
    index.push_str("pub(super) static EXAMPLES: &[(&str, &str, &str)] = &[\n");
    for (id, mobile, fixed) in &examples {
        writeln!(index, "    ({id:?}, {mobile:?}, {fixed:?}),").unwrap();
    }
    index.push_str("];\n\n");
    index.push_str(
        "pub(super) static METADATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/phone_metadata.bin\"));\n",
    );

    std::fs::write(out.join("phone_metadata.bin"), blob).expect("write metadata blob");
    std::fs::write(out.join("phone_metadata.rs"), index).expect("write metadata index");
}

/// The region's example number of a type in libphonenumber's international format, or "".
fn example(region: &RegionRecord, kind: &str) -> String {
    region
        .types
        .iter()
        .find(|t| t.kind == kind)
        .and_then(|t| t.example_international.clone())
        .unwrap_or_default()
}

/// `cfg(postgres_tests)` when a PostgreSQL server for the tests is known at build time:
/// `CARTSAVER_TEST_POSTGRES` (a URL), or the `PGHOST` that `pg_virtualenv` sets. The suite of
/// `tests/on_postgres.rs` is compiled only then; without, it is one test that says how to run it.
fn postgres_tests() {
    println!("cargo::rustc-check-cfg=cfg(postgres_tests)");
    println!("cargo:rerun-if-env-changed=CARTSAVER_TEST_POSTGRES");
    println!("cargo:rerun-if-env-changed=PGHOST");
    let known = ["CARTSAVER_TEST_POSTGRES", "PGHOST"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()));
    if known {
        println!("cargo:rustc-cfg=postgres_tests");
    }
}
