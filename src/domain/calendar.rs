//! The business-hours calendar (SPEC §6) as data, and the first-response due time it gives.
//!
//! A calendar is a time zone, the business days, optional daily opening hours and a target per
//! plan. Cartsaver's is Sunday to Thursday, whole days, `Africa/Cairo` with its real DST rules; a
//! desk with other hours is a different value of [`Calendar`], not different code.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::plan::Plan;

/// How long support has to answer a plan's ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "hours")]
pub enum Target {
    /// Wall-clock hours, 24/7.
    CalendarHours(u32),
    /// Hours counted only inside business time.
    BusinessHours(u32),
}

/// The per-plan targets and business time of a desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    pub zone: chrono_tz::Tz,
    /// Business days, `Sun`..`Sat`.
    pub business_days: Vec<chrono::Weekday>,
    /// Daily opening hours in `zone`; `None` means whole days.
    pub hours: Option<(chrono::NaiveTime, chrono::NaiveTime)>,
    pub free: Target,
    pub advanced: Target,
    pub unlimited: Target,
    pub scale: Target,
}

impl Calendar {
    /// Cartsaver's calendar.
    pub fn cartsaver() -> Calendar {
        todo!()
    }

    pub fn target(&self, plan: Plan) -> Target {
        match plan {
            Plan::Free => self.free,
            Plan::Advanced => self.advanced,
            Plan::Unlimited => self.unlimited,
            Plan::Scale => self.scale,
        }
    }

    /// When the first response is due for a ticket of `plan` filed at `filed`.
    pub fn first_response_due(&self, plan: Plan, filed: DateTime<Utc>) -> DateTime<Utc> {
        let _ = (plan, filed);
        todo!()
    }

    /// What a merchant is promised, in words: "within 24 business hours (Sun–Thu, Cairo time)".
    pub fn describe_target(&self, plan: Plan) -> String {
        let _ = plan;
        todo!()
    }
}
