//! Sign-in, token refresh, sign-out and the current user. Sign-ins (failed
//! ones too), sign-outs and reused refresh tokens go into the audit log.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{password, tokens, Staff};
use crate::db::audit::{self, AuditEntry};
use crate::db::tokens::{self as token_rows, RefreshTokenRow};
use crate::db::{new_id, users, DbConn};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::Role;
use crate::error::{ApiError, Problem};
use crate::http::rate_limit::Bucket;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    #[schema(example = "admin")]
    pub username: String,
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshInput {
    pub refresh_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenPair {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    pub access_token_expires_at: DateTime<Utc>,
    /// Exchange once for a new pair; a second use revokes the sign-in.
    pub refresh_token: String,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub user: Me,
}

/// The signed-in staff member.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub division_id: Option<String>,
}

impl From<&Staff> for Me {
    fn from(staff: &Staff) -> Me {
        Me {
            id: staff.id.clone(),
            username: staff.username.clone(),
            full_name: staff.full_name.clone(),
            role: staff.role,
            division_id: staff.division_id.clone(),
        }
    }
}

/// Starts a token family for `staff` and returns its first pair.
fn issue_pair(
    conn: &mut DbConn,
    state: &AppState,
    staff: &Staff,
    family_id: String,
) -> Result<TokenPair, ApiError> {
    let now = state.clock.now();
    let refresh_token = tokens::new_refresh_token();
    let refresh_expires = now + state.tokens.refresh_ttl;
    token_rows::insert(
        conn,
        &RefreshTokenRow {
            id: new_id(),
            family_id,
            user_id: staff.id.clone(),
            token_hash: tokens::hash_refresh_token(&refresh_token),
            expires_at: refresh_expires.naive_utc(),
            rotated_at: None,
            revoked_at: None,
            created_at: now.naive_utc(),
        },
    )?;
    Ok(TokenPair {
        access_token: state.tokens.issue_access(&staff.id, staff.role, now)?,
        token_type: "Bearer",
        access_token_expires_at: now + state.tokens.access_ttl,
        refresh_token,
        refresh_token_expires_at: refresh_expires,
        user: Me::from(staff),
    })
}

const BAD_LOGIN: &str = "the username or password is wrong";

/// Signs in with username and password.
#[utoipa::path(
    tag = "auth",
    request_body = LoginInput,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    input: web::Json<LoginInput>,
) -> Result<HttpResponse, ApiError> {
    state
        .limiter
        .check(Bucket::Login, &req, state.clock.now())?;
    let input = input.into_inner();
    let username = input.username.trim().to_lowercase();
    let wanted = username.clone();
    let user = state
        .db
        .read(move |conn| users::find_by_username(conn, &wanted))
        .await?;
    // Verify even without a user, so timing does not tell which usernames exist.
    let phc = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| password::decoy_hash().to_string());
    let password = input.password;
    let matches = web::block(move || password::verify(&password, &phc))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let now = state.clock.now().naive_utc();
    let user = match user {
        Some(user) if matches && user.active => user,
        other => {
            log::info!("failed sign-in");
            // The attempt is recorded, never the password; the answer is the
            // same whatever the reason, so it does not tell which names exist.
            let reason = match &other {
                None => "unknown_user",
                Some(user) if !user.active && matches => "inactive",
                Some(_) => "wrong_password",
            };
            let attempted: String = username.chars().take(100).collect();
            let entry = AuditEntry::new(
                AuditAction::SignInFailed,
                ObjectType::User,
                other.as_ref().map(|u| u.id.as_str()),
            )
            .details(serde_json::json!({ "username": attempted, "reason": reason }));
            state
                .db
                .write(move |conn| audit::record(conn, now, entry))
                .await?;
            return Err(ApiError::Unauthenticated(BAD_LOGIN.into()));
        }
    };
    let staff = Staff::from_row(&user)?;
    let state2 = state.clone();
    let pair = state
        .db
        .write(move |conn| {
            audit::record(
                conn,
                now,
                AuditEntry::new(AuditAction::SignIn, ObjectType::User, Some(&staff.id))
                    .by(&staff.id, staff.role),
            )?;
            issue_pair(conn, &state2, &staff, new_id())
        })
        .await?;
    log::info!("user {} signed in", user.username);
    Ok(HttpResponse::Ok().json(pair))
}

/// Exchanges a refresh token for a new pair (the old one stops working).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshInput,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, description = "Unknown, expired, revoked or reused token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    input: web::Json<RefreshInput>,
) -> Result<HttpResponse, ApiError> {
    let hash = tokens::hash_refresh_token(input.refresh_token.trim());
    let state2 = state.clone();
    // A reuse revokes the family and must stay revoked, so that write commits
    // even though the request fails.
    let outcome = state
        .db
        .write(move |conn| {
            let now = state2.clock.now().naive_utc();
            let Some(token) = token_rows::find_by_hash(conn, &hash)? else {
                return Ok(Err("the refresh token is not known"));
            };
            if token.revoked_at.is_some() {
                return Ok(Err("the refresh token was revoked; sign in again"));
            }
            if token.rotated_at.is_some() || !token_rows::mark_rotated(conn, &token.id, now)? {
                log::warn!(
                    "refresh token reused; revoking its family {}",
                    token.family_id
                );
                token_rows::revoke_family(conn, &token.family_id, now)?;
                audit::record(
                    conn,
                    now,
                    AuditEntry::new(
                        AuditAction::TokenReused,
                        ObjectType::User,
                        Some(&token.user_id),
                    )
                    .details(serde_json::json!({ "family_id": token.family_id })),
                )?;
                return Ok(Err("the refresh token was already used; sign in again"));
            }
            if token.expires_at <= now {
                return Ok(Err("the refresh token has expired; sign in again"));
            }
            let user = users::find(conn, &token.user_id)?.filter(|u| u.active);
            let Some(user) = user else {
                return Ok(Err("this account is no longer active"));
            };
            let staff = Staff::from_row(&user)?;
            issue_pair(conn, &state2, &staff, token.family_id).map(Ok)
        })
        .await?;
    match outcome {
        Ok(pair) => Ok(HttpResponse::Ok().json(pair)),
        Err(reason) => Err(ApiError::Unauthenticated(reason.into())),
    }
}

/// Signs out: the refresh token and its whole family stop working.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshInput,
    responses((status = 204, description = "Signed out"))
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    input: web::Json<RefreshInput>,
) -> Result<HttpResponse, ApiError> {
    let hash = tokens::hash_refresh_token(input.refresh_token.trim());
    let now = state.clock.now().naive_utc();
    state
        .db
        .write(move |conn| {
            if let Some(token) = token_rows::find_by_hash(conn, &hash)? {
                token_rows::revoke_family(conn, &token.family_id, now)?;
                let mut entry =
                    AuditEntry::new(AuditAction::SignOut, ObjectType::User, Some(&token.user_id));
                if let Some(user) = users::find(conn, &token.user_id)? {
                    entry = entry.by(&user.id, user.role()?);
                }
                audit::record(conn, now, entry)?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Who is signed in.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Me),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/auth/me")]
pub async fn me(staff: Staff) -> HttpResponse {
    HttpResponse::Ok().json(Me::from(&staff))
}
