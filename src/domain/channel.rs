//! `channel`: which OTP provider the merchant means, WhatsApp or SMS.
//!
//! Case, spaces, dots, hyphens and underscores are ignored, so `WhatsApp`, `whats app`,
//! `Whats-App` and `S.M.S` are understood; `wa` means WhatsApp. Naming both is refused: the ticket
//! is about the channel the failing OTP went over.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Field, FieldError, Parsed};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Whatsapp,
    Sms,
}

impl Channel {
    /// The §2 value: `whatsapp`, `sms`.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Whatsapp => "whatsapp",
            Channel::Sms => "sms",
        }
    }

    /// How a person writes it: `WhatsApp`, `SMS`.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Whatsapp => "WhatsApp",
            Channel::Sms => "SMS",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

const ACCEPTED: &str = "use whatsapp (or wa) or sms";

/// `whatsapp` or `sms`, case-insensitive; `wa` also means WhatsApp.
pub fn parse_channel(input: &str) -> Result<Parsed<Channel>, FieldError> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(FieldError::missing(
            Field::Channel,
            format!("missing; say which channel the OTP was sent over: {ACCEPTED}"),
        ));
    }
    let refuse = |code, message: String| FieldError::new(Field::Channel, raw, code, message);
    let key: String = raw
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '.' | '-' | '_')))
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "whatsapp" | "wa" => Ok(Parsed::new(Channel::Whatsapp)),
        "sms" => Ok(Parsed::new(Channel::Sms)),
        _ if key.contains("whatsapp") && key.contains("sms") => Err(refuse(
            "ambiguous",
            "names both; give the channel of the failing OTP (whatsapp or sms), and file a \
             second ticket if the other one fails too"
                .to_string(),
        )),
        _ => Err(refuse(
            "unknown",
            format!("is not a channel Cartsaver sends OTPs over; {ACCEPTED}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(input: &str) -> Channel {
        parse_channel(input)
            .unwrap_or_else(|e| panic!("{input:?} refused: {e}"))
            .value
    }

    #[test]
    fn whatsapp_in_the_ways_people_write_it() {
        for input in [
            "whatsapp",
            "WhatsApp",
            "WHATSAPP",
            " wa ",
            "WA",
            "whats app",
            "Whats-App",
        ] {
            assert_eq!(value(input), Channel::Whatsapp, "{input}");
        }
    }

    #[test]
    fn sms_in_any_case() {
        for input in ["sms", "SMS", "Sms", "S.M.S"] {
            assert_eq!(value(input), Channel::Sms, "{input}");
        }
    }

    #[test]
    fn accepted_values_carry_no_notes() {
        assert!(parse_channel("sms").unwrap().notes.is_empty());
    }

    #[test]
    fn unknown_channel_lists_the_accepted_values() {
        for input in ["telegram", "email", "w", "whatsap"] {
            let e = parse_channel(input).unwrap_err();
            assert_eq!(e.code, "unknown", "{input}");
            assert!(e.message.contains("whatsapp (or wa) or sms"), "{e}");
            assert_eq!(e.input, input);
        }
    }

    #[test]
    fn naming_both_channels_is_refused() {
        let e = parse_channel("WhatsApp/SMS").unwrap_err();
        assert_eq!(e.code, "ambiguous");
        assert!(e.message.contains("second ticket"));
    }

    #[test]
    fn missing_channel_says_how_to_give_it() {
        let e = parse_channel("  ").unwrap_err();
        assert_eq!(e.code, "missing");
        assert!(e.message.contains("whatsapp"));
    }

    #[test]
    fn names_and_labels() {
        assert_eq!(Channel::Whatsapp.to_string(), "whatsapp");
        assert_eq!(Channel::Sms.label(), "SMS");
        assert_eq!(
            serde_json::to_string(&Channel::Whatsapp).unwrap(),
            "\"whatsapp\""
        );
    }
}
