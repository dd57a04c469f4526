//! The checklist read from a plain email: what a merchant's words give of the §2 fields (an
//! order `#1052` or `order 1052`, a phone number in international form, WhatsApp or SMS, an ISO
//! time, `tried:` lines, a plan, URGENT and outage words), as a [`TicketInput`] the domain's
//! parsers then judge like any other. Reads text only: no SQL, no mail headers.

use std::sync::LazyLock;

use regex::Regex;

use crate::domain::Field;
use crate::domain::ticket::TicketInput;

static ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\border\s*(?:number|no\.?|num)?\s*[:#]?\s*#?\s*|#)([A-Za-z]{0,4}\d[A-Za-z0-9_-]{0,27})\b",
    )
    .expect("a valid regex")
});
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\+|\b00)\d[\d \-().]{6,20}\d").expect("a valid regex"));
/// A number in national form (`0100 123 4567`, `(010) 1234-5678`): read with the store's region.
static NATIONAL_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(0\d{1,4}\)|\b0\d)(?:[ \-.]?\d){6,12}\b").expect("a valid regex")
});
static AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:Z|[+-]\d{2}:?\d{2})|\b\d{8}T\d{4,6}Z",
    )
    .expect("a valid regex")
});
static TRIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:tried|steps(?:\s+tried)?|already\s+tried)\s*[:\-]\s*(.+?)\s*$")
        .expect("a valid regex")
});
static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(free|advanced|unlimited|scale)\s+plan\b|\bplan\s*[:\-]?\s*(free|advanced|unlimited|scale)\b",
    )
    .expect("a valid regex")
});
static WHATSAPP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bwhats\s?app\b").expect("a valid regex"));
static SMS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsms\b|\btext messages?\b").expect("a valid regex"));

/// The checklist as the mail gives it, for `store` and the sender's address. A phone number
/// written in national form is read with `region` (the store's, from its earlier tickets) when
/// there is one; without it the §2 parser asks for the international form.
pub fn read(
    subject: &str,
    text: &str,
    sender: &str,
    store: &str,
    region: Option<&str>,
) -> TicketInput {
    let all = format!("{subject}\n{text}");
    let first = |regex: &Regex| {
        regex.captures(&all).map(|c| {
            c.iter()
                .skip(1)
                .flatten()
                .next()
                .or_else(|| c.get(0))
                .map(|m| m.as_str().trim().to_string())
                .unwrap_or_default()
        })
    };
    let whatsapp = WHATSAPP.find(&all).map(|m| m.start());
    let sms = SMS.find(&all).map(|m| m.start());
    let channel = match (whatsapp, sms) {
        (Some(w), Some(s)) => Some(if w <= s { "whatsapp" } else { "sms" }),
        (Some(_), None) => Some("whatsapp"),
        (None, Some(_)) => Some("sms"),
        (None, None) => None,
    };
    let (phone, national) = match PHONE.find(&all) {
        Some(found) => (Some(found.as_str().to_string()), false),
        None => (
            NATIONAL_PHONE.find(&all).map(|m| m.as_str().to_string()),
            true,
        ),
    };
    let summary = super::receive::summary_of(subject);
    let length = summary.chars().count();
    TicketInput {
        store: Some(store.to_string()),
        order: first(&ORDER),
        region: phone
            .as_ref()
            .and(national.then_some(region).flatten())
            .map(String::from),
        phone,
        channel: channel.map(String::from),
        at: AT.find(&all).map(|m| m.as_str().replace(' ', "T")),
        tried: TRIED
            .captures_iter(text)
            .map(|c| c[1].to_string())
            .collect(),
        summary: (3..=120).contains(&length).then_some(summary),
        details: (!text.trim().is_empty()).then(|| text.trim().to_string()),
        email: Some(sender.to_string()),
        plan: first(&PLAN).map(|plan| plan.to_lowercase()),
        urgent: all.contains("URGENT"),
        outage: all.to_lowercase().contains("outage"),
        ..TicketInput::default()
    }
}

/// How a merchant gives a field the mail lacked: by replying.
pub fn how_to_give(field: Field) -> String {
    match field {
        Field::Order => "missing; reply with the order number as the admin shows it, e.g. #1052",
        Field::Phone => {
            "missing; reply with the customer's phone number in international form, e.g. +20 100 123 4567"
        }
        Field::Channel => "missing; reply saying whether the OTP goes by WhatsApp or SMS",
        Field::At => {
            "missing; reply with when it happened, in UTC with the zone, e.g. 2026-11-20T14:03:00Z"
        }
        Field::Tried => {
            "missing; reply with a line `tried: …` for what you tried (or `tried: none`)"
        }
        Field::Plan => {
            "missing; reply with your Cartsaver plan (free, advanced, unlimited or scale); the expected first response above assumes free"
        }
        _ => "missing; reply with it",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_a_merchant_writes_are_read() {
        let input = read(
            "OTP never arrives for order #1052",
            "Customer +20 100 123 4567 gets no WhatsApp code since 2026-11-20 14:03Z.\ntried: resent the OTP\nWe are on the scale plan. URGENT",
            "owner@cool-shop.com",
            "https://cool-shop.myshopify.com",
            None,
        );
        assert_eq!(input.order.as_deref(), Some("1052"));
        assert_eq!(input.phone.as_deref(), Some("+20 100 123 4567"));
        assert_eq!(input.channel.as_deref(), Some("whatsapp"));
        assert_eq!(input.at.as_deref(), Some("2026-11-20T14:03Z"));
        assert_eq!(input.tried, ["resent the OTP"]);
        assert_eq!(input.plan.as_deref(), Some("scale"));
        assert!(input.urgent);
        assert_eq!(
            input.summary.as_deref(),
            Some("OTP never arrives for order #1052")
        );
    }

    #[test]
    fn what_the_mail_lacks_stays_absent() {
        let input = read(
            "Help",
            "It does not work, order 77.",
            "a@b.co",
            "https://x.com",
            Some("EG"),
        );
        assert_eq!(input.order.as_deref(), Some("77"));
        assert_eq!(input.phone, None);
        assert_eq!(input.channel, None);
        assert!(input.tried.is_empty());
    }

    #[test]
    fn a_national_number_is_read_with_the_stores_region_and_dates_are_not_numbers() {
        let text = "On 2026-11-20 at 14:03 the customer 0100 123 4567 got nothing. Order #1052.";
        let input = read("Help", text, "a@b.co", "https://x.com", Some("EG"));
        assert_eq!(input.phone.as_deref(), Some("0100 123 4567"));
        assert_eq!(input.region.as_deref(), Some("EG"));
        let input = read("Help", text, "a@b.co", "https://x.com", None);
        assert_eq!(input.phone.as_deref(), Some("0100 123 4567"));
        assert_eq!(input.region, None);
        let input = read(
            "Help",
            "+20 100 123 4567",
            "a@b.co",
            "https://x.com",
            Some("EG"),
        );
        assert_eq!(
            input.region, None,
            "an international number needs no region"
        );
    }
}
