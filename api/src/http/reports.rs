//! Reports for supervision and evaluation (seed b.4, b.8).

use std::collections::BTreeMap;

use actix_web::{get, web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Staff;
use crate::db::evaluations;
use crate::domain::satisfaction::{index as satisfaction_index, Element, Grade};
use crate::domain::Role;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// First agency-local day of the period.
    pub from: NaiveDate,
    /// Last agency-local day of the period.
    pub to: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ElementMean {
    pub element: Element,
    /// Mean score, 1 to 4.
    pub mean: f64,
}

/// The satisfaction index of a period, as PermenPANRB 14/2017 computes it:
/// the mean score of each element, weighted equally, times 25; graded
/// A (88.31–100), B (76.61–88.30), C (65.00–76.60), D (25.00–64.99).
#[derive(Debug, Serialize, ToSchema)]
pub struct SatisfactionReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub responses: usize,
    /// Absent without any evaluation in the period.
    pub index: Option<f64>,
    pub grade: Option<Grade>,
    pub elements: Vec<ElementMean>,
    /// Mean of the overall judgements, 1 to 4.
    pub overall_mean: Option<f64>,
}

/// The satisfaction index of evaluations given in a period.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(PeriodParams),
    responses(
        (status = 200, body = SatisfactionReport),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/satisfaction")]
pub async fn satisfaction(
    state: web::Data<AppState>,
    staff: Staff,
    period: web::Query<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    staff.require(&[Role::Admin, Role::Supervisor, Role::TeamLead])?;
    let PeriodParams { from, to } = period.into_inner();
    if from > to {
        return Err(ApiError::field(
            "to",
            "before_start",
            "must not be before from",
        ));
    }
    let tz = state.config.timezone;
    let midnight = |day: NaiveDate| -> Option<NaiveDateTime> {
        tz.from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
            .earliest()
            .map(|at| at.naive_utc())
    };
    let (Some(start), Some(end)) = (midnight(from), to.succ_opt().and_then(midnight)) else {
        return Err(ApiError::field(
            "to",
            "out_of_range",
            "not a date this service can count",
        ));
    };
    let rows = state
        .db
        .read(move |conn| evaluations::between(conn, start, end))
        .await?;
    let scores: Vec<BTreeMap<Element, i64>> = rows
        .iter()
        .filter_map(|row| serde_json::from_str(&row.scores).ok())
        .collect();
    let index = satisfaction_index(&scores);
    let overall_mean = (!rows.is_empty())
        .then(|| rows.iter().map(|r| r.overall as f64).sum::<f64>() / rows.len() as f64);
    Ok(HttpResponse::Ok().json(SatisfactionReport {
        from,
        to,
        responses: rows.len(),
        index: index.as_ref().map(|i| i.value),
        grade: index.as_ref().map(|i| i.grade),
        elements: index
            .map(|i| {
                i.element_means
                    .into_iter()
                    .map(|(element, mean)| ElementMean { element, mean })
                    .collect()
            })
            .unwrap_or_default(),
        overall_mean,
    }))
}
