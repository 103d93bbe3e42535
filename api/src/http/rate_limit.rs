//! Rate limits on the endpoints anyone can call (public submission, sign-in),
//! per client address and fixed one-minute window. Counters live in each
//! replica's memory: they protect the service, they hold no user state, and
//! with N replicas the effective limit is at most N times the setting.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

use actix_web::HttpRequest;
use chrono::{DateTime, Utc};

use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    /// New complaints and information added by citizens.
    Submit,
    /// Sign-in attempts.
    Login,
}

pub struct RateLimiter {
    submit_per_minute: u32,
    login_per_minute: u32,
    trust_proxy: bool,
    windows: Mutex<HashMap<(Bucket, IpAddr), (i64, u32)>>,
}

impl RateLimiter {
    pub fn new(submit_per_minute: u32, login_per_minute: u32, trust_proxy: bool) -> RateLimiter {
        RateLimiter {
            submit_per_minute,
            login_per_minute,
            trust_proxy,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// The client's address: the peer's, or the first hop of
    /// `X-Forwarded-For` when a trusted proxy sets it (never trusted otherwise,
    /// since any client can send that header).
    pub fn client(&self, req: &HttpRequest) -> Option<IpAddr> {
        if self.trust_proxy {
            let forwarded = req
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if forwarded.is_some() {
                return forwarded;
            }
        }
        req.peer_addr().map(|addr| addr.ip())
    }

    /// Counts a request; refuses it with 429 and the seconds to wait once
    /// the client has used its allowance for this minute. A limit of 0 is off.
    pub fn check(
        &self,
        bucket: Bucket,
        req: &HttpRequest,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        let limit = match bucket {
            Bucket::Submit => self.submit_per_minute,
            Bucket::Login => self.login_per_minute,
        };
        let Some(client) = self.client(req).filter(|_| limit > 0) else {
            return Ok(());
        };
        let minute = now.timestamp().div_euclid(60);
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if windows.len() > 100_000 {
            // Forget finished windows rather than grow without bound.
            windows.retain(|_, (window, _)| *window == minute);
        }
        let entry = windows.entry((bucket, client)).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        if entry.1 >= limit {
            let retry_after = (60 - now.timestamp().rem_euclid(60)).max(1) as u64;
            return Err(ApiError::TooManyRequests { retry_after });
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn at(second: i64) -> DateTime<Utc> {
        // 1 764 000 000 is a whole minute.
        DateTime::from_timestamp(1_764_000_000 + second, 0).unwrap()
    }

    #[test]
    fn a_client_gets_its_allowance_per_minute_and_then_429() {
        let limiter = RateLimiter::new(2, 5, false);
        let req = TestRequest::default()
            .peer_addr("10.0.0.1:5000".parse().unwrap())
            .to_http_request();
        assert!(limiter.check(Bucket::Submit, &req, at(1)).is_ok());
        assert!(limiter.check(Bucket::Submit, &req, at(2)).is_ok());
        match limiter.check(Bucket::Submit, &req, at(45)) {
            Err(ApiError::TooManyRequests { retry_after }) => assert_eq!(retry_after, 15),
            other => panic!("{other:?}"),
        }
        assert!(
            limiter.check(Bucket::Login, &req, at(45)).is_ok(),
            "buckets are separate"
        );
        assert!(
            limiter.check(Bucket::Submit, &req, at(61)).is_ok(),
            "a new minute"
        );
        let other = TestRequest::default()
            .peer_addr("10.0.0.2:5000".parse().unwrap())
            .to_http_request();
        assert!(
            limiter.check(Bucket::Submit, &other, at(45)).is_ok(),
            "clients are separate"
        );
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let req = TestRequest::default()
            .peer_addr("10.0.0.9:5000".parse().unwrap())
            .insert_header(("x-forwarded-for", "203.0.113.7, 10.0.0.9"))
            .to_http_request();
        let trusting = RateLimiter::new(1, 1, true);
        assert_eq!(trusting.client(&req), Some("203.0.113.7".parse().unwrap()));
        let wary = RateLimiter::new(1, 1, false);
        assert_eq!(wary.client(&req), Some("10.0.0.9".parse().unwrap()));
        assert!(RateLimiter::new(0, 0, false)
            .check(Bucket::Submit, &req, at(0))
            .is_ok());
    }
}
