//! The satisfaction index of a period (seed b.8).

use std::collections::BTreeMap;

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::{instants, PeriodParams};
use crate::auth::Staff;
use crate::db::evaluations::EvaluationRow;
use crate::db::reports::{self, ReportFilter};
use crate::domain::satisfaction::{index as satisfaction_index, Element, Grade, Index};
use crate::domain::Role;
use crate::error::{ApiError, Problem};
use crate::http::query::Query;
use crate::state::AppState;

/// The evaluations of a period, summed up.
#[derive(Debug, Clone, PartialEq)]
pub struct Satisfaction {
    pub responses: usize,
    /// `None` without any evaluation.
    pub index: Option<Index>,
    /// Mean of the overall judgements, 1 to 4.
    pub overall_mean: Option<f64>,
}

impl Satisfaction {
    pub fn of(rows: &[EvaluationRow]) -> Satisfaction {
        let scores: Vec<BTreeMap<Element, i64>> = rows
            .iter()
            .filter_map(|row| serde_json::from_str(&row.scores).ok())
            .collect();
        Satisfaction {
            responses: rows.len(),
            index: satisfaction_index(&scores),
            overall_mean: (!rows.is_empty())
                .then(|| rows.iter().map(|r| r.overall as f64).sum::<f64>() / rows.len() as f64),
        }
    }
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
    params: Query<PeriodParams>,
) -> Result<HttpResponse, ApiError> {
    staff.require(&[Role::Admin, Role::Supervisor, Role::TeamLead])?;
    let period = params.period()?;
    let (start, end) = instants(state.config.timezone, period)?;
    let rows = state
        .db
        .read(move |conn| reports::evaluations(conn, &ReportFilter::default(), start, end))
        .await?;
    let summary = Satisfaction::of(&rows);
    Ok(HttpResponse::Ok().json(SatisfactionReport {
        from: period.from(),
        to: period.to(),
        responses: summary.responses,
        index: summary.index.as_ref().map(|i| i.value),
        grade: summary.index.as_ref().map(|i| i.grade),
        elements: summary
            .index
            .map(|i| {
                i.element_means
                    .into_iter()
                    .map(|(element, mean)| ElementMean { element, mean })
                    .collect()
            })
            .unwrap_or_default(),
        overall_mean: summary.overall_mean,
    }))
}
