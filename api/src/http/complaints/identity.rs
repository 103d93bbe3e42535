//! Revealing a reporter's identity to a staff member: an explicit request
//! with a reason, recorded on the timeline (internal) and in the audit log
//! before it is answered.

use actix_web::{post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::input::Checks;
use super::load_visible;
use super::views::ReporterIdentity;
use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::complaints::{self as rows, ComplaintRow, EventActor, EventRow};
use crate::db::DbConn;
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::timeline::EventKind;
use crate::error::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevealInput {
    /// Why the identity is needed; kept on the record.
    #[schema(example = "Menghubungi pelapor untuk klarifikasi")]
    pub reason: String,
}

/// Shows the reporter's identity. An anonymous reporter's identity is shown
/// only to the roles that verify submissions, never to a division.
#[utoipa::path(
    tag = "complaints",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = RevealInput,
    responses(
        (status = 200, body = ReporterIdentity),
        (status = 403, description = "An anonymous reporter, and a role that does not verify", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/complaints/{id}/reporter-identity")]
pub async fn reveal(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    input: web::Json<RevealInput>,
) -> Result<HttpResponse, ApiError> {
    let mut checks = Checks::default();
    let reason = checks.text("reason", &input.reason, 5, 500, false);
    checks.into_result(|| ())?;
    let now = state.clock.now().naive_utc();
    let identity = state
        .db
        .write(move |conn| {
            let row = load_visible(conn, &staff, &id)?;
            let entry = EventRow::new(
                &row.id,
                now,
                EventKind::IdentityRevealed,
                &EventActor::staff(&staff.id, staff.role),
            )
            .message(reason);
            reveal_identity(conn, &staff, &row, entry)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(identity))
}

/// The reporter's identity for `staff`, recorded first as `entry` on the
/// timeline. An anonymous reporter's identity is shown only to the roles
/// that verify submissions, never to a division.
pub fn reveal_identity(
    conn: &mut DbConn,
    staff: &Staff,
    row: &ComplaintRow,
    entry: EventRow,
) -> Result<ReporterIdentity, ApiError> {
    if row.is_anonymous && !staff.role.verifies() {
        return Err(ApiError::Forbidden(
            "the reporter asked to stay anonymous; only verifying staff may see the identity"
                .into(),
        ));
    }
    rows::lock(conn, &row.id)?;
    let event = rows::append_event(conn, entry)?;
    let purpose: Option<serde_json::Value> = event
        .details
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok());
    audit::record(
        conn,
        event.occurred_at,
        AuditEntry::new(
            AuditAction::IdentityRevealed,
            ObjectType::Complaint,
            Some(&row.id),
        )
        .by(&staff.id, staff.role)
        .details(serde_json::json!({
            "register_number": row.register_number(),
            "reason": event.message,
            "event": purpose,
        })),
    )?;
    log::info!(
        "reporter identity of {} shown to {}",
        row.register_number(),
        staff.username
    );
    Ok(ReporterIdentity::of(row))
}
