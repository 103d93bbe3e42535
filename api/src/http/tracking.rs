//! The citizen's side, by tracking code alone: follow the complaint, answer
//! a request for information (with files), accept or dispute the answer.
//! Nothing here ever returns the reporter's identity, an internal note or a
//! staff member's name.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::db::complaints::{self as rows, AttachmentRow, ComplaintRow, EventActor, EventRow};
use crate::db::{new_id, reference, DbConn};
use crate::domain::lifecycle::{self, Action, Actor};
use crate::domain::timeline::EventKind;
use crate::domain::{Status, TrackingCode};
use crate::error::{ApiError, Problem};
use crate::http::body::{json_with_files, Limits};
use crate::http::complaints::actions::{refused, save};
use crate::http::complaints::input::Checks;
use crate::http::complaints::views::{PublicEvent, SlaView, TrackingView};
use crate::http::complaints::Precondition;
use crate::state::AppState;
use crate::storage::Upload;

fn find(conn: &mut DbConn, code: &str) -> Result<ComplaintRow, ApiError> {
    // A malformed code names no complaint: the same 404 as an unknown one.
    let code = TrackingCode::parse(code).map_err(|_| ApiError::NotFound("complaint"))?;
    rows::find_by_tracking_code(conn, code.as_str())?.ok_or(ApiError::NotFound("complaint"))
}

fn tracking_view(
    conn: &mut DbConn,
    row: &ComplaintRow,
    today: chrono::NaiveDate,
) -> Result<TrackingView, ApiError> {
    let status = row.status()?;
    let category =
        reference::category(conn, &row.category_id)?.ok_or(ApiError::NotFound("category"))?;
    let timeline = rows::events(conn, &row.id, true)?
        .iter()
        .map(|e| PublicEvent::build(e, row.is_confidential))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let in_window = row.reporter_due_on.is_some_and(|due| today <= due);
    Ok(TrackingView {
        tracking_code: row.tracking_code.clone(),
        register_number: row.register_number(),
        kind: row.kind()?,
        status,
        category: category.name,
        subject: (!row.is_confidential).then(|| row.subject.clone()),
        confidential: row.is_confidential,
        received_at: row.received_at.and_utc(),
        sla: SlaView::of(row, today),
        resolution: row.resolution.clone(),
        rejection_reason: row.rejection_reason.as_deref().and_then(|r| r.parse().ok()),
        can_add_information: lifecycle::transition(status, Action::AddInfo, Actor::Reporter)
            .is_ok(),
        can_evaluate: in_window
            && lifecycle::transition(status, Action::Accept, Actor::Reporter).is_ok(),
        attachment_count: rows::attachments_of(conn, &row.id)?.len(),
        timeline,
    })
}

fn respond(view: TrackingView) -> HttpResponse {
    HttpResponse::Ok()
        // The code is a secret: keep the answer out of shared caches.
        .insert_header(("Cache-Control", "no-store"))
        .json(view)
}

