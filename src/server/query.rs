//! Query strings: `?force_new=` on create, `?status=&order=&limit=&cursor=` on list,
//! `?overdue_limit=&overdue_cursor=` on stats. An unknown
//! parameter or a value that does not parse is a 400 that names it and lists what is accepted.
//!
//! Only the shape is checked here: whether a `limit` is in range, a cursor is one the desk gave
//! out, or an `order` is an order number is the core's to say (`desk::listing`).

use crate::api::{FORCE_NEW_PARAM, MAX_WAIT_SECONDS, Status, WAIT_PARAM};
use crate::desk::{DEFAULT_LIMIT, DEFAULT_OVERDUE, ListFilter, MAX_LIMIT, OverduePage};

use super::ApiError;

const LIST_PARAMS: [&str; 4] = ["status", "order", "limit", "cursor"];
const STATS_PARAMS: [&str; 2] = ["overdue_limit", "overdue_cursor"];

fn pairs(query: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn unknown(name: &str, known: &[&str]) -> ApiError {
    ApiError::bad_request(format!(
        "unknown query parameter `{name}`; the known ones are {}",
        known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// `force_new` of a create: `true`/`false` (also `1`/`0`); absent means false.
pub fn force_new(query: Option<&str>) -> Result<bool, ApiError> {
    let mut force = false;
    for (name, value) in pairs(query) {
        if name != FORCE_NEW_PARAM {
            return Err(unknown(&name, &[FORCE_NEW_PARAM]));
        }
        force = match value.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => true,
            "false" | "0" | "" => false,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "{FORCE_NEW_PARAM} `{value}` is not a boolean; use {FORCE_NEW_PARAM}=true or leave it out"
                )));
            }
        };
    }
    Ok(force)
}

/// `wait` of `GET /v1/tickets/{tn}` (the long poll): a duration such as `30s`, `2m` or plain
/// seconds, cut to [`MAX_WAIT_SECONDS`]; absent means answer now.
pub fn wait(query: Option<&str>) -> Result<Option<std::time::Duration>, ApiError> {
    let mut wait = None;
    for (name, value) in pairs(query) {
        if name != WAIT_PARAM {
            return Err(unknown(&name, &[WAIT_PARAM]));
        }
        let text = value.trim();
        let parsed = text
            .parse::<u64>()
            .map(std::time::Duration::from_secs)
            .or_else(|_| humantime::parse_duration(text));
        let duration = parsed.map_err(|_| {
            ApiError::bad_request(format!(
                "{WAIT_PARAM} `{value}` is not a duration; use e.g. {WAIT_PARAM}=30s (at most {MAX_WAIT_SECONDS} s) with the If-None-Match of the last ETag, or leave it out"
            ))
        })?;
        wait = Some(duration.min(std::time::Duration::from_secs(MAX_WAIT_SECONDS)));
    }
    Ok(wait)
}

/// The filter of a list request.
pub fn list_filter(query: Option<&str>) -> Result<ListFilter, ApiError> {
    let mut filter = ListFilter::default();
    for (name, value) in pairs(query) {
        // `?status=&order=` leaves them out: an empty value means no filter.
        if value.trim().is_empty() && LIST_PARAMS.contains(&name.as_str()) {
            continue;
        }
        match name.as_str() {
            "status" => {
                let status = Status::parse(&value).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "status `{value}` is not a ticket status; use one of {}",
                        Status::ALL.map(Status::name).join(", ")
                    ))
                })?;
                filter.status = Some(status);
            }
            "order" => filter.order = Some(value),
            "limit" => {
                let limit = value.trim().parse::<usize>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "limit `{value}` is not a whole number; ask for 1 to {MAX_LIMIT} tickets a page, or leave it out for {DEFAULT_LIMIT}"
                    ))
                })?;
                filter.limit = Some(limit);
            }
            "cursor" => filter.cursor = Some(value),
            _ => return Err(unknown(&name, &LIST_PARAMS)),
        }
    }
    Ok(filter)
}

