//! What the API returns about complaints: the staff views, the public
//! (tracking) views, and the receipt. Building a view is the one place that
//! decides which stored field may leave the server, and to whom.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::complaints::{AttachmentRow, ComplaintRow, EventRow};
use crate::db::reference::CategoryRow;
use crate::domain::lifecycle::Action;
use crate::domain::sla::{Deadline, SlaState};
use crate::domain::timeline::{ActorKind, EventKind, Visibility};
use crate::domain::{Channel, IdentityDocType, Kind, RejectionReason, Role, Status};
use crate::error::ApiError;

pub fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// Due dates (agency-local calendar days; a deadline ends at 23:59 that day)
/// and where the running one stands today.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlaView {
    /// The running deadline's state; absent while the clock is paused or stopped.
    pub state: Option<SlaState>,
    /// The running deadline.
    pub due_on: Option<NaiveDate>,
    pub at_risk_on: Option<NaiveDate>,
    pub verification_due_on: NaiveDate,
    pub resolution_due_on: NaiveDate,
    /// The reporter's deadline while the complaint waits for them.
    pub reporter_due_on: Option<NaiveDate>,
    /// The category's target in working days (1 to 60).
    pub target_days: i32,
    pub extension_days: i32,
    /// Working days the clock stood still while waiting for the reporter.
    pub paused_days: i32,
}

