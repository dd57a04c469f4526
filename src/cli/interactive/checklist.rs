//! The checklist at a terminal, in the order of docs/contract.md §2: store, order, phone (and its region when
//! written without a country code), channel, when, screenshots, steps tried, summary, details,
//! email, plan, outage and URGENT, access, PIN.
//!
//! Values given as flags or found in the config file are used without asking (a refused one is
//! shown with its error and asked for, starting from what was given). Every answer goes through
//! the domain parser of its flag; the result is a `TicketInput` that `new` examines like the
//! flags' own, so there is one validation path.

use std::path::{Path, PathBuf};

use crate::cli::fields::GivenFields;
use crate::domain::calendar::Calendar;
use crate::domain::channel::{Channel, parse_channel};
use crate::domain::order::parse_order;
use crate::domain::phone::{Region, country_name, parse_phone, parse_region};
use crate::domain::plan::{Plan, check_urgent, parse_plan};
use crate::domain::screenshot::{MAX_SCREENSHOTS, Screenshot, load_screenshot};
use crate::domain::store::parse_store;
use crate::domain::text::{
    TRIED_NONE, default_summary, parse_details, parse_email, parse_pin, parse_summary, parse_tried,
};
use crate::domain::ticket::{Context, TicketInput};
use crate::domain::timestamp::{format_utc, parse_at};
use crate::domain::{Field, FieldError, Note, Parsed};

use crate::cli::error::CliError;

use super::prompt::{Answer, Prompter};

/// The steps merchants most often try before writing to support.
pub const COMMON_STEPS: [&str; 5] = [
    "resent the OTP",
    "checked the number format",
    "customer confirmed WhatsApp is installed",
    "tried another number",
    "checked the Cartsaver logs",
];

const PHONE_LABEL: &str = "Customer's phone, with the country code (e.g. +20 100 123 4567)";

/// What the checklist gathered: the input and the screenshots, read and checked.
pub struct Gathered {
    pub input: TicketInput,
    pub screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
}

/// The fields the merchant can go back to from the preview, in the order they were asked.
pub const CHANGEABLE: [Field; 14] = [
    Field::Store,
    Field::Order,
    Field::Phone,
    Field::Channel,
    Field::At,
    Field::Screenshot,
    Field::Tried,
    Field::Summary,
    Field::Details,
    Field::Email,
    Field::Plan,
    Field::Urgent,
    Field::AllowAccess,
    Field::Pin,
];

/// Walk the checklist. `given` holds the flags with the config's defaults filled in;
/// `from_config` names the fields the config file gave. `after_order` runs as soon as the store
/// and order are known (the duplicate check), before the other questions.
pub fn walk<'a>(
    p: &'a Prompter,
    given: GivenFields,
    from_config: &'a [Field],
    context: &'a Context,
    after_order: &mut dyn FnMut(&str, &str) -> Result<(), CliError>,
) -> Result<Walk<'a>, CliError> {
    for error in &given.read_errors {
        p.error(error);
    }
    p.say("Filing a Cartsaver support ticket. Nothing is sent before you confirm; Ctrl-C stops.");
    let mut walk = Walk {
        p,
        from_config,
        context,
        input: given.input,
        given_screenshots: given.screenshots,
        screenshots: Vec::new(),
    };
    walk.store()?;
    walk.order()?;
    if let (Some(store), Some(order)) = (&walk.input.store, &walk.input.order) {
        after_order(store, order)?;
    }
    for field in &CHANGEABLE[2..] {
        walk.ask(*field)?;
    }
    Ok(walk)
}

/// The checklist being walked: the answers so far, and each field's question.
pub struct Walk<'a> {
    p: &'a Prompter,
    from_config: &'a [Field],
    context: &'a Context,
    input: TicketInput,
    /// The `--screenshot` files, read, before the checklist looks at them.
    given_screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
    screenshots: Vec<Result<Parsed<Screenshot>, FieldError>>,
}

