//! Complaint categories and their resolution targets (1 to 60 working days).

use actix_web::{get, patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{audit_change, nullable};
use crate::auth::Admin;
use crate::db::reference::{self, CategoryRow};
use crate::db::{new_id, DbConn};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::WorkingDays;
use crate::error::{ApiError, FieldError, Problem};
use crate::http::complaints::input::Checks;
use crate::http::reference::CategoryView;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCategory {
    #[schema(example = "PERIZINAN")]
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Working days to resolve: 1 to 60.
    #[schema(minimum = 1, maximum = 60)]
    pub resolution_days: i64,
    pub default_division_id: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryPatch {
    pub code: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    #[schema(minimum = 1, maximum = 60)]
    pub resolution_days: Option<i64>,
    /// `null` removes the default division.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub default_division_id: Option<Option<String>>,
    pub active: Option<bool>,
}

fn days(checks: &mut Checks, value: i64) -> Option<i32> {
    match WorkingDays::parse(value) {
        Ok(days) => Some(days.get() as i32),
        Err(invalid) => {
            checks
                .errors
                .push(FieldError::from_invalid("resolution_days", invalid));
            None
        }
    }
}

fn check_division(conn: &mut DbConn, id: Option<&str>) -> Result<(), ApiError> {
    match id {
        Some(id) if reference::division(conn, id)?.is_none() => Err(ApiError::field(
            "default_division_id",
            "unknown",
            "no division has this id",
        )),
        _ => Ok(()),
    }
}

/// Every category, inactive ones included.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<CategoryView>), (status = 403, body = Problem, content_type = "application/problem+json"))
)]
#[get("/admin/categories")]
pub async fn list(state: web::Data<AppState>, _admin: Admin) -> Result<HttpResponse, ApiError> {
    let rows = state
        .db
        .read(|conn| reference::categories(conn, false))
        .await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(CategoryView::from).collect::<Vec<_>>()))
}

/// Adds a category.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    request_body = NewCategory,
    responses(
        (status = 201, body = CategoryView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/categories")]
pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    input: web::Json<NewCategory>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let code = checks
        .text("code", &input.code, 2, 40, false)
        .map(|c| c.to_uppercase());
    let name = checks.text("name", &input.name, 2, 200, false);
    let description = checks.optional_text("description", Some(&input.description), 1000);
    let resolution_days = days(&mut checks, input.resolution_days);
    let now = state.clock.now().naive_utc();
    let row = checks.into_result(|| CategoryRow {
        id: new_id(),
        code: code.unwrap_or_default(),
        name: name.unwrap_or_default(),
        description: description.unwrap_or_default(),
        resolution_days: resolution_days.unwrap_or_default(),
        default_division_id: input.default_division_id,
        active: true,
        created_at: now,
        updated_at: now,
    })?;
    let view = state
        .db
        .write(move |conn| {
            check_division(conn, row.default_division_id.as_deref())?;
            reference::insert_category(conn, &row)?;
            let id = row.id.clone();
            let view = CategoryView::from(row);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::CategoryCreated,
                (ObjectType::Category, &id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Changes a category. A new target applies to complaints received from now on.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = CategoryPatch,
    responses(
        (status = 200, body = CategoryView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/categories/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<String>,
    input: web::Json<CategoryPatch>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let code = input
        .code
        .as_deref()
        .and_then(|c| checks.text("code", c, 2, 40, false));
    let name = input
        .name
        .as_deref()
        .and_then(|n| checks.text("name", n, 2, 200, false));
    let resolution_days = input.resolution_days.and_then(|d| days(&mut checks, d));
    checks.into_result(|| ())?;
    let now = state.clock.now().naive_utc();
    let view = state
        .db
        .write(move |conn| {
            let mut row = reference::category(conn, &id)?.ok_or(ApiError::NotFound("category"))?;
            if let Some(code) = code {
                row.code = code.to_uppercase();
            }
            if let Some(name) = name {
                row.name = name;
            }
            if let Some(description) = input.description {
                row.description = description.trim().to_string();
            }
            if let Some(days) = resolution_days {
                row.resolution_days = days;
            }
            if let Some(division) = input.default_division_id {
                check_division(conn, division.as_deref())?;
                row.default_division_id = division;
            }
            if let Some(active) = input.active {
                row.active = active;
            }
            row.updated_at = now;
            reference::save_category(conn, &row)?;
            let id = row.id.clone();
            let view = CategoryView::from(row);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::CategoryUpdated,
                (ObjectType::Category, &id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