/// Follows a complaint by its tracking code.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path, example = "7KQM-4XHT-92RC")),
    responses(
        (status = 200, body = TrackingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/track/{code}")]
pub async fn track(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let today = state.today();
    let view = state
        .db
        .read(move |conn| {
            let row = find(conn, &code)?;
            tracking_view(conn, &row, today)
        })
        .await?;
    Ok(respond(view))
}

#[derive(Debug, serde::Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InformationInput {
    /// What the reporter adds or answers.
    pub message: String,
}

/// The multipart form of added information: the JSON and files.
#[derive(ToSchema)]
#[allow(dead_code)] // documents the wire format only
pub struct InformationMultipart {
    /// An `InformationInput` as JSON.
    information: InformationInput,
    #[schema(value_type = Vec<String>, format = Binary)]
    files: Vec<Vec<u8>>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DisputeInput {
    /// Why the answer does not settle the complaint.
    pub reason: String,
}

/// Runs a reporter's action in one transaction and returns the new view.
async fn reporter_act<F>(
    state: &web::Data<AppState>,
    code: String,
    action: Action,
    apply: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(
            &mut DbConn,
            &mut ComplaintRow,
            chrono::NaiveDate,
        ) -> Result<(Option<String>, Vec<AttachmentRow>), ApiError>
        + Send
        + 'static,
{
    let today = state.today();
    let now = state.clock.now().naive_utc();
    let st = state.clone();
    let view = state
        .db
        .write(move |conn| {
            let mut row = find(conn, &code)?;
            let from = row.status()?;
            let to = lifecycle::transition(from, action, Actor::Reporter)
                .map_err(|r| refused(r, action, "the reporter", from))?;
            let calendar = st.calendar(conn)?;
            let before = row.clone();
            let (message, attachments) = apply(conn, &mut row, today)?;
            if before.waiting_since.is_some() && matches!(to, Status::Received | Status::InProgress)
            {
                // The reporter answered: the clock runs again, and the wait does not count.
                row.set_clock(row.clock().resume(&calendar, today));
            }
            save(
                conn,
                &mut row,
                &before,
                to,
                &calendar,
                &st.config.sla,
                now,
                Precondition::None,
            )?;
            let mut event =
                EventRow::new(&row.id, now, EventKind::of(action), &EventActor::reporter())
                    .message(message);
            if from != to {
                event = event.transition(Some(from), to);
            }
            if !attachments.is_empty() {
                event = event.details(serde_json::json!({ "files": attachments.len() }));
            }
            let event = rows::append_event(conn, event)?;
            let attachments: Vec<AttachmentRow> = attachments
                .into_iter()
                .map(|a| AttachmentRow {
                    event_id: Some(event.id.clone()),
                    ..a
                })
                .collect();
            rows::insert_attachments(conn, &attachments)?;
            tracking_view(conn, &row, today)
        })
        .await?;
    Ok(respond(view))
}

/// Adds information and files; when the complaint waits for information,
/// this is the answer and verification resumes.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path)),
    request_body(content(
        (InformationInput = "application/json"),
        (InformationMultipart = "multipart/form-data"),
    )),
    responses(
        (status = 200, body = TrackingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The complaint no longer takes information", body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/track/{code}/information")]
pub async fn add_information(
    state: web::Data<AppState>,
    code: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let limits = Limits {
        max_file_bytes: state.config.max_file_bytes,
        max_files: state.config.max_files,
    };
    let (input, files): (InformationInput, Vec<Upload>) =
        json_with_files(&req, payload, "information", &limits).await?;
    let mut checks = Checks::default();
    let message = checks.text("message", &input.message, 1, 10_000, true);
    checks.into_result(|| ())?;
    let now = state.clock.now().naive_utc();
    let mut stored: Vec<(Upload, String)> = Vec::new();
    for file in files {
        let key = format!("complaints/additions/{}", new_id());
        if let Err(e) = state.storage.put(&key, file.bytes.clone()).await {
            state
                .storage
                .delete_all(&stored.iter().map(|(_, k)| k.clone()).collect::<Vec<_>>())
                .await;
            return Err(ApiError::Internal(e.context("storing an attachment")));
        }
        stored.push((file, key));
    }
    let keys: Vec<String> = stored.iter().map(|(_, k)| k.clone()).collect();
    let result = reporter_act(
        &state,
        code.into_inner(),
        Action::AddInfo,
        move |_, row, _| {
            let attachments = stored
                .into_iter()
                .map(|(file, key)| AttachmentRow {
                    id: new_id(),
                    complaint_id: row.id.clone(),
                    event_id: None,
                    file_name: file.file_name,
                    content_type: file.content_type.to_string(),
                    size_bytes: file.bytes.len() as i64,
                    sha256: file.sha256,
                    storage_key: key,
                    uploaded_by: "reporter".into(),
                    created_at: now,
                })
                .collect();
            Ok((message, attachments))
        },
    )
    .await;
    if result.is_err() {
        state.storage.delete_all(&keys).await;
    }
    result
}

/// Accepts the answer: the complaint is closed.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path)),
    responses(
        (status = 200, body = TrackingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not resolved, or the evaluation window is over", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/track/{code}/accept")]
pub async fn accept(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now().naive_utc();
    reporter_act(
        &state,
        code.into_inner(),
        Action::Accept,
        move |_, row, today| {
            within_window(row, today)?;
            row.closed_at = Some(now);
            row.waiting_since = None;
            Ok((None, Vec::new()))
        },
    )
    .await
}

/// Disputes the answer within the evaluation window: the complaint reopens.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path)),
    request_body = DisputeInput,
    responses(
        (status = 200, body = TrackingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not resolved, or the evaluation window is over", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/track/{code}/dispute")]
pub async fn dispute(
    state: web::Data<AppState>,
    code: web::Path<String>,
    input: web::Json<DisputeInput>,
) -> Result<HttpResponse, ApiError> {
    let mut checks = Checks::default();
    let reason = checks.text("reason", &input.reason, 5, 5000, true);
    checks.into_result(|| ())?;
    reporter_act(
        &state,
        code.into_inner(),
        Action::Dispute,
        move |_, row, today| {
            within_window(row, today)?;
            row.resolved_at = None;
            Ok((reason, Vec::new()))
        },
    )
    .await
}

fn within_window(row: &ComplaintRow, today: chrono::NaiveDate) -> Result<(), ApiError> {
    match row.reporter_due_on {
        Some(due) if today <= due => Ok(()),
        Some(due) => Err(ApiError::Conflict(format!(
            "the evaluation window ended on {due}"
        ))),
        None => Ok(()),
    }
}