impl Walk<'_> {
    /// The answers: what `new` examines like the flags' own.
    pub fn gathered(&self) -> Gathered {
        Gathered {
            input: self.input.clone(),
            screenshots: self.screenshots.clone(),
        }
    }

    /// Ask for `field` (again, from the preview: its answer is forgotten first).
    pub fn change(&mut self, field: Field) -> Result<(), CliError> {
        let input = &mut self.input;
        match field {
            Field::Store => input.store = None,
            Field::Order => input.order = None,
            Field::Phone | Field::Region => {
                input.phone = None;
                input.region = None;
            }
            Field::Channel => input.channel = None,
            Field::At => input.at = None,
            Field::Screenshot => self.given_screenshots.clear(),
            Field::Tried => input.tried.clear(),
            Field::Summary => input.summary = None,
            Field::Details => input.details = None,
            Field::Email => input.email = None,
            Field::Plan => input.plan = None,
            Field::Urgent | Field::Outage => {
                input.urgent = false;
                input.outage = false;
            }
            Field::AllowAccess => input.allow_access = false,
            Field::Pin => input.pin = None,
            Field::Tracking => return Ok(()),
        }
        self.ask(field)?;
        if field == Field::Plan {
            // URGENT depends on the plan: ask again where it is allowed.
            self.ask(Field::Urgent)?;
        }
        Ok(())
    }

    /// The question of one field (a given value is used without asking).
    fn ask(&mut self, field: Field) -> Result<(), CliError> {
        match field {
            Field::Store => self.store(),
            Field::Order => self.order(),
            Field::Phone | Field::Region => self.phone(),
            Field::Channel => self.channel().map(drop),
            Field::At => self.at(),
            Field::Screenshot => {
                let given = std::mem::take(&mut self.given_screenshots);
                self.screenshots = self.screenshots(given)?;
                Ok(())
            }
            Field::Tried => self.tried(),
            Field::Summary => self.summary(),
            Field::Details => self.details(),
            Field::Email => self.email(),
            Field::Plan => self.plan().map(drop),
            Field::Urgent | Field::Outage => self.urgency(),
            Field::AllowAccess => self.access(),
            Field::Pin => self.pin(),
            Field::Tracking => Ok(()),
        }
    }
    /// A field's value: the given one if its parser accepts it, else asked for (starting from
    /// the refused value, shown with its error).
    fn field<T: std::fmt::Display>(
        &self,
        field: Field,
        given: Option<String>,
        label: &str,
        default: Option<&str>,
        parse: impl Fn(&str) -> Result<Parsed<T>, FieldError>,
    ) -> Result<Answer<T>, CliError> {
        let Some(text) = given.filter(|text| !text.trim().is_empty()) else {
            return self.p.text(label, None, default, parse);
        };
        match parse(&text) {
            Ok(parsed) => {
                self.given(field, &parsed.value.to_string());
                self.p.notes(&parsed.notes);
                Ok(Answer {
                    typed: text,
                    parsed,
                })
            }
            Err(error) => {
                self.p.error(&error);
                self.p.text(label, Some(&text), default, parse)
            }
        }
    }

    /// Say which value is used without asking, and where it came from.
    fn given(&self, field: Field, value: &str) {
        let source = if self.from_config.contains(&field) {
            "from the config file".to_string()
        } else {
            field.flag()
        };
        self.p
            .say(&format!("{:9} {value}  ({source})", field.name()));
    }

    fn store(&mut self) -> Result<(), CliError> {
        let given = self.input.store.take();
        let answer = self.field(
            Field::Store,
            given,
            "Shopify store (e.g. cool-shop.myshopify.com, or any URL of it)",
            None,
            parse_store,
        )?;
        self.input.store = Some(answer.parsed.value.to_string());
        Ok(())
    }

    fn order(&mut self) -> Result<(), CliError> {
        let given = self.input.order.take();
        let answer = self.field(
            Field::Order,
            given,
            "Order number, as shown in the Shopify admin (e.g. #1052)",
            None,
            parse_order,
        )?;
        self.input.order = Some(answer.parsed.value.to_string());
        Ok(())
    }

    /// The number, and its country only when it has no country code. A number that cannot
    /// receive OTPs (a landline, say) is kept only when the merchant says so.
    fn phone(&mut self) -> Result<(), CliError> {
        let mut region = self.given_region();
        let mut given = self.input.phone.take().filter(|t| !t.trim().is_empty());
        let mut typed: Option<String> = None;
        loop {
            let (text, from_flag) = match given.take() {
                Some(text) => (text, true),
                None => (self.p.line(PHONE_LABEL, typed.as_deref(), None)?, false),
            };
            typed = Some(text.clone());
            let mut parsed = parse_phone(&text, region.as_ref());
            let needs_region = region.is_none()
                && matches!(&parsed, Err(error) if error.code == "missing_country_code");
            if needs_region || parsed.is_ok() {
                if from_flag {
                    self.given(Field::Phone, &text);
                } else {
                    self.p.accepted(PHONE_LABEL, &text);
                }
            }
            if needs_region {
                let answer = self.p.text(
                    "That number has no country code: which country is it in? (e.g. EG, or Egypt)",
                    None,
                    None,
                    region_by_code_or_name,
                )?;
                region = Some(answer.parsed.value);
                parsed = parse_phone(&text, region.as_ref());
            }
            let phone = match parsed {
                Ok(phone) => phone,
                Err(error) => {
                    self.p.error(&error);
                    continue;
                }
            };
            let kind = phone.value.kind;
            self.p.notes(&phone.notes);
            if kind.cannot_receive_otp() && !self.p.confirm("Use this number anyway?", false)? {
                // Another number is wanted, not an edit of this one: ask afresh.
                typed = None;
                continue;
            }
            self.input.phone = Some(phone.value.e164);
            self.input.region = None;
            return Ok(());
        }
    }

    /// The region from `--region` or the config, if it is one.
    fn given_region(&mut self) -> Option<Region> {
        let text = self.input.region.take()?;
        match parse_region(&text) {
            Ok(parsed) => Some(parsed.value),
            Err(error) => {
                self.p.error(&error);
                None
            }
        }
    }

    fn channel(&mut self) -> Result<Channel, CliError> {
        if let Some(text) = self.input.channel.take() {
            match parse_channel(&text) {
                Ok(parsed) => {
                    self.given(Field::Channel, parsed.value.label());
                    self.input.channel = Some(parsed.value.name().into());
                    return Ok(parsed.value);
                }
                Err(error) => self.p.error(&error),
            }
        }
        let choices = [Channel::Whatsapp, Channel::Sms];
        let labels: Vec<String> = choices.iter().map(|c| c.label().to_string()).collect();
        let chosen = choices[self.p.select("Channel the OTP was sent over", &labels, 0)?];
        self.input.channel = Some(chosen.name().into());
        Ok(chosen)
    }

    /// When it happened; a time with an offset shows its UTC reading, which support matches
    /// against the provider logs.
    fn at(&mut self) -> Result<(), CliError> {
        let context = *self.context;
        let given = self.input.at.take();
        let answer = self.field(
            Field::At,
            given,
            "When did it happen? (e.g. 2026-11-20T16:03+02:00, or ...Z; Enter for now)",
            Some("now"),
            |text| parse_at(text, context.now, &context.local).map(|at| at.map(format_utc)),
        )?;
        let utc = answer.parsed.value;
        let said = answer
            .parsed
            .notes
            .iter()
            .any(|note| note.text.contains(&utc));
        if !said && !answer.typed.trim().eq_ignore_ascii_case("now") {
            self.p.note(&Note::info(format!("{utc} in UTC")));
        }
        self.input.at = Some(utc);
        Ok(())
    }

    /// The given screenshots that are readable, then more asked for, up to the limit.
    fn screenshots(
        &mut self,
        given: Vec<Result<Parsed<Screenshot>, FieldError>>,
    ) -> Result<Vec<Result<Parsed<Screenshot>, FieldError>>, CliError> {
        // Every given file fine: the merchant has already said which screenshots to send.
        let settled = !given.is_empty() && given.iter().all(Result::is_ok);
        let mut shots = Vec::new();
        for result in given {
            match result {
                Ok(shot) => {
                    self.given(Field::Screenshot, &shot.value.name);
                    shots.push(Ok(shot));
                }
                Err(error) => self.p.error(&error),
            }
        }
        if settled {
            return Ok(shots);
        }
        while shots.len() < MAX_SCREENSHOTS {
            let label = if shots.is_empty() {
                "Screenshot of the error: a file path (optional, Enter to skip)"
            } else {
                "Another screenshot (optional, Enter to go on)"
            };
            let answer = self.p.optional_text(label, None, |text| {
                load_screenshot(&expand_home(&unquote(text)))
            })?;
            match answer {
                Some(answer) => shots.push(Ok(answer.parsed)),
                None => break,
            }
        }
        Ok(shots)
    }

    /// Steps tried: the common ones to tick, and free text; nothing at all is an explicit `none`.
    fn tried(&mut self) -> Result<(), CliError> {
        if !self.input.tried.is_empty() {
            match parse_tried(&self.input.tried) {
                Ok(parsed) => {
                    self.given(Field::Tried, &parsed.value.join("; "));
                    return Ok(());
                }
                Err(error) => self.p.error(&error),
            }
        }
        loop {
            let ticked = self.p.multi_select(
                "Steps already tried (space ticks, Enter goes on)",
                &COMMON_STEPS,
            )?;
            let mut steps: Vec<String> = ticked
                .into_iter()
                .map(|index| COMMON_STEPS[index].to_string())
                .collect();
            let label = "Anything else you tried? (optional, Enter to go on)";
            let other = self.p.line(label, None, None)?;
            self.p.accepted(label, other.trim());
            if !other.trim().is_empty() {
                steps.push(other.trim().to_string());
            }
            if steps.is_empty() {
                steps.push(TRIED_NONE.to_string());
                self.p
                    .note(&Note::info("nothing tried yet: support will see `none`"));
            }
            match parse_tried(&steps) {
                Ok(parsed) => {
                    self.input.tried = parsed.value;
                    return Ok(());
                }
                Err(error) => self.p.error(&error),
            }
        }
    }

    fn summary(&mut self) -> Result<(), CliError> {
        let channel = self
            .input
            .channel
            .as_deref()
            .and_then(|name| parse_channel(name).ok())
            .map_or(Channel::Whatsapp, |parsed| parsed.value);
        let default = default_summary(channel);
        let given = self.input.summary.take();
        let answer = self.field(
            Field::Summary,
            given,
            "Summary, one line",
            Some(&default),
            parse_summary,
        )?;
        self.input.summary = Some(answer.parsed.value);
        Ok(())
    }

    fn details(&mut self) -> Result<(), CliError> {
        if let Some(text) = self.input.details.take() {
            match parse_details(&text) {
                Ok(parsed) => {
                    self.given(Field::Details, &first_line(&parsed.value));
                    self.input.details = Some(parsed.value);
                    return Ok(());
                }
                Err(error) => self.p.error(&error),
            }
        }
        let answer = self.p.optional_text(
            "Details: what you expected, what happened, error messages (optional)",
            None,
            parse_details,
        )?;
        self.input.details = answer.map(|answer| answer.parsed.value);
        Ok(())
    }

    fn email(&mut self) -> Result<(), CliError> {
        let given = self.input.email.take();
        let answer = self.field(
            Field::Email,
            given,
            "Your email, for support's replies",
            None,
            parse_email,
        )?;
        self.input.email = Some(answer.parsed.value.to_string());
        Ok(())
    }

    fn plan(&mut self) -> Result<Plan, CliError> {
        if let Some(text) = self.input.plan.take() {
            match parse_plan(&text) {
                Ok(parsed) => {
                    self.given(Field::Plan, parsed.value.name());
                    self.input.plan = Some(parsed.value.name().into());
                    return Ok(parsed.value);
                }
                Err(error) => self.p.error(&error),
            }
        }
        let calendar = Calendar::cartsaver();
        let labels: Vec<String> = Plan::ALL
            .iter()
            .map(|plan| {
                format!(
                    "{:9} first response {}",
                    plan.name(),
                    calendar.describe_target(*plan)
                )
            })
            .collect();
        let plan = Plan::ALL[self.p.select("Your Cartsaver plan", &labels, 0)?];
        self.input.plan = Some(plan.name().into());
        Ok(plan)
    }

    /// URGENT is offered only where it is allowed: on Scale, or when orders are blocked.
    fn urgency(&mut self) -> Result<(), CliError> {
        let plan = self
            .input
            .plan
            .as_deref()
            .and_then(|name| parse_plan(name).ok())
            .map_or(Plan::Free, |parsed| parsed.value);
        if self.input.urgent {
            match check_urgent(true, self.input.outage, Some(plan)) {
                Ok(parsed) => {
                    self.p.notes(&parsed.notes);
                    return Ok(());
                }
                Err(error) => {
                    self.p.error(&error);
                    self.input.urgent = false;
                }
            }
        }
        if !self.input.outage {
            self.input.outage = self.p.confirm(
                "Are orders blocked entirely (no customer can complete checkout)?",
                false,
            )?;
        }
        if plan == Plan::Scale || self.input.outage {
            self.input.urgent = self
                .p
                .confirm("Mark the ticket URGENT?", self.input.outage)?;
        }
        Ok(())
    }

    fn access(&mut self) -> Result<(), CliError> {
        if self.input.allow_access {
            self.given(Field::AllowAccess, "yes");
            return Ok(());
        }
        self.input.allow_access = self
            .p
            .confirm("May support open your store account to investigate?", false)?;
        Ok(())
    }

    fn pin(&mut self) -> Result<(), CliError> {
        if let Some(text) = self.input.pin.take() {
            match parse_pin(&text) {
                Ok(parsed) => {
                    self.given(Field::Pin, &parsed.value.masked());
                    self.input.pin = Some(text);
                    return Ok(());
                }
                Err(error) => self.p.error(&error),
            }
        }
        loop {
            let text = self.p.secret(
                "Support PIN, if you set one (hidden; Enter to skip)",
                |typed| match parse_pin(typed) {
                    _ if typed.is_empty() => Some("(none)".to_string()),
                    Ok(pin) => Some(pin.value.masked()),
                    // Refused: the error says why, under the prompt.
                    Err(_) => None,
                },
            )?;
            if text.trim().is_empty() {
                return Ok(());
            }
            match parse_pin(&text) {
                Ok(_) => {
                    self.input.pin = Some(text);
                    return Ok(());
                }
                // The error would repeat the PIN: say what is wrong without it.
                Err(error) => self.p.error(&FieldError {
                    input: String::new(),
                    ..error
                }),
            }
        }
    }
}

