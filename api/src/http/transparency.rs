//! Public transparency (seed b.7): a year's figures for anyone, without an
//! account. Aggregates only: counts, shares, a median and the satisfaction
//! index; never a name, an id, a reporter's words or a staff member's load.
//! A satisfaction index of fewer than [`MIN_RESPONSES`] evaluations is not
//! published, since it would show what one or two people answered.
//!
//! Computed at most once per [`TTL`] per replica and year (an in-memory
//! cache: losing it costs one computation), sent with an `ETag` and
//! `Cache-Control: public, max-age=300`, and answered with 304 when the
//! client already has it.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;
use utoipa::{IntoParams, ToSchema};

use super::reports::statistics::{
    channel_counts, kind_counts, month_counts, status_counts, ChannelCount, KindCount, MonthCount,
    ShareView,
};
use super::reports::{figures, Figures};
use crate::db::reports::ReportFilter;
use crate::domain::satisfaction::Grade;
use crate::domain::statistics::Period;
use crate::error::{ApiError, Problem};
use crate::http::complaints::list::StatusCount;
use crate::http::query::Query;
use crate::state::AppState;

/// How long a year's figures are served before they are computed again.
pub const TTL: TimeDelta = TimeDelta::minutes(5);

/// The fewest evaluations whose index is published.
pub const MIN_RESPONSES: usize = 5;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransparencyParams {
    /// Calendar year, 2000 to 2100 (default: this year).
    #[param(value_type = Option<i32>, example = 2026)]
    pub year: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryTotal {
    /// The category's public name.
    pub category: String,
    pub count: u64,
}

/// The satisfaction survey of the year; the index only from
/// five responses on.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicSatisfaction {
    pub responses: usize,
    pub index: Option<f64>,
    pub grade: Option<Grade>,
}

/// A year of complaint handling in figures. Counts by month, status, kind,
/// channel and category are of the submissions received; finished ones were
/// answered or rejected.
#[derive(Debug, Serialize, ToSchema)]
pub struct TransparencyReport {
    pub year: i32,
    /// When these figures were computed (they are kept for five minutes).
    pub generated_at: DateTime<Utc>,
    pub received: u64,
    pub finished: u64,
    pub answered: u64,
    pub rejected: u64,
    /// The months so far: a year still under way stops at the current month.
    pub by_month: Vec<MonthCount>,
    pub by_status: Vec<StatusCount>,
    pub by_kind: Vec<KindCount>,
    pub by_channel: Vec<ChannelCount>,
    pub by_category: Vec<CategoryTotal>,
    /// Answered within the target, of those answered in the year.
    pub answered_on_time: ShareView,
    /// Working days from receipt to the answer (median, nearest rank).
    pub median_days_to_resolve: Option<u32>,
    pub satisfaction: PublicSatisfaction,
}

impl TransparencyReport {
    /// `today` (agency-local) ends the months of a year still under way.
    fn build(
        year: i32,
        generated_at: DateTime<Utc>,
        today: NaiveDate,
        figures: &Figures,
    ) -> TransparencyReport {
        let Figures {
            statistics: s,
            satisfaction,
            names,
        } = figures;
        let published = satisfaction
            .index
            .as_ref()
            .filter(|_| satisfaction.responses >= MIN_RESPONSES);
        let this_month = format!("{:04}-{:02}", today.year(), today.month());
        let mut by_category: Vec<CategoryTotal> = s
            .by_category
            .iter()
            .map(|(id, count)| CategoryTotal {
                category: names.category(id),
                count: *count,
            })
            .collect();
        by_category.sort_by(|a, b| a.category.cmp(&b.category));
        TransparencyReport {
            year,
            generated_at,
            received: s.received,
            finished: s.finished(),
            answered: s.answered,
            rejected: s.rejected,
            by_month: month_counts(s)
                .into_iter()
                .filter(|m| m.month <= this_month)
                .collect(),
            by_status: status_counts(s),
            by_kind: kind_counts(s),
            by_channel: channel_counts(s),
            by_category,
            answered_on_time: s.sla.into(),
            median_days_to_resolve: s.days_to_resolve.median,
            satisfaction: PublicSatisfaction {
                responses: satisfaction.responses,
                index: published.map(|i| i.value),
                grade: published.map(|i| i.grade),
            },
        }
    }
}

