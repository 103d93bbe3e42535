//! Access tokens (JWT, HS256, minutes) and refresh tokens (random, days,
//! stored as SHA-256 so a database leak yields no usable token).

use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::Role;
use crate::error::ApiError;

const ISSUER: &str = "aduan";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: Role,
    pub iss: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], access_ttl: Duration, refresh_ttl: Duration) -> TokenKeys {
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            access_ttl,
            refresh_ttl,
        }
    }

    pub fn issue_access(
        &self,
        user_id: &str,
        role: Role,
        now: DateTime<Utc>,
    ) -> anyhow::Result<String> {
        let claims = Claims {
            sub: user_id.to_string(),
            role,
            iss: ISSUER.into(),
            iat: now.timestamp(),
            nbf: now.timestamp(),
            exp: (now + self.access_ttl).timestamp(),
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// Checks signature, algorithm (HS256 only: `none` and others are refused),
    /// issuer and the validity window against our clock.
    pub fn verify_access(&self, token: &str, now: DateTime<Utc>) -> Result<Claims, ApiError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "sub"]);
        // Expiry is judged below against our clock, which tests control.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .map_err(|e| ApiError::Unauthenticated(format!("the access token is not valid ({e})")))?
            .claims;
        const LEEWAY_SECONDS: i64 = 5;
        let now = now.timestamp();
        if now >= claims.exp + LEEWAY_SECONDS {
            return Err(ApiError::Unauthenticated(
                "the access token has expired".into(),
            ));
        }
        if now + LEEWAY_SECONDS < claims.nbf {
            return Err(ApiError::Unauthenticated(
                "the access token is not valid yet".into(),
            ));
        }
        Ok(claims)
    }
}

/// A new opaque refresh token: 256 random bits, URL-safe.
pub fn new_refresh_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn hash_refresh_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &[u8]) -> TokenKeys {
        TokenKeys::new(secret, Duration::minutes(15), Duration::days(30))
    }

    #[test]
    fn a_token_verifies_until_it_expires() {
        let now = Utc::now();
        let k = keys(b"secret-one");
        let token = k.issue_access("u1", Role::TeamLead, now).unwrap();
        let claims = k.verify_access(&token, now).unwrap();
        assert_eq!((claims.sub.as_str(), claims.role), ("u1", Role::TeamLead));
        assert!(k
            .verify_access(&token, now + Duration::minutes(16))
            .is_err());
        assert!(
            k.verify_access(&token, now - Duration::minutes(1)).is_err(),
            "not yet valid"
        );
    }

    #[test]
    fn a_wrong_key_or_alg_none_is_refused() {
        let now = Utc::now();
        let token = keys(b"secret-one")
            .issue_access("u1", Role::Admin, now)
            .unwrap();
        assert!(keys(b"secret-two").verify_access(&token, now).is_err());
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let payload = token.split('.').nth(1).unwrap();
        let unsigned = format!(
            "{}.{}.",
            engine.encode(br#"{"alg":"none","typ":"JWT"}"#),
            payload
        );
        assert!(keys(b"secret-one").verify_access(&unsigned, now).is_err());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let a = new_refresh_token();
        assert_ne!(a, new_refresh_token());
        assert_eq!(hash_refresh_token(&a).len(), 64);
        assert_ne!(hash_refresh_token(&a), a);
    }
}
