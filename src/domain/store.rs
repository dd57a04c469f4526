//! `store`: the Shopify store URL (SPEC §2), normalized to its `https://host` origin.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

/// A store origin: `https://cool-shop.myshopify.com` (lowercase, punycode host, no path).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoreUrl(String);

impl StoreUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host alone: `cool-shop.myshopify.com`.
    pub fn host(&self) -> &str {
        self.0.trim_start_matches("https://")
    }
}

impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parse a bare host, any URL on the store, the `https://admin.shopify.com/store/NAME/...` admin
/// form, or a custom domain. See SPEC §2 for what is rejected.
pub fn parse_store(input: &str) -> Result<Parsed<StoreUrl>, FieldError> {
    let _ = input;
    todo!()
}