impl SlaView {
    pub fn of(row: &ComplaintRow, today: NaiveDate) -> SlaView {
        let deadline = match (row.sla_due_on, row.sla_at_risk_on) {
            (Some(due_on), Some(at_risk_on)) => Some(Deadline { due_on, at_risk_on }),
            _ => None,
        };
        SlaView {
            state: deadline.map(|d| d.state(today)),
            due_on: row.sla_due_on,
            at_risk_on: row.sla_at_risk_on,
            verification_due_on: row.verification_due_on,
            resolution_due_on: row.resolution_due_on,
            reporter_due_on: row.reporter_due_on,
            target_days: row.target_days,
            extension_days: row.extension_days,
            paused_days: row.paused_days,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

/// Which requirements of the service standard (a.1) the verifier found met.
#[derive(Debug, Clone, Copy, Serialize, serde::Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// An identity document (KTP or other).
    pub identity: bool,
    /// The reporter's address.
    pub address: bool,
    /// Supporting evidence.
    pub evidence: bool,
}

/// What staff may know about the reporter without asking to see the identity.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReporterSummary {
    /// Whether any identity was given.
    pub identified: bool,
    pub id_type: Option<IdentityDocType>,
    pub has_address: bool,
    pub has_phone: bool,
    pub has_email: bool,
}

/// The identity itself, returned only by the (recorded) reveal request.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReporterIdentity {
    pub name: Option<String>,
    pub id_type: Option<IdentityDocType>,
    pub id_number: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ReporterIdentity {
    pub fn of(row: &ComplaintRow) -> ReporterIdentity {
        ReporterIdentity {
            name: row.reporter_name.clone(),
            id_type: row.reporter_id_type.as_deref().and_then(|t| t.parse().ok()),
            id_number: row.reporter_id_number.clone(),
            address: row.reporter_address.clone(),
            phone: row.reporter_phone.clone(),
            email: row.reporter_email.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    pub id: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    /// `reporter` or `staff`.
    pub uploaded_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<&AttachmentRow> for AttachmentView {
    fn from(row: &AttachmentRow) -> Self {
        AttachmentView {
            id: row.id.clone(),
            file_name: row.file_name.clone(),
            content_type: row.content_type.clone(),
            size_bytes: row.size_bytes,
            sha256: row.sha256.clone(),
            uploaded_by: row.uploaded_by.clone(),
            created_at: utc(row.created_at),
        }
    }
}

/// Where a complaint came from in another system (SP4N-LAPOR!, say).
#[derive(Debug, Serialize, ToSchema)]
pub struct ExternalRef {
    pub system: String,
    pub id: String,
    pub status: Option<String>,
}

/// A complaint as staff see it. The reporter's identity is not here: it takes
/// an explicit, recorded request (`POST .../reporter-identity`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintView {
    pub id: String,
    #[schema(value_type = String, example = "7KQM-4XHT-92RC")]
    pub tracking_code: String,
    #[schema(example = "00042/ADUAN/2026")]
    pub register_number: String,
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    pub category: NamedRef,
    pub subject: String,
    pub description: String,
    pub incident_date: Option<NaiveDate>,
    pub incident_place: Option<String>,
    pub anonymous: bool,
    pub confidential: bool,
    pub reporter: ReporterSummary,
    /// Set once verified.
    pub requirements: Option<Requirements>,
    pub division: Option<NamedRef>,
    pub assignee: Option<NamedRef>,
    pub rejection_reason: Option<RejectionReason>,
    pub duplicate_of: Option<String>,
    /// The public answer (result and follow-up), once resolved.
    pub resolution: Option<String>,
    pub sla: SlaView,
    pub received_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub external: Option<ExternalRef>,
    pub attachments: Vec<AttachmentView>,
    /// What the requesting user may do now.
    pub available_actions: Vec<Action>,
    /// Send back as `If-Match: "v<version>"` (or `version`) with a change.
    pub version: i32,
}

/// The names a detail view shows beside ids.
pub struct Names {
    pub category: NamedRef,
    pub division: Option<NamedRef>,
    pub assignee: Option<NamedRef>,
}

impl ComplaintView {
    pub fn build(
        row: &ComplaintRow,
        names: Names,
        attachments: &[AttachmentRow],
        available_actions: Vec<Action>,
        today: NaiveDate,
    ) -> Result<ComplaintView, ApiError> {
        Ok(ComplaintView {
            id: row.id.clone(),
            tracking_code: row.tracking_code.clone(),
            register_number: row.register_number(),
            kind: row.kind()?,
            channel: row.channel()?,
            status: row.status()?,
            category: names.category,
            subject: row.subject.clone(),
            description: row.description.clone(),
            incident_date: row.incident_date,
            incident_place: row.incident_place.clone(),
            anonymous: row.is_anonymous,
            confidential: row.is_confidential,
            reporter: ReporterSummary {
                identified: row.reporter_name.is_some(),
                id_type: row.reporter_id_type.as_deref().and_then(|t| t.parse().ok()),
                has_address: row.reporter_address.is_some(),
                has_phone: row.reporter_phone.is_some(),
                has_email: row.reporter_email.is_some(),
            },
            requirements: match (row.req_identity, row.req_address, row.req_evidence) {
                (Some(identity), Some(address), Some(evidence)) => Some(Requirements {
                    identity,
                    address,
                    evidence,
                }),
                _ => None,
            },
            division: names.division,
            assignee: names.assignee,
            rejection_reason: row.rejection_reason.as_deref().and_then(|r| r.parse().ok()),
            duplicate_of: row.duplicate_of_id.clone(),
            resolution: row.resolution.clone(),
            sla: SlaView::of(row, today),
            received_at: utc(row.received_at),
            verified_at: row.verified_at.map(utc),
            resolved_at: row.resolved_at.map(utc),
            closed_at: row.closed_at.map(utc),
            archived_at: row.archived_at.map(utc),
            updated_at: utc(row.updated_at),
            external: match (&row.external_system, &row.external_id) {
                (Some(system), Some(id)) => Some(ExternalRef {
                    system: system.clone(),
                    id: id.clone(),
                    status: row.external_status.clone(),
                }),
                _ => None,
            },
            attachments: attachments.iter().map(AttachmentView::from).collect(),
            available_actions,
            version: row.version,
        })
    }
}

/// One line of the staff inbox.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintSummary {
    pub id: String,
    #[schema(value_type = String)]
    pub tracking_code: String,
    pub register_number: String,
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    pub category_id: String,
    pub division_id: Option<String>,
    pub assignee_id: Option<String>,
    pub subject: String,
    pub anonymous: bool,
    pub confidential: bool,
    pub received_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub sla: SlaView,
    pub version: i32,
}

impl ComplaintSummary {
    pub fn build(row: &ComplaintRow, today: NaiveDate) -> Result<ComplaintSummary, ApiError> {
        Ok(ComplaintSummary {
            id: row.id.clone(),
            tracking_code: row.tracking_code.clone(),
            register_number: row.register_number(),
            kind: row.kind()?,
            channel: row.channel()?,
            status: row.status()?,
            category_id: row.category_id.clone(),
            division_id: row.division_id.clone(),
            assignee_id: row.assignee_id.clone(),
            subject: row.subject.clone(),
            anonymous: row.is_anonymous,
            confidential: row.is_confidential,
            received_at: utc(row.received_at),
            updated_at: utc(row.updated_at),
            sla: SlaView::of(row, today),
            version: row.version,
        })
    }
}

/// A timeline event as staff see it: everything, including who acted.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub seq: i32,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    pub actor_kind: ActorKind,
    pub actor: Option<NamedRef>,
    pub actor_role: Option<Role>,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    /// Whether the citizen sees the event on the tracking page.
    pub visibility: Visibility,
    pub message: Option<String>,
    /// Whether the citizen reads the message: a public event can carry an
    /// internal message (a disposition's instruction to the division, the
    /// reporter's added words on a confidential complaint).
    pub message_visibility: Visibility,
    /// Structured facts of the event (division, requirements, days ...).
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub details: Option<serde_json::Value>,
}

impl EventView {
    pub fn build(
        row: &EventRow,
        actor_name: Option<String>,
        confidential: bool,
    ) -> Result<EventView, ApiError> {
        let kind: EventKind = parse(&row.action, "event kind")?;
        let visibility: Visibility = parse(&row.visibility, "visibility")?;
        Ok(EventView {
            seq: row.seq,
            at: utc(row.occurred_at),
            kind,
            actor_kind: parse(&row.actor_kind, "actor kind")?,
            actor: match (&row.actor_id, actor_name) {
                (Some(id), Some(name)) => Some(NamedRef {
                    id: id.clone(),
                    name,
                }),
                _ => None,
            },
            actor_role: row.actor_role.as_deref().and_then(|r| r.parse().ok()),
            from_status: row.from_status.as_deref().and_then(|s| s.parse().ok()),
            to_status: row.to_status.as_deref().and_then(|s| s.parse().ok()),
            visibility,
            message: row.message.clone(),
            message_visibility: if visibility == Visibility::Public
                && kind.message_shown_to_public(confidential)
            {
                Visibility::Public
            } else {
                Visibility::Internal
            },
            details: row
                .details
                .as_deref()
                .and_then(|d| serde_json::from_str(d).ok()),
        })
    }
}

fn parse<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, ApiError>
where
    T::Err: std::fmt::Display,
{
    text.parse()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored {what} is invalid: {e}")))
}

/// A timeline event as the citizen sees it: no internal note, no staff
/// identity beyond a role, no internal message.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicEvent {
    pub seq: i32,
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    pub actor_kind: ActorKind,
    pub actor_role: Option<Role>,
    pub to_status: Option<Status>,
    pub message: Option<String>,
}

