//! The holiday calendar: national holidays, cuti bersama, and regional sets
//! (Bali's Hindu holidays) that an admin switches on or off.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit_change;
use crate::auth::Admin;
use crate::db::new_id;
use crate::db::reference::{self, HolidayRow, HolidaySetRow};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::error::{ApiError, Problem};
use crate::http::complaints::input::Checks;
use crate::http::query::Query;
use crate::http::reference::{year_bounds, HolidayView, YearParams};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHoliday {
    pub day: NaiveDate,
    #[schema(example = "Hari Raya Galungan")]
    pub name: String,
    #[schema(example = "national")]
    pub set_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HolidaySetView {
    pub code: String,
    pub name: String,
    /// Whether its days count as holidays.
    pub enabled: bool,
}

impl From<HolidaySetRow> for HolidaySetView {
    fn from(row: HolidaySetRow) -> Self {
        HolidaySetView {
            code: row.code,
            name: row.name,
            enabled: row.enabled,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidaySetPatch {
    pub enabled: bool,
}

/// Every holiday of a year, in every set, enabled or not.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(YearParams),
    responses((status = 200, body = Vec<HolidayView>), (status = 403, body = Problem, content_type = "application/problem+json"))
)]
#[get("/admin/holidays")]
pub async fn list(
    state: web::Data<AppState>,
    _admin: Admin,
    params: Query<YearParams>,
) -> Result<HttpResponse, ApiError> {
    let year = params
        .year
        .unwrap_or_else(|| chrono::Datelike::year(&state.today()));
    let (from, to) = year_bounds(year)?;
    let rows = state
        .db
        .read(move |conn| reference::holidays_between(conn, from, to))
        .await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(HolidayView::from).collect::<Vec<_>>()))
}

/// Adds a holiday. Due dates already computed keep their value; complaints
/// whose clock moves next take the new day into account.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    request_body = NewHoliday,
    responses(
        (status = 201, body = HolidayView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/holidays")]
pub async fn create(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    input: web::Json<NewHoliday>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    let name = checks.text("name", &input.name, 2, 200, false);
    year_bounds(chrono::Datelike::year(&input.day))
        .map_err(|_| ApiError::field("day", "out_of_range", "must be between 2000 and 2100"))?;
    let now = state.clock.now().naive_utc();
    let row = checks.into_result(|| HolidayRow {
        id: new_id(),
        day: input.day,
        name: name.unwrap_or_default(),
        set_code: input.set_code.trim().to_string(),
    })?;
    let view = state
        .db
        .write(move |conn| {
            if !reference::holiday_sets(conn)?
                .iter()
                .any(|s| s.code == row.set_code)
            {
                return Err(ApiError::field(
                    "set_code",
                    "unknown",
                    "no holiday set has this code",
                ));
            }
            reference::insert_holiday(conn, &row)?;
            let id = row.id.clone();
            let view = HolidayView::from(row);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::HolidayCreated,
                (ObjectType::Holiday, &id),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}

/// Removes a holiday.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/holidays/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now().naive_utc();
    state
        .db
        .write(move |conn| {
            let removed =
                reference::delete_holiday(conn, &id)?.ok_or(ApiError::NotFound("holiday"))?;
            let view = HolidayView::from(removed);
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::HolidayRemoved,
                (ObjectType::Holiday, &id),
                &view,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The holiday sets and whether each counts.
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<HolidaySetView>), (status = 403, body = Problem, content_type = "application/problem+json"))
)]
#[get("/admin/holiday-sets")]
pub async fn sets(state: web::Data<AppState>, _admin: Admin) -> Result<HttpResponse, ApiError> {
    let rows = state.db.read(reference::holiday_sets).await?;
    Ok(HttpResponse::Ok().json(
        rows.into_iter()
            .map(HolidaySetView::from)
            .collect::<Vec<_>>(),
    ))
}

/// Switches a set on or off (for example Bali's regional holidays).
#[utoipa::path(
    tag = "admin", security(("bearer" = [])),
    params(("code" = String, Path)),
    request_body = HolidaySetPatch,
    responses(
        (status = 200, body = HolidaySetView),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/holiday-sets/{code}")]
pub async fn update_set(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    code: web::Path<String>,
    input: web::Json<HolidaySetPatch>,
) -> Result<HttpResponse, ApiError> {
    let enabled = input.enabled;
    let now = state.clock.now().naive_utc();
    let view = state
        .db
        .write(move |conn| {
            if !reference::set_holiday_set_enabled(conn, &code, enabled)? {
                return Err(ApiError::NotFound("holiday set"));
            }
            let view = reference::holiday_sets(conn)?
                .into_iter()
                .find(|s| s.code == *code)
                .map(HolidaySetView::from)
                .ok_or(ApiError::NotFound("holiday set"))?;
            audit_change(
                conn,
                now,
                &admin,
                AuditAction::HolidaySetUpdated,
                (ObjectType::HolidaySet, &code),
                &view,
            )?;
            Ok(view)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
