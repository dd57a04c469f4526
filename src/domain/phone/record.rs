//! The phone metadata of one region as `data/phone/metadata.json` holds it and `build.rs` writes
//! it, one postcard blob per calling code. One definition for both sides: `build.rs` includes
//! this file by path, so the blobs and their reader cannot drift apart.
//!
//! Patterns are libphonenumber's, unanchored; transform rules are in Rust's replacement syntax
//! (`${1}`). `scripts/phone-metadata/convert.py` writes them; nothing here is edited by hand.

use serde::{Deserialize, Serialize};

/// One region (or `001`, a non-geographic calling code such as +800).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegionRecord {
    pub id: String,
    pub international_prefix: Option<String>,
    pub preferred_international_prefix: Option<String>,
    pub national_prefix: Option<String>,
    pub national_prefix_for_parsing: Option<String>,
    pub national_prefix_transform_rule: Option<String>,
    pub leading_digits: Option<String>,
    pub same_mobile_and_fixed_line_pattern: bool,
    pub general: DescriptorRecord,
    /// In libphonenumber's `getNumberType` order, fixed line and mobile last.
    pub types: Vec<TypeRecord>,
}

/// A number pattern with its possible lengths.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DescriptorRecord {
    pub pattern: String,
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
}

/// One number type of a region: `mobile`, `fixed_line`, `toll_free`, ...
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TypeRecord {
    pub kind: String,
    pub pattern: String,
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
    /// The national example number, `1001234567`.
    pub example: Option<String>,
    /// The same in libphonenumber's international format, `+20 10 01234567`.
    pub example_international: Option<String>,
}

/// One calling code and its regions, main region first.
#[allow(dead_code)] // read by build.rs only
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeRecord {
    pub code: u16,
    pub regions: Vec<RegionRecord>,
}

/// The whole of `data/phone/metadata.json`.
#[allow(dead_code)] // read by build.rs only
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MetadataFile {
    /// Where the data came from, in words.
    pub source: String,
    /// The libphonenumber release, `9.0.43`.
    pub libphonenumber: String,
    pub codes: Vec<CodeRecord>,
}