/// The page of overdue tickets a stats request asks for (the range of the limit is the core's).
pub fn overdue_page(query: Option<&str>) -> Result<OverduePage, ApiError> {
    let mut page = OverduePage::default();
    for (name, value) in pairs(query) {
        if value.trim().is_empty() && STATS_PARAMS.contains(&name.as_str()) {
            continue;
        }
        match name.as_str() {
            "overdue_limit" => {
                let limit = value.trim().parse::<usize>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "overdue_limit `{value}` is not a whole number; ask for 1 to {MAX_LIMIT} overdue tickets, or leave it out for {DEFAULT_OVERDUE}"
                    ))
                })?;
                page.limit = Some(limit);
            }
            "overdue_cursor" => page.cursor = Some(value),
            _ => return Err(unknown(&name, &STATS_PARAMS)),
        }
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_reads_durations_and_cuts_them_to_the_longest_wait() {
        use std::time::Duration;
        assert_eq!(wait(None).unwrap(), None);
        assert_eq!(
            wait(Some("wait=30s")).unwrap(),
            Some(Duration::from_secs(30))
        );
        assert_eq!(wait(Some("wait=5")).unwrap(), Some(Duration::from_secs(5)));
        assert_eq!(
            wait(Some("wait=10m")).unwrap(),
            Some(Duration::from_secs(MAX_WAIT_SECONDS))
        );
        assert!(wait(Some("wait=soon")).is_err());
        assert!(wait(Some("until=5s")).is_err());
    }

    #[test]
    fn force_new_reads_booleans_and_refuses_the_rest() {
        assert!(!force_new(None).unwrap());
        assert!(force_new(Some("force_new=true")).unwrap());
        assert!(!force_new(Some("force_new=0")).unwrap());
        let error = force_new(Some("force_new=yes")).unwrap_err();
        assert!(error.detail.message.contains("`yes`"));
        let error = force_new(Some("force=true")).unwrap_err();
        assert!(error.detail.message.contains("`force`"));
        assert!(error.detail.message.contains("`force_new`"));
    }

    #[test]
    fn list_filter_reads_every_parameter() {
        let filter =
            list_filter(Some("status=Answered&order=%231052&limit=10&cursor=abc")).unwrap();
        assert_eq!(filter.status, Some(Status::Answered));
        assert_eq!(filter.order.as_deref(), Some("#1052"));
        assert_eq!(filter.limit, Some(10));
        assert_eq!(filter.cursor.as_deref(), Some("abc"));
        assert_eq!(
            list_filter(Some("status=&order=")).unwrap(),
            ListFilter::default()
        );
    }

    #[test]
    fn list_filter_names_bad_values_and_unknown_parameters() {
        let error = list_filter(Some("status=closed")).unwrap_err();
        assert!(error.detail.message.contains("open, answered, resolved"));
        let error = list_filter(Some("limit=ten")).unwrap_err();
        assert!(error.detail.message.contains("limit `ten`"));
        assert!(error.detail.message.contains("1 to 500"));
        // The range is the core's to check.
        assert_eq!(list_filter(Some("limit=0")).unwrap().limit, Some(0));
        let error = list_filter(Some("sort=asc")).unwrap_err();
        assert!(error.detail.message.contains("`sort`"));
        assert!(error.detail.message.contains("`cursor`"));
    }

    #[test]
    fn overdue_page_reads_its_two_parameters_and_names_the_rest() {
        let page = overdue_page(Some("overdue_limit=5&overdue_cursor=abc")).unwrap();
        assert_eq!(page.limit, Some(5));
        assert_eq!(page.cursor.as_deref(), Some("abc"));
        assert_eq!(overdue_page(None).unwrap(), OverduePage::default());
        let error = overdue_page(Some("overdue_limit=many")).unwrap_err();
        assert!(error.detail.message.contains("`many`"));
        let error = overdue_page(Some("limit=5")).unwrap_err();
        assert!(error.detail.message.contains("`overdue_limit`"));
    }
}