impl PublicEvent {
    /// `None` for events the public must not see.
    pub fn build(row: &EventRow, confidential: bool) -> Result<Option<PublicEvent>, ApiError> {
        let kind: EventKind = parse(&row.action, "event kind")?;
        if kind.visibility() != Visibility::Public || row.visibility != Visibility::Public.as_str()
        {
            return Ok(None);
        }
        let show_message = kind.message_shown_to_public(confidential);
        Ok(Some(PublicEvent {
            seq: row.seq,
            at: utc(row.occurred_at),
            kind,
            actor_kind: parse(&row.actor_kind, "actor kind")?,
            actor_role: row.actor_role.as_deref().and_then(|r| r.parse().ok()),
            to_status: row.to_status.as_deref().and_then(|s| s.parse().ok()),
            message: if show_message {
                row.message.clone()
            } else {
                None
            },
        }))
    }
}

/// What a citizen sees with the tracking code: never the reporter's
/// identity, never internal data; a confidential complaint's content stays
/// out too, in case the code is shared.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrackingView {
    #[schema(value_type = String, example = "7KQM-4XHT-92RC")]
    pub tracking_code: String,
    pub register_number: String,
    pub kind: Kind,
    pub status: Status,
    pub category: String,
    /// Absent for confidential complaints.
    pub subject: Option<String>,
    pub confidential: bool,
    pub received_at: DateTime<Utc>,
    pub sla: SlaView,
    /// The answer: result and follow-up, once resolved.
    pub resolution: Option<String>,
    pub rejection_reason: Option<RejectionReason>,
    /// The reporter may add information (and must, when `status` is `needs_info`).
    pub can_add_information: bool,
    /// The reporter may accept or dispute the resolution now.
    pub can_evaluate: bool,
    /// The reporter may rate the handling now (once, after the answer).
    pub can_rate: bool,
    pub attachment_count: usize,
    pub timeline: Vec<PublicEvent>,
}

/// Proof of submission: what the citizen keeps (the printed "tanda terima").
#[derive(Debug, Serialize, ToSchema)]
pub struct Receipt {
    pub id: String,
    /// Keep this code: it is the only way to follow the complaint.
    #[schema(value_type = String, example = "7KQM-4XHT-92RC")]
    pub tracking_code: String,
    #[schema(example = "00042/ADUAN/2026")]
    pub register_number: String,
    pub kind: Kind,
    pub channel: Channel,
    pub status: Status,
    pub category: String,
    pub subject: String,
    pub received_at: DateTime<Utc>,
    pub verification_due_on: NaiveDate,
    pub resolution_due_on: NaiveDate,
    pub attachment_count: usize,
}

impl Receipt {
    pub fn build(
        row: &ComplaintRow,
        category: &CategoryRow,
        attachment_count: usize,
    ) -> Result<Receipt, ApiError> {
        Ok(Receipt {
            id: row.id.clone(),
            tracking_code: row.tracking_code.clone(),
            register_number: row.register_number(),
            kind: row.kind()?,
            channel: row.channel()?,
            status: row.status()?,
            category: category.name.clone(),
            subject: row.subject.clone(),
            received_at: utc(row.received_at),
            verification_due_on: row.verification_due_on,
            resolution_due_on: row.resolution_due_on,
            attachment_count,
        })
    }
}
