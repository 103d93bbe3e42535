//! Complaints as staff see them: intake, inbox, detail, lifecycle actions,
//! identity reveal and attachment download. Citizens use `http::tracking`.

pub mod actions;
pub mod identity;
pub mod input;
pub mod list;
pub mod read;
pub mod record;
pub mod submit;
pub mod views;

use actix_web::http::header;
use actix_web::HttpRequest;

use crate::auth::Staff;
use crate::db::complaints::{self as rows, ComplaintRow};
use crate::db::DbConn;
use crate::error::ApiError;

/// Loads a complaint the staff member may see. Division staff see only
/// complaints dispositioned to their division; anything else is "not found",
/// so they cannot even learn that it exists.
pub fn load_visible(conn: &mut DbConn, staff: &Staff, id: &str) -> Result<ComplaintRow, ApiError> {
    let row = rows::find(conn, id)?.ok_or(ApiError::NotFound("complaint"))?;
    if may_see(staff, &row) {
        Ok(row)
    } else {
        Err(ApiError::NotFound("complaint"))
    }
}

pub fn may_see(staff: &Staff, row: &ComplaintRow) -> bool {
    staff.role.sees_all_complaints()
        || (row.division_id.is_some() && row.division_id == staff.division_id)
}

/// The version a change was based on: `If-Match` (answered with 412 when
/// stale) or `version` in the body (answered with 409).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    IfMatch(i32),
    Body(i32),
    None,
}

impl Precondition {
    pub fn from_request(
        req: &HttpRequest,
        body_version: Option<i32>,
    ) -> Result<Precondition, ApiError> {
        if let Some(value) = req.headers().get(header::IF_MATCH) {
            let text = value
                .to_str()
                .map_err(|_| ApiError::BadRequest("If-Match is not readable".into()))?;
            return parse_etag(text).map(Precondition::IfMatch).ok_or_else(|| {
                ApiError::BadRequest(format!("If-Match '{text}' is not an ETag of this API"))
            });
        }
        Ok(body_version
            .map(Precondition::Body)
            .unwrap_or(Precondition::None))
    }

    /// Checks a change against the stored version; `required` is false for
    /// appends (notes, replies) that overwrite nothing.
    pub fn check(self, current: i32, required: bool) -> Result<(), ApiError> {
        match self {
            Precondition::IfMatch(v) if v != current => {
                Err(ApiError::PreconditionFailed { current })
            }
            Precondition::Body(v) if v != current => Err(ApiError::VersionConflict { current }),
            Precondition::None if required => Err(ApiError::PreconditionRequired),
            _ => Ok(()),
        }
    }

    /// The error for a version that changed between read and write.
    pub fn stale(self, current: i32) -> ApiError {
        match self {
            Precondition::IfMatch(_) => ApiError::PreconditionFailed { current },
            _ => ApiError::VersionConflict { current },
        }
    }
}

pub fn etag(version: i32) -> String {
    format!("\"v{version}\"")
}

fn parse_etag(text: &str) -> Option<i32> {
    let text = text.trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.trim_matches('"').strip_prefix('v')?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_round_trip() {
        assert_eq!(parse_etag(&etag(7)), Some(7));
        assert_eq!(parse_etag("W/\"v12\""), Some(12));
        assert_eq!(parse_etag("\"12\""), None);
        assert_eq!(parse_etag("*"), None);
    }

    #[test]
    fn stale_versions_are_refused_by_kind() {
        assert!(matches!(
            Precondition::IfMatch(1).check(2, true),
            Err(ApiError::PreconditionFailed { current: 2 })
        ));
        assert!(matches!(
            Precondition::Body(1).check(2, true),
            Err(ApiError::VersionConflict { current: 2 })
        ));
        assert!(matches!(
            Precondition::None.check(2, true),
            Err(ApiError::PreconditionRequired)
        ));
        assert!(Precondition::None.check(2, false).is_ok());
        assert!(Precondition::IfMatch(2).check(2, true).is_ok());
    }
}
