//! Staff authentication: argon2id passwords, short-lived JWT access tokens,
//! and rotating refresh tokens kept (hashed) in the database. Nothing lives
//! in memory, so any replica can serve any request.

pub mod password;
pub mod tokens;

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, http::header, web, FromRequest, HttpRequest};

use crate::auth::tokens::Claims;
use crate::db::users::{self, UserRow};
use crate::domain::Role;
use crate::error::ApiError;
use crate::state::AppState;

/// The signed-in staff member making the request, loaded fresh from the
/// database so that a deactivated account or a changed role applies at once.
#[derive(Debug, Clone)]
pub struct Staff {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub division_id: Option<String>,
}

impl Staff {
    pub fn from_row(row: &UserRow) -> Result<Staff, ApiError> {
        Ok(Staff {
            id: row.id.clone(),
            username: row.username.clone(),
            full_name: row.full_name.clone(),
            role: row.role()?,
            division_id: row.division_id.clone(),
        })
    }

    /// Refuses the request unless the user has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.contains(&self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "the {} role may not do this",
                self.role
            )))
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| {
            ApiError::Unauthenticated("sign in first: send Authorization: Bearer <token>".into())
        })?
        .to_str()
        .map_err(|_| {
            ApiError::Unauthenticated("the Authorization header is not readable".into())
        })?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim().to_string())
        }
        _ => Err(ApiError::Unauthenticated(
            "expected Authorization: Bearer <token>".into(),
        )),
    }
}

/// The app state and the verified claims of the request's bearer token.
/// Synchronous, so that a refusal comes before any body is read.
fn verified(req: &HttpRequest) -> Result<(web::Data<AppState>, Claims), ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no app state")))?;
    let claims = state
        .tokens
        .verify_access(&bearer_token(req)?, state.clock.now())?;
    Ok((state, claims))
}

async fn load(state: web::Data<AppState>, claims: Claims) -> Result<Staff, ApiError> {
    let user = state
        .db
        .read(move |conn| users::find(conn, &claims.sub))
        .await?
        .filter(|user| user.active)
        .ok_or_else(|| ApiError::Unauthenticated("this account is no longer active".into()))?;
    Staff::from_row(&user)
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Staff, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let verified = verified(req);
        Box::pin(async move {
            let (state, claims) = verified?;
            load(state, claims).await
        })
    }
}

/// A signed-in admin. As an extractor it refuses everyone else with 403
/// before the request body is even read.
#[derive(Debug, Clone)]
pub struct Admin(pub Staff);

impl FromRequest for Admin {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Admin, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The token's role refuses early; the stored role decides.
        let verified = verified(req).and_then(|(state, claims)| match claims.role {
            Role::Admin => Ok((state, claims)),
            other => Err(ApiError::Forbidden(format!(
                "the {other} role may not do this"
            ))),
        });
        Box::pin(async move {
            let (state, claims) = verified?;
            let staff = load(state, claims).await?;
            staff.require(&[Role::Admin])?;
            Ok(Admin(staff))
        })
    }
}
