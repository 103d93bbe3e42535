//! The reporters' evaluations (seed b.8).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::evaluations;
use super::DbConn;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = evaluations)]
pub struct EvaluationRow {
    pub complaint_id: String,
    pub overall: i32,
    /// Element scores as a JSON object (`{"time": 3, ...}`).
    pub scores: String,
    pub comment: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, complaint_id: &str) -> Result<Option<EvaluationRow>, ApiError> {
    Ok(evaluations::table
        .find(complaint_id)
        .select(EvaluationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Records an evaluation; a second one for the same complaint is a conflict.
pub fn insert(conn: &mut DbConn, row: &EvaluationRow) -> Result<(), ApiError> {
    diesel::insert_into(evaluations::table)
        .values(row)
        .execute(conn)
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => {
                ApiError::Conflict("this complaint has been evaluated already".into())
            }
            other => other,
        })?;
    Ok(())
}