/// A region as its two-letter code (`EG`) or its English name (`Egypt`); anything else is
/// refused with the code to use.
fn region_by_code_or_name(text: &str) -> Result<Parsed<Region>, FieldError> {
    let wanted = text.trim();
    if wanted.chars().count() <= 2 {
        return parse_region(wanted);
    }
    let letters = b'A'..=b'Z';
    let code = letters
        .clone()
        .flat_map(|a| {
            letters
                .clone()
                .map(move |b| String::from_utf8(vec![a, b]).unwrap())
        })
        .find(|code| country_name(code).is_some_and(|name| name.eq_ignore_ascii_case(wanted)));
    match code {
        Some(code) => parse_region(&code),
        None => Err(FieldError::new(
            Field::Region,
            wanted,
            "unknown_region",
            "not a country name this checklist knows; use the two-letter code, e.g. EG",
        )),
    }
}

/// `~/shots/a.png` as the shell would read it: the home folder.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ if path == "~" => {
            std::env::var_os("HOME").map_or_else(|| PathBuf::from(path), PathBuf::from)
        }
        _ => PathBuf::from(path),
    }
}

/// Terminals paste a dragged file's path in quotes, or with `\ ` for each space.
fn unquote(text: &str) -> String {
    let text = text.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = text
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner.to_string();
        }
    }
    text.replace("\\ ", " ")
}

