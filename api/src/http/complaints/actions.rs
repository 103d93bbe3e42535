//! Lifecycle actions by staff (seed a.2). Each is a version-checked change:
//! it applies to the version the user saw, or fails with 412/409.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use utoipa::ToSchema;

use super::input::Checks;
use super::read::{detail, respond};
use super::views::{ComplaintView, Requirements};
use super::{load_visible, Precondition};
use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::complaints::{self as rows, AttachmentRow, ComplaintRow, EventActor, EventRow};
use crate::db::{reference, users, DbConn};
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::lifecycle::{self, Action, Actor, Refusal};
use crate::domain::timeline::EventKind;
use crate::domain::{Kind, RejectionReason, Role, Status, TrackingCode};
use crate::error::{ApiError, Problem};
use crate::notify;
use crate::state::AppState;

/// What an action needs besides the complaint.
pub struct Ctx<'a> {
    pub conn: &'a mut DbConn,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
}

/// What an action writes on the timeline.
#[derive(Default)]
pub struct Entry {
    pub message: Option<String>,
    pub details: Option<serde_json::Value>,
    /// Files that came with the action (the reporter's added evidence).
    pub attachments: Vec<AttachmentRow>,
}

impl Entry {
    pub fn message(message: Option<String>) -> Entry {
        Entry {
            message,
            ..Entry::default()
        }
    }
}

pub fn refused(refusal: Refusal, action: Action, actor: Actor, status: Status) -> ApiError {
    let who = match actor {
        Actor::Staff(role) => format!("the {role} role"),
        Actor::Reporter => "the reporter".to_string(),
        Actor::System => "the system".to_string(),
    };
    match refusal {
        Refusal::NotPermitted => ApiError::Forbidden(format!("{who} may not {action} a complaint")),
        Refusal::WrongState => ApiError::Conflict(format!(
            "a complaint that is {status} cannot take '{action}'"
        )),
    }
}

