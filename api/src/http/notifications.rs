//! The signed-in staff member's own notifications: new work in their queue
//! or hands, the reporter's moves, escalations. Nobody sees another's:
//! another user's notification is "not found".

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Staff;
use crate::db::complaints::Cursor;
use crate::db::notifications::{self, NotificationRow};
use crate::error::{ApiError, Problem};
use crate::http::complaints::list::{encode_cursor, page};
use crate::http::query::Query;
use crate::notify::StaffNotice;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationParams {
    /// Only those not yet read.
    pub unread_only: Option<bool>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// 1 to 100 (default 25).
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: String,
    pub kind: StaffNotice,
    pub complaint_id: String,
    /// A line in Indonesian; clients may word it themselves from `kind`.
    #[schema(example = "Pengaduan baru di antrean Anda: 00001/ADUAN/2026")]
    pub title: String,
    pub created_at: DateTime<Utc>,
    /// Absent while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl Notification {
    fn build(row: NotificationRow) -> Result<Notification, ApiError> {
        Ok(Notification {
            kind: row.kind.parse().map_err(|e| {
                ApiError::Internal(anyhow::anyhow!("stored notification kind is invalid: {e}"))
            })?,
            id: row.id,
            complaint_id: row.complaint_id,
            title: row.title,
            created_at: row.created_at.and_utc(),
            read_at: row.read_at.map(|at| at.and_utc()),
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    /// Newest first.
    pub items: Vec<Notification>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadCount {
    pub unread: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    /// How many were unread until now.
    pub marked: usize,
}

/// The signed-in user's notifications, newest first.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(NotificationParams),
    responses((status = 200, body = NotificationPage))
)]
#[get("/notifications")]
pub async fn list(
    state: web::Data<AppState>,
    staff: Staff,
    params: Query<NotificationParams>,
) -> Result<HttpResponse, ApiError> {
    let params = params.into_inner();
    let mut errors = Vec::new();
    let (after, limit) = page(params.cursor.as_deref(), params.limit, 25, 100, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let unread_only = params.unread_only.unwrap_or(false);
    let page = state
        .db
        .read(move |conn| {
            // One extra row tells whether another page follows.
            let mut rows =
                notifications::page(conn, &staff.id, unread_only, after.as_ref(), limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let next_cursor = match (more, rows.last()) {
                (true, Some(last)) => Some(encode_cursor(&Cursor {
                    at: last.created_at,
                    id: last.id.clone(),
                })),
                _ => None,
            };
            let items = rows
                .into_iter()
                .map(Notification::build)
                .collect::<Result<Vec<_>, _>>()?;
            Ok(NotificationPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// How many of the signed-in user's notifications are unread.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, body = UnreadCount))
)]
#[get("/notifications/unread-count")]
pub async fn unread_count(
    state: web::Data<AppState>,
    staff: Staff,
) -> Result<HttpResponse, ApiError> {
    let unread = state
        .db
        .read(move |conn| notifications::unread_count(conn, &staff.id))
        .await?;
    Ok(HttpResponse::Ok().json(UnreadCount { unread }))
}

/// Marks one of the user's notifications read; reading it again keeps the
/// first time.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Notification),
        (status = 404, description = "No such notification of this user", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/notifications/{id}/read")]
pub async fn read(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now().naive_utc();
    let row = state
        .db
        .write(move |conn| notifications::mark_read(conn, &staff.id, &id, now))
        .await?
        .ok_or(ApiError::NotFound("notification"))?;
    Ok(HttpResponse::Ok().json(Notification::build(row)?))
}

/// Marks all the user's notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer" = [])),
    responses((status = 200, body = MarkedRead))
)]
#[post("/notifications/read-all")]
pub async fn read_all(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now().naive_utc();
    let marked = state
        .db
        .write(move |conn| notifications::mark_all_read(conn, &staff.id, now))
        .await?;
    Ok(HttpResponse::Ok().json(MarkedRead { marked }))
}
