//! `plan`, `urgent` and `outage`: the merchant's Cartsaver plan and the URGENT rule (SPEC §2, §6).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    Free,
    Advanced,
    Unlimited,
    Scale,
}

impl Plan {
    pub const ALL: [Plan; 4] = [Plan::Free, Plan::Advanced, Plan::Unlimited, Plan::Scale];

    pub fn name(self) -> &'static str {
        match self {
            Plan::Free => "free",
            Plan::Advanced => "advanced",
            Plan::Unlimited => "unlimited",
            Plan::Scale => "scale",
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub fn parse_plan(input: &str) -> Result<Parsed<Plan>, FieldError> {
    let _ = input;
    todo!()
}

/// URGENT is allowed only on the Scale plan, or when an outage prevents orders entirely.
/// Returns whether the ticket is urgent; refuses `urgent` otherwise, with that explanation.
pub fn check_urgent(urgent: bool, outage: bool, plan: Option<Plan>) -> Result<Parsed<bool>, FieldError> {
    let _ = (urgent, outage, plan);
    todo!()
}
