//! Divisions (bidang) that handle dispositioned complaints.

use actix_web::{patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::audit_change;
use crate::auth::Admin;
use crate::db::new_id;
use crate::db::reference::{self, DivisionRow};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::error::{ApiError, Problem};
use crate::http::complaints::input::Checks;
use crate::http::reference::DivisionView;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDivision {
    #[schema(example = "PELAYANAN")]
    pub code: String,
    pub name: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DivisionPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    pub active: Option<bool>,
}

fn code(checks: &mut Checks, value: &str) -> Option<String> {
    let code = checks.text("code", value, 2, 40, false)?.to_uppercase();
    if code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Some(code)
    } else {
        checks.fail("code", "invalid", "use letters, digits, '-' and '_'");
        None
    }
}

/// Adds a division.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    request_body = NewDivision,
    responses(
        (status = 201, body = DivisionView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/divisions")]
pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    input: web::Json<NewDivision>,
) -> Result<HttpResponse, ApiError> {
    let mut checks = Checks::default();
    let code = code(&mut checks, &input.code);
    let name = checks.text("name", &input.name, 2, 200, false);
    let now = state.clock.now().naive_utc();
    let row = checks.into_result(|| DivisionRow {
        id: new_id(),
        code: code.unwrap_or_default(),
        name: name.unwrap_or_default(),
        active: true,
        created_at: now,
        updated_at: now,
    })?;
    let view = state
        .db
        .write(move |conn| {
            reference::insert_division(conn, &row)?;
            let id = row.id.clone();
            let view = DivisionView::from(row);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::DivisionCreated,
                (ObjectType::Division, &id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Renames, recodes, or (de)activates a division.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = DivisionPatch,
    responses(
        (status = 200, body = DivisionView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/divisions/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<String>,
    input: web::Json<DivisionPatch>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let code = input.code.as_deref().map(|c| code(&mut checks, c));
    let name = input
        .name
        .as_deref()
        .map(|n| checks.text("name", n, 2, 200, false));
    checks.into_result(|| ())?;
    let now = state.clock.now().naive_utc();
    let view = state
        .db
        .write(move |conn| {
            let mut row = reference::division(conn, &id)?.ok_or(ApiError::NotFound("division"))?;
            if let Some(Some(code)) = code {
                row.code = code;
            }
            if let Some(Some(name)) = name {
                row.name = name;
            }
            if let Some(active) = input.active {
                row.active = active;
            }
            row.updated_at = now;
            reference::save_division(conn, &row)?;
            let id = row.id.clone();
            let view = DivisionView::from(row);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::DivisionUpdated,
                (ObjectType::Division, &id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