fn first_line(text: &str) -> String {
    match text.lines().next() {
        Some(line) if text.lines().nth(1).is_some() => format!("{line} …"),
        Some(line) => line.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dragged_paths_lose_their_quotes() {
        assert_eq!(unquote("'/tmp/a b.png' "), "/tmp/a b.png");
        assert_eq!(unquote("\"/tmp/x.png\""), "/tmp/x.png");
        assert_eq!(unquote("/tmp/x.png"), "/tmp/x.png");
        assert_eq!(unquote("/tmp/my\\ shot.png"), "/tmp/my shot.png");
    }

    #[test]
    fn a_region_is_its_code_or_its_name() {
        assert_eq!(region_by_code_or_name("eg").unwrap().value.as_str(), "EG");
        assert_eq!(
            region_by_code_or_name(" Egypt ").unwrap().value.as_str(),
            "EG"
        );
        let error = region_by_code_or_name("Narnia").unwrap_err();
        assert!(error.message.contains("e.g. EG"), "{}", error.message);
    }

    #[test]
    fn a_path_from_home_is_expanded() {
        let home = std::env::var("HOME").unwrap();
        assert_eq!(expand_home("~/a b.png"), Path::new(&home).join("a b.png"));
        assert_eq!(expand_home("/tmp/x.png"), PathBuf::from("/tmp/x.png"));
    }

    #[test]
    fn every_common_step_is_a_valid_tried_step() {
        let steps: Vec<String> = COMMON_STEPS.iter().map(|s| s.to_string()).collect();
        assert!(parse_tried(&steps).is_ok());
    }
}
