//! The staff inbox: filters, text search, stable order, cursor pages.

use actix_web::{get, web, HttpResponse};
use base64::Engine;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::views::ComplaintSummary;
use crate::auth::Staff;
use crate::db::complaints::{self as rows, Cursor, InboxQuery, Search, Sort};
use crate::domain::sla::SlaState;
use crate::domain::{Channel, Kind, Status};
use crate::error::{ApiError, FieldError, Problem};
use crate::http::query::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxParams {
    /// One status or several, comma-separated. Archived complaints are listed
    /// only when asked for.
    #[param(example = "received,needs_info")]
    pub status: Option<String>,
    pub kind: Option<Kind>,
    pub channel: Option<Channel>,
    pub category_id: Option<String>,
    pub division_id: Option<String>,
    /// A user id, or `me`.
    pub assignee_id: Option<String>,
    pub sla: Option<SlaState>,
    /// First agency-local day of receipt to include.
    pub received_from: Option<NaiveDate>,
    /// Last agency-local day of receipt to include.
    pub received_to: Option<NaiveDate>,
    /// Words in the subject, description, tracking code, register number or reporter's name.
    pub q: Option<String>,
    /// `-received_at` (default), `received_at`, `-updated_at` or `updated_at`.
    pub sort: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// 1 to 100 (default 25).
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintPage {
    pub items: Vec<ComplaintSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

/// A page boundary as an opaque token (for any list ordered by time and id).
pub fn encode_cursor(cursor: &Cursor) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!(
        "{}|{}",
        cursor.at.and_utc().timestamp_micros(),
        cursor.id
    ))
}

fn decode_cursor(text: &str) -> Option<Cursor> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .ok()?;
    let raw = String::from_utf8(raw).ok()?;
    let (micros, id) = raw.split_once('|')?;
    let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
    Some(Cursor {
        at,
        id: id.to_string(),
    })
}

/// Where a page starts and how long it is, from a list's `cursor` and
/// `limit` parameters (`default` when absent, 1 to `max`); each bad value
/// is added to `errors` under its name.
pub fn page(
    cursor: Option<&str>,
    limit: Option<i64>,
    default: i64,
    max: i64,
    errors: &mut Vec<FieldError>,
) -> (Option<Cursor>, i64) {
    let after = cursor.filter(|text| !text.is_empty()).and_then(|text| {
        let cursor = decode_cursor(text);
        if cursor.is_none() {
            errors.push(FieldError::new(
                "cursor",
                "invalid",
                "not a cursor of this list",
            ));
        }
        cursor
    });
    let limit = limit.unwrap_or(default);
    if !(1..=max).contains(&limit) {
        errors.push(FieldError::new(
            "limit",
            "out_of_range",
            format!("must be between 1 and {max}"),
        ));
    }
    (after, limit)
}

impl InboxParams {
    fn into_query(self, staff: &Staff, state: &AppState) -> Result<InboxQuery, ApiError> {
        let mut errors = Vec::new();
        let statuses = match self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Vec::new(),
            Some(list) => list
                .split(',')
                .filter_map(|s| match s.trim().parse::<Status>() {
                    Ok(status) => Some(status),
                    Err(e) => {
                        errors.push(FieldError::from_invalid("status", e));
                        None
                    }
                })
                .collect(),
        };
        let sort = match self.sort.as_deref().unwrap_or("-received_at") {
            "-received_at" => Sort::ReceivedDesc,
            "received_at" => Sort::ReceivedAsc,
            "-updated_at" => Sort::UpdatedDesc,
            "updated_at" => Sort::UpdatedAsc,
            other => {
                errors.push(FieldError::new(
                    "sort",
                    "unknown_value",
                    format!("'{other}' is not one of: -received_at, received_at, -updated_at, updated_at"),
                ));
                Sort::default()
            }
        };
        let (after, limit) = page(self.cursor.as_deref(), self.limit, 25, 100, &mut errors);
        let text = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        if text.is_some_and(|t| t.chars().count() > 200) {
            errors.push(FieldError::new(
                "q",
                "too_long",
                "must have at most 200 characters",
            ));
        }
        if let (Some(from), Some(to)) = (self.received_from, self.received_to) {
            if from > to {
                errors.push(FieldError::new(
                    "received_to",
                    "before_start",
                    "must not be before received_from",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let tz = state.config.timezone;
        let local_midnight = |day: NaiveDate| -> Option<NaiveDateTime> {
            tz.from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
                .earliest()
                .map(|at| at.naive_utc())
        };
        Ok(InboxQuery {
            statuses,
            kind: self.kind,
            channel: self.channel,
            category_id: self.category_id,
            division_id: self.division_id,
            assignee_id: match self.assignee_id.as_deref() {
                Some("me") => Some(staff.id.clone()),
                other => other.map(str::to_string),
            },
            sla: self.sla,
            received_from: self.received_from.and_then(local_midnight),
            received_before: self
                .received_to
                .and_then(|d| d.succ_opt())
                .and_then(local_midnight),
            search: text.map(Search::parse),
            search_window: state.config.search_window.into(),
            restrict_to_division: if staff.role.sees_all_complaints() {
                None
            } else {
                // Division staff without a division see nothing.
                Some(staff.division_id.clone().unwrap_or_default())
            },
            today: Some(state.today()),
            sort,
            after,
            limit,
        })
    }
}

/// Lists complaints the user may see, newest first by default.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(InboxParams),
    responses(
        (status = 200, body = ComplaintPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints")]
pub async fn inbox(
    state: web::Data<AppState>,
    staff: Staff,
    params: Query<InboxParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.into_inner().into_query(&staff, &state)?;
    let today = state.today();
    let page = state
        .db
        .read(move |conn| {
            // One extra row tells whether another page follows.
            let mut rows = rows::inbox(
                conn,
                &InboxQuery {
                    limit: query.limit + 1,
                    ..query.clone()
                },
            )?;
            let more = rows.len() as i64 > query.limit;
            rows.truncate(query.limit as usize);
            let next_cursor = match (more, rows.last()) {
                (true, Some(last)) => Some(encode_cursor(&Cursor {
                    at: match query.sort {
                        Sort::ReceivedDesc | Sort::ReceivedAsc => last.received_at,
                        Sort::UpdatedDesc | Sort::UpdatedAsc => last.updated_at,
                    },
                    id: last.id.clone(),
                })),
                _ => None,
            };
            let items = rows
                .iter()
                .map(|row| ComplaintSummary::build(row, today))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ComplaintPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// How many complaints match the filters, per status (the status filter is ignored).
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(InboxParams),
    responses(
        (status = 200, body = Vec<StatusCount>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/complaints/counts")]
pub async fn counts(
    state: web::Data<AppState>,
    staff: Staff,
    params: Query<InboxParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.into_inner().into_query(&staff, &state)?;
    let counts = state
        .db
        .read(move |conn| {
            Ok(rows::counts_by_status(conn, &query)?
                .into_iter()
                .map(|(status, count)| StatusCount { status, count })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let cursor = Cursor {
            at: DateTime::from_timestamp_micros(1_764_000_000_123_456)
                .unwrap()
                .naive_utc(),
            id: "0190-abc".into(),
        };
        assert_eq!(decode_cursor(&encode_cursor(&cursor)), Some(cursor));
        assert_eq!(decode_cursor("not a cursor"), None);
        assert_eq!(decode_cursor(""), None);
    }
}
