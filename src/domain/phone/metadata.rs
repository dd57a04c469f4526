//! The phone metadata of one calling code at a time, decoded on first use and kept for the
//! process; its patterns are compiled when first matched.
//!
//! `build.rs` writes each calling code's regions (`record::RegionRecord`, from libphonenumber's
//! metadata in `data/phone/metadata.json`) as a postcard blob: a `check --phone` then decodes the
//! few regions of one code, not all 250.

use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};

use super::PhoneType;
use super::record::{DescriptorRecord, RegionRecord, TypeRecord};

include!(concat!(env!("OUT_DIR"), "/phone_metadata.rs"));

/// The libphonenumber release of the metadata, `9.0.43`.
pub fn libphonenumber_version() -> &'static str {
    LIBPHONENUMBER
}

/// One region's parsing and validation rules.
pub(super) struct Region {
    pub id: String,
    pub code: u16,
    /// The general descriptor: every number of the region matches it.
    pub general: Descriptor,
    /// Anchored at the start.
    pub international_prefix: Option<LazyPattern>,
    /// The prefix a person in the region dials abroad with, when the pattern allows several.
    pub preferred_international_prefix: Option<String>,
    /// Anchored at the start; the national prefix itself when the metadata has no parsing rule
    /// (libphonenumber's metadata build does the same).
    pub national_prefix_for_parsing: Option<LazyPattern>,
    /// In Rust replacement syntax (`9${1}`).
    pub national_prefix_transform_rule: Option<String>,
    /// Anchored at the start: which of the regions sharing a calling code a number belongs to.
    pub leading_digits: Option<LazyPattern>,
    /// The number types in libphonenumber's `getNumberType` order, fixed line and mobile last.
    pub types: Vec<TypePattern>,
    /// Fixed-line and mobile numbers share one pattern (the US): a match is `fixed_line_or_mobile`.
    pub same_mobile_and_fixed_line_pattern: bool,
}

/// A pattern with its possible lengths (libphonenumber's `PhoneNumberDesc`).
pub(super) struct Descriptor {
    /// Anchored at both ends.
    pub pattern: LazyPattern,
    /// Sorted.
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
}

impl Descriptor {
    fn from_record(pattern: &str, lengths: &[u16], local_lengths: &[u16]) -> Descriptor {
        Descriptor {
            pattern: LazyPattern::new(format!("^(?:{pattern})$")),
            lengths: lengths.to_vec(),
            local_lengths: local_lengths.to_vec(),
        }
    }

    /// libphonenumber's `isNumberMatchingDesc`: a possible length, and the whole pattern.
    pub fn matches(&self, national: &str) -> bool {
        let length = u16::try_from(national.len()).unwrap_or(u16::MAX);
        (self.lengths.is_empty() || self.lengths.contains(&length))
            && self.pattern.get().is_match(national)
    }
}

/// One number type's descriptor.
pub(super) struct TypePattern {
    pub kind: PhoneType,
    pub descriptor: Descriptor,
}

/// The regions that share one calling code, main region first (libphonenumber's order).
pub(super) struct CodeMetadata {
    pub code: u16,
    pub regions: Vec<Region>,
}

impl CodeMetadata {
    /// The main region of the code (`US` for +1, `RU` for +7; `001` for non-geographic codes).
    pub fn main(&self) -> &Region {
        &self.regions[0]
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    fn load(code: u16, bytes: &[u8]) -> CodeMetadata {
        let records: Vec<RegionRecord> =
            postcard::from_bytes(bytes).expect("phone metadata written by build.rs");
        CodeMetadata {
            code,
            regions: records
                .iter()
                .map(|r| Region::from_record(code, r))
                .collect(),
        }
    }
}

impl Region {
    fn from_record(code: u16, record: &RegionRecord) -> Region {
        let start = |p: &str| LazyPattern::new(format!("^(?:{p})"));
        let DescriptorRecord {
            pattern,
            lengths,
            local_lengths,
        } = &record.general;
        Region {
            id: record.id.clone(),
            code,
            general: Descriptor::from_record(pattern, lengths, local_lengths),
            international_prefix: record.international_prefix.as_deref().map(start),
            preferred_international_prefix: record.preferred_international_prefix.clone(),
            national_prefix_for_parsing: record
                .national_prefix_for_parsing
                .clone()
                .or_else(|| record.national_prefix.as_deref().map(regex::escape))
                .filter(|p| !p.is_empty())
                .as_deref()
                .map(start),
            national_prefix_transform_rule: record
                .national_prefix_transform_rule
                .clone()
                .filter(|r| !r.is_empty()),
            leading_digits: record.leading_digits.as_deref().map(start),
            types: record.types.iter().filter_map(type_pattern).collect(),
            same_mobile_and_fixed_line_pattern: record.same_mobile_and_fixed_line_pattern,
        }
    }

