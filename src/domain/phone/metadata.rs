//! The phone metadata of one calling code at a time, loaded on first use and kept for the process.
//!
//! `build.rs` writes each calling code's regions as a postcard blob (see its header for why): a
//! `check --phone` then builds a `phonenumber::Database` of a few regions, not of all 250.
//!
//! The crate's own national-prefix stripping is switched off in the database we give it (see
//! [`CodeMetadata::load`]); [`Region`] keeps the rules so that `parse.rs` strips the prefix the way
//! libphonenumber does.

use std::sync::{Arc, OnceLock};

use phonenumber::metadata::{Database, loader};
use regex::{Regex, RegexBuilder};

use super::PhoneType;

include!(concat!(env!("OUT_DIR"), "/phone_metadata.rs"));

/// What we need of one region beyond the crate's `Database`.
pub(super) struct Region {
    pub id: String,
    /// The whole-number pattern of the general descriptor, anchored at both ends (the crate's
    /// `Descriptor::is_match` anchors only the start).
    pub general: LazyPattern,
    /// Possible national-number lengths, all types together (libphonenumber's `testNumberLength`).
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
    /// Anchored at the start.
    pub international_prefix: Option<LazyPattern>,
    /// Anchored at the start; the national prefix itself when the metadata has no parsing rule.
    pub national_prefix_for_parsing: Option<LazyPattern>,
    pub national_prefix_transform_rule: Option<String>,
    /// Anchored at the start: which of the regions sharing a calling code a number belongs to.
    pub leading_digits: Option<LazyPattern>,
    /// The number types in libphonenumber's `getNumberType` order, fixed line and mobile last.
    pub types: Vec<TypePattern>,
    /// Fixed-line and mobile numbers share one pattern (the US): a match is `fixed_line_or_mobile`.
    pub fixed_line_is_mobile: bool,
}

/// One number type's descriptor, as libphonenumber's `matchesNationalNumber` reads it.
pub(super) struct TypePattern {
    pub kind: PhoneType,
    pub lengths: Vec<u16>,
    /// Anchored at both ends.
    pub pattern: LazyPattern,
}

impl TypePattern {
    pub fn matches(&self, national: &str) -> bool {
        let length = u16::try_from(national.len()).unwrap_or(u16::MAX);
        (self.lengths.is_empty() || self.lengths.contains(&length))
            && self.pattern.get().is_match(national)
    }
}

/// The regions that share one calling code, main region first, and the crate's database of each,
/// built when first asked for: +1 has 25 regions, and building all of their databases costs 6 ms.
pub(super) struct CodeMetadata {
    pub code: u16,
    pub regions: Vec<Region>,
    entries: Vec<loader::Metadata>,
    databases: Vec<OnceLock<Database>>,
}

