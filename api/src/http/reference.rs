//! Reference data clients need: categories (public), divisions and staff
//! (for disposition), the holiday calendar (public, for due dates).

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Staff;
use crate::db::reference::{self, CategoryRow, DivisionRow, HolidayRow};
use crate::db::users;
use crate::domain::Role;
use crate::error::{ApiError, Problem};
use crate::http::query::Query;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryView {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    /// Working days to resolve (1 to 60).
    pub resolution_days: i32,
    pub default_division_id: Option<String>,
    pub active: bool,
}

impl From<CategoryRow> for CategoryView {
    fn from(row: CategoryRow) -> Self {
        CategoryView {
            id: row.id,
            code: row.code,
            name: row.name,
            description: row.description,
            resolution_days: row.resolution_days,
            default_division_id: row.default_division_id,
            active: row.active,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DivisionView {
    pub id: String,
    pub code: String,
    pub name: String,
    pub active: bool,
}

impl From<DivisionRow> for DivisionView {
    fn from(row: DivisionRow) -> Self {
        DivisionView {
            id: row.id,
            code: row.code,
            name: row.name,
            active: row.active,
        }
    }
}

/// A colleague, as shown when choosing a handler.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffRef {
    pub id: String,
    pub full_name: String,
    pub role: Role,
    pub division_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HolidayView {
    pub id: String,
    pub day: NaiveDate,
    pub name: String,
    /// `national`, `cuti_bersama`, `bali` or one an admin added.
    pub set_code: String,
}

impl From<HolidayRow> for HolidayView {
    fn from(row: HolidayRow) -> Self {
        HolidayView {
            id: row.id,
            day: row.day,
            name: row.name,
            set_code: row.set_code,
        }
    }
}

/// The active categories a submission can be filed under.
#[utoipa::path(tag = "reference", responses((status = 200, body = Vec<CategoryView>)))]
#[get("/categories")]
pub async fn categories(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let list = state
        .db
        .read(|conn| reference::categories(conn, true))
        .await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(CategoryView::from).collect::<Vec<_>>()))
}

/// The agency's divisions.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<DivisionView>), (status = 401, body = Problem, content_type = "application/problem+json"))
)]
#[get("/divisions")]
pub async fn divisions(
    state: web::Data<AppState>,
    _staff: Staff,
) -> Result<HttpResponse, ApiError> {
    let list = state.db.read(reference::divisions).await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(DivisionView::from).collect::<Vec<_>>()))
}

/// Active staff, for choosing a handler.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<StaffRef>), (status = 401, body = Problem, content_type = "application/problem+json"))
)]
#[get("/staff")]
pub async fn staff(state: web::Data<AppState>, _staff: Staff) -> Result<HttpResponse, ApiError> {
    let list = state.db.read(users::list).await?;
    let refs = list
        .into_iter()
        .filter(|u| u.active)
        .map(|u| {
            Ok(StaffRef {
                role: u.role()?,
                id: u.id,
                full_name: u.full_name,
                division_id: u.division_id,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(HttpResponse::Ok().json(refs))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParams {
    /// Calendar year (default: this year).
    pub year: Option<i32>,
}

/// The holidays that count (their set is enabled) in a year: the days on
/// which no working-day clock runs.
#[utoipa::path(tag = "reference", params(YearParams), responses((status = 200, body = Vec<HolidayView>)))]
#[get("/holidays")]
pub async fn holidays(
    state: web::Data<AppState>,
    params: Query<YearParams>,
) -> Result<HttpResponse, ApiError> {
    let year = params
        .year
        .unwrap_or_else(|| chrono::Datelike::year(&state.today()));
    let (from, to) = year_bounds(year)?;
    let list = state
        .db
        .read(move |conn| {
            let enabled: Vec<String> = reference::holiday_sets(conn)?
                .into_iter()
                .filter(|s| s.enabled)
                .map(|s| s.code)
                .collect();
            Ok(reference::holidays_between(conn, from, to)?
                .into_iter()
                .filter(|h| enabled.contains(&h.set_code))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(HolidayView::from).collect::<Vec<_>>()))
}

pub fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate), ApiError> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(from), Some(to)) if (2000..=2100).contains(&year) => Ok((from, to)),
        _ => Err(ApiError::field(
            "year",
            "out_of_range",
            "must be between 2000 and 2100",
        )),
    }
}
