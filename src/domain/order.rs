//! `order`: the Shopify order name as shown in the admin (`#1052`, `#EG1052`, `#1052-B`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

/// An order name, always with its leading `#`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrderNumber(String);

impl OrderNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn parse_order(input: &str) -> Result<Parsed<OrderNumber>, FieldError> {
    let _ = input;
    todo!()
}
