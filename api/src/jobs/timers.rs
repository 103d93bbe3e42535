//! The timed rules: what happens when nobody acts in time.
//!
//! - A reporter asked for information who does not answer within the reply
//!   window: the complaint is rejected as incomplete (seed a.1).
//! - A resolved complaint the reporter neither accepts nor disputes within
//!   the evaluation window: it closes (seed b.8).
//! - A complaint whose deadline is at risk or passed: escalated, one step
//!   per threshold, up the chain of supervision (seed b.4).
//! - A closed or rejected complaint, after `ADUAN_ARCHIVE_AFTER_DAYS`: archived (seed b.6).
//!
//! Every rule reads what is due from the database, so a restart misses
//! nothing: a rule that came due during downtime fires on the next run.
//! Every firing is one transaction that re-checks its condition and goes
//! through the same version-checked `take_action` as a person's action, so
//! with several replicas running the rules each firing happens once: the
//! loser of a race finds the complaint changed and leaves it.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::complaints::{self as rows, ComplaintRow, EventActor};
use crate::db::schema::{complaints, escalations};
use crate::db::{users, DbConn};
use crate::domain::escalation;
use crate::domain::lifecycle::{Action, Actor};
use crate::domain::sla::Deadline;
use crate::domain::{RejectionReason, Role, Status};
use crate::error::ApiError;
use crate::http::complaints::actions::{take_action, Entry};
use crate::http::complaints::Precondition;
use crate::state::AppState;

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fired {
    pub rejected_incomplete: usize,
    pub closed: usize,
    pub archived: usize,
    /// Escalation steps taken (a complaint may take several at once after downtime).
    pub escalations: usize,
}

#[derive(Debug, Clone, Copy)]
enum Rule {
    RejectUnanswered,
    CloseUnevaluated,
    Archive,
    Escalate,
}

/// Runs every rule that is due now, by the server's clock.
pub async fn run_due(state: &AppState) -> Result<Fired, ApiError> {
    let today = state.today();
    let now = state.clock.now().naive_utc();
    let jobs = state.config.jobs;
    let archive_before =
        (jobs.archive_after_days > 0).then(|| now - Duration::days(jobs.archive_after_days.into()));
    let st = state.clone();
    let due = state
        .db
        .read(move |conn| find_due(conn, &st, today, archive_before))
        .await?;
    let mut fired = Fired::default();
    for (ids, rule) in [
        (due.unanswered, Rule::RejectUnanswered),
        (due.unevaluated, Rule::CloseUnevaluated),
        (due.to_archive, Rule::Archive),
        (due.to_escalate, Rule::Escalate),
    ] {
        for id in ids {
            let steps = fire(state, id, rule, archive_before).await?;
            match rule {
                Rule::RejectUnanswered => fired.rejected_incomplete += steps,
                Rule::CloseUnevaluated => fired.closed += steps,
                Rule::Archive => fired.archived += steps,
                Rule::Escalate => fired.escalations += steps,
            }
        }
    }
    Ok(fired)
}

struct Due {
    unanswered: Vec<String>,
    unevaluated: Vec<String>,
    to_archive: Vec<String>,
    to_escalate: Vec<String>,
}