impl CodeMetadata {
    /// The main region of the code (`US` for +1, `RU` for +7; `001` for non-geographic codes).
    pub fn main(&self) -> &Region {
        &self.regions[0]
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// The crate's database holding just this region (one of `regions`).
    pub fn database(&self, region: &Region) -> &Database {
        let index = self
            .regions
            .iter()
            .position(|r| r.id == region.id)
            .unwrap_or(0);
        self.databases[index].get_or_init(|| {
            Database::from(vec![self.entries[index].clone()])
                .expect("phone metadata written by build.rs")
        })
    }

    fn load(code: u16, bytes: &[u8]) -> CodeMetadata {
        let mut entries: Vec<loader::Metadata> =
            postcard::from_bytes(bytes).expect("phone metadata written by build.rs");
        // Main region first, as the crate orders them.
        entries.sort_by_key(|m| !m.main_country_for_code);
        let regions = entries.iter().map(Region::from_loader).collect();
        for entry in &mut entries {
            // The crate strips the national prefix twice and keeps a strip that leaves an invalid
            // number: `+7 800 555 35 35` came out as +7005553535 (and `8 800 555 35 35` with RU
            // too), where libphonenumber gives the toll-free +78005553535. We strip it ourselves
            // (`strip_national_prefix` in mod.rs) and hand the crate `+CC` and the national number.
            entry.national_prefix = None;
            entry.national_prefix_for_parsing = None;
            entry.national_prefix_transform_rule = None;
        }
        let databases = entries.iter().map(|_| OnceLock::new()).collect();
        CodeMetadata {
            code,
            regions,
            entries,
            databases,
        }
    }
}

impl Region {
    fn from_loader(meta: &loader::Metadata) -> Region {
        let general = meta.general.as_ref().expect("general descriptor");
        let descriptors = [
            Some(general),
            meta.fixed_line.as_ref(),
            meta.mobile.as_ref(),
            meta.toll_free.as_ref(),
            meta.premium_rate.as_ref(),
            meta.shared_cost.as_ref(),
            meta.personal_number.as_ref(),
            meta.voip.as_ref(),
            meta.pager.as_ref(),
            meta.uan.as_ref(),
            meta.voicemail.as_ref(),
        ];
        let mut lengths: Vec<u16> = descriptors
            .iter()
            .flatten()
            .flat_map(|d| d.possible_length.iter().copied())
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        let mut local_lengths: Vec<u16> = descriptors
            .iter()
            .flatten()
            .flat_map(|d| d.possible_local_length.iter().copied())
            .filter(|l| !lengths.contains(l))
            .collect();
        local_lengths.sort_unstable();
        local_lengths.dedup();
        let national_prefix_for_parsing = meta
            .national_prefix_for_parsing
            .clone()
            .or_else(|| meta.national_prefix.as_deref().map(regex::escape));
        Region {
            id: meta.id.clone().unwrap_or_default(),
            general: LazyPattern::new(format!(
                "^(?:{})$",
                general.national_number.as_deref().unwrap_or("")
            )),
            lengths,
            local_lengths,
            international_prefix: meta
                .international_prefix
                .as_deref()
                .map(|p| LazyPattern::new(format!("^(?:{p})"))),
            national_prefix_for_parsing: national_prefix_for_parsing
                .map(|p| LazyPattern::new(format!("^(?:{p})"))),
            national_prefix_transform_rule: meta.national_prefix_transform_rule.clone(),
            leading_digits: meta
                .leading_digits
                .as_deref()
                .map(|p| LazyPattern::new(format!("^(?:{p})"))),
            types: type_patterns(meta),
            fixed_line_is_mobile: meta.fixed_line.as_ref().map(|d| &d.national_number)
                == meta.mobile.as_ref().map(|d| &d.national_number),
        }
    }
}

fn type_patterns(meta: &loader::Metadata) -> Vec<TypePattern> {
    [
        (&meta.premium_rate, PhoneType::PremiumRate),
        (&meta.toll_free, PhoneType::TollFree),
        (&meta.shared_cost, PhoneType::SharedCost),
        (&meta.voip, PhoneType::Voip),
        (&meta.personal_number, PhoneType::PersonalNumber),
        (&meta.pager, PhoneType::Pager),
        (&meta.uan, PhoneType::Uan),
        (&meta.voicemail, PhoneType::Voicemail),
        (&meta.fixed_line, PhoneType::FixedLine),
        (&meta.mobile, PhoneType::Mobile),
    ]
    .into_iter()
    .filter_map(|(descriptor, kind)| {
        let descriptor = descriptor.as_ref()?;
        let pattern = descriptor.national_number.as_deref()?;
        Some(TypePattern {
            kind,
            lengths: descriptor.possible_length.clone(),
            pattern: LazyPattern::new(format!("^(?:{pattern})$")),
        })
    })
    .collect()
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
            // Metadata patterns are written with whitespace for legibility, as the crate reads
            // them. Numbers are ASCII digits by now: an ASCII `\d` compiles several times faster.
            RegexBuilder::new(&self.source)
                .ignore_whitespace(true)
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

/// The calling code whose digits begin `digits` (calling codes are prefix-free).
pub(super) fn code_prefix(digits: &str) -> Option<u16> {
    (1..=3.min(digits.len())).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        CODES.iter().any(|(c, _, _)| *c == code).then_some(code)
    })
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
        .iter()
        .find(|(r, _, _)| *r == id)
        .map(|&(_, mobile, fixed)| (some(mobile), some(fixed)))
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
    region.general.get();
    for t in &region.types {
        t.pattern.get();
    }
}
