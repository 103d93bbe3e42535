//! The audit log: appended to in the transaction of what it records, read
//! newest first, never changed (the database refuses UPDATE and DELETE).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::complaints::Cursor;
use super::schema::audit_log;
use super::DbConn;
use crate::domain::audit::{AuditAction, ObjectType};
use crate::domain::Role;
use crate::error::ApiError;
use crate::telemetry;

/// One thing to record. The time comes from the caller's clock and the
/// client's address from the request being handled.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub actor: Option<(String, Role)>,
    pub action: AuditAction,
    pub object_type: ObjectType,
    pub object_id: Option<String>,
    pub details: serde_json::Value,
}

impl AuditEntry {
    pub fn new(action: AuditAction, object_type: ObjectType, object_id: Option<&str>) -> Self {
        AuditEntry {
            actor: None,
            action,
            object_type,
            object_id: object_id.map(str::to_string),
            details: serde_json::json!({}),
        }
    }

    pub fn by(mut self, user_id: &str, role: Role) -> Self {
        self.actor = Some((user_id.to_string(), role));
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: String,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub actor_role: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub details: String,
    pub ip: Option<String>,
}

pub fn record(conn: &mut DbConn, at: NaiveDateTime, entry: AuditEntry) -> Result<(), ApiError> {
    let (actor_id, actor_role) = match entry.actor {
        Some((id, role)) => (Some(id), Some(role.as_str().to_string())),
        None => (None, None),
    };
    diesel::insert_into(audit_log::table)
        .values(AuditRow {
            id: super::new_id(),
            occurred_at: at,
            actor_id,
            actor_role,
            action: entry.action.as_str().to_string(),
            object_type: entry.object_type.as_str().to_string(),
            object_id: entry.object_id,
            details: entry.details.to_string(),
            ip: telemetry::current_client(),
        })
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor_id: Option<String>,
    pub action: Option<AuditAction>,
    pub object_id: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub before: Option<NaiveDateTime>,
    /// Where the previous page (newest first) ended.
    pub after: Option<Cursor>,
    pub limit: i64,
}

/// Entries matching `q`, newest first; the id breaks ties so pages never
/// overlap or skip.
pub fn list(conn: &mut DbConn, q: &AuditQuery) -> Result<Vec<AuditRow>, ApiError> {
    use audit_log::dsl as a;
    let mut query = audit_log::table.into_boxed();
    if let Some(actor) = &q.actor_id {
        query = query.filter(a::actor_id.eq(actor));
    }
    if let Some(action) = q.action {
        query = query.filter(a::action.eq(action.as_str()));
    }
    if let Some(object) = &q.object_id {
        query = query.filter(a::object_id.eq(object));
    }
    if let Some(from) = q.from {
        query = query.filter(a::occurred_at.ge(from));
    }
    if let Some(before) = q.before {
        query = query.filter(a::occurred_at.lt(before));
    }
    if let Some(after) = &q.after {
        let (at, id) = (after.at, after.id.clone());
        query = query.filter(
            a::occurred_at
                .lt(at)
                .or(a::occurred_at.eq(at).and(a::id.lt(id))),
        );
    }
    Ok(query
        .order((a::occurred_at.desc(), a::id.desc()))
        .limit(q.limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}