fn find_due(
    conn: &mut DbConn,
    state: &AppState,
    today: NaiveDate,
    archive_before: Option<NaiveDateTime>,
) -> Result<Due, ApiError> {
    use complaints::dsl as c;
    let waiting_past = |conn: &mut DbConn, status: Status| -> Result<Vec<String>, ApiError> {
        Ok(complaints::table
            .filter(c::status.eq(status.as_str()))
            .filter(c::reporter_due_on.lt(today))
            .select(c::id)
            .load(conn)?)
    };
    let unanswered = waiting_past(conn, Status::NeedsInfo)?;
    let unevaluated = waiting_past(conn, Status::Resolved)?;
    let to_archive = match archive_before {
        None => Vec::new(),
        Some(before) => complaints::table
            .filter(c::status.eq_any([Status::Closed.as_str(), Status::Rejected.as_str()]))
            .filter(c::closed_at.lt(before))
            .select(c::id)
            .load(conn)?,
    };
    // Only complaints owed a step they have not had yet.
    let running: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = complaints::table
        .filter(c::sla_at_risk_on.le(today))
        .select((c::id, c::sla_due_on, c::sla_at_risk_on))
        .load(conn)?;
    let mut taken: HashMap<String, i32> = HashMap::new();
    for batch in running.chunks(500) {
        let ids: Vec<&String> = batch.iter().map(|(id, _, _)| id).collect();
        let steps: Vec<(String, Option<i32>)> = escalations::table
            .filter(escalations::complaint_id.eq_any(ids))
            .group_by(escalations::complaint_id)
            .select((
                escalations::complaint_id,
                diesel::dsl::max(escalations::step),
            ))
            .load(conn)?;
        taken.extend(steps.into_iter().map(|(id, step)| (id, step.unwrap_or(0))));
    }
    let calendar = state.calendar(conn)?;
    let every = state.config.jobs.escalate_every_days;
    let to_escalate = running
        .into_iter()
        .filter_map(|(id, due_on, at_risk_on)| {
            let deadline = Deadline {
                due_on: due_on?,
                at_risk_on: at_risk_on?,
            };
            let owed = escalation::steps_due(deadline, today, &calendar, every);
            let had = u32::try_from(taken.get(&id).copied().unwrap_or(0)).unwrap_or(0);
            (owed > had).then_some(id)
        })
        .collect();
    Ok(Due {
        unanswered,
        unevaluated,
        to_archive,
        to_escalate,
    })
}

/// Fires `rule` on one complaint in its own transaction; how many steps it
/// took (0 when the complaint no longer qualifies, as when another replica
/// or a person got there first).
async fn fire(
    state: &AppState,
    id: String,
    rule: Rule,
    archive_before: Option<NaiveDateTime>,
) -> Result<usize, ApiError> {
    let st = state.clone();
    let result = state
        .db
        .write(move |conn| {
            // Take the row first: a concurrent run waits here, then sees the result.
            rows::lock(conn, &id)?;
            let Some(mut row) = rows::find(conn, &id)? else {
                return Ok(0);
            };
            let today = st.today();
            let status = row.status()?;
            let reporter_late = row.reporter_due_on.is_some_and(|due| due < today);
            match rule {
                Rule::RejectUnanswered if status == Status::NeedsInfo && reporter_late => {
                    act(conn, &st, &mut row, Action::Reject, |ctx, row| {
                        row.rejection_reason = Some(RejectionReason::Incomplete.as_str().into());
                        row.waiting_since = None;
                        row.closed_at = Some(ctx.now);
                        Ok(because(
                            "reporter_did_not_answer",
                            RejectionReason::Incomplete,
                        ))
                    })
                }
                Rule::CloseUnevaluated if status == Status::Resolved && reporter_late => {
                    act(conn, &st, &mut row, Action::Close, |ctx, row| {
                        row.closed_at = Some(ctx.now);
                        row.waiting_since = None;
                        Ok(because("evaluation_window_passed", ()))
                    })
                }
                Rule::Archive
                    if matches!(status, Status::Closed | Status::Rejected)
                        && row
                            .closed_at
                            .zip(archive_before)
                            .is_some_and(|(c, b)| c < b) =>
                {
                    act(conn, &st, &mut row, Action::Archive, |ctx, row| {
                        row.archived_at = Some(ctx.now);
                        Ok(because("archive_period_passed", ()))
                    })
                }
                Rule::Escalate => escalate(conn, &st, &mut row, today),
                _ => Ok(0),
            }
        })
        .await;
    match result {
        // Someone changed the complaint meanwhile: the rule is re-checked next run.
        Err(ApiError::VersionConflict { .. } | ApiError::Conflict(_)) => Ok(0),
        other => other,
    }
}

