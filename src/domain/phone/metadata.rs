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

include!(concat!(env!("OUT_DIR"), "/phone_metadata.rs"));

/// What we need of one region beyond the crate's `Database`.
pub(super) struct Region {
    pub id: String,
    /// The whole-number pattern of the general descriptor, anchored at both ends (the crate's
    /// `Descriptor::is_match` anchors only the start).
    pub general: Regex,
    /// Possible national-number lengths, all types together (libphonenumber's `testNumberLength`).
    pub lengths: Vec<u16>,
    pub local_lengths: Vec<u16>,
    /// Anchored at the start.
    pub international_prefix: Option<Regex>,
    /// Anchored at the start; the national prefix itself when the metadata has no parsing rule.
    pub national_prefix_for_parsing: Option<Regex>,
    pub national_prefix_transform_rule: Option<String>,
}

/// The regions that share one calling code, main region first, and the crate's database of them.
pub(super) struct CodeMetadata {
    pub code: u16,
    pub regions: Vec<Region>,
    pub database: Database,
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
        let mut entries: Vec<loader::Metadata> =
            postcard::from_bytes(bytes).expect("phone metadata written by build.rs");
        // Main region first, as the crate orders them.
        entries.sort_by_key(|m| !m.main_country_for_code);
        let regions = entries.iter().map(Region::from_loader).collect();
        for entry in &mut entries {
            // The crate strips the national prefix twice and keeps a strip that leaves an invalid
            // number: `+7 800 555 35 35` came out as +7005553535 (and `8 800 555 35 35` with RU
            // too), where libphonenumber gives the toll-free +78005553535. We strip it ourselves
            // (`parse::strip_national_prefix`) and hand the crate `+CC` and the national number.
            entry.national_prefix = None;
            entry.national_prefix_for_parsing = None;
            entry.national_prefix_transform_rule = None;
        }
        let database = Database::from(entries).expect("phone metadata written by build.rs");
        CodeMetadata {
            code,
            regions,
            database,
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
            general: pattern(&format!(
                "^(?:{})$",
                general.national_number.as_deref().unwrap_or("")
            )),
            lengths,
            local_lengths,
            international_prefix: meta
                .international_prefix
                .as_deref()
                .map(|p| pattern(&format!("^(?:{p})"))),
            national_prefix_for_parsing: national_prefix_for_parsing
                .map(|p| pattern(&format!("^(?:{p})"))),
            national_prefix_transform_rule: meta.national_prefix_transform_rule.clone(),
        }
    }
}

/// Metadata patterns are written with whitespace for legibility, as the crate reads them.
fn pattern(source: &str) -> Regex {
    RegexBuilder::new(source)
        .ignore_whitespace(true)
        .build()
        .expect("phone metadata patterns compile")
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
