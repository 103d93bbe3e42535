//! What the reports read: the facts of the complaints a period's figures
//! need, who disputed, and the evaluations given in the period.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::DefaultLoadingMode;
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;

use super::complaints::ComplaintRow;
use super::evaluations::EvaluationRow;
use super::schema::{complaint_events, complaints, evaluations};
use super::DbConn;
use crate::domain::statistics::Facts;
use crate::domain::timeline::EventKind;
use crate::domain::{Calendar, Channel, Kind, Status};
use crate::error::ApiError;

/// Which complaints a report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
    pub category_id: Option<String>,
    pub division_id: Option<String>,
}

/// Narrows a boxed query over `complaints` (or a join with it) to a filter.
macro_rules! narrow {
    ($query:expr, $filter:expr) => {{
        let (mut query, filter) = ($query, $filter);
        if let Some(kind) = filter.kind {
            query = query.filter(complaints::kind.eq(kind.as_str()));
        }
        if let Some(channel) = filter.channel {
            query = query.filter(complaints::channel.eq(channel.as_str()));
        }
        if let Some(category) = &filter.category_id {
            query = query.filter(complaints::category_id.eq(category.clone()));
        }
        if let Some(division) = &filter.division_id {
            query = query.filter(complaints::division_id.eq(division.clone()));
        }
        query
    }};
}

/// The columns the figures need, not the complaint's text.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct FactsRow {
    pub id: String,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub category_id: String,
    pub division_id: Option<String>,
    pub assignee_id: Option<String>,
    pub received_on: NaiveDate,
    pub verified_at: Option<NaiveDateTime>,
    pub resolved_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub rejection_reason: Option<String>,
    pub resolution_due_on: NaiveDate,
    pub sla_due_on: Option<NaiveDate>,
}

impl From<&ComplaintRow> for FactsRow {
    fn from(row: &ComplaintRow) -> FactsRow {
        FactsRow {
            id: row.id.clone(),
            kind: row.kind.clone(),
            channel: row.channel.clone(),
            status: row.status.clone(),
            category_id: row.category_id.clone(),
            division_id: row.division_id.clone(),
            assignee_id: row.assignee_id.clone(),
            received_on: row.received_on,
            verified_at: row.verified_at,
            resolved_at: row.resolved_at,
            closed_at: row.closed_at,
            rejection_reason: row.rejection_reason.clone(),
            resolution_due_on: row.resolution_due_on,
            sla_due_on: row.sla_due_on,
        }
    }
}

fn parse<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, ApiError>
where
    T::Err: std::fmt::Display,
{
    text.parse()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored {what} is invalid: {e}")))
}

/// One shared copy of each id that a report's rows repeat (a category's, a
/// division's, a handler's), so that counting by them copies no text.
#[derive(Debug, Default)]
pub struct SharedIds(HashSet<Arc<str>>);

impl SharedIds {
    fn share(&mut self, id: String) -> Arc<str> {
        if let Some(known) = self.0.get(id.as_str()) {
            return known.clone();
        }
        let id: Arc<str> = id.into();
        self.0.insert(id.clone());
        id
    }
}

impl FactsRow {
    /// The facts, with instants turned into agency-local days.
    pub fn facts(
        self,
        calendar: &Calendar,
        disputed: bool,
        ids: &mut SharedIds,
    ) -> Result<Facts, ApiError> {
        let day = |at: Option<NaiveDateTime>| at.map(|at| calendar.local_date(at.and_utc()));
        Ok(Facts {
            kind: parse(&self.kind, "kind")?,
            channel: parse(&self.channel, "channel")?,
            status: parse(&self.status, "status")?,
            category_id: ids.share(self.category_id),
            division_id: self.division_id.map(|id| ids.share(id)),
            assignee_id: self.assignee_id.map(|id| ids.share(id)),
            received_on: self.received_on,
            verified_on: day(self.verified_at),
            answered_on: day(self.resolved_at),
            rejected_on: day(self.closed_at.filter(|_| self.rejection_reason.is_some())),
            resolution_due_on: self.resolution_due_on,
            running_due_on: self.sla_due_on,
            disputed,
        })
    }
}

/// The query for the complaints the figures of `[start, end)` need:
/// received, verified, answered or closed in it, or still open (for the
/// backlog). A macro because each backend loads it with its own mode.
macro_rules! facts_query {
    ($filter:expr, $start:expr, $end:expr) => {{
        use complaints::dsl as c;
        let (start, end) = ($start, $end);
        let open = [
            Status::Received,
            Status::NeedsInfo,
            Status::Verified,
            Status::Dispositioned,
            Status::InProgress,
        ]
        .map(Status::as_str);
        let query = complaints::table.into_boxed().filter(
            c::received_at
                .ge(start)
                .and(c::received_at.lt(end))
                .nullable()
                .or(c::verified_at.ge(start).and(c::verified_at.lt(end)))
                .or(c::resolved_at.ge(start).and(c::resolved_at.lt(end)))
                .or(c::closed_at.ge(start).and(c::closed_at.lt(end)))
                .or(c::status.eq_any(open).nullable()),
        );
        narrow!(query, $filter).select(FactsRow::as_select())
    }};
}

/// Hands `each` the facts of every complaint the figures of `[start, end)`
/// need, one at a time: a year of a large agency is hundreds of thousands
/// of rows, so they are read one by one (libpq would otherwise hold the
/// whole result) and none is kept here.
pub fn for_each_fact(
    conn: &mut DbConn,
    filter: &ReportFilter,
    start: NaiveDateTime,
    end: NaiveDateTime,
    calendar: &Calendar,
    mut each: impl FnMut(Facts),
) -> Result<(), ApiError> {
    let disputed = disputed(conn)?;
    let mut ids = SharedIds::default();
    let mut take = |row: QueryResult<FactsRow>| -> Result<(), ApiError> {
        let row = row?;
        let was_disputed = disputed.contains(&row.id);
        each(row.facts(calendar, was_disputed, &mut ids)?);
        Ok(())
    };
    match conn {
        DbConn::Postgres(pg) => facts_query!(filter, start, end)
            .load_iter::<FactsRow, PgRowByRowLoadingMode>(pg)?
            .try_for_each(&mut take),
        DbConn::Sqlite(lite) => facts_query!(filter, start, end)
            .load_iter::<FactsRow, DefaultLoadingMode>(lite)?
            .try_for_each(&mut take),
    }
}

/// Every complaint the reporter disputed at least once: few, and read from
/// a partial index, so one query serves any period.
fn disputed(conn: &mut DbConn) -> Result<HashSet<String>, ApiError> {
    Ok(complaint_events::table
        .filter(complaint_events::action.eq(EventKind::Disputed.as_str()))
        .select(complaint_events::complaint_id)
        .distinct()
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// Evaluations given in `[start, end)` of the complaints `filter` covers.
pub fn evaluations(
    conn: &mut DbConn,
    filter: &ReportFilter,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<Vec<EvaluationRow>, ApiError> {
    let query = evaluations::table
        .inner_join(complaints::table)
        .filter(evaluations::created_at.ge(start))
        .filter(evaluations::created_at.lt(end))
        .into_boxed();
    Ok(narrow!(query, filter)
        .select(EvaluationRow::as_select())
        .load(conn)?)
}
