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