    /// The type's descriptor, if the region has numbers of that type.
    pub fn descriptor(&self, kind: PhoneType) -> Option<&Descriptor> {
        self.types
            .iter()
            .find(|t| t.kind == kind)
            .map(|t| &t.descriptor)
    }
}

fn type_pattern(record: &TypeRecord) -> Option<TypePattern> {
    let kind = match record.kind.as_str() {
        "premium_rate" => PhoneType::PremiumRate,
        "toll_free" => PhoneType::TollFree,
        "shared_cost" => PhoneType::SharedCost,
        "voip" => PhoneType::Voip,
        "personal_number" => PhoneType::PersonalNumber,
        "pager" => PhoneType::Pager,
        "uan" => PhoneType::Uan,
        "voicemail" => PhoneType::Voicemail,
        "fixed_line" => PhoneType::FixedLine,
        "mobile" => PhoneType::Mobile,
        _ => return None,
    };
    Some(TypePattern {
        kind,
        descriptor: Descriptor::from_record(
            &record.pattern,
            &record.lengths,
            &record.local_lengths,
        ),
    })
}

/// A metadata pattern compiled on first use: a calling code like +1 has 25 regions, and a number
/// needs the patterns of one or two of them.
pub(super) struct LazyPattern {
    source: String,
    compiled: OnceLock<Regex>,
}

impl LazyPattern {
    fn new(source: String) -> LazyPattern {
        LazyPattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // Numbers are ASCII digits by now: an ASCII `\d` compiles several times faster.
            RegexBuilder::new(&self.source)
                .unicode(false)
                .build()
                .expect("phone metadata patterns compile")
        })
    }
}

/// The metadata of a calling code, or `None` if no country has it.
pub(super) fn for_code(code: u16) -> Option<Arc<CodeMetadata>> {
    static LOADED: [OnceLock<Arc<CodeMetadata>>; 1000] = [const { OnceLock::new() }; 1000];
    let &(_, start, end) = CODES.iter().find(|(c, _, _)| *c == code)?;
    let slot = LOADED.get(usize::from(code))?;
    Some(
        slot.get_or_init(|| Arc::new(CodeMetadata::load(code, &METADATA[start..end])))
            .clone(),
    )
}

/// libphonenumber's `extractCountryCode`: the calling code that begins `digits` (calling codes
/// are prefix-free), and none for digits that begin with 0, as no calling code does.
pub(super) fn code_prefix(digits: &str) -> Option<u16> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=3.min(digits.len())).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        CODES.iter().any(|(c, _, _)| *c == code).then_some(code)
    })
}

/// The main region of a calling code (`1` → `US`), if it is a country's.
pub(super) fn main_region(code: u16) -> Option<&'static str> {
    let ids = REGIONS
        .iter()
        .filter(|(_, c)| *c == code)
        .map(|(id, _)| *id);
    let main = for_code(code)?.main().id.clone();
    ids.into_iter().find(|id| *id == main)
}

/// The calling code of an ISO region (`EG` → 20).
pub(super) fn region_code(id: &str) -> Option<u16> {
    REGIONS
        .binary_search_by(|(r, _)| (*r).cmp(id))
        .ok()
        .map(|i| REGIONS[i].1)
}

/// The region's example mobile and fixed-line numbers, international format, when it has them.
pub(super) fn examples(id: &str) -> (Option<&'static str>, Option<&'static str>) {
    let some = |s: &'static str| (!s.is_empty()).then_some(s);
    EXAMPLES
        .binary_search_by(|(r, _, _)| (*r).cmp(id))
        .ok()
        .map(|i| (some(EXAMPLES[i].1), some(EXAMPLES[i].2)))
        .unwrap_or((None, None))
}

/// Every region the metadata knows, with its calling code.
pub(super) fn regions() -> &'static [(&'static str, u16)] {
    REGIONS
}

/// Compiles every pattern of a region, to prove they all compile (they are lazy otherwise).
#[cfg(test)]
pub(super) fn compile_all(region: &Region) {
    let patterns = [
        &region.international_prefix,
        &region.national_prefix_for_parsing,
        &region.leading_digits,
    ];
    for pattern in patterns.into_iter().flatten() {
        pattern.get();
    }
    region.general.pattern.get();
    for t in &region.types {
        t.descriptor.pattern.get();
    }
}
