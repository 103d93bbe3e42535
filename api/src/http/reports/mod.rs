//! Reports for supervision and evaluation (seed b.4, b.8): the satisfaction
//! index, the statistics of a period, and the exports. What they share: the
//! period and filter parameters, and the loading of a period's figures.

pub mod exports;
pub mod satisfaction;
pub mod statistics;

use std::collections::HashMap;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::db::reports::{self, ReportFilter};
use crate::db::{reference, users, DbConn};
use crate::domain::statistics::{Period, Statistics, Tally};
use crate::domain::{Channel, Invalid, Kind, Role};
use crate::error::{ApiError, FieldError};
use crate::state::AppState;
use satisfaction::Satisfaction;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodParams {
    /// First agency-local day of the period (YYYY-MM-DD).
    #[param(value_type = String, format = Date)]
    pub from: String,
    /// Last agency-local day of the period; a period covers at most 366 days.
    #[param(value_type = String, format = Date)]
    pub to: String,
}

impl PeriodParams {
    pub fn period(&self) -> Result<Period, ApiError> {
        match (day("from", &self.from), day("to", &self.to)) {
            (Ok(from), Ok(to)) => Period::new(from, to)
                .map_err(|e| ApiError::Validation(vec![FieldError::from_invalid("to", e)])),
            (from, to) => Err(ApiError::Validation(
                from.err().into_iter().chain(to.err()).collect(),
            )),
        }
    }
}

/// A `YYYY-MM-DD` query parameter.
pub fn day(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "invalid_date", "give a date as YYYY-MM-DD"))
}

/// Which complaints a report covers (all when none is given).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    #[param(value_type = Option<Kind>)]
    pub kind: Option<String>,
    #[param(value_type = Option<Channel>)]
    pub channel: Option<String>,
    pub category_id: Option<String>,
    /// Division staff always get their own division's figures.
    pub division_id: Option<String>,
}

impl FilterParams {
    /// The filter for `staff`: division staff are held to their division.
    pub fn filter(self, staff: &Staff) -> Result<ReportFilter, ApiError> {
        let mut errors = Vec::new();
        let kind: Option<Kind> = parse_given("kind", self.kind, &mut errors);
        let channel: Option<Channel> = parse_given("channel", self.channel, &mut errors);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let mut division_id = given(self.division_id);
        if staff.role == Role::DivisionStaff {
            // Without a division they see nothing, as in the inbox.
            let own = staff.division_id.clone().unwrap_or_default();
            if division_id.as_ref().is_some_and(|asked| *asked != own) {
                return Err(ApiError::Forbidden(
                    "division staff see only their own division's figures".into(),
                ));
            }
            division_id = Some(own);
        }
        Ok(ReportFilter {
            kind,
            channel,
            category_id: given(self.category_id),
            division_id,
        })
    }
}

/// A parameter's value, `None` when absent or blank.
pub fn given(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// Parses a given parameter, noting a bad value under its name.
pub fn parse_given<T>(field: &str, value: Option<String>, errors: &mut Vec<FieldError>) -> Option<T>
where
    T: FromStr<Err = Invalid>,
{
    given(value).and_then(|text| {
        text.trim()
            .parse()
            .map_err(|e| errors.push(FieldError::from_invalid(field, e)))
            .ok()
    })
}

/// The UTC instant a local day starts.
pub fn midnight(tz: Tz, day: NaiveDate) -> Option<NaiveDateTime> {
    tz.from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|at| at.naive_utc())
}

/// The UTC instants `[start, end)` that a period's local days span.
pub fn instants(tz: Tz, period: Period) -> Result<(NaiveDateTime, NaiveDateTime), ApiError> {
    match (
        midnight(tz, period.from()),
        period.to().succ_opt().and_then(|day| midnight(tz, day)),
    ) {
        (Some(start), Some(end)) => Ok((start, end)),
        _ => Err(ApiError::field(
            "to",
            "out_of_range",
            "not a date this service can count",
        )),
    }
}

/// Names for the ids in the figures: categories, divisions, staff.
#[derive(Debug, Default)]
pub struct Names {
    categories: HashMap<String, String>,
    divisions: HashMap<String, String>,
    users: HashMap<String, String>,
}

impl Names {
    pub fn load(conn: &mut DbConn) -> Result<Names, ApiError> {
        Ok(Names {
            categories: reference::categories(conn, false)?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect(),
            divisions: reference::divisions(conn)?
                .into_iter()
                .map(|d| (d.id, d.name))
                .collect(),
            users: users::list(conn)?
                .into_iter()
                .map(|u| (u.id, u.full_name))
                .collect(),
        })
    }

    fn of(id: Option<&str>, names: &HashMap<String, String>) -> Option<String> {
        id.map(|id| names.get(id).cloned().unwrap_or_else(|| id.to_string()))
    }

    pub fn category(&self, id: &str) -> String {
        Names::of(Some(id), &self.categories).unwrap_or_default()
    }

    pub fn division(&self, id: Option<&str>) -> Option<String> {
        Names::of(id, &self.divisions)
    }

    pub fn user(&self, id: Option<&str>) -> Option<String> {
        Names::of(id, &self.users)
    }
}

/// Everything a report of a period shows.
pub struct Figures {
    pub statistics: Statistics,
    pub satisfaction: Satisfaction,
    pub names: Names,
}

/// Loads and computes the figures of `period` for `filter`; the backlog is
/// as it stands today.
pub async fn figures(
    state: &AppState,
    filter: ReportFilter,
    period: Period,
) -> Result<Figures, ApiError> {
    let (start, end) = instants(state.config.timezone, period)?;
    let (today, tz) = (state.today(), state.config.timezone);
    let _turn = state.report_turn().await?;
    state
        .db
        .read(move |conn| {
            let calendar = reference::calendar(conn, tz)?;
            let mut tally = Tally::new(period, today, &calendar);
            reports::for_each_fact(conn, &filter, start, end, &calendar, |f| tally.add(&f))?;
            let statistics = tally.finish();
            let evaluations = reports::evaluations(conn, &filter, start, end)?;
            Ok(Figures {
                statistics,
                satisfaction: Satisfaction::of(&evaluations),
                names: Names::load(conn)?,
            })
        })
        .await
}
