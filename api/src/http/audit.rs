//! The audit log for supervisors and admins (b.7): who signed in, acted on a
//! complaint, looked at a reporter's identity, exported or changed the
//! administration data, and when. Read only: no endpoint changes or removes
//! an entry, and the database refuses to.

use std::collections::HashMap;

use actix_web::{get, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Staff;
use crate::db::audit::{self, AuditQuery, AuditRow};
use crate::db::complaints::Cursor;
use crate::db::users;
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::Role;
use crate::error::{ApiError, FieldError, Problem};
use crate::http::complaints::list::{encode_cursor, page};
use crate::http::complaints::views::NamedRef;
use crate::http::query::Query;
use crate::http::reports::{day, given, midnight, parse_given};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Entries by this staff member.
    pub actor_id: Option<String>,
    #[param(value_type = Option<AuditAction>)]
    pub action: Option<String>,
    /// Entries about this complaint, user, division, category or holiday.
    pub object_id: Option<String>,
    /// First agency-local day to include (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Last agency-local day to include (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// 1 to 200 (default 50).
    pub limit: Option<i64>,
}

/// One entry: who did what to which object, when and from where.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: String,
    pub at: DateTime<Utc>,
    /// Absent when nobody was signed in (a failed sign-in, a reused token).
    pub actor: Option<NamedRef>,
    pub actor_role: Option<Role>,
    pub action: AuditAction,
    pub object_type: ObjectType,
    pub object_id: Option<String>,
    /// What the action concerned: the states of a complaint, the filters and
    /// row count of an export, the object after an admin's change ...
    #[schema(value_type = HashMap<String, serde_json::Value>)]
    pub details: serde_json::Value,
    /// The client's address.
    pub ip: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditEntryView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

impl AuditParams {
    fn query(self, state: &AppState) -> Result<AuditQuery, ApiError> {
        let mut errors = Vec::new();
        let action = parse_given("action", self.action, &mut errors);
        let mut date = |field: &str, value: Option<String>| {
            given(value).and_then(|text| day(field, &text).map_err(|e| errors.push(e)).ok())
        };
        let (from, to) = (date("from", self.from), date("to", self.to));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.push(FieldError::new(
                    "to",
                    "before_start",
                    "must not be before from",
                ));
            }
        }
        let (after, limit) = page(self.cursor.as_deref(), self.limit, 50, 200, &mut errors);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let tz = state.config.timezone;
        Ok(AuditQuery {
            actor_id: given(self.actor_id),
            action,
            object_id: given(self.object_id),
            from: from.and_then(|d| midnight(tz, d)),
            before: to.and_then(|d| d.succ_opt()).and_then(|d| midnight(tz, d)),
            after,
            limit,
        })
    }
}

fn view(row: AuditRow, actor_name: Option<String>) -> Result<AuditEntryView, ApiError> {
    let corrupt = |what: &str, e: crate::domain::Invalid| {
        ApiError::Internal(anyhow::anyhow!("stored audit {what} is invalid: {e}"))
    };
    Ok(AuditEntryView {
        actor: match (&row.actor_id, actor_name) {
            (Some(id), Some(name)) => Some(NamedRef {
                id: id.clone(),
                name,
            }),
            _ => None,
        },
        actor_role: row.actor_role.as_deref().and_then(|r| r.parse().ok()),
        action: row.action.parse().map_err(|e| corrupt("action", e))?,
        object_type: row
            .object_type
            .parse()
            .map_err(|e| corrupt("object type", e))?,
        details: serde_json::from_str(&row.details).unwrap_or_default(),
        at: row.occurred_at.and_utc(),
        id: row.id,
        object_id: row.object_id,
        ip: row.ip,
    })
}

/// The audit log, newest first, filtered by actor, action, object and days.
#[utoipa::path(
    tag = "audit",
    security(("bearer" = [])),
    params(AuditParams),
    responses(
        (status = 200, body = AuditPage),
        (status = 403, description = "Only supervisors and admins read the audit log", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/audit")]
pub async fn list(
    state: web::Data<AppState>,
    staff: Staff,
    params: Query<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    staff.require(&[Role::Admin, Role::Supervisor])?;
    let query = params.into_inner().query(&state)?;
    let page = state
        .db
        .read(move |conn| {
            // One extra row tells whether another page follows.
            let mut rows = audit::list(
                conn,
                &AuditQuery {
                    limit: query.limit + 1,
                    ..query.clone()
                },
            )?;
            let more = rows.len() as i64 > query.limit;
            rows.truncate(query.limit as usize);
            let next_cursor = rows.last().filter(|_| more).map(|last| {
                encode_cursor(&Cursor {
                    at: last.occurred_at,
                    id: last.id.clone(),
                })
            });
            let names: HashMap<String, String> = users::list(conn)?
                .into_iter()
                .map(|u| (u.id, u.full_name))
                .collect();
            let items = rows
                .into_iter()
                .map(|row| {
                    let name = row.actor_id.as_ref().and_then(|id| names.get(id).cloned());
                    view(row, name)
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(AuditPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "private, no-store"))
        .json(page))
}
