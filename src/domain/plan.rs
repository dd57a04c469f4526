//! `plan`, `urgent` and `outage`: the merchant's Cartsaver plan and the URGENT rule (docs/contract.md §2, §6).
//!
//! Owns the plan names and who may mark a ticket URGENT. The response time each plan is promised
//! lives in the calendar (`calendar.rs`), not here.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Note, Parsed};

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

const PLAN_CHOICES: &str = "free, advanced, unlimited or scale";

/// `free`, `advanced`, `unlimited` or `scale`, case-insensitive.
pub fn parse_plan(input: &str) -> Result<Parsed<Plan>, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::missing(
            Field::Plan,
            format!(
                "give your Cartsaver plan with --plan: {PLAN_CHOICES} (shown on the app's billing page)"
            ),
        ));
    }
    Plan::ALL
        .into_iter()
        .find(|plan| plan.name().eq_ignore_ascii_case(trimmed))
        .map(Parsed::new)
        .ok_or_else(|| {
            FieldError::new(
                Field::Plan,
                trimmed,
                "unknown_plan",
                format!("not a Cartsaver plan; use one of {PLAN_CHOICES}, e.g. --plan advanced"),
            )
        })
}

/// URGENT is allowed only on the Scale plan, or when an outage prevents orders entirely.
/// Returns whether the ticket is urgent; refuses `urgent` otherwise, with that explanation.
pub fn check_urgent(
    urgent: bool,
    outage: bool,
    plan: Option<Plan>,
) -> Result<Parsed<bool>, FieldError> {
    if !urgent {
        let parsed = Parsed::new(false);
        return Ok(if outage {
            parsed.with_note(Note::info(
                "orders are blocked entirely: add --urgent to mark the ticket URGENT",
            ))
        } else {
            parsed
        });
    }
    if outage {
        return Ok(Parsed::new(true).with_note(Note::info(
            "URGENT allowed: an outage blocks orders entirely (--outage)",
        )));
    }
    match plan {
        Some(Plan::Scale) => {
            Ok(Parsed::new(true).with_note(Note::info("URGENT allowed on the Scale plan")))
        }
        Some(plan) => Err(urgent_refused(format!(
            "URGENT is not available on the {plan} plan; it is allowed on the Scale plan (--plan scale), \
             or on any plan when an outage blocks orders entirely (add --outage); otherwise drop --urgent"
        ))),
        None => Err(urgent_refused(
            "URGENT needs --plan scale, or --outage when an outage blocks orders entirely; \
             otherwise drop --urgent"
                .to_string(),
        )),
    }
}

fn urgent_refused(message: String) -> FieldError {
    FieldError::new(Field::Urgent, "urgent", "urgent_not_allowed", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_names_parse_case_insensitively_and_trimmed() {
        assert_eq!(parse_plan("free").unwrap().value, Plan::Free);
        assert_eq!(parse_plan(" Advanced ").unwrap().value, Plan::Advanced);
        assert_eq!(parse_plan("UNLIMITED").unwrap().value, Plan::Unlimited);
        assert_eq!(parse_plan("sCaLe\n").unwrap().value, Plan::Scale);
        for plan in Plan::ALL {
            assert_eq!(parse_plan(&plan.to_string()).unwrap(), Parsed::new(plan));
        }
    }

    #[test]
    fn unknown_plan_lists_the_four_plans() {
        let err = parse_plan(" Premium ").unwrap_err();
        assert_eq!(err.code, "unknown_plan");
        assert_eq!(err.field, Field::Plan);
        assert_eq!(err.input, "Premium");
        for plan in Plan::ALL {
            assert!(err.message.contains(plan.name()), "{}", err.message);
        }
    }

    #[test]
    fn empty_plan_is_missing_and_says_how_to_give_it() {
        let err = parse_plan("  ").unwrap_err();
        assert_eq!(err.code, "missing");
        assert!(err.message.contains("--plan"));
    }

    #[test]
    fn not_urgent_is_always_fine() {
        for plan in [None, Some(Plan::Free), Some(Plan::Scale)] {
            assert_eq!(
                check_urgent(false, false, plan).unwrap(),
                Parsed::new(false)
            );
        }
    }

    #[test]
    fn outage_without_urgent_suggests_urgent() {
        let parsed = check_urgent(false, true, Some(Plan::Free)).unwrap();
        assert!(!parsed.value);
        assert!(parsed.notes[0].text.contains("--urgent"));
    }

    #[test]
    fn urgent_is_allowed_on_scale() {
        let parsed = check_urgent(true, false, Some(Plan::Scale)).unwrap();
        assert!(parsed.value);
        assert!(parsed.notes.iter().all(|n| !n.is_warning()));
    }

    #[test]
    fn urgent_is_allowed_on_any_plan_with_outage_and_says_why() {
        for plan in [
            None,
            Some(Plan::Free),
            Some(Plan::Advanced),
            Some(Plan::Unlimited),
        ] {
            let parsed = check_urgent(true, true, plan).unwrap();
            assert!(parsed.value);
            assert!(
                parsed.notes[0].text.contains("outage"),
                "{:?}",
                parsed.notes
            );
        }
    }

    #[test]
    fn urgent_on_other_plans_is_refused_naming_the_plan_and_both_ways() {
        for plan in [Plan::Free, Plan::Advanced, Plan::Unlimited] {
            let err = check_urgent(true, false, Some(plan)).unwrap_err();
            assert_eq!(err.code, "urgent_not_allowed");
            assert_eq!(err.field, Field::Urgent);
            assert!(
                err.message.contains(&format!("the {plan} plan")),
                "{}",
                err.message
            );
            assert!(err.message.contains("--plan scale"), "{}", err.message);
            assert!(err.message.contains("--outage"), "{}", err.message);
        }
    }

    #[test]
    fn urgent_without_plan_or_outage_asks_for_either() {
        let err = check_urgent(true, false, None).unwrap_err();
        assert_eq!(err.code, "urgent_not_allowed");
        assert!(
            err.message.starts_with("URGENT needs --plan scale"),
            "{}",
            err.message
        );
        assert!(err.message.contains("--outage"));
        assert!(err.to_string().starts_with("urgent `urgent`: "));
    }
}
