//! `channel`: which OTP provider the merchant means, WhatsApp or SMS.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, Parsed};

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

/// `whatsapp` or `sms`, case-insensitive; `wa` also means WhatsApp.
pub fn parse_channel(input: &str) -> Result<Parsed<Channel>, FieldError> {
    let _ = input;
    todo!()
}