/// Takes `action` on a loaded complaint: checks the state machine and the
/// actor, applies `apply`, restarts the clock when the reporter answered,
/// saves under optimistic locking, appends the timeline event, queues its
/// notifications and, for staff, writes the audit entry. Staff, reporter
/// and system actions alike go through here, inside one transaction.
pub fn take_action(
    conn: &mut DbConn,
    state: &AppState,
    row: &mut ComplaintRow,
    action: Action,
    actor: (Actor, EventActor),
    precondition: Precondition,
    apply: impl FnOnce(&mut Ctx<'_>, &mut ComplaintRow) -> Result<Entry, ApiError>,
) -> Result<(), ApiError> {
    let (today, now) = (state.today(), state.clock.now().naive_utc());
    let from = row.status()?;
    let to = lifecycle::transition(from, action, actor.0)
        .map_err(|r| refused(r, action, actor.0, from))?;
    let calendar = state.calendar(conn)?;
    let policy = &state.config.sla;
    let before = row.clone();
    let entry = apply(&mut Ctx { conn, today, now }, row)?;
    if before.waiting_since.is_some() && matches!(to, Status::Received | Status::InProgress) {
        // The reporter answered: the clock runs again, and the wait does not count.
        row.set_clock(row.clock().resume(&calendar, today));
    }
    row.status = to.as_str().to_string();
    row.reschedule(&calendar, policy)?;
    row.search_text = rows::search_text(row);
    if *row == before {
        // Only the timeline grows: take the row's lock to order the events.
        rows::lock(conn, &row.id)?;
    } else {
        row.version = before.version + 1;
        row.updated_at = now;
        rows::save_if_version(conn, row, before.version)?
            .map_err(|current| precondition.stale(current))?;
    }
    let mut event =
        EventRow::new(&row.id, now, EventKind::of(action), &actor.1).message(entry.message);
    if from != to {
        event = event.transition(Some(from), to);
    }
    match (entry.details, entry.attachments.len()) {
        (Some(details), _) => event = event.details(details),
        (None, 0) => {}
        (None, files) => event = event.details(serde_json::json!({ "files": files })),
    }
    let event = rows::append_event(conn, event)?;
    notify::on_event(conn, &state.config, row, &event)?;
    if let (Actor::Staff(role), Some(user_id), Some(audited)) = (
        actor.0,
        actor.1.user_id.as_deref(),
        AuditAction::of_staff(action),
    ) {
        let details: Option<serde_json::Value> = event
            .details
            .as_deref()
            .and_then(|d| serde_json::from_str(d).ok());
        audit::record(
            conn,
            now,
            AuditEntry::new(audited, ObjectType::Complaint, Some(&row.id))
                .by(user_id, role)
                .details(serde_json::json!({
                    "register_number": row.register_number(),
                    "from_status": from,
                    "to_status": to,
                    "event": details,
                })),
        )?;
    }
    let attachments: Vec<AttachmentRow> = entry
        .attachments
        .into_iter()
        .map(|a| AttachmentRow {
            event_id: Some(event.id.clone()),
            ..a
        })
        .collect();
    rows::insert_attachments(conn, &attachments)
}

/// Runs a staff member's `action` on a complaint they may see, on the
/// version they read, and answers with the new detail view.
pub async fn act<F>(
    state: web::Data<AppState>,
    staff: Staff,
    id: String,
    precondition: Precondition,
    action: Action,
    apply: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut Ctx<'_>, &mut ComplaintRow) -> Result<Entry, ApiError> + Send + 'static,
{
    let st = state.clone();
    let view: ComplaintView = state
        .db
        .write(move |conn| {
            let mut row = load_visible(conn, &staff, &id)?;
            // Appends (notes, replies) overwrite nothing; every other change
            // must name the version it was based on.
            let appends_only = matches!(action, Action::Note | Action::Reply);
            precondition.check(row.version, !appends_only)?;
            let actor = (
                Actor::Staff(staff.role),
                EventActor::staff(&staff.id, staff.role),
            );
            take_action(conn, &st, &mut row, action, actor, precondition, apply)?;
            detail(conn, &staff, &row, st.today())
        })
        .await?;
    Ok(respond(view))
}

fn body_version(req: &HttpRequest, version: Option<i32>) -> Result<Precondition, ApiError> {
    Precondition::from_request(req, version)
}

fn optional_note(checks: &mut Checks, text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|n| !n.is_empty())
        .and_then(|n| checks.text("note", n, 1, 5000, true))
}

/// Why a change was refused: the shared answers of every lifecycle action.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)] // documents the responses only
pub enum ChangeRefused {
    #[response(
        status = 401,
        description = "Not signed in",
        content_type = "application/problem+json"
    )]
    Unauthenticated(Problem),
    #[response(
        status = 403,
        description = "The role may not take this action",
        content_type = "application/problem+json"
    )]
    Forbidden(Problem),
    #[response(
        status = 404,
        description = "No such complaint, or not the user's to see",
        content_type = "application/problem+json"
    )]
    NotFound(Problem),
    #[response(
        status = 409,
        description = "The complaint's status does not allow it, or the body's `version` is stale",
        content_type = "application/problem+json"
    )]
    Conflict(Problem),
    #[response(
        status = 412,
        description = "If-Match names a stale version",
        content_type = "application/problem+json"
    )]
    Stale(Problem),
    #[response(
        status = 422,
        description = "A field is invalid",
        content_type = "application/problem+json"
    )]
    Invalid(Problem),
    #[response(
        status = 428,
        description = "Neither If-Match nor `version` was sent",
        content_type = "application/problem+json"
    )]
    VersionRequired(Problem),
}

