//! Administration: users and who reports to whom, divisions, categories
//! and the holiday calendar. Admins only.

pub mod categories;
pub mod divisions;
pub mod holidays;
pub mod users;

use actix_web::web;
use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer, Serialize};

use crate::auth::Staff;
use crate::db::audit::{self, AuditEntry};
use crate::db::DbConn;
use crate::domain::audit::{AuditAction, ObjectType};
use crate::error::ApiError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(users::list)
        .service(users::create)
        .service(users::show)
        .service(users::update)
        .service(divisions::create)
        .service(divisions::update)
        .service(categories::list)
        .service(categories::create)
        .service(categories::update)
        .service(holidays::list)
        .service(holidays::create)
        .service(holidays::remove)
        .service(holidays::sets)
        .service(holidays::update_set);
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(
    users::list,
    users::create,
    users::show,
    users::update,
    divisions::create,
    divisions::update,
    categories::list,
    categories::create,
    categories::update,
    holidays::list,
    holidays::create,
    holidays::remove,
    holidays::sets,
    holidays::update_set,
))]
pub struct AdminDoc;

/// Records an admin's change in the audit log, in the transaction that
/// makes it, with the object as it is afterwards.
pub fn audit_change(
    conn: &mut DbConn,
    at: NaiveDateTime,
    admin: &Staff,
    action: AuditAction,
    object: (ObjectType, &str),
    after: &impl Serialize,
) -> Result<(), ApiError> {
    let after = serde_json::to_value(after).map_err(anyhow::Error::from)?;
    audit::record(
        conn,
        at,
        AuditEntry::new(action, object.0, Some(object.1))
            .by(&admin.id, admin.role)
            .details(serde_json::json!({ "after": after })),
    )
}

/// For PATCH bodies: tells "absent" (leave as is) from `null` (clear).
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
