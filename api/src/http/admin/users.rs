//! Staff accounts, their roles, divisions, and the chain of supervision
//! (who reports to whom, seed b.4).

use actix_web::{get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{audit_change, nullable};
use crate::auth::{password, Admin};
use crate::db::audit::{self, AuditEntry};
use crate::db::users::{self, UserRow};
use crate::db::{new_id, reference, tokens, DbConn};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::Role;
use crate::error::{ApiError, Problem};
use crate::http::complaints::input::Checks;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub division_id: Option<String>,
    /// Whom this user reports to.
    pub supervisor_id: Option<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl UserView {
    fn of(row: UserRow) -> Result<UserView, ApiError> {
        Ok(UserView {
            role: row.role()?,
            id: row.id,
            username: row.username,
            full_name: row.full_name,
            email: row.email,
            division_id: row.division_id,
            supervisor_id: row.supervisor_id,
            active: row.active,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    #[schema(example = "wayan.officer")]
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub role: Role,
    /// Required for division staff.
    pub division_id: Option<String>,
    pub supervisor_id: Option<String>,
    /// At least 10 characters.
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    pub full_name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub division_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub supervisor_id: Option<Option<String>>,
    /// A deactivated user is signed out everywhere.
    pub active: Option<bool>,
    /// Sets a new password and signs the user out everywhere.
    pub password: Option<String>,
}

fn username(checks: &mut Checks, value: &str) -> Option<String> {
    let name = checks.text("username", value, 3, 60, false)?.to_lowercase();
    if name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        Some(name)
    } else {
        checks.fail(
            "username",
            "invalid",
            "use letters, digits, '.', '-' and '_'",
        );
        None
    }
}

fn new_password(checks: &mut Checks, value: &str) -> Option<String> {
    if value.chars().count() < password::MIN_LENGTH {
        checks.fail(
            "password",
            "too_short",
            format!("must have at least {} characters", password::MIN_LENGTH),
        );
        return None;
    }
    if value.chars().count() > 200 {
        checks.fail("password", "too_long", "must have at most 200 characters");
        return None;
    }
    Some(value.to_string())
}

/// Checks the relations a user row points to: its division, and a supervisor
/// that exists and does not lead back to the user (no loop in the chain).
fn check_relations(conn: &mut DbConn, row: &UserRow) -> Result<(), ApiError> {
    let mut checks = Checks::default();
    let role = row.role()?;
    match &row.division_id {
        Some(id) if reference::division(conn, id)?.is_none() => {
            checks.fail("division_id", "unknown", "no division has this id")
        }
        None if role == Role::DivisionStaff => checks.fail(
            "division_id",
            "required",
            "division staff belong to a division",
        ),
        _ => {}
    }
    if let Some(supervisor) = &row.supervisor_id {
        if *supervisor == row.id {
            checks.fail(
                "supervisor_id",
                "self",
                "a user cannot supervise themselves",
            );
        } else if users::find(conn, supervisor)?.is_none() {
            checks.fail("supervisor_id", "unknown", "no user has this id");
        } else if users::supervisors_of(conn, supervisor)?
            .iter()
            .any(|u| u.id == row.id)
        {
            checks.fail(
                "supervisor_id",
                "loop",
                "this would make the chain of supervision a loop",
            );
        }
    }
    checks.into_result(|| ())
}

/// Every staff account.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<UserView>), (status = 403, body = Problem, content_type = "application/problem+json"))
)]
#[get("/admin/users")]
pub async fn list(state: web::Data<AppState>, _admin: Admin) -> Result<HttpResponse, ApiError> {
    let rows = state.db.read(users::list).await?;
    let views = rows
        .into_iter()
        .map(UserView::of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(views))
}

/// One staff account.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = UserView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/users/{id}")]
pub async fn show(
    state: web::Data<AppState>,
    _admin: Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let row = state
        .db
        .read(move |conn| users::find(conn, &id)?.ok_or(ApiError::NotFound("user")))
        .await?;
    Ok(HttpResponse::Ok().json(UserView::of(row)?))
}

/// Creates a staff account.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    request_body = NewUser,
    responses(
        (status = 201, body = UserView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/users")]
pub async fn create(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    input: web::Json<NewUser>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let username = username(&mut checks, &input.username);
    let full_name = checks.text("full_name", &input.full_name, 2, 150, false);
    let email = checks.optional_text("email", input.email.as_deref(), 254);
    let password = new_password(&mut checks, &input.password);
    checks.into_result(|| ())?;
    let hash = web::block(move || password::hash(&password.unwrap_or_default()))
        .await
        .map_err(|e| ApiError::Internal(e.into()))??;
    let now = state.clock.now().naive_utc();
    let row = UserRow {
        id: new_id(),
        username: username.unwrap_or_default(),
        full_name: full_name.unwrap_or_default(),
        email,
        password_hash: hash,
        role: input.role.as_str().into(),
        division_id: input.division_id,
        supervisor_id: input.supervisor_id,
        active: true,
        created_at: now,
        updated_at: now,
    };
    let admin = staff.clone();
    let view = state
        .db
        .write(move |conn| {
            check_relations(conn, &row)?;
            users::insert(conn, &row)?;
            let view = UserView::of(row)?;
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::UserCreated,
                (ObjectType::User, &view.id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    log::info!("user {} created by {}", view.username, staff.username);
    Ok(HttpResponse::Created().json(view))
}

/// Changes a staff account: name, email, role, division, supervisor,
/// active, password.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = UserPatch,
    responses(
        (status = 200, body = UserView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/users/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    Admin(staff): Admin,
    id: web::Path<String>,
    input: web::Json<UserPatch>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let full_name = input
        .full_name
        .as_deref()
        .and_then(|n| checks.text("full_name", n, 2, 150, false));
    let email = input
        .email
        .as_ref()
        .map(|e| checks.optional_text("email", e.as_deref(), 254));
    let password = input
        .password
        .as_deref()
        .and_then(|p| new_password(&mut checks, p));
    if id.as_str() == staff.id
        && (input.active == Some(false) || input.role.is_some_and(|r| r != Role::Admin))
    {
        checks.fail(
            "active",
            "self",
            "an admin cannot deactivate or demote their own account",
        );
    }
    checks.into_result(|| ())?;
    let hash = match password {
        Some(p) => Some(
            web::block(move || password::hash(&p))
                .await
                .map_err(|e| ApiError::Internal(e.into()))??,
        ),
        None => None,
    };
    let now = state.clock.now().naive_utc();
    let password_changed = hash.is_some();
    let view = state
        .db
        .write(move |conn| {
            let mut row = users::find(conn, &id)?.ok_or(ApiError::NotFound("user"))?;
            let mut sign_out = false;
            if let Some(name) = full_name {
                row.full_name = name;
            }
            if let Some(email) = email {
                row.email = email;
            }
            if let Some(role) = input.role {
                row.role = role.as_str().into();
            }
            if let Some(division) = input.division_id {
                row.division_id = division;
            }
            if let Some(supervisor) = input.supervisor_id {
                row.supervisor_id = supervisor;
            }
            if let Some(active) = input.active {
                sign_out |= !active;
                row.active = active;
            }
            if let Some(hash) = hash {
                row.password_hash = hash;
                sign_out = true;
            }
            row.updated_at = now;
            check_relations(conn, &row)?;
            users::save(conn, &row)?;
            if sign_out {
                tokens::revoke_all_for_user(conn, &row.id, now)?;
            }
            let view = UserView::of(row)?;
            // The password itself is never recorded, only that it changed.
            audit::record(
                conn,
                now,
                AuditEntry::new(AuditAction::UserUpdated, ObjectType::User, Some(&view.id))
                    .by(&staff.id, staff.role)
                    .details(
                        serde_json::json!({ "after": view, "password_changed": password_changed }),
                    ),
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