/// A change's body: the version it was based on (or send `If-Match`) and an
/// optional internal note.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteOnly {
    pub version: Option<i32>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyInput {
    pub version: Option<i32>,
    /// What the verifier found; a complaint needs all three (seed a.1).
    pub requirements: Requirements,
    /// Moves the complaint to another category (and its target) if it was filed wrongly.
    pub category_id: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    pub version: Option<i32>,
    /// Shown to the reporter.
    pub message: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectInput {
    pub version: Option<i32>,
    pub reason: RejectionReason,
    /// The explanation the reporter reads.
    pub message: String,
    /// With `duplicate`: the other complaint's id or tracking code.
    pub duplicate_of: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DispositionInput {
    pub version: Option<i32>,
    pub division_id: String,
    /// A handler in that division (optional).
    pub assignee_id: Option<String>,
    /// Instructions for the division (internal).
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveInput {
    pub version: Option<i32>,
    /// The public answer: the result and follow-up the reporter receives.
    pub answer: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtendInput {
    pub version: Option<i32>,
    /// Working days to add; the total target never passes 60.
    pub days: i32,
    pub reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextInput {
    pub version: Option<i32>,
    pub message: String,
}

/// Verifies a received submission against the requirements.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header, description = "The ETag read")),
    request_body = VerifyInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/verify")]
pub async fn verify(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<VerifyInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(state, staff, id.into_inner(), precondition, Action::Verify, move |ctx, row| {
        let mut checks = Checks::default();
        let internal_note = optional_note(&mut checks, input.note.as_deref());
        let r = input.requirements;
        if row.kind()? == Kind::Complaint && !(r.identity && r.address && r.evidence) {
            checks.fail(
                "requirements",
                "requirements_unmet",
                "a complaint is verified only with identity, address and evidence; ask the reporter for what is missing, or reject it",
            );
        }
        let category = match input.category_id.as_deref() {
            Some(category_id) if category_id != row.category_id => {
                let category = reference::category(ctx.conn, category_id)?.filter(|c| c.active);
                if category.is_none() {
                    checks.fail("category_id", "unknown", "no active category has this id");
                }
                category
            }
            _ => None,
        };
        checks.into_result(|| ())?;
        if let Some(category) = &category {
            row.category_id = category.id.clone();
            row.target_days = category.resolution_days;
        }
        row.req_identity = Some(r.identity);
        row.req_address = Some(r.address);
        row.req_evidence = Some(r.evidence);
        row.verified_at = Some(ctx.now);
        Ok(Entry {
            message: internal_note,
            details: Some(serde_json::json!({ "requirements": r, "category_id": row.category_id })),
            ..Entry::default()
        })
    })
    .await
}

/// Asks the reporter to complete the submission; the clock stops until they answer.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = MessageInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/request-info")]
pub async fn request_info(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<MessageInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::RequestInfo,
        move |ctx, row| {
            let mut checks = Checks::default();
            let message = checks.text("message", &input.message, 5, 5000, true);
            checks.into_result(|| ())?;
            row.waiting_since = Some(ctx.today);
            Ok(Entry::message(message))
        },
    )
    .await
}

/// Rejects a submission, with the reason and an explanation for the reporter.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = RejectInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<RejectInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(state, staff, id.into_inner(), precondition, Action::Reject, move |ctx, row| {
        let mut checks = Checks::default();
        let message = checks.text("message", &input.message, 5, 5000, true);
        let duplicate_of = match (input.reason, input.duplicate_of.as_deref().map(str::trim)) {
            (RejectionReason::Duplicate, Some(other)) if !other.is_empty() => {
                let found = match TrackingCode::parse(other) {
                    Ok(code) => rows::find_by_tracking_code(ctx.conn, code.as_str())?,
                    Err(_) => rows::find(ctx.conn, other)?,
                };
                match found {
                    Some(original) if original.id != row.id => Some(original.id),
                    Some(_) => {
                        checks.fail("duplicate_of", "same_complaint", "a complaint cannot duplicate itself");
                        None
                    }
                    None => {
                        checks.fail("duplicate_of", "unknown", "no complaint has this id or tracking code");
                        None
                    }
                }
            }
            (RejectionReason::Duplicate, _) => {
                checks.fail("duplicate_of", "required", "name the complaint this one duplicates");
                None
            }
            (_, Some(other)) if !other.is_empty() => {
                checks.fail("duplicate_of", "not_allowed", "only a duplicate names another complaint");
                None
            }
            _ => None,
        };
        checks.into_result(|| ())?;
        row.rejection_reason = Some(input.reason.as_str().to_string());
        row.duplicate_of_id = duplicate_of;
        row.waiting_since = None;
        row.closed_at = Some(ctx.now);
        Ok(Entry {
            message,
            details: Some(serde_json::json!({ "reason": input.reason, "duplicate_of": row.duplicate_of_id })),
            ..Entry::default()
        })
    })
    .await
}

/// Hands the complaint to a division, and optionally a handler in it.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = DispositionInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/disposition")]
pub async fn disposition(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<DispositionInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::Disposition,
        move |ctx, row| {
            let mut checks = Checks::default();
            let internal_note = optional_note(&mut checks, input.note.as_deref());
            let division = reference::division(ctx.conn, &input.division_id)?.filter(|d| d.active);
            if division.is_none() {
                checks.fail("division_id", "unknown", "no active division has this id");
            }
            let assignee = match input.assignee_id.as_deref() {
                None => None,
                Some(assignee_id) => {
                    let user = users::find(ctx.conn, assignee_id)?.filter(|u| u.active);
                    match &user {
                        None => checks.fail("assignee_id", "unknown", "no active user has this id"),
                        Some(u) => {
                            let role = u.role()?;
                            let fits = match role {
                                Role::DivisionStaff => {
                                    u.division_id.as_deref() == Some(input.division_id.as_str())
                                }
                                Role::TeamLead => true,
                                _ => false,
                            };
                            if !fits {
                                checks.fail(
                                    "assignee_id",
                                    "not_in_division",
                                    "the handler must be staff of that division or a team lead",
                                );
                            }
                        }
                    }
                    user
                }
            };
            checks.into_result(|| ())?;
            let division = division.expect("checked");
            row.division_id = Some(division.id.clone());
            row.assignee_id = assignee.as_ref().map(|u| u.id.clone());
            Ok(Entry {
                message: internal_note,
                details: Some(serde_json::json!({
                    "division_id": division.id,
                    "division": division.name,
                    "assignee_id": row.assignee_id,
                })),
                ..Entry::default()
            })
        },
    )
    .await
}

