//! What staff are told in the app, each row one person's.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::complaints::Cursor;
use super::schema::notifications;
use super::DbConn;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: String,
    pub user_id: String,
    pub complaint_id: String,
    pub kind: String,
    pub title: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, rows: &[NotificationRow]) -> Result<(), ApiError> {
    for row in rows {
        diesel::insert_into(notifications::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// A user's notifications, newest first, after `after`.
pub fn page(
    conn: &mut DbConn,
    user_id: &str,
    unread_only: bool,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<NotificationRow>, ApiError> {
    use notifications::dsl as n;
    let mut query = n::notifications.filter(n::user_id.eq(user_id)).into_boxed();
    if unread_only {
        query = query.filter(n::read_at.is_null());
    }
    if let Some(after) = after {
        query = query.filter(
            n::created_at
                .lt(after.at)
                .or(n::created_at.eq(after.at).and(n::id.lt(after.id.clone()))),
        );
    }
    Ok(query
        .order((n::created_at.desc(), n::id.desc()))
        .limit(limit)
        .select(NotificationRow::as_select())
        .load(conn)?)
}

pub fn unread_count(conn: &mut DbConn, user_id: &str) -> Result<i64, ApiError> {
    use notifications::dsl as n;
    Ok(n::notifications
        .filter(n::user_id.eq(user_id))
        .filter(n::read_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks one of the user's notifications read (keeping the first reading's
/// time); `None` when it is not theirs.
pub fn mark_read(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    at: NaiveDateTime,
) -> Result<Option<NotificationRow>, ApiError> {
    use notifications::dsl as n;
    diesel::update(
        n::notifications
            .find(id)
            .filter(n::user_id.eq(user_id))
            .filter(n::read_at.is_null()),
    )
    .set(n::read_at.eq(at))
    .execute(conn)?;
    Ok(n::notifications
        .find(id)
        .filter(n::user_id.eq(user_id))
        .select(NotificationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks all the user's notifications read; returns how many were unread.
pub fn mark_all_read(
    conn: &mut DbConn,
    user_id: &str,
    at: NaiveDateTime,
) -> Result<usize, ApiError> {
    use notifications::dsl as n;
    Ok(diesel::update(
        n::notifications
            .filter(n::user_id.eq(user_id))
            .filter(n::read_at.is_null()),
    )
    .set(n::read_at.eq(at))
    .execute(conn)?)
}
