//! Receiving a submission: online from the citizen, or keyed in by staff for
//! walk-ins, letters, calls, the suggestion box and online channels. The
//! complaint, its first timeline event and its files are saved together or
//! not at all; a retry with the same `Idempotency-Key` returns the first result.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Datelike;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::input::{Origin, Submission, SubmissionInput};
use super::views::Receipt;
use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::complaints::{self as rows, AttachmentRow, ComplaintRow, EventActor, EventRow};
use crate::db::{new_id, reference};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::sla::ComplaintClock;
use crate::domain::timeline::{ActorKind, EventKind};
use crate::domain::{Status, TrackingCode};
use crate::error::{ApiError, Problem};
use crate::http::body::{json_with_files, Limits};
use crate::http::rate_limit::Bucket;
use crate::notify;
use crate::state::AppState;
use crate::storage::Upload;

pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";

/// The multipart form of a submission: the JSON and up to five files.
#[derive(ToSchema)]
#[allow(dead_code)] // documents the wire format only
pub struct SubmissionMultipart {
    /// A `SubmissionInput` as JSON.
    complaint: SubmissionInput,
    /// Evidence: JPEG, PNG, WebP, GIF or PDF, recognised by content.
    #[schema(value_type = Vec<String>, format = Binary)]
    files: Vec<Vec<u8>>,
}

