//! Splits the `phonenumber` crate's metadata by calling code, so that a process loads only the
//! metadata of the one country it parses.
//!
//! Why: `phonenumber::metadata::DATABASE` builds every region's metadata (thousands of regexes,
//! each syntax-checked) on first use: 50–80 ms per process in release, more than a whole
//! `check --phone` may take. Here, at build time, we read that same database back into the crate's
//! serializable `loader::Metadata` form and write one postcard blob per calling code into
//! `OUT_DIR`, with an index; `src/domain/phone/metadata.rs` builds a small `Database` from one blob
//! on demand. Reading the compiled database (rather than the crate's XML) needs no path into the
//! crate's sources, so it works from a clean clone and with vendored crates alike.

use std::fmt::Write as _;
use std::path::PathBuf;

use phonenumber::metadata::loader;
use phonenumber::metadata::{DATABASE, Descriptor, Metadata};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));

    let mut blob = Vec::new();
    let mut codes = String::new();
    let mut regions: Vec<(String, u16)> = Vec::new();
    for code in 1..=999u16 {
        let Some(metas) = DATABASE.by_code(&code) else {
            continue;
        };
        let entries: Vec<loader::Metadata> = metas.iter().map(|m| to_loader(m)).collect();
        let bytes = postcard::to_stdvec(&entries).expect("serialize metadata");
        let start = blob.len();
        blob.extend_from_slice(&bytes);
        writeln!(codes, "    ({code}, {start}, {}),", blob.len()).unwrap();
        for meta in metas {
            if meta.id() != "001" {
                regions.push((meta.id().to_owned(), code));
            }
        }
    }
    regions.sort();

    let mut index = String::new();
    index.push_str("/// Calling code, byte range of its regions' metadata in `METADATA`.\n");
    index.push_str("pub(super) static CODES: &[(u16, usize, usize)] = &[\n");
    index.push_str(&codes);
    index.push_str("];\n\n/// Region ISO code and its calling code, sorted by region.\n");
    index.push_str("pub(super) static REGIONS: &[(&str, u16)] = &[\n");
    for (id, code) in &regions {
        writeln!(index, "    ({id:?}, {code}),").unwrap();
    }
    index.push_str("];\n\n");
    index.push_str("/// Region, its example mobile and fixed-line numbers written internationally (or \"\").\n");
    index.push_str("pub(super) static EXAMPLES: &[(&str, &str, &str)] = &[\n");
    for (id, code) in &regions {
        let meta = DATABASE.by_id(id.as_str()).expect("region metadata");
        debug_assert_eq!(meta.country_code(), *code);
        let d = meta.descriptors();
        let mobile = example(meta, d.mobile());
        let fixed = example(meta, d.fixed_line());
        writeln!(index, "    ({id:?}, {mobile:?}, {fixed:?}),").unwrap();
    }
    index.push_str("];\n\n");
    index.push_str(
        "pub(super) static METADATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/phone_metadata.bin\"));\n",
    );

    std::fs::write(out.join("phone_metadata.bin"), blob).expect("write metadata blob");
    std::fs::write(out.join("phone_metadata.rs"), index).expect("write metadata index");
}

/// The crate's compiled metadata, back in its loadable form. Number formats are left out: we
/// write E.164 ourselves, and their regexes are most of the load cost.
fn to_loader(meta: &Metadata) -> loader::Metadata {
    let d = meta.descriptors();
    let desc = |d: Option<&Descriptor>| d.map(descriptor);
    loader::Metadata {
        general: Some(descriptor(d.general())),
        fixed_line: desc(d.fixed_line()),
        mobile: desc(d.mobile()),
        toll_free: desc(d.toll_free()),
        premium_rate: desc(d.premium_rate()),
        shared_cost: desc(d.shared_cost()),
        personal_number: desc(d.personal_number()),
        voip: desc(d.voip()),
        pager: desc(d.pager()),
        uan: desc(d.uan()),
        emergency: None,
        voicemail: desc(d.voicemail()),
        short_code: None,
        standard_rate: None,
        carrier: None,
        no_international: None,
        id: Some(meta.id().to_owned()),
        country_code: Some(meta.country_code()),
        international_prefix: meta.international_prefix().map(|r| r.as_str().to_owned()),
        preferred_international_prefix: meta.preferred_international_prefix().map(str::to_owned),
        national_prefix: meta.national_prefix().map(str::to_owned),
        preferred_extension_prefix: meta.preferred_extension_prefix().map(str::to_owned),
        national_prefix_for_parsing: meta
            .national_prefix_for_parsing()
            .map(|r| r.as_str().to_owned()),
        national_prefix_transform_rule: meta.national_prefix_transform_rule().map(str::to_owned),
        formats: Vec::new(),
        international_formats: Vec::new(),
        main_country_for_code: meta.is_main_country_for_code(),
        leading_digits: meta.leading_digits().map(|r| r.as_str().to_owned()),
        mobile_number_portable: meta.is_mobile_number_portable(),
        defaults: Default::default(),
    }
}

/// The descriptor's example number in international format, `+20 100 123 4567`, or "".
fn example(meta: &Metadata, d: Option<&Descriptor>) -> String {
    let Some(national) = d.and_then(Descriptor::example) else {
        return String::new();
    };
    let code = meta.country_code();
    match grouped(meta, national) {
        Some(grouped) => format!("+{code} {grouped}"),
        None => format!("+{code} {national}"),
    }
}

/// libphonenumber's international grouping of a national number. The crate's own formatter
/// matches a format's leading digits anywhere in the number, not at its start: it wrote Egypt's
/// example mobile as `+20 10 01234567`.
fn grouped(meta: &Metadata, national: &str) -> Option<String> {
    let formats = if meta.international_formats().is_empty() {
        meta.formats()
    } else {
        meta.international_formats()
    };
    let anchored = |p: &str, whole: bool| {
        let end = if whole { "$" } else { "" };
        regex::RegexBuilder::new(&format!("^(?:{p}){end}"))
            .ignore_whitespace(true)
            .build()
            .expect("metadata pattern")
    };
    formats.iter().find_map(|f| {
        let leading_ok = f
            .leading_digits()
            .last()
            .is_none_or(|ld| anchored(ld.as_str(), false).is_match(national));
        let pattern = anchored(f.pattern().as_str(), true);
        if !leading_ok || f.format() == "NA" || !pattern.is_match(national) {
            return None;
        }
        let template = regex::Regex::new(r"\$(\d)")
            .unwrap()
            .replace_all(f.format(), "$${$1}");
        Some(pattern.replace(national, template.as_ref()).into_owned())
    })
}

fn descriptor(d: &Descriptor) -> loader::Descriptor {
    loader::Descriptor {
        national_number: Some(d.national_number().as_str().to_owned()),
        possible_length: d.possible_length().to_vec(),
        possible_local_length: d.possible_local_length().to_vec(),
        example: d.example().map(str::to_owned),
    }
}
