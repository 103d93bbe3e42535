//! The citizen's side, by tracking code alone: follow the complaint, answer
//! a request for information (with files), accept or dispute the answer.
//! Nothing here ever returns the reporter's identity, an internal note or a
//! staff member's name.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::db::complaints::{self as rows, AttachmentRow, ComplaintRow, EventActor, EventRow};
use crate::db::evaluations::{self, EvaluationRow};
use crate::db::{reference, DbConn};
use crate::domain::lifecycle::{self, Action, Actor};
use crate::domain::satisfaction::{self, Element};
use crate::domain::timeline::ActorKind;
use crate::domain::timeline::EventKind;
use crate::domain::{Status, TrackingCode};
use crate::error::{ApiError, Problem};
use crate::http::body::{json_with_files, Limits};
use crate::http::complaints::actions::{take_action, Ctx, Entry};
use crate::http::complaints::input::Checks;
use crate::http::complaints::views::{PublicEvent, SlaView, TrackingView};
use crate::http::complaints::Precondition;
use crate::http::rate_limit::Bucket;
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
    let rated = evaluations::find(conn, &row.id)?.is_some();
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
        can_rate: !rated
            && row.resolved_at.is_some()
            && matches!(status, Status::Resolved | Status::Closed),
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

/// Runs a reporter's action in one transaction and answers with the new view.
async fn reporter_act<F>(
    state: &web::Data<AppState>,
    code: String,
    action: Action,
    apply: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Ctx<'_>, &mut ComplaintRow) -> Result<Entry, ApiError> + Send + 'static,
{
    let st = state.clone();
    let view = state
        .db
        .write(move |conn| {
            let mut row = find(conn, &code)?;
            let actor = (Actor::Reporter, EventActor::reporter());
            take_action(
                conn,
                &st,
                &mut row,
                action,
                actor,
                Precondition::None,
                apply,
            )?;
            tracking_view(conn, &row, st.today())
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
    state
        .limiter
        .check(Bucket::Submit, &req, state.clock.now())?;
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
    let (attachments, keys) =
        rows::store_uploads(&state.storage, files, ActorKind::Reporter, now).await?;
    let result = reporter_act(&state, code.into_inner(), Action::AddInfo, move |_, row| {
        let attachments = attachments
            .into_iter()
            .map(|a| AttachmentRow {
                complaint_id: row.id.clone(),
                ..a
            })
            .collect();
        Ok(Entry {
            message,
            attachments,
            ..Entry::default()
        })
    })
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
    reporter_act(
        &state,
        code.into_inner(),
        Action::Accept,
        move |ctx, row| {
            within_window(row, ctx.today)?;
            row.closed_at = Some(ctx.now);
            row.waiting_since = None;
            Ok(Entry::default())
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
        move |ctx, row| {
            within_window(row, ctx.today)?;
            row.resolved_at = None;
            Ok(Entry::message(reason))
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

/// The reporter's rating of the handling (seed b.8), on the national
/// survey's 1–4 scale: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationInput {
    /// A score per element; every element but `facilities` is required.
    #[schema(value_type = Object, example = json!({"requirements": 4, "procedure": 3, "time": 3, "cost": 4, "result": 4, "competence": 4, "behaviour": 4, "handling": 3}))]
    pub scores: std::collections::BTreeMap<Element, i64>,
    /// The overall judgement, 1 to 4.
    #[schema(minimum = 1, maximum = 4)]
    pub overall: i64,
    pub comment: Option<String>,
}

/// Rates the handling once the answer has come (resolved or closed). Once
/// per complaint. A dissatisfied reporter disputes the answer separately,
/// within the evaluation window.
#[utoipa::path(
    tag = "tracking",
    params(("code" = String, Path)),
    request_body = EvaluationInput,
    responses(
        (status = 200, body = TrackingView),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No answer yet, or rated already", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/track/{code}/evaluation")]
pub async fn evaluate(
    state: web::Data<AppState>,
    code: web::Path<String>,
    input: web::Json<EvaluationInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let mut checks = Checks::default();
    for element in Element::ALL {
        match input.scores.get(element) {
            Some(score) if !satisfaction::valid_score(*score) => checks.fail(
                &format!("scores.{element}"),
                "out_of_range",
                "a score is 1 to 4",
            ),
            None if element.required() => checks.fail(
                &format!("scores.{element}"),
                "required",
                "rate every element",
            ),
            _ => {}
        }
    }
    if !satisfaction::valid_score(input.overall) {
        checks.fail("overall", "out_of_range", "a score is 1 to 4");
    }
    let comment = checks.optional_text("comment", input.comment.as_deref(), 2000);
    checks.into_result(|| ())?;
    let st = state.clone();
    let view = state
        .db
        .write(move |conn| {
            let row = find(conn, &code)?;
            let status = row.status()?;
            if row.resolved_at.is_none() || !matches!(status, Status::Resolved | Status::Closed) {
                return Err(ApiError::Conflict(
                    "a complaint is rated once it has been answered".into(),
                ));
            }
            let now = st.clock.now().naive_utc();
            evaluations::insert(
                conn,
                &EvaluationRow {
                    complaint_id: row.id.clone(),
                    overall: input.overall as i32,
                    scores: serde_json::to_string(&input.scores).map_err(anyhow::Error::from)?,
                    comment,
                    created_at: now,
                },
            )?;
            rows::lock(conn, &row.id)?;
            rows::append_event(
                conn,
                EventRow::new(&row.id, now, EventKind::Evaluated, &EventActor::reporter()),
            )?;
            tracking_view(conn, &row, st.today())
        })
        .await?;
    Ok(respond(view))
}