/// The division starts handling: identifying and discussing the problem.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = NoteOnly,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/start")]
pub async fn start(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<NoteOnly>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::Start,
        move |_, _| {
            let mut checks = Checks::default();
            let internal_note = optional_note(&mut checks, input.note.as_deref());
            checks.into_result(|| Entry::message(internal_note))
        },
    )
    .await
}

/// Delivers the result: the public answer is required. The reporter then has
/// the evaluation window to accept or dispute it.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = ResolveInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/resolve")]
pub async fn resolve(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<ResolveInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::Resolve,
        move |ctx, row| {
            let mut checks = Checks::default();
            let answer = checks.text("answer", &input.answer, 10, 10_000, true);
            checks.into_result(|| ())?;
            row.resolution = answer.clone();
            row.resolved_at = Some(ctx.now);
            row.waiting_since = Some(ctx.today);
            Ok(Entry::message(answer))
        },
    )
    .await
}

/// Closes a resolved complaint once the reporter's evaluation window is over.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = NoteOnly,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/close")]
pub async fn close(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<NoteOnly>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::Close,
        move |ctx, row| {
            if let Some(due) = row.reporter_due_on.filter(|due| ctx.today <= *due) {
                return Err(ApiError::Conflict(format!(
                    "the reporter may accept or dispute the answer until {due}"
                )));
            }
            let mut checks = Checks::default();
            let internal_note = optional_note(&mut checks, input.note.as_deref());
            checks.into_result(|| ())?;
            row.closed_at = Some(ctx.now);
            row.waiting_since = None;
            Ok(Entry::message(internal_note))
        },
    )
    .await
}

/// Moves a closed or rejected complaint to the archive (seed b.6).
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = NoteOnly,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/archive")]
pub async fn archive(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<NoteOnly>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(
        state,
        staff,
        id.into_inner(),
        precondition,
        Action::Archive,
        move |ctx, row| {
            let mut checks = Checks::default();
            let internal_note = optional_note(&mut checks, input.note.as_deref());
            checks.into_result(|| ())?;
            row.archived_at = Some(ctx.now);
            Ok(Entry::message(internal_note))
        },
    )
    .await
}

/// Extends the resolution target, with a reason; never past 60 working days.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path), ("If-Match" = Option<String>, Header)),
    request_body = ExtendInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/extend")]
pub async fn extend(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<ExtendInput>,
) -> Result<HttpResponse, ApiError> {
    let input = input.into_inner();
    let precondition = body_version(&req, input.version)?;
    act(state, staff, id.into_inner(), precondition, Action::Extend, move |_, row| {
        let mut checks = Checks::default();
        let reason = checks.text("reason", &input.reason, 5, 1000, true);
        let clock = row.clock();
        let days = u32::try_from(input.days).unwrap_or(0);
        if !clock.can_extend_by(days) {
            checks.fail(
                "days",
                "exceeds_limit",
                format!(
                    "the target is {} working days now; it may grow to at most 60",
                    clock.total_resolution_days()
                ),
            );
        }
        checks.into_result(|| ())?;
        row.extension_days += days as i32;
        Ok(Entry {
            message: reason,
            details: Some(serde_json::json!({ "days": days, "total_days": row.target_days + row.extension_days })),
            ..Entry::default()
        })
    })
    .await
}

/// Adds an internal note (staff only, never shown to the reporter).
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = TextInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/notes")]
pub async fn note(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<TextInput>,
) -> Result<HttpResponse, ApiError> {
    text_entry(
        state,
        staff,
        req,
        id.into_inner(),
        input.into_inner(),
        Action::Note,
    )
    .await
}

/// Replies publicly: the reporter reads it on the tracking page.
#[utoipa::path(
    tag = "lifecycle", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = TextInput,
    responses((status = 200, body = ComplaintView), ChangeRefused)
)]
#[post("/complaints/{id}/replies")]
pub async fn reply(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: web::Path<String>,
    input: web::Json<TextInput>,
) -> Result<HttpResponse, ApiError> {
    text_entry(
        state,
        staff,
        req,
        id.into_inner(),
        input.into_inner(),
        Action::Reply,
    )
    .await
}

async fn text_entry(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    id: String,
    input: TextInput,
    action: Action,
) -> Result<HttpResponse, ApiError> {
    let precondition = body_version(&req, input.version)?;
    act(state, staff, id, precondition, action, move |_, _| {
        let mut checks = Checks::default();
        let message = checks.text("message", &input.message, 1, 5000, true);
        checks.into_result(|| Entry::message(message))
    })
    .await
}
