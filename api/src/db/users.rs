//! Staff accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::users;
use super::DbConn;
use crate::domain::Role;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub password_hash: String,
    pub role: String,
    pub division_id: Option<String>,
    pub supervisor_id: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl UserRow {
    pub fn role(&self) -> Result<Role, ApiError> {
        self.role.parse().map_err(|e| {
            ApiError::Internal(anyhow::anyhow!("user {} has a bad role: {e}", self.id))
        })
    }
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<UserRow>, ApiError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_username(conn: &mut DbConn, username: &str) -> Result<Option<UserRow>, ApiError> {
    Ok(users::table
        .filter(users::username.eq(username.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn list(conn: &mut DbConn) -> Result<Vec<UserRow>, ApiError> {
    Ok(users::table
        .order(users::username.asc())
        .select(UserRow::as_select())
        .load(conn)?)
}

pub fn count(conn: &mut DbConn) -> Result<i64, ApiError> {
    Ok(users::table.count().get_result(conn)?)
}

pub fn insert(conn: &mut DbConn, row: &UserRow) -> Result<(), ApiError> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => ApiError::field(
                "username",
                "taken",
                format!("the username '{}' is taken", row.username),
            ),
            other => other,
        })?;
    Ok(())
}

pub fn save(conn: &mut DbConn, row: &UserRow) -> Result<(), ApiError> {
    diesel::update(users::table.find(&row.id))
        .set(row)
        .execute(conn)?;
    Ok(())
}

/// The chain of supervision above a user (seed b.4), nearest first. Stops at a
/// loop, which the admin endpoints prevent but old data must not hang on.
pub fn supervisors_of(conn: &mut DbConn, user_id: &str) -> Result<Vec<UserRow>, ApiError> {
    let mut chain: Vec<UserRow> = Vec::new();
    let mut next = find(conn, user_id)?.and_then(|u| u.supervisor_id);
    while let Some(id) = next {
        if id == user_id || chain.iter().any(|u| u.id == id) {
            break;
        }
        let Some(user) = find(conn, &id)? else { break };
        next = user.supervisor_id.clone();
        chain.push(user);
    }
    Ok(chain)
}

/// Active users holding any of `roles`.
pub fn active_with_roles(conn: &mut DbConn, roles: &[Role]) -> Result<Vec<UserRow>, ApiError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any(roles.iter().map(|r| r.as_str())))
        .order(users::username.asc())
        .select(UserRow::as_select())
        .load(conn)?)
}

/// Active staff of a division.
pub fn active_division_staff(
    conn: &mut DbConn,
    division_id: &str,
) -> Result<Vec<UserRow>, ApiError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq(Role::DivisionStaff.as_str()))
        .filter(users::division_id.eq(division_id))
        .order(users::username.asc())
        .select(UserRow::as_select())
        .load(conn)?)
}