struct Cached {
    at: DateTime<Utc>,
    body: String,
    etag: String,
}

/// A year's serialised figures and their ETag, per replica.
#[derive(Default)]
pub struct TransparencyCache {
    // A single lock: one computation at a time, and never two of one year.
    years: Mutex<HashMap<i32, Cached>>,
}

impl TransparencyCache {
    /// The body and ETag for `year`, computed when missing or older than [`TTL`].
    async fn get(&self, state: &AppState, year: i32) -> Result<(String, String), ApiError> {
        let now = state.clock.now();
        let mut years = self.years.lock().await;
        if let Some(hit) = years.get(&year).filter(|c| now - c.at < TTL) {
            return Ok((hit.body.clone(), hit.etag.clone()));
        }
        let period = Period::year(year).ok_or_else(out_of_range)?;
        let figures = figures(state, ReportFilter::default(), period).await?;
        let report = TransparencyReport::build(year, now, state.today(), &figures);
        let body = serde_json::to_string(&report).map_err(anyhow::Error::from)?;
        let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
        years.insert(
            year,
            Cached {
                at: now,
                body: body.clone(),
                etag: etag.clone(),
            },
        );
        Ok((body, etag))
    }
}

fn out_of_range() -> ApiError {
    ApiError::field("year", "out_of_range", "must be between 2000 and 2100")
}

fn year_of(param: Option<&str>, this_year: i32) -> Result<i32, ApiError> {
    match param.map(str::trim).filter(|y| !y.is_empty()) {
        None => Ok(this_year),
        Some(text) => text
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(out_of_range),
    }
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn not_modified(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// The year's figures in complaint handling, for the public.
#[utoipa::path(
    tag = "transparency",
    params(
        TransparencyParams,
        ("If-None-Match" = Option<String>, Header, description = "The ETag of a copy the client has"),
    ),
    responses(
        (status = 200, body = TransparencyReport,
            headers(("ETag" = String), ("Cache-Control" = String, description = "public, max-age=300"))),
        (status = 304, description = "The client's copy is current",
            headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/transparency")]
pub async fn transparency(
    state: web::Data<AppState>,
    req: HttpRequest,
    params: Query<TransparencyParams>,
) -> Result<HttpResponse, ApiError> {
    let year = year_of(params.year.as_deref(), state.today().year())?;
    let (body, etag) = state.transparency.get(&state, year).await?;
    let current = not_modified(&req, &etag);
    let mut response = if current {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response.insert_header((header::ETAG, etag)).insert_header((
        header::CACHE_CONTROL,
        format!("public, max-age={}", TTL.num_seconds()),
    ));
    Ok(if current {
        response.finish()
    } else {
        response.content_type("application/json").body(body)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn years_default_to_this_one_and_stay_in_range() {
        assert_eq!(year_of(None, 2026).unwrap(), 2026);
        assert_eq!(year_of(Some(" "), 2026).unwrap(), 2026);
        assert_eq!(year_of(Some("2025"), 2026).unwrap(), 2025);
        for bad in ["1999", "2101", "20x6", "-1"] {
            assert!(year_of(Some(bad), 2026).is_err(), "{bad}");
        }
    }

    #[test]
    fn if_none_match_takes_lists_weak_tags_and_star() {
        let with = |value: &str| {
            TestRequest::default()
                .insert_header((header::IF_NONE_MATCH, value.to_string()))
                .to_http_request()
        };
        assert!(not_modified(&with("\"abc\""), "\"abc\""));
        assert!(not_modified(&with("\"x\", W/\"abc\""), "\"abc\""));
        assert!(not_modified(&with("*"), "\"abc\""));
        assert!(!not_modified(&with("\"abd\""), "\"abc\""));
        assert!(!not_modified(
            &TestRequest::default().to_http_request(),
            "\"abc\""
        ));
    }
}
