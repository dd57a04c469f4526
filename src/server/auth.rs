//! Reading the store token from `Authorization: Bearer <token>`. Checking it is the core's
//! (`DeskCore::authenticate`); this only says what is wrong with the header, and never repeats
//! any part of it: a header without `Bearer ` is most often the bare token itself.

use axum::http::{HeaderMap, header};

use super::ApiError;

const HOW: &str = "send `Authorization: Bearer <store token>`; support issues tokens with `cartsaver-desk token create --store URL`";

/// The token of a request, or 401 naming what is wrong with the header.
pub fn bearer_token(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized(format!("no Authorization header; {HOW}")))?;
    let text = value.to_str().map_err(|_| {
        ApiError::unauthorized(format!(
            "the Authorization header is not printable ASCII; {HOW}"
        ))
    })?;
    let (scheme, token) = text.trim().split_once(' ').unwrap_or((text.trim(), ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(ApiError::unauthorized(format!(
            "the Authorization header does not start with `Bearer ` (only bearer tokens are accepted); {HOW}"
        )));
    }
    let token = token.trim();
    if token.is_empty() {
        return Err(ApiError::unauthorized(format!(
            "the Authorization header has no token after `Bearer`; {HOW}"
        )));
    }
    Ok(token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
        headers
    }

    #[test]
    fn reads_a_bearer_token_in_any_case() {
        assert_eq!(bearer_token(&headers("Bearer abc")).unwrap(), "abc");
        assert_eq!(bearer_token(&headers("bearer  abc ")).unwrap(), "abc");
    }

    #[test]
    fn refuses_missing_other_scheme_and_empty_token_with_the_fix() {
        let missing = bearer_token(&HeaderMap::new()).unwrap_err();
        assert!(missing.detail.message.contains("no Authorization header"));
        let basic = bearer_token(&headers("Basic dXNlcjpwdw==")).unwrap_err();
        assert!(
            basic
                .detail
                .message
                .contains("does not start with `Bearer `"),
            "{}",
            basic.detail.message
        );
        let empty = bearer_token(&headers("Bearer")).unwrap_err();
        assert!(empty.detail.message.contains("no token"));
        assert!(empty.detail.message.contains("token create"));
    }

    #[test]
    fn a_token_sent_without_bearer_is_never_echoed() {
        let token = "cst_0123456789ABCDEFGHJKMNPQRSTVWX";
        for value in [token, "Token cst_0123456789ABCDEFGHJKMNPQRSTVWX"] {
            let mut map = HeaderMap::new();
            map.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
            let refused = bearer_token(&map).unwrap_err();
            assert!(
                !refused.detail.message.contains("cst_"),
                "{}",
                refused.detail.message
            );
            assert!(
                !refused.detail.message.contains("0123456789"),
                "{}",
                refused.detail.message
            );
        }
    }
}

/// Tokens that authenticated a moment ago, and their stores: what lets a request with a body
/// be read before the core has checked its token again (in the same hop to the blocking pool as
/// the request's own work, `AppState::run_as`). So a request costs one hop, not two, and an
/// anonymous one still reads no body. A token revoked in the meantime is refused by that second
/// check: the cache decides only whether a body is worth reading.
pub struct RecentTokens {
    seen: std::sync::Mutex<std::collections::HashMap<[u8; 32], (StoreUrl, std::time::Instant)>>,
}

use crate::domain::store::StoreUrl;

/// How long a check is trusted for reading a body.
const RECENT_FOR: std::time::Duration = std::time::Duration::from_secs(30);
/// Entries kept at most; past that the cache starts over (a flood of tokens costs no memory).
const RECENT_MAX: usize = 10_000;

impl RecentTokens {
    pub fn new() -> RecentTokens {
        RecentTokens {
            seen: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// Only a hash of the token is kept, as in the database.
    fn key(token: &str) -> [u8; 32] {
        use sha2::Digest as _;
        sha2::Sha256::digest(token.trim().as_bytes()).into()
    }

    pub fn get(&self, token: &str) -> Option<StoreUrl> {
        let seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.get(&RecentTokens::key(token))
            .filter(|(_, at)| at.elapsed() < RECENT_FOR)
            .map(|(store, _)| store.clone())
    }

    pub fn remember(&self, token: &str, store: &StoreUrl) {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() >= RECENT_MAX {
            seen.clear();
        }
        seen.insert(
            RecentTokens::key(token),
            (store.clone(), std::time::Instant::now()),
        );
    }

    pub fn forget(&self, token: &str) {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        seen.remove(&RecentTokens::key(token));
    }
}

impl Default for RecentTokens {
    fn default() -> RecentTokens {
        RecentTokens::new()
    }
}

#[cfg(test)]
mod recent_tests {
    use super::*;

    #[test]
    fn a_token_is_recalled_until_forgotten_and_only_by_its_hash() {
        let recent = RecentTokens::new();
        let store: StoreUrl = crate::domain::store::parse_store("cool-shop.myshopify.com")
            .unwrap()
            .value;
        assert_eq!(recent.get("cst_x"), None);
        recent.remember("cst_x", &store);
        assert_eq!(recent.get(" cst_x\n"), Some(store.clone()));
        assert_eq!(recent.get("cst_y"), None);
        recent.forget("cst_x");
        assert_eq!(recent.get("cst_x"), None);
        for n in 0..RECENT_MAX + 1 {
            recent.remember(&format!("cst_{n}"), &store);
        }
        assert!(recent.seen.lock().unwrap().len() <= RECENT_MAX);
    }
}