/// Submits a complaint, suggestion or input online. No account needed.
#[utoipa::path(
    tag = "complaints",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe: the same key returns the first result")),
    request_body(content(
        (SubmissionInput = "application/json"),
        (SubmissionMultipart = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "Received; keep the tracking code", body = Receipt),
        (status = 413, description = "Too many or too large files", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A file of a type we do not accept", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many submissions from this address; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/complaints")]
pub async fn submit_online(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    state
        .limiter
        .check(Bucket::Submit, &req, state.clock.now())?;
    receive(state, req, payload, None).await
}

/// Keys in a submission received by letter, visit, phone, suggestion box,
/// email, WhatsApp, Facebook or SP4N-LAPOR!, on the citizen's behalf.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe: the same key returns the first result")),
    request_body(content(
        (SubmissionInput = "application/json"),
        (SubmissionMultipart = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "Received; hand the citizen the receipt", body = Receipt),
        (status = 403, description = "This role does not take this channel", body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/intake")]
pub async fn intake(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    receive(state, req, payload, Some(staff)).await
}

async fn receive(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
    staff: Option<Staff>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency_key(&req)?;
    let limits = Limits {
        max_file_bytes: state.config.max_file_bytes,
        max_files: state.config.max_files,
    };
    let (input, files): (SubmissionInput, Vec<Upload>) =
        json_with_files(&req, payload, "complaint", &limits).await?;
    let origin = if staff.is_some() {
        Origin::Intake
    } else {
        Origin::Online
    };
    let fingerprint = fingerprint(&input, &files);
    let submission = input.parse(origin, state.clock.now(), state.today())?;
    if let Some(staff) = &staff {
        if !submission.channel.may_be_keyed_in_by(staff.role) {
            return Err(ApiError::Forbidden(format!(
                "the {} role does not take submissions from the {} channel",
                staff.role, submission.channel
            )));
        }
    }
    let scope = match &staff {
        Some(staff) => format!("intake:{}", staff.id),
        None => "online".to_string(),
    };
    if let Some(key) = &key {
        if let Some(replay) = replay(&state, &scope, key, &fingerprint).await? {
            return Ok(replay);
        }
    }
    let outcome = create(
        &state,
        submission,
        files,
        staff,
        key.clone().map(|k| (scope.clone(), k, fingerprint.clone())),
    )
    .await;
    match (outcome, key) {
        (Ok(receipt), _) => Ok(created(receipt, false)),
        // A concurrent retry with the same key won the race: answer as it did.
        (Err(ApiError::Conflict(_)), Some(key)) => replay(&state, &scope, &key, &fingerprint)
            .await?
            .ok_or_else(|| {
                ApiError::Conflict("the submission could not be saved; try again".into())
            }),
        (Err(e), _) => Err(e),
    }
}

fn created(receipt: Receipt, replayed: bool) -> HttpResponse {
    let mut response = HttpResponse::Created();
    response.insert_header((
        "Location",
        format!("/api/v1/track/{}", receipt.tracking_code),
    ));
    if replayed {
        response.insert_header(("Idempotent-Replayed", "true"));
    }
    response.json(receipt)
}

fn idempotency_key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(IDEMPOTENCY_HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or("").trim();
    if key.is_empty() || key.len() > 128 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::field(
            IDEMPOTENCY_HEADER,
            "invalid",
            "an Idempotency-Key has 1 to 128 visible ASCII characters",
        ));
    }
    Ok(Some(key.to_string()))
}

/// Identifies a request's content, so a key reused for a different
/// submission is refused instead of silently answered with the old one.
fn fingerprint(input: &SubmissionInput, files: &[Upload]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(serde_json::to_vec(input).unwrap_or_default());
    for file in files {
        hasher.update(file.sha256.as_bytes());
    }
    hex::encode(hasher.finalize())
}

async fn replay(
    state: &AppState,
    scope: &str,
    key: &str,
    fingerprint: &str,
) -> Result<Option<HttpResponse>, ApiError> {
    let (scope, key, fingerprint) = (scope.to_string(), key.to_string(), fingerprint.to_string());
    let receipt = state
        .db
        .read(move |conn| {
            let Some((complaint_id, stored)) = rows::idempotent_result(conn, &scope, &key)? else {
                return Ok(None);
            };
            if stored != fingerprint {
                return Err(ApiError::field(
                    IDEMPOTENCY_HEADER,
                    "reused",
                    "this Idempotency-Key was used for a different submission",
                ));
            }
            let row = rows::find(conn, &complaint_id)?.ok_or(ApiError::NotFound("complaint"))?;
            let category = reference::category(conn, &row.category_id)?
                .ok_or(ApiError::NotFound("category"))?;
            let count = rows::attachments_of(conn, &row.id)?.len();
            Receipt::build(&row, &category, count).map(Some)
        })
        .await?;
    Ok(receipt.map(|r| created(r, true)))
}

async fn create(
    state: &AppState,
    submission: Submission,
    files: Vec<Upload>,
    staff: Option<Staff>,
    idempotency: Option<(String, String, String)>,
) -> Result<Receipt, ApiError> {
    let complaint_id = new_id();
    let now = state.clock.now().naive_utc();
    let uploaded_by = if staff.is_some() {
        ActorKind::Staff
    } else {
        ActorKind::Reporter
    };
    // Files go first; if the transaction fails they are removed again.
    let (attachments, keys) = rows::store_uploads(&state.storage, files, uploaded_by, now).await?;
    let st = state.clone();
    let result = state
        .db
        .write(move |conn| {
            let category = reference::category(conn, &submission.category_id)?
                .filter(|c| c.active)
                .ok_or_else(|| ApiError::field("category_id", "unknown", "no active category has this id"))?;
            let calendar = st.calendar(conn)?;
            let received_on = calendar.local_date(submission.received_at);
            let clock = ComplaintClock {
                received_on,
                target_days: category.resolution_days as u32,
                extension_days: 0,
                paused_days: 0,
                waiting_since: None,
            };
            let schedule = clock.schedule(Status::Received, &calendar, &st.config.sla);
            let register_seq = rows::next_register_seq(conn, received_on.year())?;
            let reporter = submission.reporter.clone();
            let mut row = ComplaintRow {
                id: complaint_id.clone(),
                tracking_code: TrackingCode::generate().as_str().to_string(),
                register_year: received_on.year(),
                register_seq,
                kind: submission.kind.as_str().into(),
                channel: submission.channel.as_str().into(),
                status: Status::Received.as_str().into(),
                category_id: category.id.clone(),
                subject: submission.subject.clone(),
                description: submission.description.clone(),
                incident_date: submission.incident_date,
                incident_place: submission.incident_place.clone(),
                reporter_name: reporter.as_ref().map(|r| r.name.clone()),
                reporter_id_type: reporter.as_ref().and_then(|r| r.id_type).map(|t| t.as_str().into()),
                reporter_id_number: reporter.as_ref().and_then(|r| r.id_number.clone()),
                reporter_address: reporter.as_ref().and_then(|r| r.address.clone()),
                reporter_phone: reporter.as_ref().and_then(|r| r.phone.clone()),
                reporter_email: reporter.as_ref().and_then(|r| r.email.clone()),
                is_anonymous: submission.anonymous,
                is_confidential: submission.confidential,
                req_identity: None,
                req_address: None,
                req_evidence: None,
                division_id: None,
                assignee_id: None,
                rejection_reason: None,
                duplicate_of_id: None,
                resolution: None,
                received_at: submission.received_at.naive_utc(),
                received_on,
                target_days: category.resolution_days,
                extension_days: 0,
                paused_days: 0,
                waiting_since: None,
                verification_due_on: schedule.verification_due_on,
                resolution_due_on: schedule.resolution_due_on,
                reporter_due_on: None,
                sla_due_on: schedule.active.map(|d| d.due_on),
                sla_at_risk_on: schedule.active.map(|d| d.at_risk_on),
                verified_at: None,
                resolved_at: None,
                closed_at: None,
                archived_at: None,
                external_system: submission.external.as_ref().map(|e| e.system.trim().to_lowercase()),
                external_id: submission.external.as_ref().map(|e| e.id.trim().to_string()),
                external_status: submission.external.as_ref().and_then(|e| e.status.clone()),
                created_by_id: staff.as_ref().map(|s| s.id.clone()),
                search_text: String::new(),
                version: 1,
                created_at: now,
                updated_at: now,
                reporter_language: submission.language.as_str().into(),
            };
            row.search_text = rows::search_text(&row);
            rows::insert(conn, &row).map_err(|e| match e {
                ApiError::Conflict(_) if row.external_id.is_some() => ApiError::field(
                    "external.id",
                    "taken",
                    "a complaint from this system with this id exists already",
                ),
                other => other,
            })?;
            let actor = match &staff {
                Some(s) => EventActor::staff(&s.id, s.role),
                None => EventActor::reporter(),
            };
            let event = rows::append_event(
                conn,
                EventRow::new(&row.id, now, EventKind::Submitted, &actor)
                    .transition(None, Status::Received)
                    .details(serde_json::json!({ "channel": submission.channel, "files": attachments.len() })),
            )?;
            notify::on_event(conn, &st.config, &row, &event)?;
            let attachments: Vec<AttachmentRow> = attachments
                .into_iter()
                .map(|a| AttachmentRow {
                    complaint_id: row.id.clone(),
                    event_id: Some(event.id.clone()),
                    ..a
                })
                .collect();
            rows::insert_attachments(conn, &attachments)?;
            if let Some(s) = &staff {
                audit::record(
                    conn,
                    now,
                    AuditEntry::new(AuditAction::Intake, ObjectType::Complaint, Some(&row.id))
                        .by(&s.id, s.role)
                        .details(serde_json::json!({
                            "register_number": row.register_number(),
                            "channel": submission.channel,
                        })),
                )?;
            }
            if let Some((scope, key, fingerprint)) = &idempotency {
                rows::remember_idempotency_key(conn, scope, key, fingerprint, &row.id, now)?;
            }
            Receipt::build(&row, &category, attachments.len())
        })
        .await;
    match result {
        Ok(receipt) => {
            log::info!(
                "received {} via {}",
                receipt.register_number,
                receipt.channel
            );
            Ok(receipt)
        }
        Err(e) => {
            state.storage.delete_all(&keys).await;
            Err(e)
        }
    }
}