fn act(
    conn: &mut DbConn,
    state: &AppState,
    row: &mut ComplaintRow,
    action: Action,
    apply: impl FnOnce(
        &mut crate::http::complaints::actions::Ctx<'_>,
        &mut ComplaintRow,
    ) -> Result<Entry, ApiError>,
) -> Result<usize, ApiError> {
    let precondition = Precondition::Body(row.version);
    let actor = (Actor::System, EventActor::system());
    take_action(conn, state, row, action, actor, precondition, apply)?;
    Ok(1)
}

/// A system event explains itself by the rule that fired, not in prose:
/// clients word it in the reader's language.
fn because(rule: &str, reason: impl serde::Serialize) -> Entry {
    let mut details = serde_json::json!({ "rule": rule });
    if let Ok(serde_json::Value::String(reason)) = serde_json::to_value(reason) {
        details["reason"] = reason.into();
    }
    Entry {
        details: Some(details),
        ..Entry::default()
    }
}

/// Takes every escalation step the complaint is owed, each to the next
/// person up, each recorded once (the `escalations` key) and on the timeline.
fn escalate(
    conn: &mut DbConn,
    state: &AppState,
    row: &mut ComplaintRow,
    today: NaiveDate,
) -> Result<usize, ApiError> {
    let (Some(due_on), Some(at_risk_on)) = (row.sla_due_on, row.sla_at_risk_on) else {
        return Ok(0);
    };
    let calendar = state.calendar(conn)?;
    let owed = escalation::steps_due(
        Deadline { due_on, at_risk_on },
        today,
        &calendar,
        state.config.jobs.escalate_every_days,
    );
    let had: Option<i32> = escalations::table
        .filter(escalations::complaint_id.eq(&row.id))
        .select(diesel::dsl::max(escalations::step))
        .first(conn)?;
    let had = u32::try_from(had.unwrap_or(0)).unwrap_or(0);
    let chain = chain_of_supervision(conn, row)?;
    let mut taken = 0;
    for step in had + 1..=owed {
        let to = escalation::recipient(step, &chain);
        let reason = escalation::reason(step);
        let now = state.clock.now().naive_utc();
        diesel::insert_into(escalations::table)
            .values((
                escalations::complaint_id.eq(&row.id),
                escalations::step.eq(i32::try_from(step).unwrap_or(i32::MAX)),
                escalations::to_user_id.eq(to),
                escalations::reason.eq(reason.as_str()),
                escalations::escalated_at.eq(now),
            ))
            .execute(conn)?;
        // Past the top of the chain the step is only noted, so that it is
        // not looked at again; the head of agency already knows.
        let Some(to) = to else { continue };
        let details = serde_json::json!({
            "to_user_id": to,
            "level": step,
            "reason": reason,
            "due_on": due_on,
        });
        act(conn, state, row, Action::Escalate, |_, _| {
            Ok(Entry {
                details: Some(details),
                ..Entry::default()
            })
        })?;
        taken += 1;
    }
    Ok(taken)
}

/// The people a complaint escalates to, nearest first: those above its
/// handler; when it has no handler yet (or nobody above them), the
/// complaint team's lead and those above the lead. Inactive accounts are
/// passed over.
fn chain_of_supervision(conn: &mut DbConn, row: &ComplaintRow) -> Result<Vec<String>, ApiError> {
    let active_ids = |chain: Vec<users::UserRow>| -> Vec<String> {
        chain
            .into_iter()
            .filter(|u| u.active)
            .map(|u| u.id)
            .collect()
    };
    if let Some(handler) = &row.assignee_id {
        let above = active_ids(users::supervisors_of(conn, handler)?);
        if !above.is_empty() {
            return Ok(above);
        }
    }
    let Some(lead) = users::active_with_roles(conn, &[Role::TeamLead])?
        .into_iter()
        .next()
    else {
        return Ok(Vec::new());
    };
    let mut chain = vec![lead.id.clone()];
    chain.extend(active_ids(users::supervisors_of(conn, &lead.id)?));
    chain.retain(|id| Some(id) != row.assignee_id.as_ref());
    Ok(chain)
}
