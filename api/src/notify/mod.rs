//! Notifications: the reporter by mail, staff in the app and by mail.
//!
//! [`on_event`] runs in the transaction that appends a timeline event, so
//! what it queues commits with the event or not at all: nothing is lost,
//! and a rolled-back action tells no one. Mail leaves later, from the
//! outbox (`jobs::mail`).

pub mod plan;
pub mod templates;

use crate::config::Config;
use crate::db::complaints::{ComplaintRow, EventRow};
use crate::db::notifications::{self, NotificationRow};
use crate::db::outbox::{self, MailStatus, OutboxRow};
use crate::db::{new_id, users, DbConn};
use crate::domain::text_enum;
use crate::domain::Role;
use crate::error::ApiError;
use plan::{Audience, StaffMember};

text_enum! {
    /// The mails a reporter receives.
    pub enum ReporterNotice {
        /// With the tracking code and where to follow the complaint.
        Received = "received",
        /// With the officer's question.
        InfoRequested = "info_requested",
        Rejected = "rejected",
        /// With the answer, and how to accept, dispute or rate it.
        Resolved = "resolved",
        Closed = "closed",
    }
}

text_enum! {
    /// What staff are told, in the app and by mail.
    pub enum StaffNotice {
        /// A submission arrived in the verifiers' queue.
        NewComplaint = "new_complaint",
        /// The complaint was handed to the user or their division.
        Dispositioned = "dispositioned",
        /// The reporter added information.
        InfoAdded = "info_added",
        /// The reporter disputed the answer: the complaint is open again.
        Disputed = "disputed",
        /// A deadline is at risk or passed.
        Escalated = "escalated",
    }
}

/// Queues the notifications of an event just appended to `complaint`'s
/// timeline, in the caller's transaction.
pub fn on_event(
    conn: &mut DbConn,
    config: &Config,
    complaint: &ComplaintRow,
    event: &EventRow,
) -> Result<(), ApiError> {
    let users = match plan::audience(complaint, event)? {
        None => Vec::new(),
        Some(Audience::Queue(channel)) => {
            let roles: Vec<Role> = Role::ALL
                .iter()
                .copied()
                .filter(|role| channel.is_queued_for(*role))
                .collect();
            users::active_with_roles(conn, &roles)?
        }
        Some(Audience::Division(division)) => users::active_division_staff(conn, &division)?,
        Some(Audience::User(id)) => users::find(conn, &id)?
            .filter(|user| user.active)
            .into_iter()
            .collect(),
    };
    let staff: Vec<StaffMember> = users
        .into_iter()
        .map(|user| StaffMember {
            user_id: user.id,
            email: user.email,
        })
        .collect();
    let plan = plan::plan(complaint, event, &staff, &config.public_url)?;
    let at = event.occurred_at;
    let notices: Vec<NotificationRow> = plan
        .notices
        .into_iter()
        .map(|notice| NotificationRow {
            id: new_id(),
            user_id: notice.user_id,
            complaint_id: complaint.id.clone(),
            kind: notice.kind.as_str().into(),
            title: notice.title,
            created_at: at,
            read_at: None,
        })
        .collect();
    notifications::insert(conn, &notices)?;
    let mails: Vec<OutboxRow> = plan
        .mails
        .into_iter()
        .map(|mail| OutboxRow {
            id: new_id(),
            kind: mail.kind.into(),
            complaint_id: Some(complaint.id.clone()),
            recipient: mail.to,
            language: mail.language.as_str().into(),
            subject: mail.subject,
            body_text: mail.body,
            status: MailStatus::Pending.as_str().into(),
            attempts: 0,
            next_attempt_at: at,
            claimed_until: None,
            last_error: None,
            sent_at: None,
            created_at: at,
        })
        .collect();
    outbox::insert(conn, &mails)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_send_the_text_they_store() {
        for notice in StaffNotice::ALL {
            assert_eq!(serde_json::to_value(notice).unwrap(), notice.as_str());
        }
        for notice in ReporterNotice::ALL {
            assert_eq!(serde_json::to_value(notice).unwrap(), notice.as_str());
        }
    }
}
