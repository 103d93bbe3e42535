//! The statistics of a period for the complaint team and its supervisors
//! (seed b.4, b.8); the definitions are in `domain::statistics`.

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::{figures, Figures, FilterParams, PeriodParams};
use crate::auth::Staff;
use crate::db::reports::ReportFilter;
use crate::domain::satisfaction::Grade;
use crate::domain::statistics::{Backlog, Durations, Share, Statistics, Workload};
use crate::domain::{Channel, Kind};
use crate::error::{ApiError, Problem};
use crate::http::complaints::list::StatusCount;
use crate::http::query::Query;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct KindCount {
    pub kind: Kind,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelCount {
    pub channel: Channel,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryCount {
    pub category_id: String,
    pub name: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthCount {
    #[schema(example = "2026-11")]
    pub month: String,
    pub received: u64,
    pub finished: u64,
}

/// `count` out of `of`, and as a percentage (one decimal; absent out of nothing).
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareView {
    pub count: u64,
    pub of: u64,
    pub percent: Option<f64>,
}

impl From<Share> for ShareView {
    fn from(share: Share) -> Self {
        ShareView {
            count: share.count,
            of: share.of,
            percent: share.percent(),
        }
    }
}

/// Working days: how many cases, their median and 90th percentile (nearest rank).
#[derive(Debug, Serialize, ToSchema)]
pub struct DurationsView {
    pub count: u64,
    pub median: Option<u32>,
    pub p90: Option<u32>,
}

impl From<Durations> for DurationsView {
    fn from(d: Durations) -> Self {
        DurationsView {
            count: d.count,
            median: d.median,
            p90: d.p90,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgeCount {
    #[schema(example = "6-10")]
    pub label: String,
    /// Working days since receipt, from ...
    pub min_days: u32,
    /// ... to (absent: and older).
    pub max_days: Option<u32>,
    pub count: u64,
}

/// Complaints still being worked on, as they stand on `as_of` (today).
#[derive(Debug, Serialize, ToSchema)]
pub struct BacklogView {
    pub as_of: NaiveDate,
    pub total: u64,
    /// Past their running deadline.
    pub overdue: u64,
    pub by_age: Vec<AgeCount>,
}

impl From<&Backlog> for BacklogView {
    fn from(b: &Backlog) -> Self {
        BacklogView {
            as_of: b.as_of,
            total: b.total,
            overdue: b.overdue,
            by_age: b
                .by_age
                .iter()
                .map(|(bucket, count)| AgeCount {
                    label: bucket.label(),
                    min_days: bucket.min,
                    max_days: bucket.max,
                    count: *count,
                })
                .collect(),
        }
    }
}

/// A division's or a handler's load: open and overdue today, finished in the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkloadView {
    /// Absent for complaints not (yet) given to a division or handler.
    pub id: Option<String>,
    pub name: Option<String>,
    pub open: u64,
    pub overdue: u64,
    pub finished: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SatisfactionSummary {
    pub responses: usize,
    /// 25 to 100; absent without any evaluation.
    pub index: Option<f64>,
    pub grade: Option<Grade>,
    /// Mean of the overall judgements, 1 to 4.
    pub overall_mean: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AppliedFilters {
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
    pub category_id: Option<String>,
    pub division_id: Option<String>,
}

/// Every figure of a period. Counts by status, kind, channel, category and
/// month are of the complaints received in the period; finished ones were
/// answered or rejected in it; the backlog and workload's open and overdue
/// counts are as they stand today.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatisticsReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub filters: AppliedFilters,
    pub received: u64,
    /// Answered or rejected in the period.
    pub finished: u64,
    pub answered: u64,
    pub rejected: u64,
    pub by_status: Vec<StatusCount>,
    pub by_kind: Vec<KindCount>,
    pub by_channel: Vec<ChannelCount>,
    pub by_category: Vec<CategoryCount>,
    pub by_month: Vec<MonthCount>,
    /// Answered by the resolution deadline, of those answered in the period.
    pub sla: ShareView,
    /// Disputed at least once, of those answered in the period.
    pub reopened: ShareView,
    /// Working days from receipt to verification, for those verified in the period.
    pub days_to_verify: DurationsView,
    /// Working days from receipt to the answer, for those answered in the period.
    pub days_to_resolve: DurationsView,
    pub backlog: BacklogView,
    pub by_division: Vec<WorkloadView>,
    pub by_handler: Vec<WorkloadView>,
    /// Of the evaluations given in the period.
    pub satisfaction: SatisfactionSummary,
}

pub fn month_counts(s: &Statistics) -> Vec<MonthCount> {
    s.by_month
        .iter()
        .map(|m| MonthCount {
            month: format!("{:04}-{:02}", m.year, m.month),
            received: m.received,
            finished: m.finished,
        })
        .collect()
}

pub fn status_counts(s: &Statistics) -> Vec<StatusCount> {
    s.by_status
        .iter()
        .map(|(status, count)| StatusCount {
            status: *status,
            count: *count as i64,
        })
        .collect()
}

pub fn kind_counts(s: &Statistics) -> Vec<KindCount> {
    s.by_kind
        .iter()
        .map(|(kind, count)| KindCount {
            kind: *kind,
            count: *count,
        })
        .collect()
}

pub fn channel_counts(s: &Statistics) -> Vec<ChannelCount> {
    s.by_channel
        .iter()
        .map(|(channel, count)| ChannelCount {
            channel: *channel,
            count: *count,
        })
        .collect()
}

impl StatisticsReport {
    pub fn build(figures: &Figures, filter: ReportFilter) -> StatisticsReport {
        let Figures {
            statistics: s,
            satisfaction,
            names,
        } = figures;
        let workload = |id: &Option<String>, load: &Workload, name: Option<String>| WorkloadView {
            id: id.clone(),
            name,
            open: load.open,
            overdue: load.overdue,
            finished: load.finished,
        };
        StatisticsReport {
            from: s.period.from(),
            to: s.period.to(),
            filters: AppliedFilters {
                kind: filter.kind,
                channel: filter.channel,
                category_id: filter.category_id,
                division_id: filter.division_id,
            },
            received: s.received,
            finished: s.finished(),
            answered: s.answered,
            rejected: s.rejected,
            by_status: status_counts(s),
            by_kind: kind_counts(s),
            by_channel: channel_counts(s),
            by_category: s
                .by_category
                .iter()
                .map(|(id, count)| CategoryCount {
                    category_id: id.clone(),
                    name: names.category(id),
                    count: *count,
                })
                .collect(),
            by_month: month_counts(s),
            sla: s.sla.into(),
            reopened: s.reopened.into(),
            days_to_verify: s.days_to_verify.into(),
            days_to_resolve: s.days_to_resolve.into(),
            backlog: (&s.backlog).into(),
            by_division: s
                .by_division
                .iter()
                .map(|(id, load)| workload(id, load, names.division(id.as_deref())))
                .collect(),
            by_handler: s
                .by_handler
                .iter()
                .map(|(id, load)| workload(id, load, names.user(id.as_deref())))
                .collect(),
            satisfaction: SatisfactionSummary {
                responses: satisfaction.responses,
                index: satisfaction.index.as_ref().map(|i| i.value),
                grade: satisfaction.index.as_ref().map(|i| i.grade),
                overall_mean: satisfaction.overall_mean,
            },
        }
    }
}

/// The statistics of a period, optionally for one kind, channel, category or
/// division. Division staff get their own division's.
#[utoipa::path(
    tag = "reports",
    security(("bearer" = [])),
    params(PeriodParams, FilterParams),
    responses(
        (status = 200, body = StatisticsReport),
        (status = 403, description = "Division staff asking for another division", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/reports/statistics")]
pub async fn statistics(
    state: web::Data<AppState>,
    staff: Staff,
    period: Query<PeriodParams>,
    filters: Query<FilterParams>,
) -> Result<HttpResponse, ApiError> {
    let period = period.period()?;
    let filter = filters.into_inner().filter(&staff)?;
    let figures = figures(&state, filter.clone(), period).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "private, no-store"))
        .json(StatisticsReport::build(&figures, filter)))
}
