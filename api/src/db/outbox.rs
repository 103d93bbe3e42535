//! Mail waiting to go out. Rows are added in the transaction of the event
//! they tell about; the delivery job claims due rows under a lease, so two
//! replicas never send the same row, and a row whose sender died returns to
//! the queue when its lease runs out.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::outbox;
use super::DbConn;
use crate::domain::text_enum;
use crate::error::ApiError;

text_enum! {
    /// Where a message is on its way out.
    pub enum MailStatus {
        /// Waiting for `next_attempt_at`.
        Pending = "pending",
        /// Claimed by a sender until `claimed_until`.
        Sending = "sending",
        Sent = "sent",
        /// Given up after the last attempt.
        Failed = "failed",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub complaint_id: Option<String>,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, rows: &[OutboxRow]) -> Result<(), ApiError> {
    for row in rows {
        diesel::insert_into(outbox::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Claims up to `limit` due messages until `lease_until`: pending ones whose
/// time has come, and claimed ones whose lease ran out. Each claim is a
/// conditional update, so of two senders reading the same row only one
/// changes it; the other's update finds it claimed and passes. Counts the
/// attempt at once, so a message that kills its sender still runs out of tries.
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<OutboxRow>, ApiError> {
    use outbox::dsl as o;
    macro_rules! due {
        () => {
            o::status
                .eq(MailStatus::Pending.as_str())
                .and(o::next_attempt_at.le(now))
                .or(o::status
                    .eq(MailStatus::Sending.as_str())
                    .and(o::claimed_until.lt(now)))
        };
    }
    // One order for every sender, so concurrent claims lock rows alike.
    let ids: Vec<String> = o::outbox
        .filter(due!())
        .order((o::next_attempt_at.asc(), o::id.asc()))
        .limit(limit)
        .select(o::id)
        .load(conn)?;
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let won = diesel::update(o::outbox.find(&id).filter(due!()))
            .set((
                o::status.eq(MailStatus::Sending.as_str()),
                o::claimed_until.eq(Some(lease_until)),
                o::attempts.eq(o::attempts + 1),
            ))
            .execute(conn)?;
        if won == 1 {
            claimed.push(id);
        }
    }
    Ok(o::outbox
        .filter(o::id.eq_any(&claimed))
        .order((o::next_attempt_at.asc(), o::id.asc()))
        .select(OutboxRow::as_select())
        .load(conn)?)
}

pub fn mark_sent(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<(), ApiError> {
    use outbox::dsl as o;
    diesel::update(
        o::outbox
            .find(id)
            .filter(o::status.eq(MailStatus::Sending.as_str())),
    )
    .set((
        o::status.eq(MailStatus::Sent.as_str()),
        o::sent_at.eq(Some(at)),
        o::claimed_until.eq(None::<NaiveDateTime>),
        o::last_error.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: back in the queue at `retry_at`, or failed for
/// good (as of `now`) when there is none.
pub fn mark_failed_attempt(
    conn: &mut DbConn,
    id: &str,
    error: &str,
    now: NaiveDateTime,
    retry_at: Option<NaiveDateTime>,
) -> Result<(), ApiError> {
    use outbox::dsl as o;
    let status = match retry_at {
        Some(_) => MailStatus::Pending,
        None => MailStatus::Failed,
    };
    diesel::update(
        o::outbox
            .find(id)
            .filter(o::status.eq(MailStatus::Sending.as_str())),
    )
    .set((
        o::status.eq(status.as_str()),
        o::next_attempt_at.eq(retry_at.unwrap_or(now)),
        o::claimed_until.eq(None::<NaiveDateTime>),
        o::last_error.eq(Some(error)),
    ))
    .execute(conn)?;
    Ok(())
}
